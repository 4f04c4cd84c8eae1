package db

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// classFixture is a teacher's published set of testSet's questions
// assigned to a class with settings, and a member.
type classFixture struct {
	s       *Store
	teacher Teacher
	setID   int64
	class   Class
	g       int64
	learner Learner
}

func newClassFixture(t *testing.T, set questions.Set, q QuizSettings) classFixture {
	t.Helper()
	ctx := context.Background()
	s := openStore(t)
	f := classFixture{s: s, teacher: mustTeacher(t, s, "Rivera")}
	var err error
	if f.setID, err = at(s, t0).CreateDraftSet(ctx, f.teacher.ID, set); err != nil {
		t.Fatal(err)
	}
	if err := at(s, t0).SetPublished(ctx, f.teacher.ID, f.setID, true); err != nil {
		t.Fatal(err)
	}
	if f.class, err = at(s, t0).CreateClass(ctx, f.teacher.ID, "7B"); err != nil {
		t.Fatal(err)
	}
	if q.Feedback == "" {
		q.Feedback = FeedbackAfter
	}
	if f.g, err = at(s, t0).Assign(ctx, f.teacher.ID, f.class.ID, f.setID, q); err != nil {
		t.Fatal(err)
	}
	f.learner = f.join(t, "Zoya")
	return f
}

func (f classFixture) join(t *testing.T, name string) Learner {
	t.Helper()
	ctx := context.Background()
	l, err := at(f.s, t0).CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := at(f.s, t0).JoinClass(ctx, l.ID, f.class.JoinCode, name); err != nil {
		t.Fatal(err)
	}
	return l
}

// manyOptions is a multiple choice whose order is hard to keep by chance.
var manyOptions = questions.Question{Kind: questions.MultipleChoice, Stem: "Who led the Workers' Opposition?", Choices: []questions.Choice{
	{Text: "Shlyapnikov", Weight: 100}, {Text: "Lenin"}, {Text: "Trotsky"}, {Text: "Bukharin"}, {Text: "Kamenev"}, {Text: "Zinoviev"},
	{Text: "None of the above"}}}

