package db

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"factdrill/internal/dbtest"
	"factdrill/questions"
	"factdrill/quiz"
)

// The store's tests run on each engine from one test table: every test of
// the package runs once on SQLite and, when FACTDRILL_TEST_POSTGRES names
// a database, once more on PostgreSQL, each test on a new database of its
// own (see package dbtest).

// testEngine is the engine this process runs the tests on.
var testEngine = engine(dbtest.Engine())

func TestMain(m *testing.M) { dbtest.Main(m, "db") }

// openStore opens a new, empty store on the engine under test, closed
// when the test ends, with its clock at t0.
func openStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), testSource(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return at(s, t0)
}

// testSource is what openStore opens: a new SQLite file, or a new schema
// of the PostgreSQL test database.
func testSource(t testing.TB) string {
	t.Helper()
	return dbtest.Source(t)
}

// sqliteOnly skips a test of what only SQLite has (its pragmas, its files,
// its migrations' history).
func sqliteOnly(t *testing.T) {
	t.Helper()
	if testEngine != sqliteEngine {
		t.Skipf("a test of SQLite's own behaviour; this run is on %s", testEngine)
	}
}

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2"},
		{"SELECT '?', \"a?\" FROM t WHERE b = ? -- why?\nAND c = ?", "SELECT '?', \"a?\" FROM t WHERE b = $1 -- why?\nAND c = $2"},
		{"SELECT 'it''s ?' WHERE x = ?", "SELECT 'it''s ?' WHERE x = $1"},
		{"SELECT id FROM attempts WHERE id = ?" + forUpdate, "SELECT id FROM attempts WHERE id = $1 FOR NO KEY UPDATE"},
		{"SELECT id FROM jobs /* a ? note */ LIMIT 1" + forUpdateSkipLocked, "SELECT id FROM jobs /* a ? note */ LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED"},
		{"SELECT id FROM questions WHERE id = ?" + forDelete, "SELECT id FROM questions WHERE id = $1 FOR UPDATE"},
	}
	for _, tt := range tests {
		if got := rebind(tt.in); got != tt.want {
			t.Errorf("rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsPostgres(t *testing.T) {
	tests := map[string]bool{
		"factdrill.db": false, "file:factdrill.db": false, "/var/lib/factdrill/site.db": false,
		"postgres://u:p@db/factdrill": true, "postgresql://db/factdrill?sslmode=require": true,
	}
	for in, want := range tests {
		if got := IsPostgres(in); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://u:secret@db/x"); strings.Contains(got, "secret") {
		t.Errorf("redact = %q, want the password hidden", got)
	}
}

func TestStore_BackupPostgres(t *testing.T) {
	s := openStore(t)
	err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "copy.db"))
	if testEngine == postgresEngine && !errors.Is(err, ErrBackupPostgres) {
		t.Errorf("Backup on PostgreSQL = %v, want ErrBackupPostgres", err)
	}
	if testEngine == sqliteEngine && err != nil {
		t.Errorf("Backup on SQLite = %v", err)
	}
}

// withParam returns source with one more URL parameter.
func withParam(t *testing.T, source, key, value string) string {
	t.Helper()
	u, err := url.Parse(source)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestCache_AcrossServers checks the read cache of one server against
// writes made through another on one PostgreSQL database: with the cache
// off, the next read sees the write; with NOTIFY, it sees it once the
// notice has arrived (a few milliseconds; the test waits up to a few
// seconds).
func TestCache_AcrossServers(t *testing.T) {
	if testEngine != postgresEngine {
		t.Skip("several servers share a database on PostgreSQL only")
	}
	ctx := context.Background()
	for _, mode := range []cacheMode{cacheOff, cacheNotify} {
		t.Run(string(mode), func(t *testing.T) {
			source := withParam(t, testSource(t), "factdrill_cache", string(mode))
			a, err := Open(ctx, source)
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			b, err := Open(ctx, source)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			at(a, t0)
			at(b, t0)
			// The listener is up when a write on b reaches a.
			seen := func(what string, ok func() bool) {
				t.Helper()
				deadline := time.Now().Add(5 * time.Second)
				for !ok() {
					if mode == cacheOff || time.Now().After(deadline) {
						t.Fatalf("cache %s: server a does not see %s made on server b", mode, what)
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
			setID, _ := a.CreateSet(ctx, testSet, "")
			l, _ := a.CreateLearner(ctx)
			token, _ := a.CreateSession(ctx, l.ID, time.Hour)
			attempt, _ := a.StartAttempt(ctx, l.ID, setID)
			waitListening(t, a, b)
			if _, err := a.Session(ctx, token, time.Hour); err != nil { // fill
				t.Fatal(err)
			}
			if _, err := a.AttemptQuestion(ctx, l.ID, attempt.ID, 2); err != nil { // fill
				t.Fatal(err)
			}
			if err := b.SaveAnswer(ctx, l.ID, attempt.ID, 2, quiz.Answer{Text: "Tokyo"}, 3); err != nil {
				t.Fatal(err)
			}
			seen("an answer", func() bool {
				st, err := a.AttemptQuestion(ctx, l.ID, attempt.ID, 2)
				return err == nil && st.Response.Answer.Text == "Tokyo" && st.Attempt.Position == 3
			})
			if err := b.DeleteSession(ctx, token); err != nil {
				t.Fatal(err)
			}
			seen("a logout", func() bool {
				_, err := a.Session(ctx, token, time.Hour)
				return errors.Is(err, questions.ErrNotFound)
			})
		})
	}
}

// waitListening waits until the stores' listeners (in notify mode) have
// turned their caches on.
func waitListening(t *testing.T, stores ...*Store) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for _, s := range stores {
		if s.cacheMode != cacheNotify {
			continue
		}
		for {
			s.cache.mu.Lock()
			off := s.cache.off
			s.cache.mu.Unlock()
			if !off {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the cache listener did not start")
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
}
