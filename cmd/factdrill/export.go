package main

import (
	"context"
	"fmt"
	"io"

	"factdrill/db"
)

// runExport writes a stored set to stdout in a question-file format:
// `factdrill export [-db PATH] -set ID [-format gift|csv|anki|json]`.
func runExport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := flags("export", getenv, stderr)
	if err != nil {
		return err
	}
	id := fs.Int64("set", 0, "`id` of the set to export (the number in its address, /sets/ID)")
	format := fs.String("format", "gift", "`format`: gift, csv, anki or json")
	if err := parseArgs(fs, args, stderr, "usage: factdrill export [-db PATH] -set ID [-format gift|csv|anki|json]", func(n int) bool { return n == 0 && *id > 0 }); err != nil {
		return err
	}
	switch *format {
	case "gift", "csv", "anki", "json":
	default:
		fmt.Fprintf(stderr, "factdrill export: unknown format %q (want gift, csv, anki or json)\n", *format)
		return errUsage
	}
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	info, qs, err := store.Set(ctx, *id)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return writeSet(stdout, db.AsSet(info, qs), *format)
}
