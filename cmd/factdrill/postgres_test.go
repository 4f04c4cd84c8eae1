package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"factdrill/internal/dbtest"
)

// TestRun_CopyDB moves a site from SQLite to PostgreSQL (another SQLite
// file when there is no PostgreSQL) and back with copy-db, and checks the
// set it holds exports the same at each step.
func TestRun_CopyDB(t *testing.T) {
	ctx := context.Background()
	orig := tempDB(t)
	if err := run(ctx, []string{"import", "-db", orig, writeFile(t, "week1.gift", goodGIFT)}, emptyEnv, nil, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	export := func(source string) string {
		t.Helper()
		var out bytes.Buffer
		if err := run(ctx, []string{"export", "-db", source, "-set", "1", "-format", "json"}, emptyEnv, nil, &out, io.Discard); err != nil {
			t.Fatalf("export from %s: %v", source, err)
		}
		return out.String()
	}
	want := export(orig)
	// Through PostgreSQL when there is one, else through another file.
	pg := tempDB(t)
	if os.Getenv("FACTDRILL_TEST_POSTGRES") != "" {
		pg = dbtest.PostgresSchema(t)
	}
	back := tempDB(t)
	for _, hop := range [][2]string{{orig, pg}, {pg, back}} {
		var out, errOut bytes.Buffer
		if err := run(ctx, []string{"copy-db", "-from", hop[0], "-to", hop[1]}, emptyEnv, nil, &out, &errOut); err != nil {
			t.Fatalf("copy-db %s -> %s: %v\n%s", hop[0], hop[1], err, errOut.String())
		}
		if !strings.Contains(out.String(), "every table's count and checksum match") {
			t.Fatalf("copy-db said:\n%s", out.String())
		}
		if got := export(hop[1]); got != want {
			t.Fatalf("after copy-db to %s the set exports as\n%s\nwant\n%s", hop[1], got, want)
		}
	}
	var errOut bytes.Buffer
	err := run(ctx, []string{"copy-db", "-from", orig, "-to", pg}, emptyEnv, nil, io.Discard, &errOut)
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("copy-db into a filled database = %v, want it refused as not empty", err)
	}
	err = run(ctx, []string{"backup", "-db", pg, tempDB(t)}, emptyEnv, nil, io.Discard, io.Discard)
	if strings.HasPrefix(pg, "postgres") && (err == nil || !strings.Contains(err.Error(), "pg_dump")) {
		t.Fatalf("backup of a PostgreSQL site = %v, want the advice to use pg_dump", err)
	}
}
