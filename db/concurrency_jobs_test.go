package db

import (
	"context"
	"errors"
	"factdrill/quiz"
	"testing"

	"factdrill/questions"
)

// The read-then-write places of jobs, run at once through two stores on
// one database (see concurrency_test.go).

// TestConcurrent_JobLimits: documents sent at once, through two servers,
// queue no more jobs than the limits allow.
func TestConcurrent_JobLimits(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	for round := range rounds {
		tc := mustTeacher(t, a, string(rune('A'+round)))
		errs := together(6, [2]*Store{a, b}, func(i int, s *Store) error {
			_, err := s.EnqueueJob(ctx, tc.ID, "generate", "a document", []byte(`{}`), JobLimits{PerOwner: 2, Total: 100})
			return err
		})
		queued := 0
		for _, err := range errs {
			switch {
			case err == nil:
				queued++
			case questions.ErrorCode(err) != questions.CodeUnavailable:
				t.Fatal(err)
			}
		}
		if queued != 2 {
			t.Fatalf("6 documents at once with a limit of 2 a teacher queued %d jobs, want 2", queued)
		}
	}
}

// TestConcurrent_FinishOrCancel: a job's teacher cancels it as its server
// finishes it: either the cancel comes first and no set is stored, or the
// job is done with its set; never a cancelled job with a set, nor a set
// stored for a job the teacher was told is cancelled.
func TestConcurrent_FinishOrCancel(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	for range rounds {
		id, err := a.EnqueueJob(ctx, tc.ID, "generate", "a document", []byte(`{}`), JobLimits{PerOwner: 100, Total: 100})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok, err := a.ClaimJob(ctx, testClaim); err != nil || !ok {
			t.Fatalf("claim: %v, %v", ok, err)
		}
		before, _ := a.TeacherSets(ctx, tc.ID)
		errs := together(2, [2]*Store{a, b}, func(i int, s *Store) error {
			if i == 0 {
				_, err := s.FinishJob(ctx, id, testClaim.Worker, testSet)
				return err
			}
			_, err := s.CancelJob(ctx, tc.ID, id)
			return err
		})
		if errs[1] != nil {
			t.Fatal(errs[1])
		}
		after, _ := a.TeacherSets(ctx, tc.ID)
		j := jobStatus(t, a, tc.ID, id)
		switch {
		case j.Status == JobDone && errs[0] == nil && len(after) == len(before)+1:
		case j.Status == JobCancelled && errors.Is(errs[0], questions.ErrConflict) && len(after) == len(before):
		default:
			t.Fatalf("finish and cancel at once: job %s, finish %v, %d sets after %d; want done with its set, or cancelled without", j.Status, errs[0], len(after), len(before))
		}
	}
}

// TestConcurrent_MarksAtOnce: two teachers' marks of one attempt given at
// once (on two servers) each count in its score.
func TestConcurrent_MarksAtOnce(t *testing.T) {
	ctx := context.Background()
	for range rounds {
		f := newClassFixture(t, testSet, QuizSettings{})
		a, b := f.s, at(openAgain(t, f.s), t0)
		at(a, t0)
		att, err := a.StartClassAttempt(ctx, f.learner.ID, f.g)
		if err != nil {
			t.Fatal(err)
		}
		answers := []quiz.Answer{{Choices: []int{0}}, {True: truth(false)}, {Text: "Tokio"}, {Text: "Paris."}}
		for i, an := range answers {
			if err := a.SaveAnswer(ctx, f.learner.ID, att.ID, i, an, i); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := a.FinishAttempt(ctx, f.learner.ID, att.ID); err != nil {
			t.Fatal(err)
		}
		errs := together(4, [2]*Store{a, b}, func(i int, s *Store) error {
			return s.SetMark(ctx, f.teacher.ID, att.ID, i, &quiz.Manual{Fraction: 1})
		})
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		got, err := a.Attempt(ctx, f.learner.ID, att.ID)
		if err != nil || got.Score.Points != 4 || got.Score.Pending != 0 {
			t.Fatalf("four marks of 1 given at once: score %+v (%v), want 4 of 4", got.Score, err)
		}
	}
}
