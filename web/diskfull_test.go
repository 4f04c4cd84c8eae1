package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"factdrill/db"
)

// TestAnswerOnFullDisk checks what a student sees when the server's disk
// is full: a clear message that the answer was not saved, with what they
// typed still in the form (on main: a generic 500 page, and the answer
// lost), and that saving again works once there is room. The database
// lives on a small tmpfs, filled up: the test needs root to mount it.
func TestAnswerOnFullDisk(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=4m"); err != nil {
		t.Skipf("cannot mount a tmpfs (%v): needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	setID, err := store.CreateSet(ctx, testSet, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(ctx, store, slog.New(slog.NewTextHandler(io.Discard, nil)), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, store: store, clock: &clock{t: store.Now()}, setID: setID}
	e.serve(s)
	b := e.browser()
	base := b.startQuiz()

	// Fill the disk.
	filler := filepath.Join(dir, "filler")
	f, _ := os.Create(filler)
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	f.Close()

	typed := strings.Repeat("Tokyo has been the capital since 1868. ", 200)
	r := b.post(base+"/questions/7", url.Values{"text": {typed}, "nav": {"next"}})
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
		t.Fatalf("an answer on a full disk = %d (Retry-After %q), want 503 with Retry-After\n%.400s", r.status, r.header.Get("Retry-After"), r.body)
	}
	mustContain(t, "full disk page", r.body, `data-testid="answer-error"`, "Your answer was not saved", "disk is full", "Tokyo has been the capital since 1868.")
	if got := b.get(base + "/questions/7").body; strings.Contains(got, "Tokyo has been") {
		t.Error("the answer that was not saved is stored")
	}

	os.Remove(filler)
	if r := b.post(base+"/questions/7", url.Values{"text": {typed}, "nav": {"next"}}); r.status != http.StatusSeeOther {
		t.Fatalf("the answer once there is room = %d, want 303", r.status)
	}
	mustContain(t, "question page", b.get(base+"/questions/7").body, "Tokyo has been the capital since 1868.")
}
