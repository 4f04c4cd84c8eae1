package db

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// The read cache must never serve what a committed write changed. These
// tests read (filling the cache), change the data by each kind of write,
// and read again.

func TestCache_WriteThroughAnswers(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	setID, _ := at(s, t0).CreateSet(ctx, testSet, "")
	l, _ := at(s, t0).CreateLearner(ctx)
	a, _ := at(s, t0).StartAttempt(ctx, l.ID, setID)

	for i, text := range []string{"Tokyo", "Kyoto", ""} {
		if _, err := s.AttemptQuestion(ctx, l.ID, a.ID, 2); err != nil { // fill
			t.Fatal(err)
		}
		if err := at(s, t0.Add(time.Duration(i)*time.Minute)).SaveAnswer(ctx, l.ID, a.ID, 2, quiz.Answer{Text: text}, 3); err != nil {
			t.Fatal(err)
		}
		st, err := s.AttemptQuestion(ctx, l.ID, a.ID, 2)
		if err != nil {
			t.Fatal(err)
		}
		if st.Response.Answer.Text != text || st.Response.Answered != (text != "") || st.Answered[2] != (text != "") || st.Attempt.Position != 3 {
			t.Fatalf("after answering %q the cached step is %+v", text, st)
		}
		if want := text == "Tokyo"; st.Response.Grade().Right() != want {
			t.Fatalf("after answering %q the grade is %+v, right = %v", text, st.Response.Grade(), want)
		}
		// What the cache says is what the database says.
		fresh := openAgain(t, s)
		got, err := fresh.AttemptQuestion(ctx, l.ID, a.ID, 2)
		if err != nil || got.Response.Answer.Text != text || got.Attempt.Answered != st.Attempt.Answered || got.Attempt.Position != 3 {
			t.Fatalf("the database has %+v (%v), the cache %+v", got, err, st)
		}
	}
}

// openAgain opens a second store on the same file, with a cache of its own.
func openAgain(t *testing.T, s *Store) *Store {
	t.Helper()
	o, err := Open(context.Background(), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

func TestCache_OtherWritesEmptyIt(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	setID, _ := at(s, t0).CreateSet(ctx, testSet, "")
	l, _ := at(s, t0).CreateLearner(ctx)
	a, _ := at(s, t0).StartAttempt(ctx, l.ID, setID)
	at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 2, quiz.Answer{Text: "Tokyo"}, 2)
	if _, err := s.AttemptQuestion(ctx, l.ID, a.ID, 2); err != nil {
		t.Fatal(err)
	}
	// Any write through the store, whatever it touches, is seen next.
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE responses SET answer = '{"text":"Osaka"}' WHERE attempt_id = ?`, a.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := s.AttemptQuestion(ctx, l.ID, a.ID, 2); st.Response.Answer.Text != "Osaka" {
		t.Fatalf("after another write the step shows %q, want Osaka", st.Response.Answer.Text)
	}
	if _, err := at(s, t0).FinishAttempt(ctx, l.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.AttemptQuestion(ctx, l.ID, a.ID, 2); !st.Attempt.Finished() {
		t.Fatal("after finishing, the cached attempt is still open")
	}
	if err := at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 2, quiz.Answer{Text: "x"}, 2); !errors.Is(err, questions.ErrConflict) {
		t.Fatalf("answer after finishing = %v, want questions.ErrConflict", err)
	}
}

func TestCache_SaveAnswerChecksTheDatabase(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	setID, _ := at(s, t0).CreateSet(ctx, testSet, "")
	l, _ := at(s, t0).CreateLearner(ctx)
	a, _ := at(s, t0).StartAttempt(ctx, l.ID, setID)
	if _, err := s.AttemptQuestion(ctx, l.ID, a.ID, 0); err != nil {
		t.Fatal(err)
	}
	// Finished behind the cache's back (another process, or a cache entry a
	// moment old): the transaction's own check refuses the answer.
	if _, err := s.write.Exec("UPDATE attempts SET finished_at = ? WHERE id = ?", t0, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 0, quiz.Answer{Choices: []int{1}}, 1); !errors.Is(err, questions.ErrConflict) {
		t.Fatalf("answer to an attempt finished behind the cache = %v, want questions.ErrConflict", err)
	}
	var n int
	s.read.QueryRow("SELECT count(*) FROM responses WHERE attempt_id = ?", a.ID).Scan(&n)
	if n != 0 {
		t.Fatalf("%d responses stored in a finished attempt", n)
	}
}

func TestCache_Sessions(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	l, _ := at(s, t0).CreateLearner(ctx)
	token, _ := at(s, t0).CreateSession(ctx, l.ID, time.Hour)
	if _, err := at(s, t0).Session(ctx, token, time.Hour); err != nil { // fill
		t.Fatal(err)
	}
	if _, err := at(s, t0.Add(2*time.Hour)).Session(ctx, token, time.Hour); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("cached session after its expiry = %v, want questions.ErrNotFound", err)
	}
	s.DeleteSession(ctx, token)
	if _, err := at(s, t0).Session(ctx, token, time.Hour); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("cached session after logout = %v, want questions.ErrNotFound", err)
	}
}

func TestCache_StaleFillIsDropped(t *testing.T) {
	c := newCache()
	gen, ver := c.versions(7)
	// A write commits between the fill's read and its store.
	c.answered(answerChange{attemptID: 7})
	c.putAttempt(&attemptEntry{gen: gen, ver: ver, attempt: Attempt{ID: 7}})
	if _, ok := c.attempt(7); ok {
		t.Fatal("a fill read before an answer was kept")
	}
	gen, ver = c.versions(7)
	c.bump()
	c.putAttempt(&attemptEntry{gen: gen, ver: ver, attempt: Attempt{ID: 7}})
	if _, ok := c.attempt(7); ok {
		t.Fatal("a fill read before another write was kept")
	}
	gen, ver = c.versions(7)
	c.putAttempt(&attemptEntry{gen: gen, ver: ver, attempt: Attempt{ID: 7}})
	if _, ok := c.attempt(7); !ok {
		t.Fatal("a fill with nothing written meanwhile was dropped")
	}
}
