package db

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/quiz"
)

// setOrder returns the stems of the set's questions in order, and checks
// that their positions are 0, 1, … and the kept counts by kind are the
// set's.
func setOrder(t *testing.T, s *Store, teacherID, setID int64) []string {
	t.Helper()
	ctx := context.Background()
	_, qs, total, err := s.SetQuestionsPage(ctx, teacherID, setID, "", All)
	if err != nil {
		t.Fatal(err)
	}
	var stems []string
	kinds := map[questions.Kind]int{}
	for i, q := range qs {
		if q.Position != i {
			t.Errorf("question %d of set %d is at position %d", i, setID, q.Position)
		}
		stems = append(stems, q.Stem)
		kinds[q.Kind]++
	}
	if total != len(qs) {
		t.Errorf("SetQuestionsPage says %d questions, and gave %d", total, len(qs))
	}
	kept, err := s.SetKinds(ctx, setID)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(kept) != fmt.Sprint(kinds) {
		t.Errorf("kinds kept for set %d = %v, the set has %v", setID, kept, kinds)
	}
	return stems
}

var newMC = questions.Question{Kind: questions.MultipleChoice, Stem: "Capital of Peru?",
	Choices: []questions.Choice{{Text: "Lima", Weight: 100, Feedback: "Yes."}, {Text: "Cusco", Feedback: "The old capital."}}, Feedback: "Lima since 1535."}

