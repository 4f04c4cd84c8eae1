package db

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"factdrill/questions"
	"factdrill/quiz"
)

// These tests run writers at once through two stores on one database, as
// two app servers behind a load balancer would, and check what SQLite's
// single writer guaranteed still holds: on PostgreSQL each of these is a
// read followed by a write that row locks (or a conditional write) keep
// correct under READ COMMITTED.

// twoServers returns the test's store and a second one on its database,
// with a cache of its own.
func twoServers(t *testing.T) (*Store, *Store) {
	t.Helper()
	s := openStore(t)
	return s, at(openAgain(t, s), t0)
}

// together runs n calls of fn at once, alternating between the stores,
// and returns their errors by call.
func together(n int, stores [2]*Store, fn func(i int, s *Store) error) []error {
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			errs[i] = fn(i, stores[i%2])
		}()
	}
	start.Done()
	done.Wait()
	return errs
}

const rounds = 8

func TestConcurrent_OneOpenAttempt(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	setID, err := a.CreateSet(ctx, testSet, "")
	if err != nil {
		t.Fatal(err)
	}
	for range rounds {
		l, _ := a.CreateLearner(ctx)
		ids := make([]int64, 6)
		errs := together(len(ids), [2]*Store{a, b}, func(i int, s *Store) error {
			at, err := s.StartAttempt(ctx, l.ID, setID)
			ids[i] = at.ID
			return err
		})
		for i, err := range errs {
			if err != nil || ids[i] != ids[0] {
				t.Fatalf("start %d of 6 at once = attempt %d, %v; want one attempt for all (the first got %d)", i, ids[i], err, ids[0])
			}
		}
	}
}

func TestConcurrent_AttemptLimit(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	c, _ := a.CreateClass(ctx, tc.ID, "Class")
	setID, _ := a.CreateSet(ctx, testSet, "")
	g, err := a.Assign(ctx, tc.ID, c.ID, setID, QuizSettings{MaxAttempts: 1, Feedback: FeedbackAfter})
	if err != nil {
		t.Fatal(err)
	}
	for range rounds {
		l, _ := a.CreateLearner(ctx)
		if _, err := a.JoinClass(ctx, l.ID, c.JoinCode, ""); err != nil {
			t.Fatal(err)
		}
		first, err := a.StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		// Finishing the one attempt and starting another at once: the
		// start either finds the attempt still open or is refused.
		errs := together(4, [2]*Store{a, b}, func(i int, s *Store) error {
			if i == 0 {
				_, err := s.FinishAttempt(ctx, l.ID, first.ID)
				return err
			}
			at, err := s.StartClassAttempt(ctx, l.ID, g)
			if err == nil && at.ID != first.ID {
				return fmt.Errorf("a second attempt %d past a limit of one", at.ID)
			}
			if errors.Is(err, questions.ErrInvalid) {
				return nil
			}
			return err
		})
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
	}
}

func TestConcurrent_FirstAnswerStands(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	c, _ := a.CreateClass(ctx, tc.ID, "Class")
	setID, _ := a.CreateSet(ctx, testSet, "")
	g, err := a.Assign(ctx, tc.ID, c.ID, setID, QuizSettings{Feedback: FeedbackDuring})
	if err != nil {
		t.Fatal(err)
	}
	for range rounds {
		l, _ := a.CreateLearner(ctx)
		a.JoinClass(ctx, l.ID, c.JoinCode, "")
		at, err := a.StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		// Six answers to the first question at once, from both servers:
		// each is acknowledged, one of them is the first, and only that
		// one is stored and reviewed.
		answers := []string{"Tokyo", "Kyoto", "Osaka", "Tokyo", "Nara", "Kobe"}
		errs := together(len(answers), [2]*Store{a, b}, func(i int, s *Store) error {
			return s.SaveAnswer(ctx, l.ID, at.ID, 2, quiz.Answer{Text: answers[i]}, 2)
		})
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		_, rs, err := openAgain(t, a).Responses(ctx, l.ID, at.ID)
		if err != nil || !rs[2].Answered {
			t.Fatalf("after six answers at once the response is %+v, %v; want one stored", rs[2], err)
		}
		log, err := a.ReviewLog(ctx, l.ID, rs[2].Question.ID)
		if err != nil || len(log) != 1 {
			t.Fatalf("six answers at once left %d reviews (%v), want 1: only the first answer is a review", len(log), err)
		}
	}
}

