package db

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

var t0 = time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)

// at sets the store's clock to when and returns the store, so that a test
// reads as what the store does at a time: at(s, t1).Review(…).
func at(s *Store, when time.Time) *Store {
	s.SetClock(func() time.Time { return when })
	return s
}

func truth(b bool) *bool { return &b }

var testSet = questions.Set{
	Title:  "Capitals",
	Origin: "written for the tests",
	Questions: []questions.Question{
		{Kind: questions.MultipleChoice, Stem: "Capital of France?", Choices: []questions.Choice{{Text: "Lyon"}, {Text: "Paris", Weight: 100}, {Text: "Nice"}}},
		{Kind: questions.TrueFalse, Stem: "Rome is the capital of Italy.", Truth: true},
		{Kind: questions.ShortAnswer, Stem: "Capital of Japan?", Answers: []questions.Choice{{Text: "Tokyo", Weight: 100}}},
		{Kind: questions.Essay, Stem: "Describe a capital you know."},
	},
}

func TestStore_Open(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "x.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	var sync, fk int
	if err := s.write.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	if err := s.read.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
		t.Errorf("reader synchronous = %d (%v), want 2 (FULL)", sync, err)
	}
	if err := s.write.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v), want 1", fk, err)
	}
	if _, err := s.read.Exec("DELETE FROM sets"); err == nil {
		t.Error("a write through the read pool succeeded, want it refused")
	}
	s.Close()

	// Opening again applies no migration twice.
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	var n int
	s.read.QueryRow("SELECT count(*) FROM schema_migrations").Scan(&n)
	names, _ := migrations.ReadDir("migrations/sqlite")
	if n != len(names) {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(names))
	}
}

func TestStore_CreateSet(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	id, err := at(s, t0).CreateSet(ctx, testSet, "")
	if err != nil {
		t.Fatal(err)
	}
	info, qs, err := s.PublishedSet(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if info.Title != "Capitals" || info.Origin != "written for the tests" || info.Questions != 4 || !info.CreatedAt.Equal(t0) {
		t.Errorf("PublishedSet info = %+v", info)
	}
	if len(qs) != 4 || qs[0].Choices[1].Text != "Paris" || qs[2].Answers[0].Text != "Tokyo" || qs[3].Kind != questions.Essay {
		t.Errorf("PublishedSet questions = %+v", qs)
	}
	sets, err := s.PublishedSets(ctx)
	if err != nil || len(sets) != 1 || sets[0].ID != id {
		t.Errorf("PublishedSets = %+v, %v, want the one set", sets, err)
	}

	t.Run("ErrInvalid", func(t *testing.T) {
		bad := questions.Set{Title: "Bad", Questions: []questions.Question{{Kind: questions.MultipleChoice, Stem: "Q?"}}}
		if _, err := at(s, t0).CreateSet(ctx, bad, ""); !errors.Is(err, questions.ErrInvalid) {
			t.Fatalf("CreateSet(invalid) = %v, want questions.ErrInvalid", err)
		}
		if sets, _ := s.PublishedSets(ctx); len(sets) != 1 {
			t.Fatalf("after a rejected set there are %d sets, want 1", len(sets))
		}
	})
	t.Run("Builtin", func(t *testing.T) {
		bid, err := at(s, t0).CreateSet(ctx, testSet, "seed")
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.BuiltinSet(ctx, "seed")
		if err != nil || got.ID != bid || got.Builtin != "seed" {
			t.Fatalf("BuiltinSet = %+v, %v, want id %d", got, err, bid)
		}
		if _, err := s.BuiltinSet(ctx, "other"); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("BuiltinSet(other) = %v, want questions.ErrNotFound", err)
		}
	})
	t.Run("AsSet", func(t *testing.T) {
		info, qs, err := s.Set(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got := AsSet(info, qs)
		if got.Title != testSet.Title || len(got.Questions) != len(testSet.Questions) || got.Questions[2].Answers[0].Text != "Tokyo" {
			t.Fatalf("AsSet(Set(%d)) = %+v, want the set stored", id, got)
		}
	})
	t.Run("questions.ErrNotFound", func(t *testing.T) {
		if _, _, err := s.Set(ctx, 999); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("Set(999) = %v, want questions.ErrNotFound", err)
		}
		if _, _, err := s.PublishedSet(ctx, 999); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("PublishedSet(999) = %v, want questions.ErrNotFound", err)
		}
	})
}