func TestStore_Authoring(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a, b := mustTeacher(t, s, "A"), mustTeacher(t, s, "B")
	set, err := s.CreateDraftSet(ctx, a.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	stems := []string{"Capital of France?", "Rome is the capital of Italy.", "Capital of Japan?", "Describe a capital you know."}
	if got := setOrder(t, s, a.ID, set); !slices.Equal(got, stems) {
		t.Fatalf("set = %q", got)
	}

	t.Run("Add", func(t *testing.T) {
		bad := newMC
		bad.Choices = []questions.Choice{{Text: "Lima"}, {Text: "Cusco"}}
		_, err := s.AddQuestion(ctx, a.ID, set, bad, -1)
		if !errors.Is(err, questions.ErrInvalid) || !strings.Contains(err.Error(), "multiple choice question has no right option") {
			t.Errorf("adding a question without a right option = %v, want the readers' message", err)
		}
		if _, err := s.AddQuestion(ctx, b.ID, set, newMC, -1); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("teacher B adding to A's set = %v, want questions.ErrNotFound", err)
		}
		if _, err := s.AddQuestion(ctx, a.ID, set, newMC, 1); err != nil {
			t.Fatal(err)
		}
		stems = slices.Insert(stems, 1, "Capital of Peru?")
		if got := setOrder(t, s, a.ID, set); !slices.Equal(got, stems) {
			t.Errorf("after adding at 1: %q, want %q", got, stems)
		}
	})

	_, qs, _, _ := s.SetQuestionsPage(ctx, a.ID, set, "", All)
	peru := qs[1].ID

	t.Run("Move", func(t *testing.T) {
		for _, m := range []struct {
			to   int
			want []string
		}{
			{4, []string{stems[0], stems[2], stems[3], stems[4], stems[1]}},
			{0, []string{stems[1], stems[0], stems[2], stems[3], stems[4]}},
			{99, []string{stems[0], stems[2], stems[3], stems[4], stems[1]}},
			{1, stems},
		} {
			if err := s.MoveQuestion(ctx, a.ID, set, peru, m.to); err != nil {
				t.Fatal(err)
			}
			if got := setOrder(t, s, a.ID, set); !slices.Equal(got, m.want) {
				t.Errorf("after moving to %d: %q, want %q", m.to, got, m.want)
			}
		}
	})

	t.Run("DuplicateAndRemove", func(t *testing.T) {
		dup, err := s.DuplicateQuestion(ctx, a.ID, set, peru)
		if err != nil || dup == peru {
			t.Fatalf("DuplicateQuestion = %d, %v", dup, err)
		}
		want := slices.Insert(slices.Clone(stems), 2, "Capital of Peru?")
		if got := setOrder(t, s, a.ID, set); !slices.Equal(got, want) {
			t.Errorf("after duplicating: %q, want %q", got, want)
		}
		if err := s.RemoveQuestion(ctx, a.ID, set, dup); err != nil {
			t.Fatal(err)
		}
		if got := setOrder(t, s, a.ID, set); !slices.Equal(got, stems) {
			t.Errorf("after removing the copy: %q, want %q", got, stems)
		}
	})

	t.Run("ReuseAndEdit", func(t *testing.T) {
		other, err := s.CreateDraftSet(ctx, a.ID, questions.Set{Title: "Other", Questions: []questions.Question{newMC}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ReuseQuestion(ctx, a.ID, other, peru); err != nil {
			t.Fatal(err)
		}
		if err := s.ReuseQuestion(ctx, a.ID, other, peru); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("reusing a question twice in a set = %v, want questions.ErrInvalid", err)
		}
		bq, _ := s.CreateDraftSet(ctx, b.ID, testSet)
		if err := s.ReuseQuestion(ctx, b.ID, bq, peru); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("teacher B reusing A's question = %v, want questions.ErrNotFound", err)
		}
		// An attempt at the other set shows the question; then it is edited.
		if err := s.SetPublished(ctx, a.ID, other, true); err != nil {
			t.Fatal(err)
		}
		c, _ := s.CreateClass(ctx, a.ID, "C")
		g, _ := s.Assign(ctx, a.ID, c.ID, other, QuizSettings{Feedback: FeedbackAfter})
		l, _ := s.CreateLearner(ctx)
		s.JoinClass(ctx, l.ID, c.JoinCode, "L")
		att, err := s.StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		q, use, err := s.SetQuestion(ctx, a.ID, set, peru)
		if err != nil {
			t.Fatal(err)
		}
		if len(use.Sets) != 2 || use.Attempts != 1 || use.Open != 1 {
			t.Errorf("use of the question = %d sets, %d attempts (%d open); want 2, 1, 1", len(use.Sets), use.Attempts, use.Open)
		}
		edited := q.Question
		edited.Choices[1].Feedback = "Capital of the Inca."
		edited.Choices = append(edited.Choices, questions.Choice{Text: "Arequipa", Weight: -50})
		revised, err := s.UpdateQuestion(ctx, a.ID, set, peru, edited)
		if err != nil || !revised {
			t.Fatalf("UpdateQuestion = %v, %v", revised, err)
		}
		if revised, err := s.UpdateQuestion(ctx, a.ID, set, peru, edited); err != nil || revised {
			t.Errorf("saving it unchanged = %v, %v; want no new version", revised, err)
		}
		for _, id := range []int64{set, other} {
			got, _, err := s.SetQuestion(ctx, a.ID, id, peru)
			if err != nil || len(got.Choices) != 3 || got.Version != 2 {
				t.Errorf("the question in set %d = version %d with %d options, %v; want version 2 with 3", id, got.Version, len(got.Choices), err)
			}
		}
		// The open attempt keeps the version it started with.
		step, err := s.AttemptQuestion(ctx, l.ID, att.ID, 1)
		if err != nil || len(step.Response.Question.Choices) != 2 {
			t.Errorf("the open attempt's question = %d options, %v; want the 2 it started with", len(step.Response.Question.Choices), err)
		}
		tf := edited
		tf.Kind = questions.TrueFalse
		tf.Choices = nil
		if _, err := s.UpdateQuestion(ctx, a.ID, set, peru, tf); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("changing the kind = %v, want questions.ErrInvalid", err)
		}
		// Removed from one set, it stays in the other.
		if err := s.RemoveQuestion(ctx, a.ID, set, peru); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.SetQuestion(ctx, a.ID, other, peru); err != nil {
			t.Errorf("the question in the other set after removing it from the first = %v", err)
		}
	})
	_ = quiz.Answer{}
}

