package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/formats"
	"factdrill/views"
)

// runImport reads question files into the database as sets:
// `factdrill import [-db PATH] [-set TITLE] [-dry-run] [-format json] FILE...`.
// Every file is read before anything is stored; if any has an error, every
// error is printed as FILE:LINE:COL: message and nothing is imported. What
// a reader left out of a file (Set.Warnings) is printed as
// FILE:LINE: warning: message, and the file is imported without it.
func runImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := flags("import", getenv, stderr)
	if err != nil {
		return err
	}
	title := fs.String("set", "", "put the questions of all files in one set with this `title` (default: a set a file)")
	dry := fs.Bool("dry-run", false, "read and report, but store nothing")
	format := fs.String("format", "", "with -dry-run, `json` prints the sets read in the JSON form")
	if err := parseArgs(fs, args, stderr, "usage: factdrill import [-db PATH] [-set TITLE] [-dry-run] [-format json] FILE...", func(n int) bool { return n > 0 }); err != nil {
		return err
	}
	if *format != "" && *format != "json" {
		fmt.Fprintf(stderr, "factdrill import: unknown format %q (want json)\n", *format)
		return errUsage
	}

	var (
		sets   []questions.Set
		failed int
	)
	for _, name := range fs.Args() {
		set, err := readQuestionFile(ctx, name)
		if err != nil {
			failed++
			fmt.Fprintln(stderr, err)
			continue
		}
		printWarnings(stderr, set.Warnings)
		sets = append(sets, set)
	}
	if failed > 0 {
		return fmt.Errorf("import: %d of %d files have errors; nothing was imported", failed, fs.NArg())
	}
	if *title != "" {
		merged := questions.Set{Title: *title, Origin: "imported from " + strings.Join(baseNames(fs.Args()), ", ")}
		for _, s := range sets {
			merged.Questions = append(merged.Questions, s.Questions...)
			merged.Media = append(merged.Media, s.Media...)
			merged.Warnings = append(merged.Warnings, s.Warnings...)
		}
		if err := merged.Validate(); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		sets = []questions.Set{merged}
	}

	if *dry {
		if *format == "json" {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			if len(sets) == 1 {
				return enc.Encode(sets[0])
			}
			return enc.Encode(sets)
		}
		for _, s := range sets {
			fmt.Fprintf(stdout, "%s: %s (%s); nothing stored (-dry-run)\n", s.Title, views.Plural(len(s.Questions), "question"), kindSummary(s))
		}
		return nil
	}

	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	for _, s := range sets {
		id, err := store.CreateSet(ctx, s, "")
		if err != nil {
			return fmt.Errorf("import %s: %w", s.Title, err)
		}
		fmt.Fprintf(stdout, "imported %q as set %d: %s (%s)\n", s.Title, id, views.Plural(len(s.Questions), "question"), kindSummary(s))
	}
	return nil
}

// readQuestionFile reads one question file of any format factdrill takes
// (package formats), refusing a file too large to be one before reading
// it whole.
func readQuestionFile(ctx context.Context, name string) (questions.Set, error) {
	f, err := os.Open(name)
	if err != nil {
		return questions.Set{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return questions.Set{}, err
	}
	if info.IsDir() {
		return questions.Set{}, fmt.Errorf("%s: is a folder, not a question file", name)
	}
	if info.Size() > formats.MaxSize {
		return questions.Set{}, fmt.Errorf("%s: the file is %d MB; question files may be at most %d MB", name, info.Size()>>20, formats.MaxSize>>20)
	}
	set, err := formats.Read(ctx, name, f, info.Size())
	if err != nil {
		var list questions.ErrorList
		if errors.As(err, &list) {
			return questions.Set{}, list
		}
		return questions.Set{}, fmt.Errorf("%s: %w", name, err)
	}
	return set, nil
}

// printWarnings prints what a reader left out of a file, one line each,
// as compilers print warnings: FILE:LINE: warning: message.
func printWarnings(w io.Writer, warns questions.ErrorList) {
	for _, p := range warns {
		where := p.File
		if p.Line > 0 {
			where = fmt.Sprintf("%s:%d", p.File, p.Line)
		}
		fmt.Fprintf(w, "%s: warning: %s\n", where, p.Msg)
	}
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// kindSummary counts a set's questions by kind: "3 multiple choice, 1 essay".
func kindSummary(s questions.Set) string {
	count := map[questions.Kind]int{}
	for _, q := range s.Questions {
		count[q.Kind]++
	}
	var parts []string
	for _, k := range questions.Kinds {
		if count[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[k], k.Label()))
		}
	}
	return strings.Join(parts, ", ")
}
