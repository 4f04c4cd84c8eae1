package db

import (
	"context"
	"reflect"
	"testing"
	"time"

	"factdrill/quiz"
)

// TestStore_ItemAnswers: the answers item analysis reads are those of the
// finished attempts in the teacher's classes, by question of the set as it
// now is, the same as read through SetAttempts; another teacher sees none.
func TestStore_ItemAnswers(t *testing.T) {
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
	}
	if _, err := at(s, t0.Add(time.Hour)).StartClassAttempt(ctx, ls[2].ID, g); err != nil {
		t.Fatal(err)
	}
	_, qs, err := s.TeacherSet(ctx, a.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	// A question taken out of the set since is left out of the rows.
	if err := s.RemoveQuestion(ctx, a.ID, set, qs[1].ID); err != nil {
		t.Fatal(err)
	}

	_, gotQs, got, err := s.ItemAnswers(ctx, a.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	_, wantQs, attempts, err := s.SetAttempts(ctx, a.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotQs, wantQs) {
		t.Errorf("questions = %+v, want %+v", gotQs, wantQs)
	}
	index := map[int64]int{}
	for i, q := range wantQs {
		index[q.ID] = i
	}
	var want [][]quiz.ItemAnswer
	for _, at := range attempts {
		var row []quiz.ItemAnswer
		for _, r := range at.Responses {
			if i, ok := index[r.Question.ID]; ok {
				row = append(row, quiz.ItemAnswer{Question: i, Answered: r.Answered, Answer: r.Answer, Fraction: r.Fraction})
			}
		}
		want = append(want, row)
	}
	if len(want) != 3 {
		t.Fatalf("SetAttempts gave %d finished attempts, want 3", len(want))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ItemAnswers = %+v, want %+v", got, want)
	}
	answered := 0
	for _, row := range got {
		for _, x := range row {
			if x.Answered {
				answered++
			}
		}
	}
	if answered != 4 { // 1 + 2 + 3 answers, less the two to the question removed
		t.Errorf("%d answers, want 4", answered)
	}

	if _, _, rows, err := s.ItemAnswers(ctx, b.ID, set); err == nil || len(rows) != 0 {
		t.Errorf("teacher B's item answers of A's set = %d rows, %v; want not found", len(rows), err)
	}
}
