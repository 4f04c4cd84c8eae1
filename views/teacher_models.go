package views

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"factdrill/questions"
)

// TeacherPage is what every teacher page shows around its content.
type TeacherPage struct {
	Title string
	// Section is the navigation entry to mark as current: "home", "new".
	Section string
	// Teacher is the name of the teacher logged in.
	Teacher string
	Notice  string
	// Admin is true for a teacher who manages the teachers' accounts: the
	// navigation offers their page.
	Admin bool
	// Refresh reloads the page every two seconds (a job's progress),
	// with no script.
	Refresh bool
}

// LoginPage is the teachers' login form.
type LoginPage struct {
	Page
	Name   string
	Next   string
	Errors FieldErrors // "name", "password", and "" for a login refused
}

// SetupPage creates the first teacher account from the setup link.
type SetupPage struct {
	Page
	Token  string
	Name   string
	Errors FieldErrors // "name", "password", "password2"
}

// TeacherSetRow is a set as the teacher's lists show it.
type TeacherSetRow struct {
	ID        int64
	Title     string
	Origin    string
	Questions int
	Published bool
	// Shared is true for a set of no teacher's (the built-in set, the
	// questions folder): every teacher may assign it, none may change it.
	Shared  bool
	Updated time.Time
}

// URL is the set's page for teachers.
func (s TeacherSetRow) URL() string { return fmt.Sprintf("/teacher/sets/%d", s.ID) }

// ClassRow is a class as lists show it.
type ClassRow struct {
	ID       int64
	Name     string
	JoinCode string
	Members  int
	Assigned int
}

// URL is the class's page for its teacher.
func (c ClassRow) URL() string { return fmt.Sprintf("/teacher/classes/%d", c.ID) }

// TeacherHome is the teacher's dashboard: their sets, the shared sets and
// their classes.
type TeacherHome struct {
	TeacherPage
	Sets      []TeacherSetRow
	Shared    []TeacherSetRow
	Classes   []ClassRow
	ClassName string
	Errors    FieldErrors // of the new class form ("name")
	// SetsPager is where Sets are among the teacher's sets (or those whose
	// title has SetSearch).
	SetsPager Pager
	SetSearch string
}

// FileProblem is one problem of an uploaded question file.
type FileProblem struct {
	Where string // FILE:LINE:COL
	Msg   string
}

// NewSetPage offers the two ways to make a set: upload a question file,
// or generate questions from a document.
type NewSetPage struct {
	TeacherPage
	// MaxMB is the limit of text question files, MaxPackageMB of the
	// formats that carry images (Moodle XML, QTI, Anki packages) and of
	// documents to generate from.
	MaxMB, MaxPackageMB int
	// Upload: the file's name and what was wrong with it.
	FileName     string
	UploadError  string
	FileProblems []FileProblem
	// Generate: the pasted text, the title and the number asked for, as
	// typed ("" lets the generator choose).
	Text      string
	GenTitle  string
	Count     string
	GenErrors FieldErrors // "title", "text", "document", "count", and ""
}

// JobPage shows a generation in progress; it reloads itself until the
// job has ended.
type JobPage struct {
	TeacherPage
	ID      int64
	Done    int
	Total   int
	Percent int
	Stage   string
	// Ended is true once the job will change no more (failed or
	// cancelled: a job done sends the teacher to the set instead); Error
	// says how it ended, and Failed whether that was a failure.
	Ended, Failed bool
	Error         string
	// Retry is the new-set form filled in with the job's text, title and
	// number of questions, to try again; Refile says that the document
	// was a file, to choose again.
	Retry  string
	Refile string
}

// TeacherQuestion is a question on the teacher's set page.
type TeacherQuestion struct {
	// ID is the question's identity, Number its place in the set (from
	// 1).
	ID       int64
	Number   int
	Question questions.Question
	Right    string
	// GradingURL is the grading view of the answers to the question;
	// Pending counts those waiting for a mark.
	GradingURL string
	Pending    int
}

// TeacherSetPage is a set seen by a teacher: its questions with their
// answers and sources, and what can be done with it.
type TeacherSetPage struct {
	TeacherPage
	// DeleteError says that a deletion was refused: its box was not
	// ticked.
	DeleteError string
	Set         TeacherSetRow
	Description string
	Questions   []TeacherQuestion
	Generated   int
	// Warnings are what the import that made the set left out or
	// changed, each at its line of the file.
	Warnings []FileProblem
	// CardsLeaveOut says which questions the card formats (CSV, Anki)
	// leave out of an export, and why.
	CardsLeaveOut []string
	// Pager is where Questions are in the set (or in the questions that
	// match Search); Indexed is true when search uses the full-text index.
	Pager   Pager
	Search  string
	Indexed bool
	// Stale are the open attempts that keep an earlier version of some
	// of the set's questions: an edit changed or removed them after the
	// attempt started.
	Stale []StaleAttempt
	// ToRegrade counts the questions of finished attempts that show an
	// earlier version (see the regrade page).
	ToRegrade int
	// Spelling and KeepOptionOrder are the set's quiz options.
	Spelling        int
	KeepOptionOrder bool
}

