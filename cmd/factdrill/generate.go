package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"factdrill/questions"
	"factdrill/questions/generate"
)

// runGenerate writes a question set generated from a document to stdout:
// `factdrill generate [-n N] [-kinds LIST] [-format gift|json] FILE`.
func runGenerate(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("generate", stderr)
	n := fs.Int("n", 0, "at most `N` questions (0: a number that fits the document's length)")
	kinds := fs.String("kinds", "", "comma-separated `kinds` to write: multiple_choice, true_false, short_answer, cloze (default all)")
	format := fs.String("format", "gift", "output `format`: gift or json (json keeps each question's source sentence)")
	title := fs.String("title", "", "set `title` (default: the document's first heading)")
	if err := parseArgs(fs, args, stderr, "usage: factdrill generate [-n N] [-kinds LIST] [-format gift|json] FILE   (FILE - reads stdin)", func(n int) bool { return n == 1 }); err != nil {
		return err
	}
	if *format != "gift" && *format != "json" {
		fmt.Fprintf(stderr, "factdrill generate: unknown format %q (want gift or json)\n", *format)
		return errUsage
	}
	opt := generate.Options{N: *n, Title: *title}
	for _, k := range strings.Split(*kinds, ",") {
		if k = strings.TrimSpace(k); k != "" {
			opt.Kinds = append(opt.Kinds, questions.Kind(k))
		}
	}
	name := fs.Arg(0)
	var (
		text []byte
		err  error
	)
	if name == "-" {
		text, err = io.ReadAll(io.LimitReader(stdin, questions.MaxFileSize+1))
		opt.Origin = "generated from standard input"
	} else {
		text, err = os.ReadFile(name)
		opt.Origin = "generated from " + filepath.Base(name)
	}
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if len(text) > questions.MaxFileSize {
		return fmt.Errorf("generate: %s is larger than %d MB", name, questions.MaxFileSize>>20)
	}
	set, err := generate.Generate(string(text), opt)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return writeSet(stdout, set, *format)
}

// newFlagSet returns the flag set of a command that needs no database.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("factdrill "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// writeSet writes set in a file format (gift, csv, anki) or as JSON.
func writeSet(w io.Writer, set questions.Set, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(set)
	case "gift":
		return questions.WriteGIFT(w, set)
	case "csv":
		return questions.WriteCSV(w, set)
	case "anki":
		return questions.WriteAnki(w, set)
	}
	return fmt.Errorf("unknown format %q", format)
}