func TestStore_ShuffledOptions(t *testing.T) {
	ctx := context.Background()
	set := questions.Set{Title: "Options", Questions: []questions.Question{manyOptions, testSet.Questions[1]}}
	f := newClassFixture(t, set, QuizSettings{MaxAttempts: 0})
	shuffled := 0
	for i := range 8 {
		l := f.join(t, "Student")
		a, err := at(f.s, t0).StartClassAttempt(ctx, l.ID, f.g)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.s.AttemptQuestion(ctx, l.ID, a.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		order := st.Response.Options
		if !order.Valid(7) || order[6] != 6 {
			t.Fatalf("attempt %d shows options %v; want an order of 7 with 'None of the above' last", i, order)
		}
		if !slices.Equal(order, quiz.Options{0, 1, 2, 3, 4, 5, 6}) {
			shuffled++
		}
		// The order is stored: the question shows it again, and the
		// answer (in the question's own indexes) grades the same.
		again, _ := openAgain(t, f.s).AttemptQuestion(ctx, l.ID, a.ID, 0)
		if !slices.Equal(again.Response.Options, order) {
			t.Fatalf("read again, the order is %v, want %v", again.Response.Options, order)
		}
		if err := at(f.s, t0).SaveAnswer(ctx, l.ID, a.ID, 0, quiz.Answer{Choices: []int{0}}, 1); err != nil {
			t.Fatal(err)
		}
		if st, _ := f.s.AttemptQuestion(ctx, l.ID, a.ID, 0); !st.Response.Grade().Right() {
			t.Fatalf("the key picked by its own index is graded %+v", st.Response.Grade())
		}
		if st, _ := f.s.AttemptQuestion(ctx, l.ID, a.ID, 1); st.Response.Options != nil {
			t.Errorf("a true/false question has an option order %v", st.Response.Options)
		}
	}
	if shuffled < 6 {
		t.Errorf("%d of 8 attempts shuffled the options, want nearly all", shuffled)
	}

	// Opting out: the assignment, the set, and the question each keep the
	// written order.
	keep := func(name string) {
		l := f.join(t, name)
		a, err := at(f.s, t0).StartClassAttempt(ctx, l.ID, f.g)
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := f.s.AttemptQuestion(ctx, l.ID, a.ID, 0); st.Response.Options != nil {
			t.Errorf("%s: options %v, want the written order", name, st.Response.Options)
		}
	}
	if _, err := at(f.s, t0).UpdateAssignment(ctx, f.teacher.ID, f.g, QuizSettings{Feedback: FeedbackAfter, KeepOptionOrder: true}); err != nil {
		t.Fatal(err)
	}
	keep("assignment keeps")
	if _, err := at(f.s, t0).UpdateAssignment(ctx, f.teacher.ID, f.g, QuizSettings{Feedback: FeedbackAfter}); err != nil {
		t.Fatal(err)
	}
	if err := at(f.s, t0).SetQuizOptions(ctx, f.teacher.ID, f.setID, 0, true); err != nil {
		t.Fatal(err)
	}
	keep("set keeps")
	if err := at(f.s, t0).SetQuizOptions(ctx, f.teacher.ID, f.setID, 0, false); err != nil {
		t.Fatal(err)
	}
	_, qs, _ := f.s.TeacherSet(ctx, f.teacher.ID, f.setID)
	qs[0].KeepOrder = true
	if _, err := at(f.s, t0).UpdateSet(ctx, f.teacher.ID, f.setID, SetEdit{Title: "Options", Questions: qs, Publish: true}); err != nil {
		t.Fatal(err)
	}
	keep("question keeps")
}

func TestStore_TimeLimit(t *testing.T) {
	ctx := context.Background()
	f := newClassFixture(t, testSet, QuizSettings{TimeLimit: 20 * time.Minute})
	s := f.s
	a, err := at(s, t0).StartClassAttempt(ctx, f.learner.ID, f.g)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Deadline.Equal(t0.Add(20 * time.Minute)) {
		t.Fatalf("deadline = %v, want 20 minutes after the start", a.Deadline)
	}
	if err := at(s, t0.Add(5*time.Minute)).SaveAnswer(ctx, f.learner.ID, a.ID, 0, quiz.Answer{Choices: []int{1}}, 1); err != nil {
		t.Fatal(err)
	}
	// An answer a second after the deadline is refused, and the attempt is
	// submitted as at its deadline with what was saved.
	late := t0.Add(20*time.Minute + time.Second)
	if err := at(s, late).SaveAnswer(ctx, f.learner.ID, a.ID, 1, quiz.Answer{True: truth(true)}, 2); !errors.Is(err, questions.ErrConflict) {
		t.Fatalf("an answer after the deadline = %v, want questions.ErrConflict", err)
	}
	done, err := s.Attempt(ctx, f.learner.ID, a.ID)
	if err != nil || !done.Finished() || done.FinishedBy != FinishedByDeadline || !done.FinishedAt.Equal(a.Deadline) || done.Answered != 1 {
		t.Fatalf("after the deadline the attempt is %+v, %v; want finished at the deadline by it, with the 1 answer saved in time", done, err)
	}

	// Extra time for one student moves their open attempt's deadline; an
	// extra attempt lets them start another.
	other := f.join(t, "Yuri")
	b, _ := at(s, t0).StartClassAttempt(ctx, other.ID, f.g)
	if err := at(s, t0).SetOverride(ctx, f.teacher.ID, f.g, other.ID, Override{Time: 10 * time.Minute, Attempts: 1}); err != nil {
		t.Fatal(err)
	}
	if b, _ = s.Attempt(ctx, other.ID, b.ID); !b.Deadline.Equal(t0.Add(30 * time.Minute)) {
		t.Errorf("with 10 minutes extra the deadline is %v, want 30 minutes after the start", b.Deadline)
	}
	// The sweeper submits it once past the deadline; a second server's
	// sweep finds nothing more to do.
	if n, err := at(s, t0.Add(29*time.Minute)).SubmitOverdue(ctx, 100); err != nil || n != 0 {
		t.Errorf("SubmitOverdue before the deadline = %d, %v; want 0", n, err)
	}
	second := openAgain(t, s)
	second.SetClock(func() time.Time { return t0.Add(31 * time.Minute) })
	if n, err := at(s, t0.Add(31*time.Minute)).SubmitOverdue(ctx, 100); err != nil || n != 1 {
		t.Errorf("SubmitOverdue after the deadline = %d, %v; want 1", n, err)
	}
	if n, err := second.SubmitOverdue(ctx, 100); err != nil || n != 0 {
		t.Errorf("a second server's SubmitOverdue = %d, %v; want 0: submitted once", n, err)
	}
	if b, _ = s.Attempt(ctx, other.ID, b.ID); b.FinishedBy != FinishedByDeadline {
		t.Errorf("swept attempt = %+v, want finished by the deadline", b)
	}
	las, _ := s.LearnerAssignments(ctx, other.ID, f.class.ID)
	if len(las) != 1 || las[0].Left() != -1 {
		t.Errorf("LearnerAssignments = %+v", las)
	}

	// Shortening the limit moves open deadlines; one already past becomes
	// now, so that nothing saved in time is lost.
	c := f.join(t, "Ivan")
	cA, _ := at(s, t0.Add(time.Hour)).StartClassAttempt(ctx, c.ID, f.g)
	ch, err := at(s, t0.Add(time.Hour+15*time.Minute)).UpdateAssignment(ctx, f.teacher.ID, f.g, QuizSettings{Feedback: FeedbackAfter, TimeLimit: 10 * time.Minute})
	if err != nil || ch.Open != 1 || ch.DeadlinesMoved != 1 {
		t.Fatalf("UpdateAssignment = %+v, %v; want the one open attempt moved", ch, err)
	}
	if cA, _ = s.Attempt(ctx, c.ID, cA.ID); !cA.Deadline.Equal(t0.Add(time.Hour + 15*time.Minute)) {
		t.Errorf("a deadline moved into the past is %v, want the time of the change", cA.Deadline)
	}
}

func TestStore_OpenAndCloseDates(t *testing.T) {
	ctx := context.Background()
	opens, closes := t0.Add(time.Hour), t0.Add(3*time.Hour)
	f := newClassFixture(t, testSet, QuizSettings{Opens: opens, Closes: closes, Due: closes, TimeLimit: time.Hour})
	if _, err := at(f.s, t0).StartClassAttempt(ctx, f.learner.ID, f.g); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("starting before the quiz opens = %v, want questions.ErrInvalid", err)
	}
	a, err := at(f.s, closes.Add(-10*time.Minute)).StartClassAttempt(ctx, f.learner.ID, f.g)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Deadline.Equal(closes) {
		t.Errorf("an attempt started 10 minutes before closing has deadline %v, want the close", a.Deadline)
	}
	if _, err := at(f.s, closes).FinishAttempt(ctx, f.learner.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := at(f.s, closes.Add(time.Minute)).StartClassAttempt(ctx, f.learner.ID, f.g); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("starting after the quiz closed = %v, want questions.ErrInvalid", err)
	}
	bad := QuizSettings{Feedback: FeedbackAfter, Opens: closes, Closes: opens}
	if _, err := at(f.s, t0).UpdateAssignment(ctx, f.teacher.ID, f.g, bad); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("closing before opening = %v, want questions.ErrInvalid", err)
	}
}

