package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

// TestRender_ClientGone: a page whose client went away while it was drawn
// is dropped without an error in the log; a page that fails for a reason
// of its own is a 500 and logged.
func TestRender_ClientGone(t *testing.T) {
	var logged bytes.Buffer
	s := &Server{log: slog.New(slog.NewTextHandler(&logged, nil))}
	page := templ.ComponentFunc(func(ctx context.Context, w io.Writer) error { return ctx.Err() })

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w := httptest.NewRecorder()
	s.render(w, httptest.NewRequest(http.MethodGet, "/sets/1", nil).WithContext(ctx), page)
	if w.Code == http.StatusInternalServerError || logged.Len() > 0 {
		t.Errorf("a page for a client gone: status %d, log %q; want no error page and nothing logged", w.Code, logged.String())
	}

	broken := templ.ComponentFunc(func(context.Context, io.Writer) error { return io.ErrUnexpectedEOF })
	w = httptest.NewRecorder()
	s.render(w, httptest.NewRequest(http.MethodGet, "/sets/1", nil), broken)
	if w.Code != http.StatusInternalServerError || !strings.Contains(logged.String(), "render") {
		t.Errorf("a page that fails: status %d, log %q; want 500 and the error logged", w.Code, logged.String())
	}
}
