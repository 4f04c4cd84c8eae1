package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"factdrill/db"
	"factdrill/db/export"
	"factdrill/questions"
)

// runScores prints the score export that teachers download, as CSV, for
// every class or the one whose join code is given:
//
//	factdrill scores [-db PATH] [-class CODE] [-answers]
//
// With -answers it prints the detailed export instead: one row per attempt
// and question. The rows are those of the downloads; the byte-order mark
// the downloads start with is left out.
func runScores(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := flags("scores", getenv, stderr)
	if err != nil {
		return err
	}
	code := fs.String("class", "", "only the class with this join `code`")
	answers := fs.Bool("answers", false, "one row per attempt and question instead of one per student")
	if err := parseArgs(fs, args, stderr, "usage: factdrill scores [-db PATH] [-class CODE] [-answers]", func(n int) bool { return n == 0 }); err != nil {
		return err
	}
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	classes, err := store.AllClassResults(ctx, 0, *code)
	if errors.Is(err, questions.ErrNotFound) {
		return fmt.Errorf("scores: no class has the join code %q", *code)
	}
	if err != nil {
		return err
	}
	if !*answers {
		return export.Scores(stdout, classes)
	}
	var all []db.AttemptDetail
	for _, c := range classes {
		_, attempts, err := store.ClassAttempts(ctx, c.Class.TeacherID, c.Class.ID, 0)
		if err != nil {
			return err
		}
		all = append(all, attempts...)
	}
	return export.Answers(stdout, all)
}
