package db

import (
	"context"
	"errors"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

func mustTeacher(t *testing.T, s *Store, name string) Teacher {
	t.Helper()
	tc, err := at(s, t0).CreateTeacher(context.Background(), name, "correct horse battery")
	if err != nil {
		t.Fatalf("CreateTeacher(%q): %v", name, err)
	}
	return tc
}

func TestStore_CreateTeacher(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := mustTeacher(t, s, "  Ms   Rivera ")
	if a.Name != "Ms Rivera" {
		t.Errorf("name = %q, want %q", a.Name, "Ms Rivera")
	}
	var hash string
	s.read.QueryRow("SELECT password_hash FROM teachers WHERE id = ?", a.ID).Scan(&hash)
	if len(hash) < 40 || hash[:10] != "$argon2id$" {
		t.Errorf("stored hash = %q, want an argon2id PHC string", hash)
	}
	for _, c := range []struct{ name, pw string }{
		{"ms rivera", "correct horse battery"}, // taken, whatever the case
		{"", "correct horse battery"},
		{"Short", "short"},
		{"Bad\x01", "correct horse battery"},
	} {
		if _, err := at(s, t0).CreateTeacher(ctx, c.name, c.pw); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("CreateTeacher(%q, %q) = %v, want questions.ErrInvalid", c.name, c.pw, err)
		}
	}
	if n, _ := s.TeacherCount(ctx); n != 1 {
		t.Errorf("TeacherCount = %d, want 1", n)
	}
}

func TestStore_Authenticate(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := mustTeacher(t, s, "Rivera")
	got, err := s.Authenticate(ctx, "rivera", "correct horse battery")
	if err != nil || got.ID != a.ID {
		t.Fatalf("Authenticate(right) = %+v, %v, want teacher %d", got, err, a.ID)
	}
	_, errWrong := s.Authenticate(ctx, "Rivera", "wrong horse battery")
	_, errUnknown := s.Authenticate(ctx, "Nobody", "correct horse battery")
	if !errors.Is(errWrong, questions.ErrUnauthorized) || !errors.Is(errUnknown, questions.ErrUnauthorized) || errWrong.Error() != errUnknown.Error() {
		t.Fatalf("wrong password = %v, unknown name = %v, want the same questions.ErrUnauthorized", errWrong, errUnknown)
	}
	if err := s.SetTeacherPassword(ctx, "Rivera", "a new long password"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "Rivera", "correct horse battery"); !errors.Is(err, questions.ErrUnauthorized) {
		t.Fatalf("old password after a change = %v, want questions.ErrUnauthorized", err)
	}
	if _, err := s.Authenticate(ctx, "Rivera", "a new long password"); err != nil {
		t.Fatalf("new password = %v", err)
	}
}

func TestStore_SetupToken(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	old, err := at(s, t0).CreateSetupToken(ctx, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	token, err := at(s, t0).CreateSetupToken(ctx, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := at(s, t0).CheckSetupToken(ctx, old); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("an earlier token = %v, want questions.ErrNotFound once a new one is made", err)
	}
	if err := at(s, t0.Add(25*time.Hour)).CheckSetupToken(ctx, token); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("token after 25h = %v, want questions.ErrNotFound", err)
	}
	if _, err := at(s, t0).SetupFirstTeacher(ctx, token, "Rivera", "short"); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("setup with a short password = %v, want questions.ErrInvalid", err)
	}
	if err := at(s, t0).CheckSetupToken(ctx, token); err != nil {
		t.Errorf("token after a refused setup = %v, want it still valid", err)
	}
	tc, err := at(s, t0.Add(time.Hour)).SetupFirstTeacher(ctx, token, "Rivera", "correct horse battery")
	if err != nil || tc.Name != "Rivera" {
		t.Fatalf("SetupFirstTeacher = %+v, %v", tc, err)
	}
	if _, err := at(s, t0.Add(time.Hour)).SetupFirstTeacher(ctx, token, "Other", "correct horse battery"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("second use of the token = %v, want questions.ErrNotFound", err)
	}
	if _, err := at(s, t0).CreateSetupToken(ctx, time.Hour); !errors.Is(err, questions.ErrConflict) {
		t.Errorf("CreateSetupToken with a teacher = %v, want questions.ErrConflict", err)
	}
}

