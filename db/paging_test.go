package db

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"factdrill/questions"
	"factdrill/quiz"
)

// pageThrough asks for the pages of a list of size items at a time until
// one comes back short, and checks that each item is shown exactly once
// across the pages and that every page says the same total, want.
func pageThrough(t *testing.T, what string, want, size int, page func(Page) (ids []int64, total int, err error)) {
	t.Helper()
	seen := map[int64]int{}
	for off := 0; ; off += size {
		ids, total, err := page(Page{Offset: off, Size: size})
		if err != nil {
			t.Fatalf("%s, page at %d: %v", what, off, err)
		}
		if total != want {
			t.Fatalf("%s, page at %d: total %d, want %d", what, off, total, want)
		}
		for _, id := range ids {
			seen[id]++
		}
		if len(ids) < size {
			break
		}
	}
	if len(seen) != want {
		t.Errorf("%s, pages of %d: %d items seen, want %d", what, size, len(seen), want)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s, pages of %d: item %d shown %d times", what, size, id, n)
		}
	}
}

// TestStore_TeacherSetsPage_EachOnce: a teacher's 120 sets, many with the
// same title, page by page and searched; another teacher's sets never.
func TestStore_TeacherSetsPage_EachOnce(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a, b := mustTeacher(t, s, "A"), mustTeacher(t, s, "B")
	for i := range 120 {
		set := testSet
		set.Title = fmt.Sprintf("Week %d", i%7)
		if i%4 == 0 {
			set.Title = "Rivers"
		}
		if _, err := s.CreateDraftSet(ctx, a.ID, set); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateDraftSet(ctx, b.ID, questions.Set{Title: "Rivers", Questions: testSet.Questions}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		search     string
		want, size int
	}{{"", 120, 50}, {"", 120, 7}, {"", 120, 120}, {"rivers", 30, 4}, {"WEEK 3", 13, 5}} {
		pageThrough(t, fmt.Sprintf("sets %q", c.search), c.want, c.size, func(p Page) ([]int64, int, error) {
			sets, total, err := s.TeacherSetsPage(ctx, a.ID, c.search, p)
			var ids []int64
			for _, x := range sets {
				if x.OwnerID != a.ID {
					t.Errorf("set %d of teacher %d in teacher %d's list", x.ID, x.OwnerID, a.ID)
				}
				ids = append(ids, x.ID)
			}
			return ids, total, err
		})
	}
}

// TestStore_ClassMembers_EachOnce: a class of 130 rostered students and
// five who joined without a name (the same sort key, told apart by id).
func TestStore_ClassMembers_EachOnce(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := mustTeacher(t, s, "A")
	c, err := s.CreateClass(ctx, a.ID, "Year 10")
	if err != nil {
		t.Fatal(err)
	}
	var entries []RosterEntry
	for i := range 130 {
		// Mixed case: the list is by name whatever the case.
		name := fmt.Sprintf("student %03d", i)
		if i%3 == 0 {
			name = fmt.Sprintf("Student %03d", i)
		}
		entries = append(entries, RosterEntry{Name: name})
	}
	if _, err := s.AddToRoster(ctx, a.ID, c.ID, entries); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		l, err := s.CreateLearner(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.JoinClass(ctx, l.ID, c.JoinCode, ""); err != nil {
			t.Fatal(err)
		}
	}
	for _, size := range []int{50, 9, 135, 1} {
		pageThrough(t, "members", 135, size, func(p Page) ([]int64, int, error) {
			ms, total, err := s.ClassMembers(ctx, a.ID, c.ID, p)
			var ids []int64
			for _, m := range ms {
				ids = append(ids, m.ID)
			}
			return ids, total, err
		})
	}
}

// TestStore_BankQuestions_EachOnce: a bank of 3 sets of 80 questions, a
// tenth of them about the Rhône, page by page with and without a search.
func TestStore_BankQuestions_EachOnce(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	a := mustTeacher(t, s, "A")
	for k := range 3 {
		set := questions.Set{Title: fmt.Sprintf("Set %d", k)}
		for i := range 80 {
			stem := fmt.Sprintf("Question %d of set %d about rivers?", i, k)
			if i%10 == 0 {
				stem = fmt.Sprintf("Question %d of set %d about the Rhône?", i, k)
			}
			set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer, Stem: stem, Answers: []questions.Choice{{Text: "x", Weight: 100}}})
		}
		if _, err := s.CreateDraftSet(ctx, a.ID, set); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		search     string
		want, size int
	}{{"", 240, 50}, {"", 240, 13}, {"rhone", 24, 5}, {"rivers", 216, 30}} {
		pageThrough(t, fmt.Sprintf("bank %q", c.search), c.want, c.size, func(p Page) ([]int64, int, error) {
			qs, total, err := s.BankQuestions(ctx, a.ID, c.search, p)
			var ids []int64
			for _, q := range qs {
				ids = append(ids, q.ID)
			}
			return ids, total, err
		})
	}
}

// TestStore_EachClassAttempt: a class's attempts streamed a batch at a
// time come each exactly once, in order, with their answers, across more
// than two batches; fn's error stops the stream.
func TestStore_EachClassAttempt(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	tc := mustTeacher(t, s, "A")
	set, err := at(s, t0).CreateDraftSet(ctx, tc.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPublished(ctx, tc.ID, set, true); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClass(ctx, tc.ID, "Year 9")
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.Assign(ctx, tc.ID, c.ID, set, QuizSettings{Feedback: FeedbackAfter})
	if err != nil {
		t.Fatal(err)
	}
	const n = 2*classBatch + 7
	entries := make([]RosterEntry, n/3+1)
	for i := range entries {
		entries[i] = RosterEntry{Name: fmt.Sprintf("Student %d", i)}
	}
	ls, err := s.AddToRoster(ctx, tc.ID, c.ID, entries)
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for i := range n {
		l := ls[i%len(ls)]
		a, err := at(s, t0).StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			if err := at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 0, quiz.Answer{Choices: []int{1}}, 1); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := at(s, t0).FinishAttempt(ctx, l.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		want = append(want, a.ID)
	}
	var got []int64
	err = s.EachClassAttempt(ctx, tc.ID, c.ID, func(d AttemptDetail) error {
		if len(d.Responses) != len(testSet.Questions) || d.ClassName != "Year 9" || d.Learner.ID != d.LearnerID {
			t.Fatalf("attempt %d streamed as %+v", d.ID, d)
		}
		if answered := d.Responses[0].Answered; answered != (len(got)%2 == 0) {
			t.Errorf("attempt %d (the %dth): first question answered %v", d.ID, len(got), answered)
		}
		got = append(got, d.ID)
		return nil
	})
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("streamed %d attempts (%v), want the %d made, in order, each once", len(got), err, len(want))
	}
	stop := errors.New("enough")
	k := 0
	err = s.EachClassAttempt(ctx, tc.ID, c.ID, func(AttemptDetail) error { k++; return stop })
	if !errors.Is(err, stop) || k != 1 {
		t.Errorf("a stream whose fn fails = %v after %d attempts, want its error after 1", err, k)
	}
	if err := s.EachClassAttempt(ctx, mustTeacher(t, s, "B").ID, c.ID, func(AttemptDetail) error { return nil }); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another teacher's stream of the class = %v, want not found", err)
	}
}