func TestStore_ReviewRules(t *testing.T) {
	ctx := context.Background()
	closes := t0.Add(2 * time.Hour)
	hide := quiz.AllReview &^ quiz.ReviewRules(0).With(quiz.After, quiz.Reveal{Mark: true}).With(quiz.Closed, quiz.Reveal{Mark: true, Right: true, Feedback: true, Source: true})
	f := newClassFixture(t, testSet, QuizSettings{Closes: closes, Hide: hide})
	a, _ := at(f.s, t0).StartClassAttempt(ctx, f.learner.ID, f.g)
	if r := a.Reveal(t0); r.Any() {
		t.Errorf("during the attempt the rules reveal %+v, want nothing", r)
	}
	a, _ = at(f.s, t0.Add(time.Minute)).FinishAttempt(ctx, f.learner.ID, a.ID)
	if r := a.Reveal(t0.Add(time.Minute)); r != (quiz.Reveal{Mark: true}) {
		t.Errorf("right after, the rules reveal %+v, want the mark only", r)
	}
	if r := a.Reveal(closes); !(r.Mark && r.Right && r.Feedback && r.Source) {
		t.Errorf("after closing, the rules reveal %+v, want everything", r)
	}
	// An attempt outside a class reveals everything.
	l, _ := at(f.s, t0).CreateLearner(ctx)
	seed, _ := at(f.s, t0).CreateSet(ctx, testSet, "")
	p, _ := at(f.s, t0).StartAttempt(ctx, l.ID, seed)
	if p.Review != quiz.AllReview || !p.SelfStudy() {
		t.Errorf("a self-study attempt has review %v, want all", p.Review)
	}
}

