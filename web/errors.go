package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/a-h/templ"
	"github.com/gorilla/sessions"

	"factdrill/questions"
	"factdrill/views"
)

// badRequest is an invalid-input error with a message the user sees.
func badRequest(msg string) error { return questions.Errorf(questions.CodeInvalid, "%s", msg) }

// statusOf is the HTTP status of each error code.
var statusOf = map[questions.Code]int{
	questions.CodeInvalid:      http.StatusBadRequest,
	questions.CodeNotFound:     http.StatusNotFound,
	questions.CodeConflict:     http.StatusConflict,
	questions.CodeForbidden:    http.StatusForbidden,
	questions.CodeUnauthorized: http.StatusUnauthorized,
	questions.CodeTooMany:      http.StatusTooManyRequests,
	questions.CodeUnavailable:  http.StatusServiceUnavailable,
	questions.CodeInternal:     http.StatusInternalServerError,
}

// fail maps err to a status and an error page: the one place errors become
// responses, by their code (see questions.Error). Users see the message
// of an application error, never the text of an internal one, which is
// logged instead.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooBig *http.MaxBytesError
	switch code := questions.ErrorCode(err); {
	case errors.As(err, &tooBig):
		s.renderError(w, r, http.StatusRequestEntityTooLarge, "What you sent is too large.")
	case errors.Is(err, context.Canceled):
		// The client went away; there is no one to answer.
	case code == questions.CodeInternal:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		s.renderError(w, r, http.StatusInternalServerError, "")
	case code == questions.CodeTooMany:
		w.Header().Set("Retry-After", "60")
		s.renderError(w, r, http.StatusTooManyRequests, questions.ErrorMessage(err))
	case code == questions.CodeUnavailable:
		// Nothing was done; the same request may work in a while.
		w.Header().Set("Retry-After", strconv.Itoa(busyRetryAfter))
		s.renderError(w, r, http.StatusServiceUnavailable, questions.ErrorMessage(err))
	default:
		s.renderError(w, r, statusOf[code], questions.ErrorMessage(err))
	}
}

var errorTitles = map[int]struct{ title, msg string }{
	http.StatusBadRequest:            {"That did not work", "The request could not be understood."},
	http.StatusForbidden:             {"Not allowed", "This page is not yours to see."},
	http.StatusNotFound:              {"Page not found", "There is nothing at this address. It may have been moved or deleted."},
	http.StatusConflict:              {"Already done", "That can no longer be changed."},
	http.StatusRequestEntityTooLarge: {"Too large", "What you sent is too large."},
	http.StatusTooManyRequests:       {"Too many tries", "Please wait a minute and try again."},
	http.StatusInternalServerError:   {"Something went wrong", "The server could not finish this request. Nothing you had saved is lost; please try again."},
	http.StatusServiceUnavailable:    {"The server is busy", "The server has too much to do right now, so nothing was done. Please try again in a minute."},
}

// renderError writes the error page for status, with msg or the status's
// own message.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	t, ok := errorTitles[status]
	if !ok {
		t.title, t.msg = http.StatusText(status), http.StatusText(status)
	}
	if msg == "" {
		msg = t.msg
	}
	if teacherPath(r) {
		tp := s.tpage(r, t.title, "")
		tp.Notice = ""
		s.renderStatus(w, r, status, views.TeacherErrorView(views.TeacherErrorPage{TeacherPage: tp, Status: status, Message: msg}))
		return
	}
	page := views.ErrorPage{Page: views.Page{Title: t.title}, Status: status, Message: msg}
	// The header names the learner as on every other page; an error met
	// before the session was read has no one to name.
	if sess, _ := r.Context().Value(sessionKey{}).(*sessions.Session); sess != nil {
		page.Learner = learnerOf(r).Name
	}
	s.renderStatus(w, r, status, views.ErrorView(page))
}

// teacherPath reports whether r asks for a teacher's page as a teacher
// logged in: its error page is in the teacher's layout. A request refused
// before its session was read (see Server.handle) is not.
func teacherPath(r *http.Request) bool {
	if _, ok := r.Context().Value(sessionKey{}).(*sessions.Session); !ok {
		return false
	}
	return (r.URL.Path == "/teacher" || strings.HasPrefix(r.URL.Path, "/teacher/")) && teacherOf(r).ID != 0
}

// notFound answers every path no route takes.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return questions.ErrNotFound
}

// invalid shows a form's page again, built by page, with status 422
// (Unprocessable Entity): what was typed, and the problems beside their
// fields.
func (s *Server) invalid(w http.ResponseWriter, r *http.Request, page func() (templ.Component, error)) error {
	c, err := page()
	if err != nil {
		return err
	}
	s.renderStatus(w, r, http.StatusUnprocessableEntity, c)
	return nil
}

// render writes a page with status 200.
func (s *Server) render(w http.ResponseWriter, r *http.Request, c templ.Component) {
	s.renderStatus(w, r, http.StatusOK, c)
}

// renderStatus renders the page into a buffer first, so that a failing
// template sends an error page rather than half a page.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledPage {
			buf.Reset()
			pageBuffers.Put(buf)
		}
	}()
	if err := c.Render(r.Context(), buf); err != nil {
		if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
			return // the client went away mid-page: no one to answer, nothing wrong
		}
		s.log.Error("render", "path", r.URL.Path, "err", err)
		http.Error(w, "The page could not be drawn.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h["Content-Type"] = htmlContentType
	h["Cache-Control"] = noStore
	h["Content-Length"] = []string{strconv.Itoa(buf.Len())}
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageBuffers holds the buffers pages are rendered into, so that a page
// costs no buffer growth once the server is warm. Buffers that grew past
// maxPooledPage (a long result page) are left to the collector.
var pageBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 16<<10)) }}

const maxPooledPage = 256 << 10

// Shared header values; never changed.
var (
	htmlContentType = []string{"text/html; charset=utf-8"}
	noStore         = []string{"no-store"}
)