func TestStore_TeacherSession(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := mustTeacher(t, s, "Rivera")
	l, _ := at(s, t0).CreateLearner(ctx)
	login := TeacherLogin{Idle: 2 * time.Hour, MaxAge: 12 * time.Hour}
	token, err := at(s, t0).CreateTeacherSession(ctx, a.ID, l.ID, 180*24*time.Hour, login)
	if err != nil {
		t.Fatal(err)
	}
	now := t0
	// Active every 90 minutes: the login lasts until its absolute end.
	for now.Before(t0.Add(12*time.Hour - 90*time.Minute)) {
		now = now.Add(90 * time.Minute)
		if got, err := sessionTeacher(at(s, now), token); err != nil || got.ID != a.ID {
			t.Fatalf("at %v: SessionTeacher = %+v, %v, want teacher %d", now.Sub(t0), got, err, a.ID)
		}
	}
	if _, err := sessionTeacher(at(s, t0.Add(12*time.Hour)), token); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("after 12h: %v, want questions.ErrNotFound", err)
	}
	// The learner part of the session goes on.
	if sess, err := at(s, t0.Add(12*time.Hour)).Session(ctx, token, 180*24*time.Hour); err != nil || sess.LearnerID() != l.ID {
		t.Fatalf("learner session after the teacher's login ended = %+v, %v", sess, err)
	}

	t.Run("Idle", func(t *testing.T) {
		token, _ := at(s, t0).CreateTeacherSession(ctx, a.ID, 0, time.Hour, login)
		if _, err := sessionTeacher(at(s, t0.Add(119*time.Minute)), token); err != nil {
			t.Fatalf("after 119 idle minutes: %v", err)
		}
		if _, err := sessionTeacher(at(s, t0.Add(119*time.Minute+2*time.Hour)), token); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("after 2h idle: %v, want questions.ErrNotFound", err)
		}
	})
	t.Run("Logout", func(t *testing.T) {
		token, _ := at(s, t0).CreateTeacherSession(ctx, a.ID, 0, time.Hour, login)
		if err := s.EndTeacherLogin(ctx, token); err != nil {
			t.Fatal(err)
		}
		if _, err := sessionTeacher(at(s, t0), token); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("after logout: %v, want questions.ErrNotFound", err)
		}
	})
}

