package questions

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is factdrill's one error vocabulary: an Error with a Code that
// says what kind of failure it is, used by every package. It lives here
// because questions is the package all the others import and that imports
// nothing of ours: db, quiz, web and the readers of question files can
// share one error type while every import still points down. The readers'
// FileError and ErrorList are the detailed form of CodeInvalid: ErrorCode
// says so for them.

// Code says what kind of failure an error is. The web side maps each code
// to one HTTP status and error page.
type Code string

// The codes.
const (
	// CodeInternal is a failure that is nobody's input: a broken database,
	// a bug. Its text is logged, never shown.
	CodeInternal Code = "internal"
	// CodeInvalid is input that cannot be taken as it is; its message says
	// what is wrong, for the person who typed it.
	CodeInvalid Code = "invalid"
	// CodeNotFound is a thing that does not exist, or that is not the
	// asker's to see (the two are told apart by nobody, so that ids
	// cannot be probed).
	CodeNotFound Code = "not_found"
	// CodeConflict is a change that contradicts what is stored, such as an
	// answer to an attempt already handed in.
	CodeConflict Code = "conflict"
	// CodeForbidden is a request the asker, known, may not make.
	CodeForbidden Code = "forbidden"
	// CodeUnauthorized is a request from someone who could not be told
	// who they are: a wrong password.
	CodeUnauthorized Code = "unauthorized"
	// CodeTooMany is one try too many: wait and try again.
	CodeTooMany Code = "too_many"
	// CodeUnavailable is a request the server has no room for now (its
	// queue or its budget for slow work is full, its disk is full):
	// nothing was done, and the same request may work later.
	CodeUnavailable Code = "unavailable"
)

// Error is an application error: a code, and a message for the person at
// the other end. The message follows Go's style (lower case, no final
// stop); ErrorMessage turns it into a sentence.
type Error struct {
	Code    Code
	Message string
}

// Error returns the message, or the code when there is none.
func (e *Error) Error() string {
	if e.Message == "" {
		return strings.ReplaceAll(string(e.Code), "_", " ")
	}
	return e.Message
}

// Is lets errors.Is match an error by code: a target *Error without a
// message (such as ErrNotFound) matches every *Error of its code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Message == "" && t.Code == e.Code
}

// Errors to test for with errors.Is; each matches every error of its code
// (see Error.Is).
var (
	ErrNotFound     = &Error{Code: CodeNotFound}
	ErrConflict     = &Error{Code: CodeConflict}
	ErrInvalid      = &Error{Code: CodeInvalid}
	ErrForbidden    = &Error{Code: CodeForbidden}
	ErrUnauthorized = &Error{Code: CodeUnauthorized}
	ErrTooMany      = &Error{Code: CodeTooMany}
	ErrUnavailable  = &Error{Code: CodeUnavailable}
)

// Errorf returns an *Error of the code with a formatted message.
func Errorf(code Code, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: that of the first *Error in its
// chain, CodeInvalid for a question file's problems (FileError,
// ErrorList), CodeInternal for any other error, and "" for nil.
func ErrorCode(err error) Code {
	var (
		e    *Error
		list ErrorList
		fe   FileError
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.As(err, &list), errors.As(err, &fe):
		return CodeInvalid
	}
	return CodeInternal
}

// ErrorMessage returns what the person at the other end may read of err,
// as a sentence: the message of its *Error (or of a question file's first
// problem), capitalised and ended with a stop; "" for an internal error,
// whose text is not for them, and for an *Error without a message.
func ErrorMessage(err error) string {
	var (
		e    *Error
		list ErrorList
		fe   FileError
	)
	switch {
	case errors.As(err, &e):
		return Sentence(e.Message)
	case errors.As(err, &list) && len(list) > 0:
		return Sentence(list[0].Error())
	case errors.As(err, &fe):
		return Sentence(fe.Error())
	}
	return ""
}

// Sentence turns an error message into a sentence for a page: the first
// letter in capitals and a full stop at the end, unless it ends with one
// already.
func Sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(msg)
	msg = string(unicode.ToUpper(r)) + msg[n:]
	if !strings.ContainsAny(msg[len(msg)-1:], ".!?") {
		msg += "."
	}
	return msg
}
