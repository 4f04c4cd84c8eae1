package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"factdrill/db"
	"factdrill/questions/formats"
)

// runExport writes a stored set to stdout in a question-file format:
// `factdrill export [-db PATH] -set ID [-format gift|moodlexml|qti|apkg|csv|anki|json]`.
// The formats that carry images get the set's from the database; what a
// format leaves out (the essays of a CSV file, say) is said on stderr.
func runExport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := flags("export", getenv, stderr)
	if err != nil {
		return err
	}
	names := strings.Join(formats.Names(), "|")
	id := fs.Int64("set", 0, "`id` of the set to export (the number in its address, /sets/ID)")
	format := fs.String("format", "gift", "`format`: "+strings.Join(formats.Names(), ", "))
	if err := parseArgs(fs, args, stderr, "usage: factdrill export [-db PATH] -set ID [-format "+names+"]", func(n int) bool { return n == 0 && *id > 0 }); err != nil {
		return err
	}
	f, ok := formats.Lookup(*format)
	if !ok {
		fmt.Fprintf(stderr, "factdrill export: unknown format %q (want %s)\n", *format, strings.Join(formats.Names(), ", "))
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
	set := db.AsSet(info, qs)
	if f.Media {
		if set, err = store.WithMedia(ctx, set); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	notes, err := f.Write(ctx, stdout, set, store.Now())
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "factdrill export: %s: %s\n", f.Label, n)
	}
	return nil
}