func TestConcurrent_AnswersAndFinish(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	setID, _ := a.CreateSet(ctx, testSet, "")
	for range rounds {
		l, _ := a.CreateLearner(ctx)
		at, err := a.StartAttempt(ctx, l.ID, setID)
		if err != nil {
			t.Fatal(err)
		}
		// Three right answers and the hand-in at once: every answer
		// acknowledged is in the score, every other one refused.
		var saved [3]bool
		errs := together(4, [2]*Store{a, b}, func(i int, s *Store) error {
			if i == 3 {
				_, err := s.FinishAttempt(ctx, l.ID, at.ID)
				return err
			}
			answer := []quiz.Answer{{Choices: []int{1}}, {True: truth(true)}, {Text: "Tokyo"}}[i]
			err := s.SaveAnswer(ctx, l.ID, at.ID, i, answer, i+1)
			saved[i] = err == nil
			if errors.Is(err, questions.ErrConflict) {
				return nil
			}
			return err
		})
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		done, err := b.Attempt(ctx, l.ID, at.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, ok := range saved {
			if ok {
				want++
			}
		}
		if !done.Finished() || done.Score.Right != want {
			t.Fatalf("%d answers were acknowledged, the finished attempt counts %d right (finished %v)", want, done.Score.Right, done.Finished())
		}
	}
}

func TestConcurrent_OneReviewPerShowing(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	setID, _ := a.CreateSet(ctx, testSet, "")
	_, qs, _ := a.Set(ctx, setID)
	for range rounds {
		l, _ := a.CreateLearner(ctx)
		// The card shown once, answered six times at once (a double
		// click, two tabs, two servers): one answer counts.
		errs := together(6, [2]*Store{a, b}, func(i int, s *Store) error {
			_, err := s.Review(ctx, ReviewInput{LearnerID: l.ID, SetID: setID, QuestionID: qs[0].ID, Rating: quiz.RatingGood, Reps: 0, Taken: -1})
			return err
		})
		ok := 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, questions.ErrConflict):
				t.Fatal(err)
			}
		}
		card, err := a.Card(ctx, l.ID, qs[0].ID)
		if ok != 1 || err != nil || card.Card.Reps != 1 {
			t.Fatalf("six answers to one showing: %d accepted, the card has %d reps (%v); want 1 and 1", ok, card.Card.Reps, err)
		}
	}
}

func TestConcurrent_SetupOnce(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	token, err := a.CreateSetupToken(ctx, 3600e9)
	if err != nil {
		t.Fatal(err)
	}
	made := 0
	errs := together(6, [2]*Store{a, b}, func(i int, s *Store) error {
		_, err := s.SetupFirstTeacher(ctx, token, fmt.Sprintf("teacher%d", i), "correct horse battery")
		return err
	})
	for _, err := range errs {
		switch {
		case err == nil:
			made++
		case !errors.Is(err, questions.ErrNotFound):
			t.Fatal(err)
		}
	}
	if made != 1 {
		t.Fatalf("one setup link used six times at once made %d teachers, want 1", made)
	}
}

func TestConcurrent_FirstSettingStands(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	got := make([]string, 6)
	errs := together(len(got), [2]*Store{a, b}, func(i int, s *Store) error {
		v, err := s.SettingOrInit(ctx, "keys", func() []byte { return fmt.Appendf(nil, "value %d", i) })
		got[i] = string(v)
		return err
	})
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("servers starting at once got keys %q, want one value for all", got)
		}
	}
}

func TestConcurrent_EditsTakeTurns(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	id, err := a.CreateDraftSet(ctx, tc.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	_, qs, _ := a.TeacherSet(ctx, tc.ID, id)
	// Four edits of one question at once, each a different stem: each
	// makes a version, numbered one after another.
	errs := together(4, [2]*Store{a, b}, func(i int, s *Store) error {
		edit := SetEdit{Title: "Capitals", Questions: append([]StoredQuestion(nil), qs...)}
		edit.Questions[0].Stem = fmt.Sprintf("Capital of France? (edit %d)", i)
		_, err := s.UpdateSet(ctx, tc.ID, id, edit)
		return err
	})
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	_, after, _ := b.TeacherSet(ctx, tc.ID, id)
	if len(after) != len(qs) || after[0].ID != qs[0].ID || after[0].Version != 5 {
		t.Fatalf("after four edits at once the set has %d questions, the first %d at version %d; want %d, %d at 5",
			len(after), after[0].ID, after[0].Version, len(qs), qs[0].ID)
	}
}
