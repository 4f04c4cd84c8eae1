package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"

	"factdrill/db"
	"factdrill/questions"
)

// The session cookie holds only a random token, signed and encrypted with
// keys generated on first start and kept in the database, so that a restart
// logs no one out. What the token stands for lives in the sessions table,
// where logout and expiry are enforced.
const (
	cookieName   = "factdrill"
	tokenKey     = "token"
	keysSetting  = "session_keys"
	hashKeyBytes = 64
	encKeyBytes  = 32
)

func newCookieStore(ctx context.Context, store *db.Store, cfg Config) (*sessions.CookieStore, error) {
	keys, err := store.SettingOrInit(ctx, keysSetting, func() []byte {
		k := make([]byte, hashKeyBytes+encKeyBytes)
		rand.Read(k)
		return k
	})
	if err != nil {
		return nil, fmt.Errorf("web: session keys: %w", err)
	}
	if len(keys) != hashKeyBytes+encKeyBytes {
		return nil, fmt.Errorf("web: session keys: stored keys are %d bytes, want %d", len(keys), hashKeyBytes+encKeyBytes)
	}
	c := sessions.NewCookieStore(keys[:hashKeyBytes], keys[hashKeyBytes:])
	c.Options = &sessions.Options{
		Path:     "/",
		MaxAge:   int(cfg.SessionTTL.Seconds()),
		HttpOnly: true,
		Secure:   cfg.SecureCookies,
		SameSite: http.SameSiteLaxMode,
	}
	c.MaxAge(c.Options.MaxAge) // also bounds the signed value's age
	for _, codec := range c.Codecs {
		if sc, ok := codec.(*securecookie.SecureCookie); ok {
			sc.SetSerializer(tokenSerializer{})
		}
	}
	return c, nil
}

// tokenSerializer writes the cookie's only value, the token, as its bytes.
// gorilla's default, gob, spends more decoding each request's cookie than
// the rest of a page's session handling together.
type tokenSerializer struct{}

func (tokenSerializer) Serialize(src any) ([]byte, error) {
	m, ok := src.(map[any]any)
	if !ok || len(m) > 1 {
		return nil, errors.New("web: the session cookie holds only the token")
	}
	t, _ := m[tokenKey].(string)
	return []byte(t), nil
}

func (tokenSerializer) Deserialize(src []byte, dst any) error {
	m, ok := dst.(*map[any]any)
	if !ok {
		return errors.New("web: session cookie: unexpected destination")
	}
	*m = map[any]any{tokenKey: string(src)}
	return nil
}

// sessionToken returns the token in the request's cookie, "" if there is
// none or it does not verify. Cookies verified once are remembered (see
// verifiedCookies), so that a browser's every request does not pay for
// checking the same signature again.
func (s *Server) sessionToken(r *http.Request) string {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return ""
	}
	if t, ok := s.verified.get(c.Value); ok {
		return t
	}
	values := map[any]any{}
	if err := securecookie.DecodeMulti(cookieName, c.Value, &values, s.cookies.Codecs...); err != nil {
		return ""
	}
	t, _ := values[tokenKey].(string)
	s.verified.put(c.Value, t)
	return t
}

// verifiedCookies remembers the tokens of cookie values whose signature was
// checked. A verified value stays valid; what it stands for is still looked
// up (and expired, or logged out) in the sessions table. Entries last an
// hour, past which the value is checked again, its age included.
type verifiedCookies struct {
	mu sync.Mutex
	m  map[string]verifiedCookie
	// now is the server's clock.
	now func() time.Time
}

type verifiedCookie struct {
	token string
	at    time.Time
}

const verifiedFor = time.Hour

func (v *verifiedCookies) get(value string) (string, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	e, ok := v.m[value]
	if !ok || v.now().Sub(e.at) >= verifiedFor {
		return "", false
	}
	return e.token, true
}

func (v *verifiedCookies) put(value, token string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.m == nil || len(v.m) >= 50000 {
		v.m = map[string]verifiedCookie{}
	}
	v.m[value] = verifiedCookie{token, v.now()}
}

// currentSession returns the server-side session of the request, if it has
// a live one.
func (s *Server) currentSession(r *http.Request) (db.Session, bool, error) {
	token := s.sessionToken(r)
	if token == "" {
		return db.Session{}, false, nil
	}
	sess, err := s.store.Session(r.Context(), token, s.cfg.SessionTTL)
	if errors.Is(err, questions.ErrNotFound) {
		return db.Session{}, false, nil
	}
	return sess, err == nil, err
}

