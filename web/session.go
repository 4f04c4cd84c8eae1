package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"

	"factdrill/db"
	"factdrill/questions"
)

// A browser's session is a gorilla/sessions session kept by sessionStore,
// a sessions.Store of server-side sessions, as gorilla's own
// FilesystemStore is: the cookie holds only the session's id, a random
// token signed and encrypted with keys generated on first start and kept
// in the database (so that a restart logs no one out), and the session is
// a row of the sessions table, found by the token's SHA-256, where logout
// and expiry are enforced. Its one value is the row's, a *db.Session (the
// learner and the teacher). The rest of the package asks for them through
// learnerOf and teacherOf, never for cookie values.
const (
	cookieName   = "factdrill"
	keysSetting  = "session_keys"
	hashKeyBytes = 64
	encKeyBytes  = 32
	// whoKey holds the session's row, a *db.Session; none in a session
	// not stored yet.
	whoKey = "who"
)

// teacherLogin is how long a teacher stays logged in: two hours without a
// request, twelve at most.
var teacherLogin = db.TeacherLogin{Idle: 2 * time.Hour, MaxAge: 12 * time.Hour}

type sessionStore struct {
	db     *db.Store
	codecs []securecookie.Codec
	// keys are the hash and encryption keys of the codecs.
	keys []byte
	// options are the cookie's; tlsOptions the same, Secure, for a request
	// that came over TLS. Sessions share them: endSession copies them
	// before changing them.
	options, tlsOptions sessions.Options
	// ttl is how long a session lasts without use.
	ttl time.Duration
}

func newSessionStore(ctx context.Context, store *db.Store, cfg Config) (*sessionStore, error) {
	keys, err := store.SettingOrInit(ctx, keysSetting, func() []byte {
		return securecookie.GenerateRandomKey(hashKeyBytes + encKeyBytes)
	})
	if err != nil {
		return nil, fmt.Errorf("web: session keys: %w", err)
	}
	if len(keys) != hashKeyBytes+encKeyBytes {
		return nil, fmt.Errorf("web: session keys: stored keys are %d bytes, want %d", len(keys), hashKeyBytes+encKeyBytes)
	}
	st := &sessionStore{
		db:     store,
		keys:   keys,
		codecs: securecookie.CodecsFromPairs(keys[:hashKeyBytes], keys[hashKeyBytes:]),
		options: sessions.Options{
			Path:     "/",
			MaxAge:   int(cfg.SessionTTL.Seconds()),
			HttpOnly: true,
			Secure:   cfg.SecureCookies,
			SameSite: http.SameSiteLaxMode,
		},
		ttl: cfg.SessionTTL,
	}
	st.tlsOptions = st.options
	st.tlsOptions.Secure = true
	for _, c := range st.codecs {
		sc := c.(*securecookie.SecureCookie)
		sc.MaxAge(st.options.MaxAge)
		// The value is the token's bytes: no serializer has work to do.
		sc.SetSerializer(securecookie.NopEncoder{})
	}
	return st, nil
}

// deviceCodecs are codecs with the session's keys for the teachers' device
// cookies, which last a year.
func (st *sessionStore) deviceCodecs() []securecookie.Codec {
	codecs := securecookie.CodecsFromPairs(st.keys[:hashKeyBytes], st.keys[hashKeyBytes:])
	for _, c := range codecs {
		c.(*securecookie.SecureCookie).MaxAge(int(deviceLife.Seconds()))
	}
	return codecs
}

// Get returns the request's session, read once per request.
func (st *sessionStore) Get(r *http.Request, name string) (*sessions.Session, error) {
	return sessions.GetRegistry(r).Get(st, name)
}

// New returns the session the request's cookie names, if it is live; else
// a new session (IsNew) with neither learner nor teacher. A cookie that
// does not verify is no session at all.
func (st *sessionStore) New(r *http.Request, name string) (*sessions.Session, error) {
	s := sessions.NewSession(st, name)
	s.Options, s.IsNew = &st.options, true
	if r.TLS != nil {
		s.Options = &st.tlsOptions
	}
	c, err := r.Cookie(name)
	if err != nil {
		return s, nil
	}
	var token []byte
	if err := securecookie.DecodeMulti(name, c.Value, &token, st.codecs...); err != nil {
		return s, nil
	}
	row, err := st.db.Session(r.Context(), string(token), st.ttl)
	if errors.Is(err, questions.ErrNotFound) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	s.ID, s.IsNew = string(token), false
	s.Values[whoKey] = &row
	return s, nil
}

