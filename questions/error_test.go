package questions

import (
	"errors"
	"fmt"
	"testing"
)

var errorCases = []struct {
	name     string
	err      error
	code     Code
	message  string
	notFound bool
}{
	{"nil", nil, "", "", false},
	{"plain", errors.New("disk on fire"), CodeInternal, "", false},
	{"sentinel", ErrNotFound, CodeNotFound, "", true},
	{"wrapped sentinel", fmt.Errorf("db: class 3: %w", ErrNotFound), CodeNotFound, "", true},
	{"message", Errorf(CodeInvalid, "the name is longer than %d characters", 60), CodeInvalid, "The name is longer than 60 characters.", false},
	{"wrapped message", fmt.Errorf("db: rename: %w", Errorf(CodeNotFound, "no class has this code")), CodeNotFound, "No class has this code.", true},
	{"ends with a stop", Errorf(CodeTooMany, "Wait a minute. Then try again!"), CodeTooMany, "Wait a minute. Then try again!", false},
	{"file error", FileError{File: "a.gift", Line: 3, Col: 2, Msg: "missing }"}, CodeInvalid, "A.gift:3:2: missing }.", false},
	{"error list", fmt.Errorf("import: %w", ErrorList{{File: "b.txt", Msg: "the file is empty"}}), CodeInvalid, "B.txt: the file is empty.", false},
}

func TestErrorCode(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			if got := ErrorCode(c.err); got != c.code {
				t.Errorf("ErrorCode(%v) = %q, want %q", c.err, got, c.code)
			}
			if got := ErrorMessage(c.err); got != c.message {
				t.Errorf("ErrorMessage(%v) = %q, want %q", c.err, got, c.message)
			}
			if got := errors.Is(c.err, ErrNotFound); got != c.notFound {
				t.Errorf("errors.Is(%v, ErrNotFound) = %v, want %v", c.err, got, c.notFound)
			}
		})
	}
}

// A sentinel with a message matches only itself: Is compares codes only
// for targets without one.
func TestError_IsNeedsBareTarget(t *testing.T) {
	target := Errorf(CodeNotFound, "no such set")
	if errors.Is(ErrNotFound, target) {
		t.Error("ErrNotFound matches a not-found error with a message, want only bare targets to match by code")
	}
	if errors.Is(ErrConflict, ErrNotFound) {
		t.Error("ErrConflict matches ErrNotFound")
	}
}