func TestStore_TeacherSets(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a, b := mustTeacher(t, s, "A"), mustTeacher(t, s, "B")
	seed, _ := at(s, t0).CreateSet(ctx, testSet, "seed")
	id, err := at(s, t0).CreateDraftSet(ctx, a.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	if sets, _ := s.PublishedSets(ctx); len(sets) != 1 || sets[0].ID != seed {
		t.Errorf("PublishedSets = %+v, want only the seed set", sets)
	}
	if _, _, err := s.TeacherSet(ctx, b.ID, id); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B reading A's set = %v, want questions.ErrNotFound", err)
	}
	if _, _, err := s.TeacherSet(ctx, b.ID, seed); err != nil {
		t.Errorf("teacher B reading the seed set = %v", err)
	}
	for name, err := range map[string]error{
		"publish": at(s, t0).SetPublished(ctx, b.ID, id, true),
		"delete":  s.DeleteSet(ctx, b.ID, id),
		"update":  second(at(s, t0).UpdateSet(ctx, b.ID, id, SetEdit{Title: "x", Questions: []StoredQuestion{{Question: testSet.Questions[0]}}})),
		"seed":    at(s, t0).SetPublished(ctx, a.ID, seed, false),
	} {
		if !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("%s by another teacher = %v, want questions.ErrNotFound", name, err)
		}
	}
	if _, _, err := s.PublishedSet(ctx, id); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("a teacher's set on the public page = %v, want questions.ErrNotFound", err)
	}
	l, _ := at(s, t0).CreateLearner(ctx)
	if err := at(s, t0).SetPublished(ctx, a.ID, id, true); err != nil {
		t.Fatal(err)
	}
	if _, err := at(s, t0).StartAttempt(ctx, l.ID, id); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("a public attempt at a teacher's set = %v, want questions.ErrNotFound", err)
	}
	t.Run("ThroughClass", func(t *testing.T) {
		c, _ := at(s, t0).CreateClass(ctx, a.ID, "Try again")
		g, _ := at(s, t0).Assign(ctx, a.ID, c.ID, id, QuizSettings{Draw: 2, MaxAttempts: 1, Feedback: FeedbackAfter})
		m, _ := at(s, t0).CreateLearner(ctx)
		at(s, t0).JoinClass(ctx, m.ID, c.JoinCode, "")
		att, err := at(s, t0).StartAttempt(ctx, m.ID, id)
		if err != nil || att.AssignmentID != g || att.Count != 2 {
			t.Fatalf("a member starting the set = %+v, %v; want a class attempt of 2 questions", att, err)
		}
		at(s, t0).FinishAttempt(ctx, m.ID, att.ID)
		if _, err := at(s, t0).StartAttempt(ctx, m.ID, id); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("trying again past the limit = %v, want questions.ErrInvalid", err)
		}
	})

	t.Run("UpdateKeepsAnswers", func(t *testing.T) {
		c, _ := at(s, t0).CreateClass(ctx, a.ID, "7B")
		g, _ := at(s, t0).Assign(ctx, a.ID, c.ID, id, QuizSettings{Feedback: FeedbackAfter})
		at(s, t0).JoinClass(ctx, l.ID, c.JoinCode, "Zoya")
		att, err := at(s, t0).StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		at(s, t0).SaveAnswer(ctx, l.ID, att.ID, 1, quiz.Answer{True: truth(true)}, 2) // question 2, true/false
		_, qs, _ := s.TeacherSet(ctx, a.ID, id)
		edit := SetEdit{Title: "Capitals, revised", Publish: true}
		// Drop question 1, edit question 2's stem, add one at the end.
		q2 := qs[1]
		q2.Stem = "Rome is Italy's capital."
		edit.Questions = append(edit.Questions, q2, qs[2], qs[3], StoredQuestion{Question: testSet.Questions[0]})
		ch, err := at(s, t0).UpdateSet(ctx, a.ID, id, edit)
		if err != nil {
			t.Fatal(err)
		}
		if want := (SetChange{Revised: 1, Added: 1, Removed: 1}); ch != want {
			t.Errorf("UpdateSet = %+v, want %+v", ch, want)
		}
		// The open attempt keeps the questions it was started with, at
		// the versions it showed.
		_, rs, err := s.Responses(ctx, l.ID, att.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 4 || rs[1].Question.Stem != "Rome is the capital of Italy." || !rs[1].Answered || rs[1].Question.ID != qs[1].ID {
			t.Fatalf("after the edit the attempt has %d questions, second %q answered=%v; want 4, the stem it showed, answered",
				len(rs), rs[1].Question.Stem, rs[1].Answered)
		}
		info, now, _ := s.TeacherSet(ctx, a.ID, id)
		if info.Title != "Capitals, revised" || len(now) != 4 || now[3].Kind != questions.MultipleChoice {
			t.Fatalf("after the edit: %+v, %d questions", info, len(now))
		}
		if now[0].ID != qs[1].ID || now[0].Version != 2 || now[0].Stem != "Rome is Italy's capital." || now[1].Version != 1 {
			t.Errorf("after the edit the set's first two questions are %d v%d %q and v%d; want %d v2 with the new stem, and v1",
				now[0].ID, now[0].Version, now[0].Stem, now[1].Version, qs[1].ID)
		}
		stale, err := s.StaleAttempts(ctx, a.ID, id)
		if err != nil || len(stale) != 1 || stale[0].AttemptID != att.ID || stale[0].Changed != 1 || stale[0].Removed != 1 ||
			stale[0].Learner.Name != "Zoya" || stale[0].ClassName != "7B" {
			t.Errorf("StaleAttempts = %+v, %v; want Zoya's attempt in 7B with 1 changed and 1 removed", stale, err)
		}
		// Saving again without a change makes no version.
		if ch, err := at(s, t0).UpdateSet(ctx, a.ID, id, SetEdit{Title: "Capitals, revised", Publish: true, Questions: now}); err != nil || ch != (SetChange{}) {
			t.Errorf("saving an unchanged set = %+v, %v; want no change", ch, err)
		}
		if _, again, _ := s.TeacherSet(ctx, a.ID, id); again[0].VersionID != now[0].VersionID {
			t.Errorf("saving an unchanged set moved question 1 from version %d to %d", now[0].VersionID, again[0].VersionID)
		}
		if _, err := at(s, t0).FinishAttempt(ctx, l.ID, att.ID); err != nil {
			t.Fatal(err)
		}
		if stale, _ := s.StaleAttempts(ctx, a.ID, id); len(stale) != 0 {
			t.Errorf("after finishing, StaleAttempts = %+v, want none: only open attempts are listed", stale)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		if err := s.DeleteSet(ctx, a.ID, id); err != nil {
			t.Fatal(err)
		}
		if sets, _ := s.TeacherSets(ctx, a.ID); len(sets) != 0 {
			t.Fatalf("after delete: %+v", sets)
		}
	})
}

// sessionTeacher is the teacher logged in on the session of token, or
// ErrNotFound for none.
func sessionTeacher(s *Store, token string) (Teacher, error) {
	sess, err := s.Session(context.Background(), token, 180*24*time.Hour)
	if err == nil && sess.Teacher.ID == 0 {
		err = questions.ErrNotFound
	}
	return sess.Teacher, err
}

// second is the error of a call that returns a value and an error.
func second[T any](_ T, err error) error { return err }