func TestStore_ManualMarks(t *testing.T) {
	ctx := context.Background()
	f := newClassFixture(t, testSet, QuizSettings{})
	s := f.s
	a, _ := at(s, t0).StartClassAttempt(ctx, f.learner.ID, f.g)
	answers := []quiz.Answer{{Choices: []int{1}}, {True: truth(false)}, {Text: "Tokio"}, {Text: "Paris, for its museums."}}
	for i, an := range answers {
		if err := at(s, t0).SaveAnswer(ctx, f.learner.ID, a.ID, i, an, i+1); err != nil {
			t.Fatal(err)
		}
	}
	a, _ = at(s, t0).FinishAttempt(ctx, f.learner.ID, a.ID)
	if a.Score != (quiz.Score{Points: 1, Max: 4, Right: 1, Pending: 1}) {
		t.Fatalf("score before marking = %+v, want 1 of 4 with the essay pending", a.Score)
	}
	_, qs, _ := s.TeacherSet(ctx, f.teacher.ID, f.setID)
	q, items, err := s.Grading(ctx, f.teacher.ID, f.setID, qs[3].ID)
	if err != nil || q.Kind != questions.Essay || len(items) != 1 || items[0].Learner.Name != "Zoya" || !items[0].Response.Grade().Pending {
		t.Fatalf("Grading(essay) = %+v, %v", items, err)
	}
	if err := at(s, t0).SetMark(ctx, f.teacher.ID, a.ID, 3, &quiz.Manual{Fraction: 0.5, Comment: "Say more."}); err != nil {
		t.Fatal(err)
	}
	// Re-marking a graded answer: the teacher accepts "Tokio".
	if err := at(s, t0).SetMark(ctx, f.teacher.ID, a.ID, 2, &quiz.Manual{Fraction: 1, Comment: "Old spelling, fine."}); err != nil {
		t.Fatal(err)
	}
	a, _ = s.Attempt(ctx, f.learner.ID, a.ID)
	if a.Score != (quiz.Score{Points: 2.5, Max: 4, Right: 2}) {
		t.Errorf("score after marking = %+v, want 2.5 of 4, 2 right, nothing pending", a.Score)
	}
	_, rs, _ := s.Responses(ctx, f.learner.ID, a.ID)
	if g := rs[3].Grade(); g.Pending || g.Fraction != 0.5 || g.Manual == nil || g.Manual.Comment != "Say more." {
		t.Errorf("the marked essay's grade = %+v", g)
	}
	// Taking the mark away gives grading's back.
	if err := at(s, t0).SetMark(ctx, f.teacher.ID, a.ID, 2, nil); err != nil {
		t.Fatal(err)
	}
	if a, _ = s.Attempt(ctx, f.learner.ID, a.ID); a.Score.Points != 1.5 {
		t.Errorf("after clearing a mark the score is %+v, want 1.5", a.Score)
	}
	// Another teacher may not mark; an unanswered question has nothing to
	// mark; a mark out of range is refused.
	other := mustTeacher(t, s, "Other")
	if err := at(s, t0).SetMark(ctx, other.ID, a.ID, 3, &quiz.Manual{Fraction: 1}); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another teacher's mark = %v, want questions.ErrNotFound", err)
	}
	if err := at(s, t0).SetMark(ctx, f.teacher.ID, a.ID, 3, &quiz.Manual{Fraction: 2}); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("a mark of 200%% = %v, want questions.ErrInvalid", err)
	}
}

