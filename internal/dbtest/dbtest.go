// Package dbtest gives tests a database of their own on the engine under
// test, so that one test table runs on SQLite and on PostgreSQL.
//
// SQLite always runs: a new file in the test's temporary folder.
// PostgreSQL runs when FACTDRILL_TEST_POSTGRES names a database the tests
// may make schemas in (.ci/postgres.sh starts a throwaway one): each test
// gets a new schema, dropped when it ends. A package's TestMain calls Main,
// which runs its tests on SQLite and then, in a second run of the test
// binary with FACTDRILL_TEST_ENGINE=postgres, on PostgreSQL; Source gives
// each test what to open on the engine of the run.
package dbtest

import (
	"cmp"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to make test schemas
)

// The engines, as FACTDRILL_TEST_ENGINE names them.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Engine is the engine this process runs its tests on.
func Engine() string { return cmp.Or(os.Getenv("FACTDRILL_TEST_ENGINE"), SQLite) }

// PostgresURL is the PostgreSQL test database, "" when there is none.
func PostgresURL() string { return os.Getenv("FACTDRILL_TEST_POSTGRES") }

// Main runs the package's tests (m) on SQLite, then again on PostgreSQL
// when there is a test database, and exits with their result; without
// one, it says that the PostgreSQL half of pkg's tests was skipped.
func Main(m *testing.M, pkg string) {
	code := m.Run()
	if os.Getenv("FACTDRILL_TEST_ENGINE") != "" {
		os.Exit(code)
	}
	if PostgresURL() == "" {
		fmt.Printf("%s: the tests ran on SQLite only: the PostgreSQL half is skipped (set FACTDRILL_TEST_POSTGRES to run it)\n", pkg)
		os.Exit(code)
	}
	fmt.Printf("%s: the tests again, on PostgreSQL\n", pkg)
	// Flags that name files the go command reads after the run stay with
	// the first run.
	var args []string
	for _, a := range os.Args[1:] {
		if !strings.HasPrefix(a, "-test.testlogfile") && !strings.HasPrefix(a, "-test.gocoverdir") && !strings.HasPrefix(a, "-test.coverprofile") {
			args = append(args, a)
		}
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "FACTDRILL_TEST_ENGINE="+Postgres)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Printf("%s: the tests on PostgreSQL: %v\n", pkg, err)
		code = cmp.Or(code, 1)
	}
	os.Exit(code)
}

// engines is the table of engines the tests run on, each with what a test
// opens on it.
var engines = []struct {
	name   string
	source func(t testing.TB) string
}{
	{SQLite, func(t testing.TB) string { return filepath.Join(t.TempDir(), "test.db") }},
	{Postgres, PostgresSchema},
}

// Source returns what a test opens on the engine of the run: a new SQLite
// file, or a new schema of the PostgreSQL test database.
func Source(t testing.TB) string {
	t.Helper()
	for _, e := range engines {
		if e.name == Engine() {
			return e.source(t)
		}
	}
	t.Fatalf("FACTDRILL_TEST_ENGINE=%s names no engine", Engine())
	return ""
}

var admin = sync.OnceValues(func() (*sql.DB, error) { return sql.Open("pgx", PostgresURL()) })

// PostgresSchema makes a new schema in the PostgreSQL test database,
// dropped when the test ends, and returns a URL whose connections use it.
// Without a test database the test is skipped.
func PostgresSchema(t testing.TB) string {
	t.Helper()
	base := PostgresURL()
	if base == "" {
		t.Skip("FACTDRILL_TEST_POSTGRES is not set (.ci/postgres.sh starts a test database)")
	}
	db, err := admin()
	if err != nil {
		t.Fatal(err)
	}
	name := "test_" + strings.ToLower(rand.Text()[:12])
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + name + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}
