package db

import (
	"context"
	"testing"
)

// TestStore_RemovedQuestions checks what becomes of a question taken out
// of its set: gone with its versions when nothing refers to it, kept for
// the attempts that showed it until they go too.
func TestStore_RemovedQuestions(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	tc := mustTeacher(t, s, "A")
	id, err := at(s, t0).CreateDraftSet(ctx, tc.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	exists := func(qid int64) bool {
		t.Helper()
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM questions WHERE id = ?", qid).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	versions := func(qid int64) int {
		t.Helper()
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM question_versions WHERE question_id = ?", qid).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	_, qs, _ := s.TeacherSet(ctx, tc.ID, id)

	// Question 1 leaves the set before anyone took it: it is deleted.
	if _, err := at(s, t0).UpdateSet(ctx, tc.ID, id, SetEdit{Title: "Capitals", Questions: qs[1:]}); err != nil {
		t.Fatal(err)
	}
	if exists(qs[0].ID) || versions(qs[0].ID) != 0 {
		t.Errorf("a removed question nothing refers to is still stored")
	}

	// A question answered in an attempt, then edited and removed: both of
	// its versions stay while the attempt does. Once the attempt goes
	// (with its assignment, or with the set), so does the question.
	c, _ := at(s, t0).CreateClass(ctx, tc.ID, "7B")
	l, _ := at(s, t0).CreateLearner(ctx)
	at(s, t0).JoinClass(ctx, l.ID, c.JoinCode, "Zoya")
	l2, _ := at(s, t0).CreateLearner(ctx)
	at(s, t0).JoinClass(ctx, l2.ID, c.JoinCode, "Yuri")
	removed := func(setID int64) (assignment, question int64) {
		t.Helper()
		at(s, t0).SetPublished(ctx, tc.ID, setID, true)
		g, _ := at(s, t0).Assign(ctx, tc.ID, c.ID, setID, QuizSettings{Feedback: FeedbackAfter})
		att, err := at(s, t0).StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		if err := at(s, t0).SaveAnswer(ctx, l.ID, att.ID, 0, rightAnswer(mustResponse(t, s, l.ID, att.ID, 0).Question), 1); err != nil {
			t.Fatal(err)
		}
		_, qs, _ := s.TeacherSet(ctx, tc.ID, setID)
		edited := append([]StoredQuestion(nil), qs...)
		shown := edited[0].Stem
		edited[0].Stem = "Edited: " + shown
		if _, err := at(s, t0).UpdateSet(ctx, tc.ID, setID, SetEdit{Title: "Capitals", Questions: edited, Publish: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := at(s, t0).UpdateSet(ctx, tc.ID, setID, SetEdit{Title: "Capitals", Questions: edited[1:], Publish: true}); err != nil {
			t.Fatal(err)
		}
		if !exists(qs[0].ID) || versions(qs[0].ID) != 2 {
			t.Fatalf("a removed question an attempt showed: stored %v with %d versions; want kept with both", exists(qs[0].ID), versions(qs[0].ID))
		}
		_, rs, err := s.Responses(ctx, l.ID, att.ID)
		if err != nil || len(rs) != len(qs) || rs[0].Question.Stem != shown || !rs[0].Grade().Right() {
			t.Fatalf("the attempt after the edits = %d questions, first %q; want %d, the first as shown (%q) and right (%v)",
				len(rs), rs[0].Question.Stem, len(qs), shown, err)
		}
		// A new attempt shows the set as it is now.
		if att2, err := at(s, t0).StartClassAttempt(ctx, l2.ID, g); err != nil || att2.Count != len(qs)-1 {
			t.Errorf("a new attempt = %+v, %v; want the set's %d questions", att2, err, len(qs)-1)
		}
		return g, qs[0].ID
	}

	t.Run("Unassign", func(t *testing.T) {
		g, q := removed(id)
		if err := s.Unassign(ctx, tc.ID, g); err != nil {
			t.Fatal(err)
		}
		if exists(q) {
			t.Errorf("the removed question is still stored after the attempts that showed it went")
		}
	})
	t.Run("DeleteSet", func(t *testing.T) {
		_, q := removed(id)
		_, qs, _ := s.TeacherSet(ctx, tc.ID, id)
		if err := s.DeleteSet(ctx, tc.ID, id); err != nil {
			t.Fatal(err)
		}
		for _, q := range append(qs, StoredQuestion{ID: q}) {
			if exists(q.ID) {
				t.Errorf("question %d is still stored after its set was deleted", q.ID)
			}
		}
	})
}

func mustResponse(t *testing.T, s *Store, learnerID, attemptID int64, pos int) Response {
	t.Helper()
	st, err := s.AttemptQuestion(context.Background(), learnerID, attemptID, pos)
	if err != nil {
		t.Fatal(err)
	}
	return st.Response
}