func TestStore_Regrade(t *testing.T) {
	ctx := context.Background()
	set := questions.Set{Title: "Capitals", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: "Which country has Tokyo as its capital?", Answers: []questions.Choice{{Text: "Nippon", Weight: 100}}},
		testSet.Questions[1],
	}}
	f := newClassFixture(t, set, QuizSettings{})
	s := f.s
	var attempts, learners []int64
	for i, text := range []string{"Japan", "japan", "Nippon", "China"} {
		l := f.learner
		if i > 0 {
			l = f.join(t, "S")
		}
		learners = append(learners, l.ID)
		a, _ := at(s, t0).StartClassAttempt(ctx, l.ID, f.g)
		at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 0, quiz.Answer{Text: text}, 1)
		at(s, t0).FinishAttempt(ctx, l.ID, a.ID)
		attempts = append(attempts, a.ID)
	}
	open := f.join(t, "Still going")
	openA, _ := at(s, t0).StartClassAttempt(ctx, open.ID, f.g)
	at(s, t0).SaveAnswer(ctx, open.ID, openA.ID, 0, quiz.Answer{Text: "Japan"}, 1)

	// The common wrong answer is accepted: a new version, regraded at once.
	_, qs, _ := s.TeacherSet(ctx, f.teacher.ID, f.setID)
	item, err := at(s, t0).AcceptAnswer(ctx, f.teacher.ID, f.setID, qs[0].ID, "Japan")
	if err != nil {
		t.Fatal(err)
	}
	if item.Responses != 4 || item.Attempts != 4 || item.Changed != 2 {
		t.Errorf("accepting Japan = %+v, want 4 answers in 4 finished attempts moved, 2 marks changed", item)
	}
	if _, err := at(s, t0).AcceptAnswer(ctx, f.teacher.ID, f.setID, qs[0].ID, "JAPAN"); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("accepting Japan twice = %v, want questions.ErrInvalid", err)
	}
	a, _ := s.Attempt(ctx, f.learner.ID, attempts[0])
	if a.Score.Points != 1 {
		t.Errorf("after the regrade the first attempt scores %+v, want the Japan answer right", a.Score)
	}
	// The open attempt keeps its version until it is finished.
	if st, _ := s.AttemptQuestion(ctx, open.ID, openA.ID, 0); st.Response.Grade().Right() || st.Response.Question.Version != 1 {
		t.Errorf("the open attempt shows version %d graded %+v; want version 1, as it started", st.Response.Question.Version, st.Response.Grade())
	}
	// The log keeps old and new marks.
	logs, err := s.RegradeLogs(ctx, f.teacher.ID, f.setID, 10)
	if err != nil || len(logs) != 1 || logs[0].Moved != 4 || logs[0].Changed != 2 {
		t.Errorf("RegradeLogs = %+v, %v", logs, err)
	}

	// A teacher's edit, then a dry run, then the regrade.
	at(s, t0).FinishAttempt(ctx, open.ID, openA.ID)
	_, qs, _ = s.TeacherSet(ctx, f.teacher.ID, f.setID)
	qs[0].Answers = qs[0].Answers[1:] // Nippon no longer accepted
	if _, err := at(s, t0).UpdateSet(ctx, f.teacher.ID, f.setID, SetEdit{Title: "Capitals", Questions: qs, Publish: true}); err != nil {
		t.Fatal(err)
	}
	preview, err := s.RegradePreview(ctx, f.teacher.ID, f.setID)
	if err != nil || len(preview) != 1 || preview[0].Responses != 5 || preview[0].Changed != 2 {
		t.Fatalf("RegradePreview = %+v, %v; want 5 answers, 2 marks changed (Nippon loses, the open attempt's Japan gains)", preview, err)
	}
	if a, _ = s.Attempt(ctx, learners[2], attempts[2]); a.Score.Points != 1 {
		t.Errorf("the dry run changed a score: %+v", a.Score)
	}
	done, err := at(s, t0).Regrade(ctx, f.teacher.ID, f.setID, nil)
	if err != nil || len(done) != 1 || done[0].Changed != 2 {
		t.Fatalf("Regrade = %+v, %v", done, err)
	}
	if a, _ = s.Attempt(ctx, learners[2], attempts[2]); a.Score.Points != 0 || !a.Finished() {
		t.Errorf("after the regrade the Nippon attempt scores %+v, want 0", a.Score)
	}
	if again, _ := s.RegradePreview(ctx, f.teacher.ID, f.setID); len(again) != 0 {
		t.Errorf("after the regrade there is still something to regrade: %+v", again)
	}
}

