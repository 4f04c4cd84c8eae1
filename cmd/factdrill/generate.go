package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"factdrill/questions"
	"factdrill/questions/document"
	"factdrill/questions/generate"
)

// runGenerate writes a question set generated from a document to stdout:
// `factdrill generate [-n N] [-kinds LIST] [-format gift|json] [-timeout D] FILE`.
// The document may be a PDF, Word (.docx) or OpenDocument (.odt) file,
// HTML, Markdown or plain text (package document tells which); what
// reading it left out is said on stderr. It stops at the timeout, or when
// ctx is done (Ctrl-C).
func runGenerate(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("generate", stderr)
	n := fs.Int("n", 0, "at most `N` questions (0: a number that fits the document's length)")
	kinds := fs.String("kinds", "", "comma-separated `kinds` to write: multiple_choice, true_false, short_answer, cloze (default all)")
	format := fs.String("format", "gift", "output `format`: gift or json (json keeps each question's source sentence)")
	title := fs.String("title", "", "set `title` (default: the document's first heading)")
	timeout := fs.Duration("timeout", 2*time.Minute, "stop after this `duration`")
	if err := parseArgs(fs, args, stderr, "usage: factdrill generate [-n N] [-kinds LIST] [-format gift|json] [-timeout D] FILE   (FILE - reads stdin)", func(n int) bool { return n == 1 }); err != nil {
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
		data []byte
		err  error
	)
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, document.MaxFileSize+1))
		opt.Origin = "generated from standard input"
	} else {
		data, err = readDocument(name)
		opt.Origin = "generated from " + filepath.Base(name)
	}
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	text, notes, err := document.Text(name, data)
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "%s: %s\n", name, n)
	}
	if len(text) > questions.MaxFileSize {
		return fmt.Errorf("generate: the text of %s is larger than %d MB", name, questions.MaxFileSize>>20)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	set, err := generateSafely(ctx, text, opt)
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: generation took longer than %v and was stopped (see -timeout)", name, *timeout)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return writeSet(stdout, set, *format)
}

// generateSafely is generate.GenerateContext, with a panic (a bug that a
// document brought out) turned into an error that names it.
func generateSafely(ctx context.Context, text string, opt generate.Options) (set questions.Set, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("generate: internal error (please report it with the document): %v\n%s", v, debug.Stack())
		}
	}()
	set, _, err = generate.GenerateContext(ctx, text, opt)
	return set, err
}

// readDocument reads a document to generate from, refusing one larger than
// package document reads before reading it whole.
func readDocument(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.Size() > document.MaxFileSize {
		return nil, fmt.Errorf("%s is larger than %d MB", name, document.MaxFileSize>>20)
	}
	return os.ReadFile(name)
}

// newFlagSet returns the flag set of a command that needs no database.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("factdrill "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// writeSet writes a generated set as GIFT or as JSON.
func writeSet(w io.Writer, set questions.Set, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(set)
	case "gift":
		return questions.WriteGIFT(w, set)
	}
	return fmt.Errorf("unknown format %q", format)
}