func TestStore_Learner(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	l, err := at(s, t0).CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if NormalizeResumeCode(l.ResumeCode) != l.ResumeCode {
		t.Fatalf("resume code %q is not in normal form", l.ResumeCode)
	}
	if err := s.RenameLearner(ctx, l.ID, "  Zoya   Shadurskaia "); err != nil {
		t.Fatal(err)
	}
	typed := FormatResumeCode(l.ResumeCode)
	got, err := s.LearnerByResumeCode(ctx, " "+typed[:3]+" "+typed[3:]+" ")
	if err != nil || got.ID != l.ID || got.Name != "Zoya Shadurskaia" {
		t.Fatalf("LearnerByResumeCode(%q) = %+v, %v, want learner %d named", typed, got, err, l.ID)
	}
	if _, err := s.LearnerByResumeCode(ctx, "0000-0000"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("LearnerByResumeCode(unknown) = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.LearnerByResumeCode(ctx, "not a code"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("LearnerByResumeCode(garbage) = %v, want questions.ErrNotFound", err)
	}
	for _, bad := range []string{string(make([]byte, 61)), "a\x01b", "\xff"} {
		if err := s.RenameLearner(ctx, l.ID, bad); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("RenameLearner(%q) = %v, want questions.ErrInvalid", bad, err)
		}
	}
}

