package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"factdrill/db"
)

// runBackup copies the database to a new file while the server may be
// running: `factdrill backup -db factdrill.db backup.db`.
func runBackup(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := flags("backup", getenv, stderr)
	if err != nil {
		return err
	}
	if err := parseArgs(fs, args, stderr, "usage: factdrill backup [-db PATH] DEST", func(n int) bool { return n == 1 }); err != nil {
		return err
	}
	if db.IsPostgres(cfg.DB) {
		return fmt.Errorf("backup: %s is a PostgreSQL database: back it up with pg_dump while it runs, e.g. pg_dump -Fc -f factdrill.dump DATABASE (see README)", db.Redacted(cfg.DB))
	}
	dst := fs.Arg(0)
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new file name", dst)
	}
	if _, err := os.Stat(cfg.DB); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Backup(ctx, dst); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "factdrill: backed up %s to %s\n", cfg.DB, dst)
	return nil
}
