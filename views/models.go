package views

import (
	"fmt"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// Page is what every page shows around its content.
type Page struct {
	Title string
	// Section is the navigation entry to mark as current: "sets", "me".
	Section string
	// Learner is the learner's display name, "" before they are known.
	Learner string
	// Notice is a one-off message shown at the top ("Name saved.").
	Notice string
}

// SetCard is a set as lists show it.
type SetCard struct {
	ID        int64
	Title     string
	Origin    string
	Questions int
}

// URL is the set's page.
func (s SetCard) URL() string { return fmt.Sprintf("/sets/%d", s.ID) }

// AttemptCard is an attempt as lists show it.
type AttemptCard struct {
	ID       int64
	SetID    int64
	SetTitle string
	Position int // 0-based index of the current question
	Count    int
	Answered int
	Finished bool
	Percent  int
	When     time.Time
}

// URL is where the attempt continues, or its result once finished.
func (a AttemptCard) URL() string {
	if a.Finished {
		return fmt.Sprintf("/attempts/%d/result", a.ID)
	}
	return fmt.Sprintf("/attempts/%d/questions/%d", a.ID, a.Position+1)
}

// HomePage lists the sets and the learner's unfinished attempts, and the
// class quizzes with a due date the learner has not finished.
type HomePage struct {
	Page
	Sets []SetCard
	Open []AttemptCard
	// Study is what the learner has to study now in all their sets; nil
	// for a learner with no sets yet.
	Study *StudyDue
	// Decks are the learner's own decks (imported from Anki).
	Decks []SetCard
	// Classes are the classes the learner is in, with what each has
	// assigned.
	Classes []HomeClass
}

// HomeClass is one of the learner's classes on their home page.
type HomeClass struct {
	ID          int64
	Name        string
	Assignments []StudentAssignment
}

// URL is the class's page for its student.
func (c HomeClass) URL() string { return fmt.Sprintf("/classes/%d", c.ID) }

// KindCount is how many questions of a kind a set has.
type KindCount struct {
	Kind  questions.Kind
	Count int
}

// SetPage shows one set and how to take it.
type SetPage struct {
	Page
	Set         SetCard
	Description string
	Kinds       []KindCount
	Open        *AttemptCard
	Past        []AttemptCard
}

// QuestionPage is one question of an attempt.
type QuestionPage struct {
	Page
	AttemptID int64
	SetTitle  string
	Number    int // 1-based
	Count     int
	// Nav is the question navigation: a page of the attempt's questions.
	Nav Navigator
	// Flagged is set when the learner flagged this question for review.
	Flagged  bool
	Question questions.Question
	Answer   quiz.Answer
	// Choices are a multiple-choice question's options, by index, in the
	// order this attempt shows them.
	Choices []int
	// MatchOptions are a matching question's answers in the order the
	// drop-downs list them.
	MatchOptions []string
	// Timer is the attempt's deadline, if it has one.
	Timer Timer
	// Errors has the problem of the answer typed ("text").
	Errors FieldErrors
}

// NavPage is how many questions the question navigation lists at once:
// a long quiz's page shows the page of the list its question is on, so
// that it costs the same whatever the quiz's length.
const NavPage = 50

// Navigator is the question navigation of a question page: one page of
// the attempt's questions (all of them, or those its filter picks), the
// way to the pages either side (by going to their first question), and
// to the next question without an answer.
type Navigator struct {
	// Filter is the list shown: NavAll, NavUnanswered or NavFlagged.
	Filter string
	Items  []NavItem
	// From and To are the places in the list, from 1, of the first and
	// last item shown; Total is the list's length.
	From, To, Total int
	// Prev and Next are the first questions of the pages before and
	// after this one (0: none).
	Prev, Next int
	// NextUnanswered is the next question without an answer after this
	// one, wrapping round (0: none); Unanswered and Flagged are how many
	// questions have no answer, and are flagged.
	NextUnanswered      int
	Unanswered, Flagged int
}

// The lists of the question navigation.
const (
	NavAll        = ""
	NavUnanswered = "unanswered"
	NavFlagged    = "flagged"
)

// Paged reports whether the list is longer than one page.
func (n Navigator) Paged() bool { return n.Total > NavPage }

// Query is what the question page's addresses carry of the list shown
// ("" for the whole list), so that moving keeps it.
func (n Navigator) Query() string {
	if n.Filter == NavAll {
		return ""
	}
	return "?show=" + n.Filter
}

// NavItem is a question in the question navigation.
type NavItem struct {
	Number            int // from 1
	Answered, Flagged bool
	Current           bool
}

// Timer is an attempt's deadline as a question page shows it: the time
// left when the page was made, and the deadline itself, which the
// server enforces; the page's script counts down from it.
type Timer struct {
	Deadline time.Time // zero: no time limit
	Now      time.Time
}

// On reports whether the attempt has a deadline.
func (t Timer) On() bool { return !t.Deadline.IsZero() }

// Left is the time left when the page was made, never negative.
func (t Timer) Left() time.Duration { return max(0, t.Deadline.Sub(t.Now)) }

// FinishPage asks for confirmation before an attempt is handed in.
type FinishPage struct {
	Page
	AttemptID  int64
	SetTitle   string
	Count      int
	Unanswered []int // 1-based numbers
	// Flagged are the questions the learner flagged for review, 1-based.
	Flagged []int
}

// ResultItem is one question on the result page.
type ResultItem struct {
	Number   int
	Question questions.Question
	Answered bool
	Given    string
	Right    string
	Grade    quiz.Grade
	// Reveal is what the review rules let the page show: without Mark no
	// verdict, without Right no right answer, without Feedback no
	// feedback or comment, without Source no source sentence.
	Reveal quiz.Reveal
	// ClaimURL is where the learner says "I was right" (self-study only,
	// for an answer marked wrong); "" for none.
	ClaimURL string
}

// ResultPage is a finished attempt with its score and every answer.
type ResultPage struct {
	Page
	AttemptID int64
	SetID     int64
	SetTitle  string
	Score     quiz.Score
	Finished  time.Time
	// TimeUp is set for an attempt the deadline submitted.
	TimeUp bool
	// Reveal is what the review rules let the page show now (Mark: the
	// score), and Later what they will show once the quiz closes.
	Reveal, Later quiz.Reveal
	Closes        time.Time
	// AgainURL starts another attempt; "" when none is left.
	AgainURL string
	Items    []ResultItem
}

// MePage is the learner's own page: name, resume code and attempts.
type MePage struct {
	Page
	Name       string
	Errors     FieldErrors // of the name form ("name")
	ResumeCode string
	Attempts   []AttemptCard
}

// ResumePage asks for a resume code to continue on this device.
type ResumePage struct {
	Page
	Code   string
	Errors FieldErrors // "code", and "" for too many tries
}

// ErrorPage explains a failed request.
type ErrorPage struct {
	Page
	Status  int
	Message string
}