// StaleAttempt is an open attempt started before the set's questions
// were changed, which keeps the versions it showed.
type StaleAttempt struct {
	Student string
	Class   string // "" for an attempt from the student site
	Started time.Time
	// Changed and Removed count the attempt's questions edited or taken
	// out of the set since it started.
	Changed, Removed int
}

// What says what changed under the attempt: "1 question changed, 2
// removed".
func (a StaleAttempt) What() string {
	var parts []string
	if a.Changed > 0 {
		parts = append(parts, Plural(a.Changed, "question")+" changed")
	}
	if a.Removed > 0 {
		if len(parts) == 0 {
			parts = append(parts, Plural(a.Removed, "question")+" removed")
		} else {
			parts = append(parts, strconv.Itoa(a.Removed)+" removed")
		}
	}
	return strings.Join(parts, ", ")
}

// EditChoice is an option of a multiple-choice question in the editor.
type EditChoice struct {
	Text  string
	Right bool
}

// EditItem is one question in the set editor.
type EditItem struct {
	Index int
	// ID is the stored question's, sent with the form so that a save
	// can tell that the set changed since (see web's editConflict).
	ID       int64
	Keep     bool
	Kind     questions.Kind
	Stem     string
	Multiple bool
	Choices  []EditChoice
	Truth    bool
	// Answers are a short answer's accepted answers, one a line.
	Answers string
	// Number and Tolerance are a numerical question's first answer.
	Number, Tolerance string
	// Pairs are a matching question's pairs, "prompt = answer" a line.
	Pairs  string
	Source *questions.Source
	Error  string
	// Image is the question's image control (see ImageControl); its
	// QuestionID is 0 where none is offered.
	Image ImageControl
}

// SetEditPage is the set editor: the title and every question, each with a
// box to keep it.
type SetEditPage struct {
	TeacherPage
	SetID       int64
	SetTitle    string
	Description string
	Published   bool
	Items       []EditItem
	Errors      FieldErrors // "title", "description", and "" for the form
	// Total is the number of questions in the set; Items are those of
	// the page Pager is on (a set of thousands is edited a page at a
	// time, so that a form stays small).
	Total int
	Pager Pager
}

// ItemOption is an option's share in item analysis.
type ItemOption struct {
	Text    string
	Key     bool
	Count   int
	Percent int
}

// ItemRow is item analysis of one question.
type ItemRow struct {
	Number         int
	Name           string
	Kind           string
	Generated      bool
	Source         string
	N              int
	Facility       int // percent
	Discrimination string
	Options        []ItemOption
	Blank          int
	Flags          []string
	Misleads       bool
	EditURL        string
	// Wrong are the most common wrong typed answers, most typed first,
	// which the teacher may accept at AcceptURL ("" when they may not:
	// a set of no teacher's). GradingURL is the grading view of the
	// question's answers.
	Wrong      []WrongAnswer
	AcceptURL  string
	GradingURL string
}

// WrongAnswer is a wrong typed answer and how many attempts gave it.
type WrongAnswer struct {
	Text  string
	Count int
}

// ItemsPage is item analysis of a set.
type ItemsPage struct {
	TeacherPage
	SetID    int64
	SetTitle string
	Attempts int
	MinN     int
	Items    []ItemRow
	Flagged  int
}

// AssignmentRow is a set assigned to a class, with its quiz settings.
type AssignmentRow struct {
	ID          int64
	SetID       int64
	SetTitle    string
	Questions   int
	Published   bool
	Draw        int
	Shuffle     bool
	MaxAttempts int
	Feedback    string
	TimeLimit   time.Duration
	Due, Closes time.Time
	// FlashcardsOpen is true when the teacher opened the set's flashcards
	// before the quiz is done.
	FlashcardsOpen bool
}

// ResultCell is a student's results on one assigned set.
type ResultCell struct {
	// Pending counts the finished attempts waiting for a mark.
	Pending  int
	Attempts int
	Best     string
	Last     string
	Time     string
}

// ResultRow is a student's row of a class's results.
type ResultRow struct {
	LearnerID int64
	Name      string
	Member    bool
	Cells     []ResultCell
}

// SetOption is a set a class can be given.
type SetOption struct {
	ID    int64
	Title string
}

// ClassPage is a class seen by its teacher: the join code, the sets
// assigned with their settings, and each student's results.
type ClassPage struct {
	TeacherPage
	Class       ClassRow
	JoinURL     string
	Assignments []AssignmentRow
	Results     []ResultRow
	Sets        []SetOption
	// Rename is the name typed in the rename form, Errors the problems
	// of that form ("name") and of the assign form ("set", "draw",
	// "attempts", "feedback", "time_limit", "due", and "").
	Rename string
	Errors FieldErrors
	// AssignForm is the assign form's settings, as typed.
	AssignForm QuizSettingsForm
	// Owner is true when the teacher looking made the class: only they
	// rename, delete or share it.
	Owner bool
	// Roster sums up the class's students and gradebook files.
	Roster ClassRosterSummary
}

