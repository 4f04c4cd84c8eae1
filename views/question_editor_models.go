package views

import (
	"fmt"

	"factdrill/questions"
)

// AnswerRow is an option of a multiple-choice question, or an accepted
// answer of a short answer or cloze, as the editor shows it: every field
// as typed (a weight in percent).
type AnswerRow struct{ Text, Weight, Feedback string }

// NumberRow is an accepted number of a numerical question ("*" as the
// value for any other answer).
type NumberRow struct{ Value, Tolerance, Weight, Feedback string }

// PairRow is a prompt of a matching question and its answer (a row without
// a prompt adds a wrong answer).
type PairRow struct{ Prompt, Answer string }

// UnitRow is a unit a numerical answer may carry.
type UnitRow struct{ Name, Multiplier string }

// QuestionForm is every field of a question as the editor shows it, as
// typed: numbers stay text until they are read.
type QuestionForm struct {
	Kind                                                 questions.Kind
	Title, Stem, Format, Feedback, Tags, Mark, Numbering string
	Multiple, KeepOrder, CaseSensitive, Truth, UnitsLeft bool
	// Answers are the options (multiple choice) or accepted answers
	// (short answer, cloze).
	Answers                                             []AnswerRow
	Numbers                                             []NumberRow
	Pairs                                               []PairRow
	Units                                               []UnitRow
	UnitPenalty                                         string
	TrueFeedback, FalseFeedback                         string
	CorrectFeedback, PartialFeedback, IncorrectFeedback string
	MinWords, MaxWords, ResponseTemplate, GraderInfo    string
}

// SetLink is a set a question is in.
type SetLink struct {
	ID    int64
	Title string
	// This is the set the editor was opened from.
	This bool
}

// URL is the set's page for teachers.
func (s SetLink) URL() string { return fmt.Sprintf("/teacher/sets/%d", s.ID) }

// QuestionEditPage is the editor of one question of a set, new or not.
type QuestionEditPage struct {
	TeacherPage
	SetID    int64
	SetTitle string
	// QuestionID is 0 for a new question, which goes at Position (-1:
	// the end).
	QuestionID int64
	Position   int
	Version    int
	Form       QuestionForm
	// Problems are what stops the question from being saved, in the file
	// readers' words; Bad names the fields that could not be read.
	Problems []string
	Bad      map[string]bool
	// Where the question is used: the sets that hold it and the
	// attempts that showed it (Open of them not finished).
	Sets           []SetLink
	Attempts, Open int
}

// Action is where the editor's form posts.
func (m QuestionEditPage) Action() string {
	if m.QuestionID == 0 {
		return fmt.Sprintf("/teacher/sets/%d/questions", m.SetID)
	}
	return fmt.Sprintf("/teacher/sets/%d/questions/%d", m.SetID, m.QuestionID)
}

// Invalid reports whether the field of id could not be read.
func (m QuestionEditPage) Invalid(id string) bool { return m.Bad[id] }

// BankItem is one of the teacher's questions in their bank.
type BankItem struct {
	ID       int64
	Question questions.Question
	Version  int
	Sets     []SetLink
}

// In reports whether the question is in the set.
func (b BankItem) In(setID int64) bool {
	for _, s := range b.Sets {
		if s.ID == setID {
			return true
		}
	}
	return false
}

// CanGoTo reports whether one of sets does not hold the question yet.
func (b BankItem) CanGoTo(sets []SetLink) bool {
	for _, s := range sets {
		if !b.In(s.ID) {
			return true
		}
	}
	return false
}

// BankPage is the teacher's question bank: their questions, found by
// their words, and the sets to put them in.
type BankPage struct {
	TeacherPage
	Search    string
	Questions []BankItem
	Pager     Pager
	// Sets are the teacher's sets, where a question can go.
	Sets []SetLink
	// Indexed is true when the search uses the full-text index.
	Indexed bool
}
