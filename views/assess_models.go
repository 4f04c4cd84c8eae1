package views

import (
	"fmt"
	"time"

	"factdrill/questions"
)

// The models of the teacher's pages for marking by: an assignment's
// settings, removing one, extra time, the grading view and regrading.

// DateTimeLayout is how a date and time field is written and read: the
// value of an <input type="datetime-local">, in UTC.
const DateTimeLayout = "2006-01-02T15:04"

// QuizSettingsForm is an assignment's settings as its form shows them, as
// typed.
type QuizSettingsForm struct {
	Draw, Attempts string
	// TimeLimit is in minutes ("" or "0" for none).
	TimeLimit string
	// Opens, Closes and Due are in DateTimeLayout, UTC ("" for none).
	Opens, Closes, Due string
	Feedback           string
	Shuffle            bool
	KeepOptionOrder    bool
	// Review is what the review rules show, by moment: during the
	// attempt, right after it, after the quiz closes.
	Review [3]ReviewChoice
	// Full shows the dates and the review rules (the assignment's own
	// page); the assign form of a class shows the rest, and the dates and
	// rules keep their defaults.
	Full bool
}

// ReviewChoice is what the review rules show at one moment.
type ReviewChoice struct{ Mark, Right, Feedback, Source bool }

// reviewMoments name the moments of QuizSettingsForm.Review, for field
// names and headings.
var reviewMoments = []struct{ key, label string }{
	{"during", "During the attempt"},
	{"after", "Right after it"},
	{"closed", "After the quiz closes"},
}

// reviewItems name what a review rule may show.
var reviewItems = []struct{ key, label string }{
	{"mark", "Their mark"},
	{"right", "The right answers"},
	{"feedback", "Feedback and comments"},
	{"source", "The source sentence"},
}

// ReviewField is the name of the checkbox of a review rule: moment and
// item as in reviewMoments and reviewItems ("review-after-right").
func ReviewField(moment, item string) string { return "review-" + moment + "-" + item }

func (c ReviewChoice) get(item string) bool {
	switch item {
	case "mark":
		return c.Mark
	case "right":
		return c.Right
	case "feedback":
		return c.Feedback
	}
	return c.Source
}

// AssignmentEditPage is an assignment's own page: its settings, what
// changing them does, extra time and attempts per student, and removal.
type AssignmentEditPage struct {
	TeacherPage
	ID        int64
	ClassID   int64
	ClassName string
	SetTitle  string
	Questions int
	Form      QuizSettingsForm
	Errors    FieldErrors
	// Attempts counts the attempts made so far, Open those in progress.
	Attempts, Open int
	// Now is the time in UTC, for the dates' fields.
	Now      time.Time
	Students []OverrideRow
}

// OverrideRow is one student's extra time and attempts at an assignment.
type OverrideRow struct {
	LearnerID int64
	Name      string
	// ExtraMinutes and ExtraAttempts as the form shows them.
	ExtraMinutes, ExtraAttempts int
}

// RemoveAssignmentPage asks a second time before an assignment with
// attempts is removed, naming how many go with it.
type RemoveAssignmentPage struct {
	TeacherPage
	ID        int64
	ClassID   int64
	ClassName string
	SetTitle  string
	Attempts  int
	Students  int
}

// GradingPage is the per-question grading view: one answer of one
// student at a time, with its mark and comment, and the way to the next.
type GradingPage struct {
	TeacherPage
	SetID      int64
	SetTitle   string
	QuestionID int64
	// Number is the question's place in the set; Question the question
	// as the set has it now (the answer shows the version it was given
	// to).
	Number   int
	Question questions.Question
	// Index is the answer shown (from 0) of Count; Pending counts the
	// answers still waiting for a mark.
	Index, Count, Pending int
	Item                  GradingItem
	// Mark and Comment are the form's values as typed; Errors its
	// problems ("mark", "comment").
	Mark, Comment string
	Errors        FieldErrors
	// PrevURL, NextURL and NextPendingURL lead to the answer before, the
	// one after, and the next one waiting for a mark ("" for none).
	PrevURL, NextURL, NextPendingURL string
}

// GradingItem is the answer the grading view shows.
type GradingItem struct {
	AttemptID int64
	Position  int
	Student   string
	ClassName string
	Finished  time.Time
	// Question is the version the answer was given to; Given the answer
	// in words; Right the right answer (none for essays).
	Question questions.Question
	Given    string
	Right    string
	Answered bool
	// Shown are the options in the order the attempt showed them (see
	// StudentAnswer.Shown).
	Shown []ShownOption
	// Weight is what the question is worth; Auto the mark grading gave,
	// in marks, and Pending whether it waits for a person's.
	Weight  float64
	Auto    float64
	Pending bool
	// Marked is set when a person marked it: Marker says who ("you",
	// "the student, who said they were right").
	Marked bool
	Marker string
}

// GradingURL is the grading view of answer index (from 0) to a question
// of a set.
func GradingURL(setID, questionID int64, index int) string {
	return fmt.Sprintf("/teacher/sets/%d/questions/%d/grading?n=%d", setID, questionID, index)
}

// GradingAnswerURL is the grading view of the answer at position pos of
// an attempt.
func GradingAnswerURL(setID, questionID, attemptID int64, pos int) string {
	return fmt.Sprintf("/teacher/sets/%d/questions/%d/grading?attempt=%d&pos=%d", setID, questionID, attemptID, pos)
}

// RegradePage is the regrade's dry run: for each question that finished
// attempts show in an older version, how many answers move and how many
// marks change, before the teacher applies it; and the latest regrades.
type RegradePage struct {
	TeacherPage
	SetID    int64
	SetTitle string
	Items    []RegradeRow
	History  []RegradeLogRow
}

// RegradeRow is one question of a regrade's dry run.
type RegradeRow struct {
	Number    int
	Name      string
	Version   int
	Responses int
	Attempts  int
	Changed   int
	Marks     []RegradeMarkRow
}

// RegradeMarkRow is one mark a regrade changes.
type RegradeMarkRow struct {
	Student  string
	Answer   string
	Old, New string // in percent
}

// RegradeLogRow is one regrade done.
type RegradeLogRow struct {
	Number  int
	Reason  string
	At      time.Time
	Moved   int
	Changed int
}

// ShownOption is one option of a question as an attempt showed it, in the
// order shown: its text, whether the student chose it, whether it is a
// right one. The teacher's pages list them so the order the student saw
// is on record (see quiz.OptionOrder).
type ShownOption struct {
	Text          string
	Chosen, Right bool
}
