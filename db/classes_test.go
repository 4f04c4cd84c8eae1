package db

import (
	"context"
	"errors"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

func TestStore_Classes(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a, b := mustTeacher(t, s, "A"), mustTeacher(t, s, "B")
	c, err := at(s, t0).CreateClass(ctx, a.ID, "  Year 7   History ")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Year 7 History" || NormalizeJoinCode(c.JoinCode) != c.JoinCode {
		t.Fatalf("CreateClass = %+v", c)
	}
	if _, err := at(s, t0).CreateClass(ctx, a.ID, "  "); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("a class without a name = %v, want questions.ErrInvalid", err)
	}
	if _, err := s.Class(ctx, b.ID, c.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B reading A's class = %v, want questions.ErrNotFound", err)
	}
	if err := s.RenameClass(ctx, b.ID, c.ID, "Mine"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B renaming A's class = %v, want questions.ErrNotFound", err)
	}
	if err := s.DeleteClass(ctx, b.ID, c.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B deleting A's class = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.ClassResults(ctx, b.ID, c.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B reading A's results = %v, want questions.ErrNotFound", err)
	}

	l, _ := at(s, t0).CreateLearner(ctx)
	typed := FormatJoinCode(c.JoinCode)
	got, err := at(s, t0).JoinClass(ctx, l.ID, " "+typed+" ", "  Zoya  S ")
	if err != nil || got.ID != c.ID {
		t.Fatalf("JoinClass(%q) = %+v, %v", typed, got, err)
	}
	if _, err := at(s, t0).JoinClass(ctx, l.ID, c.JoinCode, ""); err != nil {
		t.Errorf("joining twice = %v, want no error", err)
	}
	if ll, _ := s.Learner(ctx, l.ID); ll.Name != "Zoya S" {
		t.Errorf("learner name after joining = %q, want %q", ll.Name, "Zoya S")
	}
	if _, err := at(s, t0).JoinClass(ctx, l.ID, "ZZZ-ZZZ", ""); !errors.Is(err, questions.ErrNotFound) && c.JoinCode != "ZZZZZZ" {
		t.Errorf("unknown code = %v, want questions.ErrNotFound", err)
	}
	if cs, _ := s.LearnerClasses(ctx, l.ID); len(cs) != 1 || cs[0].Members != 1 {
		t.Errorf("LearnerClasses = %+v", cs)
	}

	// Assignments: teacher B's set cannot be given to A's class; the seed
	// set (no owner) can.
	bSet, _ := at(s, t0).CreateDraftSet(ctx, b.ID, testSet)
	if _, err := at(s, t0).Assign(ctx, a.ID, c.ID, bSet, QuizSettings{Feedback: FeedbackAfter}); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("assigning another teacher's set = %v, want questions.ErrNotFound", err)
	}
	seed, _ := at(s, t0).CreateSet(ctx, testSet, "seed")
	if _, err := at(s, t0).Assign(ctx, a.ID, c.ID, seed, QuizSettings{Feedback: "sometimes"}); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("bad feedback setting = %v, want questions.ErrInvalid", err)
	}
	g, err := at(s, t0).Assign(ctx, a.ID, c.ID, seed, QuizSettings{Draw: 2, Shuffle: true, MaxAttempts: 2, Feedback: FeedbackDuring})
	if err != nil {
		t.Fatal(err)
	}

	other, _ := at(s, t0).CreateLearner(ctx)
	if _, err := at(s, t0).StartClassAttempt(ctx, other.ID, g); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("an attempt by a learner outside the class = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.LearnerAssignments(ctx, other.ID, c.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("an outsider's view of the class = %v, want questions.ErrNotFound", err)
	}
	att, err := at(s, t0).StartClassAttempt(ctx, l.ID, g)
	if err != nil {
		t.Fatal(err)
	}
	if att.Count != 2 || att.AssignmentID != g || att.Feedback != FeedbackDuring {
		t.Fatalf("class attempt = %+v, want 2 questions drawn for assignment %d with feedback during", att, g)
	}
	if again, _ := at(s, t0).StartClassAttempt(ctx, l.ID, g); again.ID != att.ID {
		t.Errorf("starting again = attempt %d, want the open attempt %d", again.ID, att.ID)
	}
	_, rs, _ := s.Responses(ctx, l.ID, att.ID)
	for _, r := range rs {
		at(s, t0).SaveAnswer(ctx, l.ID, att.ID, r.Position, rightAnswer(r.Question), 0)
	}
	at(s, t0.Add(7*time.Minute)).FinishAttempt(ctx, l.ID, att.ID)
	for _, r := range rs {
		// An essay drawn waits for the teacher: marked in full here.
		if r.Question.Kind == questions.Essay {
			if err := at(s, t0).SetMark(ctx, a.ID, att.ID, r.Position, &quiz.Manual{Fraction: 1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	at2, err := at(s, t0.Add(time.Hour)).StartClassAttempt(ctx, l.ID, g)
	if err != nil {
		t.Fatal(err)
	}
	at(s, t0.Add(time.Hour+time.Minute)).FinishAttempt(ctx, l.ID, at2.ID)
	if _, err := at(s, t0.Add(2*time.Hour)).StartClassAttempt(ctx, l.ID, g); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("a third attempt of 2 allowed = %v, want questions.ErrInvalid", err)
	}
	las, err := s.LearnerAssignments(ctx, l.ID, c.ID)
	if err != nil || len(las) != 1 || las[0].Used != 2 || las[0].Best != 100 || las[0].BestPending || las[0].Left() != 0 {
		t.Fatalf("LearnerAssignments = %+v, %v", las, err)
	}

	res, err := s.ClassResults(ctx, a.ID, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Students) != 1 || len(res.Assignments) != 1 {
		t.Fatalf("ClassResults = %+v", res)
	}
	cell := res.Students[0].Cells[0]
	want := ResultCell{Attempts: 2, Finished: 2, Best: 100, Last: 0, LastTime: time.Minute, LastAt: t0.Add(time.Hour + time.Minute)}
	if cell != want {
		t.Errorf("result cell = %+v, want %+v", cell, want)
	}
	_, details, err := s.ClassAttempts(ctx, a.ID, c.ID, l.ID)
	if err != nil || len(details) != 2 || len(details[0].Responses) != 2 || !details[0].Responses[0].Answered || details[0].Learner.Name != "Zoya S" {
		t.Fatalf("ClassAttempts = %+v, %v", details, err)
	}
	if _, _, err := s.ClassAttempts(ctx, a.ID, c.ID, other.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("attempts of a learner outside the class = %v, want questions.ErrNotFound", err)
	}
	// Item analysis counts the class's finished attempts for its teacher
	// alone.
	if _, _, _, n, err := s.ItemSums(ctx, a.ID, seed); err != nil || n != 2 {
		t.Fatalf("item analysis of the seed set for A = %d attempts, %v; want 2", n, err)
	}
	if _, _, _, n, _ := s.ItemSums(ctx, b.ID, seed); n != 0 {
		t.Errorf("teacher B's item analysis counts %d of A's class's attempts at the seed set, want 0", n)
	}
	all, err := s.AllClassResults(ctx, 0, typed)
	if err != nil || len(all) != 1 || all[0].Class.ID != c.ID {
		t.Fatalf("AllClassResults(code) = %+v, %v", all, err)
	}
	if _, err := s.AllClassResults(ctx, 0, "nope"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("AllClassResults(unknown code) = %v, want questions.ErrNotFound", err)
	}

	t.Run("Unpublished", func(t *testing.T) {
		aSet, _ := at(s, t0).CreateDraftSet(ctx, a.ID, testSet)
		g2, err := at(s, t0).Assign(ctx, a.ID, c.ID, aSet, QuizSettings{Feedback: FeedbackAfter})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := at(s, t0).StartClassAttempt(ctx, l.ID, g2); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("an attempt at an unpublished set = %v, want questions.ErrNotFound", err)
		}
	})
	t.Run("DeleteClass", func(t *testing.T) {
		if err := s.DeleteClass(ctx, a.ID, c.ID); err != nil {
			t.Fatal(err)
		}
		if as, _ := s.LearnerAttempts(ctx, l.ID); len(as) != 0 {
			t.Errorf("after deleting the class the learner has %d attempts, want 0", len(as))
		}
	})
}

func rightAnswer(q StoredQuestion) quiz.Answer {
	var a quiz.Answer
	switch {
	case len(q.Choices) > 0:
		a.Choices = q.RightChoices()[:1]
	case q.Kind == "true_false":
		a.True = truth(q.Truth)
	case len(q.Answers) > 0:
		a.Text = q.Answers[0].Text
	default:
		a.Text = "an essay"
	}
	return a
}

func TestStore_ImportFolderFile(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, err := s.FolderFileByPath(ctx, "week1.gift"); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("FolderFileByPath before import = %v, want questions.ErrNotFound", err)
	}
	id, created, err := at(s, t0).ImportFolderFile(ctx, "week1.gift", "h1", testSet)
	if err != nil || !created {
		t.Fatalf("first import = %d, %v, %v", id, created, err)
	}
	f, _ := s.FolderFileByPath(ctx, "week1.gift")
	if f.Hash != "h1" || f.SetID != id {
		t.Errorf("FolderFileByPath = %+v", f)
	}
	changed := testSet
	changed.Title = "Capitals 2"
	changed.Questions = changed.Questions[:2]
	id2, created, err := at(s, t0).ImportFolderFile(ctx, "week1.gift", "h2", changed)
	if err != nil || created || id2 != id {
		t.Fatalf("second import = %d, %v, %v; want set %d rewritten", id2, created, err, id)
	}
	sets, _ := s.PublishedSets(ctx)
	if len(sets) != 1 || sets[0].Title != "Capitals 2" || sets[0].Questions != 2 {
		t.Errorf("after re-import: %+v", sets)
	}
	bad := testSet
	bad.Questions = nil
	if _, _, err := at(s, t0).ImportFolderFile(ctx, "week1.gift", "h3", bad); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("importing an empty set = %v, want questions.ErrInvalid", err)
	}
	if f, _ := s.FolderFileByPath(ctx, "week1.gift"); f.Hash != "h2" {
		t.Errorf("a refused import changed the stored hash to %q", f.Hash)
	}
}