// learner returns the learner of the request's session, if there is one.
func (s *Server) learner(r *http.Request) (db.Learner, bool, error) {
	sess, ok, err := s.currentSession(r)
	if !ok || sess.LearnerID == 0 {
		return db.Learner{}, false, err
	}
	l, err := s.store.Learner(r.Context(), sess.LearnerID)
	if errors.Is(err, questions.ErrNotFound) {
		return db.Learner{}, false, nil
	}
	return l, err == nil, err
}

// learnerID returns the id of the request's learner, 0 if there is none.
// It does not read the learner row: the cheap check for hot pages.
func (s *Server) learnerID(r *http.Request) (int64, error) {
	sess, ok, err := s.currentSession(r)
	if !ok {
		return 0, err
	}
	return sess.LearnerID, nil
}

// ensureLearner returns the request's learner, creating one with a new
// session on first use. Only handlers of POST requests call it: a learner
// is made by doing something, never by looking.
func (s *Server) ensureLearner(w http.ResponseWriter, r *http.Request) (db.Learner, error) {
	l, ok, err := s.learner(r)
	if err != nil || ok {
		return l, err
	}
	l, err = s.store.CreateLearner(r.Context())
	if err != nil {
		return db.Learner{}, err
	}
	// A teacher's session without a learner gets one: the teacher stays
	// logged in.
	if token := s.sessionToken(r); token != "" {
		err := s.store.AttachLearner(r.Context(), token, l.ID)
		if err == nil || !errors.Is(err, questions.ErrNotFound) {
			return l, err
		}
	}
	return l, s.startSession(w, r, l.ID)
}

// startSession gives the browser a new session for the learner, ending the
// one it had: a new token at every change of identity.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, learnerID int64) error {
	if old := s.sessionToken(r); old != "" {
		if err := s.store.DeleteSession(r.Context(), old); err != nil {
			return err
		}
	}
	token, err := s.store.CreateSession(r.Context(), learnerID, s.cfg.SessionTTL)
	if err != nil {
		return err
	}
	c, _ := s.cookies.New(r, cookieName)
	c.Values[tokenKey] = token
	if r.TLS != nil {
		c.Options.Secure = true
	}
	return c.Save(r, w)
}

// teacherLogin is how long a teacher stays logged in: two hours without a
// request, twelve at most.
var teacherLogin = db.TeacherLogin{Idle: 2 * time.Hour, MaxAge: 12 * time.Hour}

// teacher returns the teacher logged in on the request's session, if any.
func (s *Server) teacher(r *http.Request) (db.Teacher, bool, error) {
	token := s.sessionToken(r)
	if token == "" {
		return db.Teacher{}, false, nil
	}
	t, err := s.store.SessionTeacher(r.Context(), token)
	if errors.Is(err, questions.ErrNotFound) {
		return db.Teacher{}, false, nil
	}
	return t, err == nil, err
}

// startTeacherSession logs the teacher in with a new session token, ending
// the browser's old session: the token changes at every login. The
// browser's learner, if it has one, carries over.
func (s *Server) startTeacherSession(w http.ResponseWriter, r *http.Request, teacherID int64) error {
	learnerID, err := s.learnerID(r)
	if err != nil {
		return err
	}
	if old := s.sessionToken(r); old != "" {
		if err := s.store.DeleteSession(r.Context(), old); err != nil {
			return err
		}
	}
	token, err := s.store.CreateTeacherSession(r.Context(), teacherID, learnerID, s.cfg.SessionTTL, teacherLogin)
	if err != nil {
		return err
	}
	c, _ := s.cookies.New(r, cookieName)
	c.Values[tokenKey] = token
	if r.TLS != nil {
		c.Options.Secure = true
	}
	return c.Save(r, w)
}

// endSession logs the browser out: its session row is deleted, so the
// cookie opens nothing even if it was copied, and the cookie is cleared.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request) error {
	if old := s.sessionToken(r); old != "" {
		if err := s.store.DeleteSession(r.Context(), old); err != nil {
			return err
		}
	}
	c, _ := s.cookies.New(r, cookieName)
	c.Options.MaxAge = -1
	return c.Save(r, w)
}
