package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"factdrill/db"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRun_Serve(t *testing.T) {
	path := tempDB(t)
	s := startServer(t, path)
	if code, body := get(t, s.URL+"/healthz"); code != 200 || body != "ok\n" {
		t.Fatalf("GET /healthz = %d %q", code, body)
	}
	code, body := get(t, s.URL+"/")
	if code != 200 || !strings.Contains(body, "Workers&#39; Opposition") || !strings.Contains(body, "generated from workers-opposition.txt") {
		t.Fatalf("GET / = %d, want the built-in set listed\n%s", code, body)
	}
	s.stop(t)

	// A second start finds the built-in set and does not make it again.
	s = startServer(t, path)
	s.stop(t)
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sets, err := store.PublishedSets(context.Background())
	if err != nil || len(sets) != 1 || sets[0].Builtin != seedName || sets[0].Questions < 15 {
		t.Fatalf("after two starts the sets are %+v (%v), want the one built-in set with at least 15 questions", sets, err)
	}
}

func TestRun_Backup(t *testing.T) {
	path := tempDB(t)
	startServer(t, path).stop(t)
	dst := filepath.Join(t.TempDir(), "copy.db")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"backup", "-db", path, dst}, func(string) string { return "" }, nil, &out, io.Discard); err != nil {
		t.Fatalf("backup: %v", err)
	}
	store, err := db.Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.BuiltinSet(context.Background(), seedName); err != nil {
		t.Fatalf("the backup has no built-in set: %v", err)
	}
	if err := run(context.Background(), []string{"backup", "-db", path, dst}, func(string) string { return "" }, nil, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("backup over an existing file = %v, want an 'already exists' error", err)
	}
}

func TestRun_Usage(t *testing.T) {
	var out, errOut bytes.Buffer
	noenv := func(string) string { return "" }
	if err := run(context.Background(), []string{"help"}, noenv, nil, &out, &errOut); err != nil || !strings.Contains(out.String(), "factdrill serve") {
		t.Fatalf("help = %v, %q", err, out.String())
	}
	if err := run(context.Background(), []string{"frobnicate"}, noenv, nil, &out, &errOut); err != errUsage || !strings.Contains(errOut.String(), `unknown command "frobnicate"`) {
		t.Fatalf("unknown command = %v, stderr %q", err, errOut.String())
	}
	if err := run(context.Background(), []string{"serve", "-nope"}, noenv, nil, &out, &errOut); err != errUsage {
		t.Fatalf("bad flag = %v, want errUsage", err)
	}
}

// TestRun_BadLogLevel checks that a log level in the environment that
// cannot be read is refused, as the same flag would be, not ignored.
func TestRun_BadLogLevel(t *testing.T) {
	env := func(k string) string {
		if k == "FACTDRILL_LOG_LEVEL" {
			return "loud"
		}
		return ""
	}
	err := run(context.Background(), []string{"backup", "-db", tempDB(t), filepath.Join(t.TempDir(), "copy.db")}, env, nil, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), `FACTDRILL_LOG_LEVEL="loud"`) {
		t.Fatalf("run with FACTDRILL_LOG_LEVEL=loud = %v, want an error naming it", err)
	}
}
