package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// The read-then-write places of rosters, merging, admins and the question
// bank, run at once through two stores on one database (see
// concurrency_test.go).

// TestConcurrent_RosterNameOnce: rosters naming one student, added to a
// class at once, put one student of that name on it; the others are
// refused, as they would be one after the other.
func TestConcurrent_RosterNameOnce(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	for round := range rounds {
		c, _ := a.CreateClass(ctx, tc.ID, fmt.Sprintf("Class %d", round))
		errs := together(4, [2]*Store{a, b}, func(i int, s *Store) error {
			_, err := s.AddToRoster(ctx, tc.ID, c.ID, []RosterEntry{{Name: "Ann Lee"}})
			return err
		})
		added := 0
		for _, err := range errs {
			switch {
			case err == nil:
				added++
			case !errors.Is(err, questions.ErrInvalid):
				t.Fatal(err)
			}
		}
		ms, _, err := a.ClassMembers(ctx, tc.ID, c.ID, All)
		if err != nil || added != 1 || len(ms) != 1 {
			t.Fatalf("4 rosters of Ann Lee at once: %d added, class has %d members (%v); want 1 and 1", added, len(ms), err)
		}
	}
}

// TestConcurrent_RosterOneLearnerPerSchoolID: one student (a school id)
// rostered in two of a teacher's classes at once is one learner, with one
// sign-in code, in both.
func TestConcurrent_RosterOneLearnerPerSchoolID(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	c1, _ := a.CreateClass(ctx, tc.ID, "Maths")
	c2, _ := a.CreateClass(ctx, tc.ID, "History")
	for round := range rounds {
		e := RosterEntry{Name: fmt.Sprintf("Student %d", round), SchoolID: fmt.Sprintf("S%d", round)}
		ids := make([]int64, 2)
		errs := together(2, [2]*Store{a, b}, func(i int, s *Store) error {
			ls, err := s.AddToRoster(ctx, tc.ID, []int64{c1.ID, c2.ID}[i], []RosterEntry{e})
			if err == nil {
				ids[i] = ls[0].ID
			}
			return err
		})
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		if ids[0] != ids[1] {
			t.Fatalf("school id %s rostered in two classes at once = learners %d and %d, want one", e.SchoolID, ids[0], ids[1])
		}
	}
}

// TestConcurrent_MergeLosesNothing: a student answers while the teacher
// merges them into their other learner: the merge succeeds, and every
// answer acknowledged is the kept learner's afterwards.
func TestConcurrent_MergeLosesNothing(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	c, _ := a.CreateClass(ctx, tc.ID, "Class")
	setID, _ := a.CreateSet(ctx, testSet, "")
	answers := []quiz.Answer{{Choices: []int{1}}, {True: truth(true)}, {Text: "Tokyo"}, {Text: "Rome, on seven hills."}}
	for round := range rounds {
		keep, _ := a.CreateLearner(ctx)
		gone, _ := a.CreateLearner(ctx)
		name := fmt.Sprintf("Pat %d", round)
		for _, l := range []Learner{keep, gone} {
			if _, err := a.JoinClass(ctx, l.ID, c.JoinCode, name); err != nil {
				t.Fatal(err)
			}
		}
		at, err := a.StartAttempt(ctx, gone.ID, setID)
		if err != nil {
			t.Fatal(err)
		}
		errs := together(1+len(answers), [2]*Store{a, b}, func(i int, s *Store) error {
			if i == 0 {
				_, err := s.MergeLearners(ctx, tc.ID, c.ID, keep.ID, gone.ID)
				return err
			}
			return s.SaveAnswer(ctx, gone.ID, at.ID, i-1, answers[i-1], i-1)
		})
		if errs[0] != nil {
			t.Fatalf("merge while answering: %v", errs[0])
		}
		_, rs, err := openAgain(t, a).Responses(ctx, keep.ID, at.ID)
		if err != nil {
			t.Fatalf("the attempt after the merge: %v", err)
		}
		for i, err := range errs[1:] {
			// An answer that lost the race is refused (the attempt is no
			// longer that learner's); one acknowledged is kept.
			if err == nil && !rs[i].Answered {
				t.Errorf("round %d: answer %d was acknowledged and is not in the attempt after the merge", round, i)
			}
			if err != nil && !errors.Is(err, questions.ErrNotFound) && !errors.Is(err, questions.ErrConflict) {
				t.Errorf("round %d: answer %d: %v", round, i, err)
			}
		}
	}
}

