package main

import (
	"bufio"
	"context"
	"factdrill/db"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testServer is the real factdrill server, started through run as main
// starts it, on a temporary database and a free port.
type testServer struct {
	URL    string
	DB     string
	cancel context.CancelFunc
	done   chan error
}

// startServer runs `factdrill serve` on dbPath and returns once it listens.
// The server stops when the test ends.
func startServer(t *testing.T, dbPath string) *testServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	s := &testServer{DB: dbPath, cancel: cancel, done: make(chan error, 1)}
	getenv := func(k string) string {
		if k == "FACTDRILL_LOG_LEVEL" {
			return "warn"
		}
		return ""
	}
	go func() {
		err := run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-db", dbPath}, getenv, nil, pw, os.Stderr)
		pw.CloseWithError(io.EOF)
		s.done <- err
	}()
	lines := bufio.NewScanner(pr)
	found := make(chan string, 1)
	go func() {
		for lines.Scan() {
			if _, addr, ok := strings.Cut(lines.Text(), " on "); ok {
				found <- strings.TrimSuffix(addr, "/")
				break
			}
		}
		io.Copy(io.Discard, pr)
	}()
	select {
	case s.URL = <-found:
	case err := <-s.done:
		t.Fatalf("serve stopped before listening: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not print its address within 60s")
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

// stop shuts the server down as SIGTERM would, and checks it stops cleanly.
func (s *testServer) stop(t *testing.T) {
	if s.cancel == nil {
		return
	}
	s.cancel()
	s.cancel = nil
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Error("serve did not stop within 15s of shutdown")
	}
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "factdrill.db") }

// seedSetOf opens the database of a server started by the test (closed
// when the test ends) and returns it with the built-in set.
func seedSetOf(t *testing.T, path string) (*db.Store, db.SetInfo) {
	t.Helper()
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	info, err := store.BuiltinSet(context.Background(), seedName)
	if err != nil {
		t.Fatal(err)
	}
	return store, info
}
