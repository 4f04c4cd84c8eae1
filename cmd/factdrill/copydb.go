package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"factdrill/db"
)

// runCopyDB moves a whole site into a new, empty database, checking the
// copy before it says so:
//
//	factdrill copy-db -from factdrill.db -to postgres://user:pass@host/factdrill
//
// Either side may be SQLite or PostgreSQL. The target is created (a SQLite
// file) or migrated (an empty PostgreSQL database) first; one that holds
// any row is refused. Stop the servers of the site first: what they write
// after the copy's snapshot stays behind.
func runCopyDB(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("factdrill copy-db", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the site's database: a SQLite `file` or a postgres:// URL")
	to := fs.String("to", "", "the new, empty `database`: a SQLite file or a postgres:// URL")
	if err := parseArgs(fs, args, stderr, "usage: factdrill copy-db -from DB -to DB", func(n int) bool { return n == 0 }); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		fmt.Fprintln(stderr, "usage: factdrill copy-db -from DB -to DB")
		return errUsage
	}
	if !db.IsPostgres(*from) {
		// Open would create a missing file: a typo must not copy an empty site.
		if _, err := os.Stat(*from); err != nil {
			return fmt.Errorf("copy-db: %w", err)
		}
	}
	src, err := db.Open(ctx, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := db.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	tables, err := db.CopySite(ctx, src, dst)
	if err != nil {
		return fmt.Errorf("copy-db: %w (nothing was copied)", err)
	}
	var rows int64
	for _, t := range tables {
		fmt.Fprintf(stdout, "%-20s %9d rows  checksum %s\n", t.Table, t.Rows, t.Checksum[:16])
		rows += t.Rows
	}
	fmt.Fprintf(stdout, "factdrill: copied %d rows in %d tables from %s to %s; every table's count and checksum match\n",
		rows, len(tables), db.Redacted(*from), db.Redacted(*to))
	return nil
}
