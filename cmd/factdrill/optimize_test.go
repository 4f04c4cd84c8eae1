package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// studyHistory makes a set of n short-answer cards and has the learner
// study it through the store every day for days days from start, at
// 09:00 UTC, recalling each card with the chance a learner who forgets
// fast would. The store's clock is moved for each answer and left at
// time.Now. It returns the set's id.
func studyHistory(t *testing.T, store *db.Store, learnerID int64, n int, start time.Time, days int) int64 {
	t.Helper()
	ctx := context.Background()
	defer store.SetClock(time.Now)
	set := questions.Set{Title: "Capitals of the world"}
	for i := range n {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer,
			Stem: fmt.Sprintf("Capital number %d?", i+1), Answers: []questions.Choice{{Text: fmt.Sprintf("city %d", i+1), Weight: 100}}})
	}
	setID, err := store.CreateSet(ctx, set, "")
	if err != nil {
		t.Fatal(err)
	}
	cfg := quiz.DefaultSchedulerConfig()
	cfg.Weights = []float64{0.1, 0.8, 1.8, 6, 6.8, 0.7, 2.6, 0.02, 1.6, 0.2, 0.9, 1.3, 0.08, 0.22, 1.8, 0.5, 1.7, 0.6, 0.2, 0.1, 0.25}
	mind, err := quiz.NewScheduler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	memory := map[int64]quiz.Card{}
	for d := range days {
		now := start.Add(time.Duration(d) * 24 * time.Hour)
		for {
			store.SetClock(func() time.Time { return now })
			st, err := store.Study(ctx, learnerID, setID, quiz.StudyOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if st.Card == nil {
				break
			}
			qid := st.Card.Question.ID
			p := 0.8
			if st.Card.Card.State == quiz.StateReview {
				p = mind.Retrievability(memory[qid], now)
			}
			r := quiz.RatingAgain
			if rng.Float64() < p {
				r = quiz.RatingGood
			}
			if _, err := store.Review(ctx, db.ReviewInput{LearnerID: learnerID, SetID: setID, QuestionID: qid, Rating: r, Reps: -1, Taken: 7 * time.Second}); err != nil {
				t.Fatal(err)
			}
			memory[qid] = mind.Next(memory[qid], r, now, qid)
			now = now.Add(30 * time.Second)
		}
	}
	return setID
}

func TestRun_Optimize(t *testing.T) {
	path := tempDB(t)
	ctx := context.Background()
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	fresh, err := store.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	studied, err := store.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	studyHistory(t, store, studied.ID, 60, time.Now().Add(-200*24*time.Hour), 200)

	optimize := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(ctx, append([]string{"optimize", "-db", path}, args...), emptyEnv, nil, &out, &errOut)
		return out.String() + errOut.String(), err
	}
	out, err := optimize("-learner", fmt.Sprint(fresh.ID))
	if err != nil || !strings.Contains(out, "too few answers") {
		t.Fatalf("optimize a learner with no answers = %q, %v; want too few answers", out, err)
	}
	out, err = optimize("-learner", fmt.Sprint(studied.ID))
	if err != nil || !strings.Contains(out, fmt.Sprintf("learner %d: ", studied.ID)) || !strings.Contains(out, "log loss") {
		t.Fatalf("optimize the learner who studied = %q, %v", out, err)
	}
	t.Log(strings.TrimSpace(out))
	f, err := store.FSRSState(ctx, studied.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Last.Valid || f.Last.Adopted != strings.Contains(out, "adopted") || (f.Last.Adopted && f.From != db.WeightsOwn) {
		t.Fatalf("after optimize: %+v; want the fit stored as printed", f)
	}
	// Nothing is due right after a fit; -all fits everyone with enough
	// answers regardless.
	if out, err := optimize(); err != nil || strings.TrimSpace(out) != "factdrill: nothing to fit" {
		t.Fatalf("optimize with nothing due = %q, %v", out, err)
	}
	if out, err := optimize("-all"); err != nil || strings.Count(out, "learner ") != 1 {
		t.Fatalf("optimize -all = %q, %v; want the one learner with enough answers", out, err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-learner", "999"}, "there is no learner 999"},
		{[]string{"-class", "NOPE-00"}, `no class has the join code "NOPE-00"`},
		{[]string{"-all", "-learner", "1"}, "choose one of"},
	} {
		out, err := optimize(tt.args...)
		if err == nil || !strings.Contains(out+err.Error(), tt.want) {
			t.Errorf("optimize %v = %q, %v; want an error saying %q", tt.args, out, err, tt.want)
		}
	}
}
