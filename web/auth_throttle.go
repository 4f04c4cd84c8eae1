package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/securecookie"

	"factdrill/db"
)

// Limits on guessing are kept in the database (db.Store.Take), so that
// they hold across servers; each try is recorded before the work it
// guards, and taken back when it was right, so that only wrong tries
// count and tries made at once cannot slip past a limit together.
//
// Teacher logins slow password guessing without letting anyone keep a
// teacher out. Failures count per name and where the try comes from:
//
//   - from a browser where the teacher logged in before, which carries a
//     device cookie for their name (signed, a year long, sent only to
//     /login): per name and device, after 10 failures, a wait of 1 s
//     doubling with each failure to at most 5 minutes;
//   - from any other browser: per name and address, after 5 failures, the
//     same backoff; and per address, whatever the name, after 100 (a
//     school behind one address has a lot of room).
//
// Failures count for 15 minutes; a login that succeeds forgets those of
// its name (not of its address). There is no limit per name alone: one
// would let anyone, anywhere, slow a chosen teacher down. Guessing from
// many addresses at once is bounded instead by the store's budget for
// password checks, a few at a time for the whole server (see
// db.Store.Authenticate). So what others try never slows a teacher on
// their usual browser, nor from their own address.
const (
	loginForget  = 15 * time.Minute
	loginMaxWait = 5 * time.Minute
	// deviceCookie names the device cookie; deviceLife is how long it is
	// good for.
	deviceCookie = "factdrill_device"
	deviceLife   = 365 * 24 * time.Hour
)

// Tries of codes allowed in a minute, per address: wrong resume codes,
// wrong join codes.
const (
	resumeTries     = 10
	wrongJoinCodes  = 20
	limiterDuration = time.Minute
)

// loginName is a login name as the limits key it: its spaces made one,
// in lower case, as names are unique whatever their case.
func loginName(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// loginLimits are the limits a login for name must pass: from a known
// device (non-empty device), or else from addr.
func loginLimits(name, addr, device string) []db.Limit {
	name = loginName(name)
	backoff := func(kind string, free int, key ...string) db.Limit {
		return db.Limit{Kind: kind, Key: db.LimitKey(key...), Free: free, Period: loginForget, Backoff: true, MaxWait: loginMaxWait}
	}
	if device != "" {
		return []db.Limit{backoff("login-device", 10, name, device)}
	}
	return []db.Limit{
		backoff("login-pair", 5, name, addr),
		backoff("login-address", 100, addr),
	}
}

// forgetOnSuccess are the limits whose failures a successful login
// forgets: all but the address's.
func forgetOnSuccess(limits []db.Limit) []db.Limit {
	var out []db.Limit
	for _, l := range limits {
		if l.Kind != "login-address" {
			out = append(out, l)
		}
	}
	return out
}

// codeLimit limits tries of a code (resume, join) per address: only
// wrong ones stay counted.
func codeLimit(kind, addr string, free int) db.Limit {
	return db.Limit{Kind: kind, Key: addr, Free: free, Period: limiterDuration}
}

// knownDevice returns the device id of the request's device cookie if the
// cookie is this site's and was given to a login of name; "" otherwise.
func (s *Server) knownDevice(r *http.Request, name string) string {
	c, err := r.Cookie(deviceCookie)
	if err != nil {
		return ""
	}
	var v string
	if err := securecookie.DecodeMulti(deviceCookie, c.Value, &v, s.deviceCodecs...); err != nil {
		return ""
	}
	who, device, ok := strings.Cut(v, "\x00")
	if !ok || who != loginName(name) || device == "" {
		return ""
	}
	return device
}

// rememberDevice gives the browser a device cookie for name, unless it
// has one.
func (s *Server) rememberDevice(w http.ResponseWriter, r *http.Request, name string) error {
	if s.knownDevice(r, name) != "" {
		return nil
	}
	var b [16]byte
	rand.Read(b[:])
	v, err := securecookie.EncodeMulti(deviceCookie, loginName(name)+"\x00"+hex.EncodeToString(b[:]), s.deviceCodecs...)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: v, Path: "/login", MaxAge: int(deviceLife.Seconds()),
		HttpOnly: true, Secure: s.cfg.SecureCookies || r.TLS != nil, SameSite: http.SameSiteStrictMode})
	return nil
}

// releaseTries takes back tries that were not the user's failure (the
// check could not be made): on its own context, as the request's may be
// over.
func (s *Server) releaseTries(r *http.Request, t db.Tries) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 5*time.Second)
	defer cancel()
	if err := s.store.Release(ctx, t); err != nil {
		s.log.Warn("release tries", "err", err)
	}
}