func TestNormalizeResumeCode(t *testing.T) {
	for in, want := range map[string]string{
		"k7qm-4zpa": "K7QM4ZPA",
		"O1IL 2345": "01112345",
		"K7QM4ZP":   "",
		"K7QM-4ZPU": "", // U is not in the alphabet
	} {
		if got := NormalizeResumeCode(in); got != want {
			t.Errorf("NormalizeResumeCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStore_Session(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	l, _ := at(s, t0).CreateLearner(ctx)
	ttl := 24 * time.Hour
	token, err := at(s, t0).CreateSession(ctx, l.ID, ttl)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := at(s, t0.Add(time.Minute)).Session(ctx, token, ttl)
	if err != nil || sess.LearnerID() != l.ID {
		t.Fatalf("Session = %+v, %v, want learner %d", sess, err, l.ID)
	}
	// Used after 20 hours, the session is extended by a day from then.
	sess, err = at(s, t0.Add(20*time.Hour)).Session(ctx, token, ttl)
	if err != nil || !sess.ExpiresAt.Equal(t0.Add(44*time.Hour)) {
		t.Fatalf("Session after 20h = %+v, %v, want expiry at +44h", sess, err)
	}
	if _, err := at(s, t0.Add(45*time.Hour)).Session(ctx, token, ttl); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("Session after expiry = %v, want questions.ErrNotFound", err)
	}
	if n, err := at(s, t0.Add(45*time.Hour)).DeleteExpiredSessions(ctx); err != nil || n != 1 {
		t.Fatalf("DeleteExpiredSessions = %d, %v, want 1", n, err)
	}

	token, _ = at(s, t0).CreateSession(ctx, l.ID, ttl)
	if err := s.DeleteSession(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, err := at(s, t0).Session(ctx, token, ttl); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("Session after logout = %v, want questions.ErrNotFound", err)
	}
	if _, err := at(s, t0).Session(ctx, "unknown", ttl); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("Session(unknown) = %v, want questions.ErrNotFound", err)
	}
}

func TestStore_SettingOrInit(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	v, err := s.SettingOrInit(ctx, "k", func() []byte { return []byte("first") })
	if err != nil || string(v) != "first" {
		t.Fatalf("SettingOrInit = %q, %v", v, err)
	}
	v, err = s.SettingOrInit(ctx, "k", func() []byte { return []byte("second") })
	if err != nil || string(v) != "first" {
		t.Fatalf("second SettingOrInit = %q, %v, want the first value kept", v, err)
	}
}

func TestStore_Attempt(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	setID, _ := at(s, t0).CreateSet(ctx, testSet, "")
	alice, _ := at(s, t0).CreateLearner(ctx)
	bob, _ := at(s, t0).CreateLearner(ctx)

	a, err := at(s, t0).StartAttempt(ctx, alice.ID, setID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Count != 4 || a.Position != 0 || a.Finished() || a.SetTitle != "Capitals" {
		t.Fatalf("StartAttempt = %+v", a)
	}
	if again, _ := at(s, t0).StartAttempt(ctx, alice.ID, setID); again.ID != a.ID {
		t.Fatalf("second StartAttempt = attempt %d, want the open attempt %d resumed", again.ID, a.ID)
	}

	steps := []struct {
		pos, next int
		answer    quiz.Answer
	}{
		{0, 1, quiz.Answer{Choices: []int{0}}}, // wrong, changed below
		{1, 2, quiz.Answer{True: truth(true)}},
		{2, 3, quiz.Answer{Text: " tokyo "}},
		{3, 3, quiz.Answer{Text: "Paris, of course."}},
		{0, 3, quiz.Answer{Choices: []int{1}}}, // back to change the first answer
	}
	for _, st := range steps {
		if err := at(s, t0.Add(time.Minute)).SaveAnswer(ctx, alice.ID, a.ID, st.pos, st.answer, st.next); err != nil {
			t.Fatalf("SaveAnswer(%d, %+v): %v", st.pos, st.answer, err)
		}
	}
	st, err := s.AttemptQuestion(ctx, alice.ID, a.ID, 0)
	a, r := st.Attempt, st.Response
	if err != nil || a.Position != 3 || a.Answered != 4 || !r.Answered || r.Answer.Choices[0] != 1 || !r.Grade().Right() ||
		st.Marks.Len() != 4 || !st.Marks.Answered(3) {
		t.Fatalf("AttemptQuestion(0) = %+v, %v", st, err)
	}

	t.Run("ErrNotFoundForOthers", func(t *testing.T) {
		if _, err := s.Attempt(ctx, bob.ID, a.ID); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("Attempt by another learner = %v, want questions.ErrNotFound", err)
		}
		if err := at(s, t0).SaveAnswer(ctx, bob.ID, a.ID, 0, quiz.Answer{Choices: []int{0}}, 0); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("SaveAnswer by another learner = %v, want questions.ErrNotFound", err)
		}
		if _, err := s.AttemptQuestion(ctx, alice.ID, a.ID, 4); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("AttemptQuestion(4 of 4) = %v, want questions.ErrNotFound", err)
		}
	})

	done, err := at(s, t0.Add(time.Hour)).FinishAttempt(ctx, alice.ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !done.Finished() || done.Score.Points != 3 || done.Score.Max != 3 || done.Score.Right != 3 || done.Score.Pending != 0 ||
		done.Score.Percent() != 100 || done.FinishedBy != FinishedByLearner {
		t.Fatalf("FinishAttempt = %+v, want 3 of 3 by the learner (no teacher marks a self-study essay)", done)
	}
	if err := at(s, t0).SaveAnswer(ctx, alice.ID, a.ID, 0, quiz.Answer{Choices: []int{0}}, 0); !errors.Is(err, questions.ErrConflict) {
		t.Fatalf("SaveAnswer after finishing = %v, want questions.ErrConflict", err)
	}
	_, rs, err := s.Responses(ctx, alice.ID, a.ID)
	if err != nil || len(rs) != 4 || rs[3].Grade().Graded || rs[2].Answer.Text != " tokyo " {
		t.Fatalf("Responses = %+v, %v", rs, err)
	}
	// A new attempt starts once the last one is finished.
	b, err := at(s, t0.Add(2*time.Hour)).StartAttempt(ctx, alice.ID, setID)
	if err != nil || b.ID == a.ID || b.Answered != 0 {
		t.Fatalf("StartAttempt after finishing = %+v, %v, want a fresh attempt", b, err)
	}
	list, err := s.LearnerAttempts(ctx, alice.ID)
	if err != nil || len(list) != 2 || list[0].ID != b.ID {
		t.Fatalf("LearnerAttempts = %+v, %v", list, err)
	}
}

func TestStore_SaveAnswerEmptyClears(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	setID, _ := at(s, t0).CreateSet(ctx, testSet, "")
	l, _ := at(s, t0).CreateLearner(ctx)
	a, _ := at(s, t0).StartAttempt(ctx, l.ID, setID)
	at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 2, quiz.Answer{Text: "Tokyo"}, 2)
	at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 2, quiz.Answer{Text: "  "}, 2)
	if st, _ := s.AttemptQuestion(ctx, l.ID, a.ID, 2); st.Response.Answered || st.Marks.Answered(2) {
		t.Fatalf("after an empty answer the step is %+v, want it cleared", st)
	}
}

func TestStore_Backup(t *testing.T) {
	sqliteOnly(t)
	s := openStore(t)
	ctx := context.Background()
	at(s, t0).CreateSet(ctx, testSet, "")
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	c, err := Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if sets, err := c.PublishedSets(ctx); err != nil || len(sets) != 1 {
		t.Fatalf("backup holds %d sets (%v), want 1", len(sets), err)
	}
}
