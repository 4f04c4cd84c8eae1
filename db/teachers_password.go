package db

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"factdrill/questions"

	"golang.org/x/crypto/argon2"
)

// Passwords are hashed with argon2id at the parameters OWASP recommends
// for it (19 MiB, 2 passes, 1 lane): about 30 ms a check on a small
// server, slow enough to make a stolen database expensive to crack.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Limits on passwords. The maximum keeps a login form from being used to
// make the server hash megabytes.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
)

var b64 = base64.RawStdEncoding

// hashPassword returns the PHC string of an argon2id hash of password with
// a fresh salt.
func hashPassword(password string) string {
	salt := make([]byte, argonSaltLen)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key))
}

// checkPassword reports whether password matches the PHC string hash, in
// time that does not depend on where they differ.
func checkPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var (
		version   int
		mem, time uint32
		threads   uint8
	)
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &time, &threads); err != nil {
		return false
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, time, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked against when a login names no teacher, so that an
// unknown name takes as long to refuse as a wrong password: the same
// work, under the same budget (see Store.hashing), so that a server busy
// with other work slows both alike.
var dummyHash = sync.OnceValue(func() string { return hashPassword("factdrill: no such teacher") })

// The password hashing budget. An argon2id hash takes 19 MiB and tens of
// milliseconds of a core: at most one per two cores runs at once (one on
// a small server), and a request that finds them all taken waits a
// little, then is refused as busy, so that parallel logins can exhaust
// neither memory nor the cores, and pages are served meanwhile.
var (
	defaultHashSlots = max(1, runtime.NumCPU()/2)
	defaultHashWait  = 2 * time.Second
)

// errHashBusy answers a password check that found no room in the budget.
var errHashBusy = questions.Errorf(questions.CodeUnavailable, "the server is busy checking other passwords: please try again in a moment")

// SetHashBudget sets how many password hashes may run at once, and how
// long a hash waits for room before it is refused. Set it before the store
// is shared.
func (s *Store) SetHashBudget(slots int, wait time.Duration) {
	s.hashes, s.hashWait = make(chan struct{}, slots), wait
}

// hashing runs fn, a password hash or check, within the budget: it waits
// for a free slot at most the budget's wait, else returns errHashBusy
// without running fn.
func (s *Store) hashing(ctx context.Context, fn func()) error {
	t := time.NewTimer(s.hashWait)
	defer t.Stop()
	select {
	case s.hashes <- struct{}{}:
	case <-t.C:
		return errHashBusy
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.hashes }()
	fn()
	return nil
}

// CheckNewPassword says what is wrong with a password chosen by a teacher,
// as an invalid-input error; nil when it will do.
func CheckNewPassword(password string) error {
	n := len([]rune(password))
	switch {
	case n < MinPasswordLen:
		return invalid("the password must have at least %d characters", MinPasswordLen)
	case len(password) > MaxPasswordLen:
		return invalid("the password must have at most %d bytes", MaxPasswordLen)
	case strings.TrimSpace(password) == "":
		return invalid("the password cannot be only spaces")
	}
	return nil
}
