package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"factdrill/db"
	"factdrill/questions"
)

const optimizeUsage = "usage: factdrill optimize [-db PATH] [-learner ID | -class CODE | -all]"

// runOptimize fits FSRS-6 weights to review logs, as the server's
// background work does, and prints what each fit did: the weights of one
// learner (-learner ID, whether due or not), of one class from its
// members' pooled answers (-class CODE), of every learner with enough
// answers and every class that has weights or asked for them (-all), or,
// with none of these, of the learners and classes due for a fit.
func runOptimize(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := flags("optimize", getenv, stderr)
	if err != nil {
		return err
	}
	learner := fs.Int64("learner", 0, "fit the learner with this `id` (the number in a teacher's address for them)")
	code := fs.String("class", "", "fit the class with this join `code` from its members' answers")
	all := fs.Bool("all", false, "fit every learner with enough answers and every class with weights")
	if err := parseArgs(fs, args, stderr, optimizeUsage, func(n int) bool { return n == 0 }); err != nil {
		return err
	}
	chosen := 0
	for _, on := range []bool{*learner != 0, *code != "", *all} {
		if on {
			chosen++
		}
	}
	if chosen > 1 {
		fmt.Fprintln(stderr, "factdrill optimize: choose one of -learner, -class and -all")
		fmt.Fprintln(stderr, optimizeUsage)
		return errUsage
	}
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()

	var reports []db.FitReport
	switch {
	case *learner != 0:
		r, err := store.FitLearner(ctx, *learner)
		if errors.Is(err, questions.ErrNotFound) {
			return fmt.Errorf("optimize: there is no learner %d", *learner)
		}
		if err != nil {
			return err
		}
		reports = append(reports, r)
	case *code != "":
		c, err := store.ClassByJoinCode(ctx, *code)
		if errors.Is(err, questions.ErrNotFound) {
			return fmt.Errorf("optimize: no class has the join code %q", *code)
		}
		if err != nil {
			return err
		}
		r, err := store.FitClass(ctx, c.ID)
		if err != nil {
			return err
		}
		reports = append(reports, r)
	case *all:
		learners, classes, err := store.FitCandidates(ctx)
		if err != nil {
			return err
		}
		for _, id := range learners {
			r, err := store.FitLearner(ctx, id)
			if err != nil {
				return err
			}
			reports = append(reports, r)
		}
		for _, id := range classes {
			r, err := store.FitClass(ctx, id)
			if err != nil {
				return err
			}
			reports = append(reports, r)
		}
	default:
		if reports, err = store.FitAll(ctx); err != nil {
			return err
		}
	}
	for _, r := range reports {
		fmt.Fprintln(stdout, r)
	}
	if len(reports) == 0 {
		fmt.Fprintln(stdout, "factdrill: nothing to fit")
	}
	return nil
}