func TestStore_SpellingAndClaim(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	tc := mustTeacher(t, s, "Rivera")
	set := questions.Set{Title: "Names", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: "Who?", Answers: []questions.Choice{{Text: "Shlyapnikov", Weight: 100}}},
		{Kind: questions.ShortAnswer, Stem: "Who else?", Answers: []questions.Choice{{Text: "Kollontai", Weight: 100}}},
	}}
	id, _ := at(s, t0).CreateDraftSet(ctx, tc.ID, set)
	if err := at(s, t0).SetQuizOptions(ctx, tc.ID, id, 20, false); err != nil {
		t.Fatal(err)
	}
	if err := at(s, t0).SetQuizOptions(ctx, tc.ID, id, 90, false); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("a spelling tolerance of 90%% = %v, want questions.ErrInvalid", err)
	}
	// A set of no teacher's, for a self-study attempt.
	var err error
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE sets SET owner_id = NULL, published = 1 WHERE id = ?", id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := at(s, t0).CreateLearner(ctx)
	a, _ := at(s, t0).StartAttempt(ctx, l.ID, id)
	at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 0, quiz.Answer{Text: "Shlyapnikof"}, 1)
	at(s, t0).SaveAnswer(ctx, l.ID, a.ID, 1, quiz.Answer{Text: "Kolontay"}, 1)
	a, _ = at(s, t0).FinishAttempt(ctx, l.ID, a.ID)
	if a.Score.Right != 1 {
		t.Fatalf("score = %+v, want the slip within 20%% right and Kolontay wrong", a.Score)
	}
	if err := at(s, t0).ClaimRight(ctx, l.ID, a.ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := at(s, t0).ClaimRight(ctx, l.ID, a.ID, 0); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("claiming a right answer = %v, want questions.ErrInvalid", err)
	}
	_, rs, _ := s.Responses(ctx, l.ID, a.ID)
	if g := rs[1].Grade(); !g.Right() || g.Manual == nil || !g.Manual.ByLearner {
		t.Errorf("the claimed answer's grade = %+v, want right by the learner's claim", g)
	}
	if a, _ = s.Attempt(ctx, l.ID, a.ID); a.Score.Right != 2 {
		t.Errorf("after the claim the score is %+v, want 2 right", a.Score)
	}
	c, _ := s.Card(ctx, l.ID, rs[1].Question.ID)
	if c.Card.Reps != 1 || c.Card.Lapses != 0 || c.Card.State == quiz.StateRelearning {
		t.Errorf("after the claim the card is %+v, want one Good review", c.Card)
	}
	// In a class quiz there is no claiming.
	f := newClassFixture(t, testSet, QuizSettings{})
	ca, _ := at(f.s, t0).StartClassAttempt(ctx, f.learner.ID, f.g)
	at(f.s, t0).SaveAnswer(ctx, f.learner.ID, ca.ID, 0, quiz.Answer{Choices: []int{0}}, 1)
	at(f.s, t0).FinishAttempt(ctx, f.learner.ID, ca.ID)
	if err := at(f.s, t0).ClaimRight(ctx, f.learner.ID, ca.ID, 0); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("claiming in a class quiz = %v, want questions.ErrInvalid", err)
	}
}

func TestStore_AttemptCount(t *testing.T) {
	ctx := context.Background()
	f := newClassFixture(t, testSet, QuizSettings{})
	for range 2 {
		a, _ := at(f.s, t0).StartClassAttempt(ctx, f.learner.ID, f.g)
		at(f.s, t0).FinishAttempt(ctx, f.learner.ID, a.ID)
	}
	other := f.join(t, "Yuri")
	at(f.s, t0).StartClassAttempt(ctx, other.ID, f.g)
	if n, students, err := f.s.AttemptCount(ctx, f.teacher.ID, f.g); err != nil || n != 3 || students != 2 {
		t.Errorf("AttemptCount = %d, %d, %v; want 3 attempts by 2 students", n, students, err)
	}
	if _, _, err := f.s.AttemptCount(ctx, mustTeacher(t, f.s, "B").ID, f.g); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another teacher's AttemptCount = %v, want questions.ErrNotFound", err)
	}
}