// Save stores the session. A session without an id gets a new row (and
// so a new id) for its learner and teacher, and the browser its cookie; a
// session with an id is one that was given a learner (a teacher's, whose
// browser starts a quiz), which its row learns while its cookie stays. A
// negative MaxAge ends the session: the row is deleted, so that a copy of
// the cookie opens nothing, and the cookie is cleared.
func (st *sessionStore) Save(r *http.Request, w http.ResponseWriter, s *sessions.Session) error {
	ctx := r.Context()
	var who db.Session
	if p, ok := s.Values[whoKey].(*db.Session); ok {
		who = *p
	}
	learner, teacher := who.Learner, who.Teacher
	switch {
	case s.Options.MaxAge < 0:
		if s.ID != "" {
			if err := st.db.DeleteSession(ctx, s.ID); err != nil {
				return err
			}
		}
		http.SetCookie(w, sessions.NewCookie(s.Name(), "", s.Options))
		return nil
	case s.ID != "":
		return st.db.AttachLearner(ctx, s.ID, learner.ID)
	}
	var (
		token string
		err   error
	)
	if teacher.ID != 0 {
		token, err = st.db.CreateTeacherSession(ctx, teacher.ID, learner.ID, st.ttl, teacherLogin)
	} else {
		token, err = st.db.CreateSession(ctx, learner.ID, st.ttl)
	}
	if err != nil {
		return err
	}
	encoded, err := securecookie.EncodeMulti(s.Name(), []byte(token), st.codecs...)
	if err != nil {
		return fmt.Errorf("web: session cookie: %w", err)
	}
	s.ID, s.IsNew = token, false
	http.SetCookie(w, sessions.NewCookie(s.Name(), encoded, s.Options))
	return nil
}

// sessionKey is the request context's key for the request's session, put
// there once by Server.handle.
type sessionKey struct{}

// sessionOf is the request's session.
func sessionOf(r *http.Request) *sessions.Session {
	s, _ := r.Context().Value(sessionKey{}).(*sessions.Session)
	if s == nil {
		panic("web: a handler ran without its session: route it through Server.handle")
	}
	return s
}

// whoOf is who the request's session stands for.
func whoOf(r *http.Request) db.Session {
	if p, ok := sessionOf(r).Values[whoKey].(*db.Session); ok {
		return *p
	}
	return db.Session{}
}

// learnerOf is the request's learner; the zero Learner (ID 0) for a
// visitor not known yet.
func learnerOf(r *http.Request) db.Learner { return whoOf(r).Learner }

// teacherOf is the teacher logged in on the request's session; the zero
// Teacher (ID 0) for none.
func teacherOf(r *http.Request) db.Teacher { return whoOf(r).Teacher }

// ensureLearner returns the request's learner, making one on first use.
// Only handlers of POST requests call it: a learner is made by doing
// something, never by looking. A teacher's session without a learner
// gets one and stays the same session; anyone else gets a new session.
func (s *Server) ensureLearner(w http.ResponseWriter, r *http.Request) (db.Learner, error) {
	if l := learnerOf(r); l.ID != 0 {
		return l, nil
	}
	if ok, err := s.anon.learners.Take(r.Context(), addressKey(r)); err != nil || !ok {
		return db.Learner{}, cmp.Or(err, errTooManyWrites)
	}
	l, err := s.store.CreateLearner(r.Context())
	if err != nil {
		return db.Learner{}, err
	}
	sess := sessionOf(r)
	if !sess.IsNew {
		who := whoOf(r)
		who.Learner = l
		sess.Values[whoKey] = &who
		err := sess.Save(r, w)
		if !errors.Is(err, questions.ErrNotFound) {
			return l, err
		}
	}
	return l, s.startSession(w, r, l, db.Teacher{})
}

// startSession gives the browser a new session for the learner and the
// teacher (either may be zero), ending the one it had: the id changes at
// every change of who the browser is.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, l db.Learner, t db.Teacher) error {
	sess := sessionOf(r)
	if sess.ID != "" {
		if err := s.store.DeleteSession(r.Context(), sess.ID); err != nil {
			return err
		}
	}
	sess.ID, sess.IsNew = "", true
	sess.Values[whoKey] = &db.Session{Learner: l, Teacher: t}
	return sess.Save(r, w)
}

// endSession logs the browser out, whoever is logged in.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request) error {
	sess := sessionOf(r)
	opts := *sess.Options
	opts.MaxAge = -1
	sess.Options = &opts
	return sess.Save(r, w)
}
