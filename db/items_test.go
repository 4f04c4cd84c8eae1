package db

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"reflect"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// TestStore_ItemSums: the item sums kept as attempts are finished, marked
// by a teacher and regraded give the analysis that the attempts' answers,
// read afresh, give; so do sums added up afresh from the attempts (an
// assignment from before the sums were kept); another teacher sees none.
func TestStore_ItemSums(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	a, b := mustTeacher(t, s, "A"), mustTeacher(t, s, "B")
	set, err := at(s, t0).CreateDraftSet(ctx, a.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPublished(ctx, a.ID, set, true); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClass(ctx, a.ID, "Year 9")
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.Assign(ctx, a.ID, c.ID, set, QuizSettings{Feedback: FeedbackAfter})
	if err != nil {
		t.Fatal(err)
	}
	ls, err := s.AddToRoster(ctx, a.ID, c.ID, []RosterEntry{{Name: "Ana"}, {Name: "Ben"}, {Name: "Cy"}})
	if err != nil {
		t.Fatal(err)
	}
	var attemptIDs []int64
	// Each learner answers the first i questions, the first one right and
	// the others wrong, and the last one leaves a second attempt open.
	for i, l := range ls {
		att, err := at(s, t0).StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		_, rs, err := s.Responses(ctx, l.ID, att.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs[:i+1] {
			ans := quiz.Answer{Text: "wrong", Choices: []int{0}, True: truth(false)}
			if r.Position == 0 {
				ans = rightAnswer(r.Question)
			}
			if err := at(s, t0).SaveAnswer(ctx, l.ID, att.ID, r.Position, ans, 0); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := at(s, t0.Add(time.Minute)).FinishAttempt(ctx, l.ID, att.ID); err != nil {
			t.Fatal(err)
		}
		attemptIDs = append(attemptIDs, att.ID)
	}
	if _, err := at(s, t0.Add(time.Hour)).StartClassAttempt(ctx, ls[2].ID, g); err != nil {
		t.Fatal(err)
	}
	// What the kept sums say, against the analysis of the attempts'
	// answers as the store now holds them.
	check := func(stage string) {
		t.Helper()
		_, gotQs, sums, n, err := s.ItemSums(ctx, a.ID, set)
		if err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		_, wantQs, err := s.TeacherSet(ctx, a.ID, set)
		if err != nil {
			t.Fatal(err)
		}
		_, all, err := s.ClassAttempts(ctx, a.ID, c.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		var attempts []AttemptDetail
		for _, d := range all {
			if d.Finished() {
				attempts = append(attempts, d)
			}
		}
		if !reflect.DeepEqual(gotQs, wantQs) || n != len(attempts) || n != 3 {
			t.Fatalf("%s: %d questions in %d attempts, want %d in %d (3)", stage, len(gotQs), n, len(wantQs), len(attempts))
		}
		qs := make([]questions.Question, len(wantQs))
		for i, q := range wantQs {
			qs[i] = q.Question
		}
		var rows [][]quiz.ItemAnswer
		for _, at := range attempts {
			var row []quiz.ItemAnswer
			for i, r := range at.Responses {
				f := r.Fraction
				if r.Manual != nil {
					f = r.Manual.Fraction
				}
				row = append(row, quiz.ItemAnswer{Question: i, Answered: r.Answered, Answer: r.Answer, Fraction: f})
			}
			rows = append(rows, row)
		}
		got, want := quiz.AnalyzeSums(qs, sums), quiz.AnalyzeItems(qs, rows)
		for i := range want {
			g, w := got[i], want[i]
			if g.N != w.N || g.Blank != w.Blank || math.Abs(g.Facility-w.Facility) > 1e-9 || !reflect.DeepEqual(g.Options, w.Options) ||
				math.IsNaN(g.Discrimination) != math.IsNaN(w.Discrimination) ||
				(!math.IsNaN(w.Discrimination) && math.Abs(g.Discrimination-w.Discrimination) > 1e-9) {
				t.Errorf("%s: question %d from the kept sums %+v, from the answers %+v", stage, i, g, w)
			}
		}
	}
	check("finished")

	_, rs, err := s.Responses(ctx, ls[2].ID, attemptIDs[2])
	if err != nil {
		t.Fatal(err)
	}
	if err := at(s, t0).SetMark(ctx, a.ID, attemptIDs[2], rs[2].Position, &quiz.Manual{Fraction: 0.5, Comment: "half"}); err != nil {
		t.Fatal(err)
	}
	check("a teacher's mark")
	if err := at(s, t0).SetMark(ctx, a.ID, attemptIDs[2], rs[2].Position, nil); err != nil {
		t.Fatal(err)
	}
	check("the mark taken away")

	_, tqs, err := s.TeacherSet(ctx, a.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := at(s, t0).AcceptAnswer(ctx, a.ID, set, tqs[2].ID, "wrong"); err != nil {
		t.Fatal(err)
	}
	check("regraded")

	// An assignment from before the sums were kept is added up by the
	// first analysis that reads it.
	for _, q := range []string{"DELETE FROM item_totals", "DELETE FROM item_options", "UPDATE assignments SET tallied = 0"} {
		if err := s.inWrite(ctx, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, q); return err }); err != nil {
			t.Fatal(err)
		}
	}
	check("added up afresh")

	if _, _, _, _, err := s.ItemSums(ctx, b.ID, set); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B's item sums of A's set: %v; want not found", err)
	}
}