// StudentAnswer is one answer of an attempt, for the teacher.
type StudentAnswer struct {
	Number  int
	Stem    string
	Given   string
	Right   string
	Verdict string
	Class   string
	// MarkURL is the grading view of the answer ("" for an attempt still
	// open); Comment the teacher's comment on it.
	MarkURL string
	Comment string
	// Shown are the options of a multiple-choice or matching question
	// in the order the attempt showed them (nil for other kinds).
	Shown []ShownOption
	// Flagged is set when the student flagged the question for review.
	Flagged bool
}

// StudentAttempt is one attempt of a student, for the teacher.
type StudentAttempt struct {
	// Pending counts the answers waiting for a mark.
	Pending  int
	ID       int64
	SetTitle string
	Started  time.Time
	Finished bool
	Percent  int
	Right    int
	Max      int
	Duration string
	Answers  []StudentAnswer
}

// StudentPage is one student's attempts in a class, with their answers.
type StudentPage struct {
	TeacherPage
	ClassID   int64
	ClassName string
	LearnerID int64
	Name      string
	Member    bool
	Attempts  []StudentAttempt
	// Roster is the student's sign-in code and details, for one the
	// teachers rostered; nil for one who joined by themselves.
	Roster *StudentRoster
	// Others are the class's other members, who may be merged into this
	// student.
	Others []RosterMember
}

// ClassLink is a class the learner has joined.
type ClassLink struct {
	ID   int64
	Name string
}

// URL is the class's page for its students.
func (c ClassLink) URL() string { return fmt.Sprintf("/classes/%d", c.ID) }

// JoinPage lists the learner's classes and asks for a class's join code
// and the student's name.
type JoinPage struct {
	Page
	Classes []ClassLink
	Code    string
	Name    string
	Errors  FieldErrors // "code", "name", and "" for too many tries
}

// StudentAssignment is an assigned set on the student's class page.
type StudentAssignment struct {
	ID        int64
	ClassID   int64
	SetID     int64
	SetTitle  string
	ClassName string
	Questions int
	Left      int // attempts left; -1 is no limit
	Used      int
	Best      int // -1 for none
	// BestPending is set when the best attempt waits for a teacher's mark.
	BestPending bool
	OpenURL     string
	Published   bool
	// TimeLimit is each attempt's time (with the student's extra time);
	// Opens, Closes and Due are the quiz's dates (zero: none); Deadline is
	// the open attempt's.
	TimeLimit                    time.Duration
	Opens, Closes, Due, Deadline time.Time
	// NotYet and Closed say the quiz is not open now.
	NotYet, Closed bool
	// FlashcardsOpen is true when the student may study the set's
	// flashcards: they are done with the quiz, or the teacher allowed it.
	FlashcardsOpen bool
}

// StudentClassPage is a class seen by one of its students.
type StudentClassPage struct {
	Page
	ClassName   string
	Assignments []StudentAssignment
}

// FeedbackPage shows, during an attempt, whether the answer just saved is
// right.
type FeedbackPage struct {
	Page
	AttemptID int64
	SetTitle  string
	Count     int
	Item      ResultItem
	NextURL   string
	Last      bool
	Timer     Timer
}

// Verdict is how a teacher's page words the grade of an answer ("Right",
// "Partly right (50%)", "needs grading").
func Verdict(it ResultItem) string {
	if it.Grade.Pending {
		return "needs grading"
	}
	return strings.NewReplacer("marked by your teacher", "marked by you", "as you said", "as the student said",
		"no one marks a practice essay", "a practice essay").Replace(verdict(it))
}

// ResultClass is the CSS class of a graded answer: "right", "partial",
// "wrong" or "".
func ResultClass(it ResultItem) string { return resultClass(it) }

// ClassMemoryPage is a class's FSRS-6 weights, fitted to its members'
// pooled flashcard answers, seen by its teacher.
type ClassMemoryPage struct {
	TeacherPage
	ClassID   int64
	ClassName string
	Members   int
	// HasWeights is true when the class has adopted weights, which its
	// members without weights of their own are scheduled with.
	HasWeights bool
	Requested  bool
	// Learners is the members whose answers the last fit pooled.
	Learners int
	Last     FitSummary
	Weights  []WeightRow
}

// warningsTitle heads the list of what an import left out or changed.
func warningsTitle(ws []FileProblem) string {
	return Plural(len(ws), "warning") + " from the import: left out or changed"
}

// TeacherErrorPage is a failed request's page for a teacher.
type TeacherErrorPage struct {
	TeacherPage
	Status  int
	Message string
}