// TestConcurrent_OneAdminRemains: two admins taking the role from each
// other, or disabling each other, at once leave one of them an admin.
func TestConcurrent_OneAdminRemains(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	first := mustTeacher(t, a, "First")
	for round := range rounds {
		x := mustTeacher(t, a, fmt.Sprintf("X%d", round))
		y := mustTeacher(t, a, fmt.Sprintf("Y%d", round))
		for _, id := range []int64{x.ID, y.ID} {
			if err := a.SetTeacherAdmin(ctx, first.ID, id, true); err != nil {
				t.Fatal(err)
			}
		}
		pair := [2]Teacher{x, y}
		errs := together(2, [2]*Store{a, b}, func(i int, s *Store) error {
			me, other := pair[i], pair[1-i]
			if round%2 == 0 {
				return s.SetTeacherAdmin(ctx, me.ID, other.ID, false)
			}
			return s.SetTeacherDisabled(ctx, me.ID, other.ID, true)
		})
		for _, err := range errs {
			if err != nil && !errors.Is(err, errNotAdmin) {
				t.Fatal(err)
			}
		}
		var admins []string
		for _, tc := range pair {
			if ok, err := a.IsAdmin(ctx, tc.ID); err != nil {
				t.Fatal(err)
			} else if ok {
				admins = append(admins, tc.Name)
			}
		}
		if len(admins) != 1 {
			t.Fatalf("round %d: after two admins acted on each other at once, the admins of the two are %q; want one", round, admins)
		}
	}
}

// TestConcurrent_ReuseWhileRemoving: a question taken out of its only set
// while it is put into another (the bank) is never deleted from under the
// set it was put into.
func TestConcurrent_ReuseWhileRemoving(t *testing.T) {
	a, b := twoServers(t)
	ctx := context.Background()
	tc := mustTeacher(t, a, "T")
	for round := range rounds {
		from, err := a.CreateDraftSet(ctx, tc.ID, testSet)
		if err != nil {
			t.Fatal(err)
		}
		to, err := a.CreateDraftSet(ctx, tc.ID, testSet)
		if err != nil {
			t.Fatal(err)
		}
		_, qs, err := a.TeacherSet(ctx, tc.ID, from)
		if err != nil {
			t.Fatal(err)
		}
		qid := qs[0].ID
		errs := together(2, [2]*Store{a, b}, func(i int, s *Store) error {
			if i == 0 {
				return s.RemoveQuestion(ctx, tc.ID, from, qid)
			}
			return s.ReuseQuestion(ctx, tc.ID, to, qid)
		})
		if errs[0] != nil {
			t.Fatal(errs[0])
		}
		_, qs, err = a.TeacherSet(ctx, tc.ID, to)
		if err != nil {
			t.Fatal(err)
		}
		in := slices.ContainsFunc(qs, func(q StoredQuestion) bool { return q.ID == qid })
		if errs[1] == nil && !in {
			t.Fatalf("round %d: question %d was put into set %d while taken out of set %d, and is not in it", round, qid, to, from)
		}
	}
}

// TestConcurrent_FirstTeacher: a teacher made on one server of an empty
// site while another server's first teacher is being made (inserted, not
// yet committed) waits for that one and is not an admin: one first
// teacher, one admin.
func TestConcurrent_FirstTeacher(t *testing.T) {
	ctx := context.Background()
	a, b := twoServers(t)
	inserted, release := make(chan struct{}), make(chan struct{})
	var first Teacher
	done := make(chan error, 1)
	go func() {
		done <- a.inWrite(ctx, func(tx *sql.Tx) error {
			var err error
			first, err = a.insertTeacher(ctx, tx, "First", hashPassword("correct horse battery"), t0)
			close(inserted)
			<-release
			return err
		})
	}()
	<-inserted
	second := make(chan Teacher, 1)
	go func() {
		tc, err := b.CreateTeacher(ctx, "Second", "correct horse battery")
		if err != nil {
			t.Error(err)
		}
		second <- tc
	}()
	// Give the second server time to insert, as it would without the
	// lock; with it, it waits for the first's commit.
	time.Sleep(300 * time.Millisecond)
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	got := <-second
	if !first.Admin || got.Admin {
		t.Fatalf("first teacher admin %v, second (made meanwhile on another server) admin %v; want only the first", first.Admin, got.Admin)
	}
}