// TestStore_SetQuestionsPage pages through a set of 250 questions, with
// and without a search: every question shows exactly once across the
// pages, in order.
func TestStore_SetQuestionsPage(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := mustTeacher(t, s, "A")
	set := questions.Set{Title: "Big"}
	for i := range 250 {
		stem := fmt.Sprintf("Question number %d about rivers?", i)
		if i%10 == 0 {
			stem = fmt.Sprintf("Question number %d about the Rhône?", i)
		}
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer, Stem: stem, Answers: []questions.Choice{{Text: "x", Weight: 100}}})
	}
	id, err := s.CreateDraftSet(ctx, a.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		search string
		want   int
		size   int
	}{{"", 250, 50}, {"", 250, 7}, {"rhone", 25, 10}, {"RHÔN", 25, 4}, {"number 137", 1, 50}} {
		seen := map[int64]int{}
		last := -1
		for off := 0; ; off += c.size {
			_, qs, total, err := s.SetQuestionsPage(ctx, a.ID, id, c.search, Page{Offset: off, Size: c.size})
			if err != nil {
				t.Fatal(err)
			}
			if total != c.want {
				t.Fatalf("search %q: total %d, want %d", c.search, total, c.want)
			}
			for _, q := range qs {
				seen[q.ID]++
				if q.Position <= last {
					t.Errorf("search %q: position %d after %d", c.search, q.Position, last)
				}
				last = q.Position
			}
			if len(qs) < c.size {
				break
			}
		}
		if len(seen) != c.want {
			t.Errorf("search %q, pages of %d: %d questions seen, want %d", c.search, c.size, len(seen), c.want)
		}
		for qid, n := range seen {
			if n != 1 {
				t.Errorf("search %q: question %d shown %d times", c.search, qid, n)
			}
		}
	}
}

// TestStore_BankQuestions: the bank is a teacher's own questions, found by
// any of their words (stem, options, answers, feedback), never another
// teacher's.
func TestStore_BankQuestions(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a, b := mustTeacher(t, s, "A"), mustTeacher(t, s, "B")
	if _, err := s.CreateDraftSet(ctx, a.ID, testSet); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDraftSet(ctx, b.ID, testSet); err != nil {
		t.Fatal(err)
	}
	seedSet, _ := s.CreateSet(ctx, testSet, "seed")
	_ = seedSet
	for _, c := range []struct {
		search string
		want   []string
	}{
		{"", []string{"Describe a capital you know.", "Capital of Japan?", "Rome is the capital of Italy.", "Capital of France?"}},
		{"paris", []string{"Capital of France?"}},                 // an option
		{"tokyo", []string{"Capital of Japan?"}},                  // an accepted answer
		{"capit ital", []string{"Rome is the capital of Italy."}}, // prefixes, all required
		{"\"or 1=1 --", nil},
	} {
		qs, total, err := s.BankQuestions(ctx, a.ID, c.search, Page{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, q := range qs {
			got = append(got, q.Stem)
			if len(q.Sets) != 1 || q.Sets[0].Title != "Capitals" {
				t.Errorf("question %q is in sets %+v, want Capitals", q.Stem, q.Sets)
			}
		}
		if !slices.Equal(got, c.want) || total != len(c.want) {
			t.Errorf("bank search %q = %q (%d in all), want %q", c.search, got, total, c.want)
		}
	}
	t.Logf("searches indexed by FTS5: %v", s.SearchIndexed())
}

// TestStore_SetQuestionsOfKinds: the questions of the kinds asked for,
// in order, all of them, and none from a set that has none (which the
// set's counts by kind answer without reading its questions).
func TestStore_SetQuestionsOfKinds(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	tc := mustTeacher(t, s, "A")
	set := questions.Set{Title: "Mixed"}
	var want []int
	for i := range 30 {
		q := questions.Question{Kind: questions.TrueFalse, Stem: fmt.Sprintf("Statement %d.", i), Truth: true}
		switch i % 7 {
		case 2:
			q = questions.Question{Kind: questions.Essay, Stem: fmt.Sprintf("Essay %d.", i)}
		case 5:
			q = questions.Question{Kind: questions.Description, Stem: fmt.Sprintf("Note %d.", i)}
		}
		if q.Kind != questions.TrueFalse {
			want = append(want, i)
		}
		set.Questions = append(set.Questions, q)
	}
	mixed, err := s.CreateDraftSet(ctx, tc.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := s.CreateDraftSet(ctx, tc.ID, questions.Set{Title: "Plain", Questions: set.Questions[:2]})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := s.SetQuestionsOfKinds(ctx, tc.ID, mixed, questions.Essay, questions.Description)
	var got []int
	for _, q := range qs {
		got = append(got, q.Position)
	}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("essays and notes of the mixed set at %v (%v), want %v", got, err, want)
	}
	if qs, err := s.SetQuestionsOfKinds(ctx, tc.ID, plain, questions.Essay, questions.Description); err != nil || len(qs) != 0 {
		t.Errorf("essays and notes of a set of true/false = %d, %v; want none", len(qs), err)
	}
}
