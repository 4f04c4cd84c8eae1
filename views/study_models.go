package views

import (
	"fmt"
	"net/url"
	"strconv"

	"factdrill/questions"
	"factdrill/quiz"
)

// StudyPage is one step of studying a set's flashcards: a card's front, its
// back with the answer buttons, or the end of today's cards.
type StudyPage struct {
	Page
	// SetID is the set studied; 0 for all the learner's sets ("Study
	// now"), of which there are Sets.
	SetID    int64
	SetTitle string
	// BackURL and BackTitle are the page the set is reached from: its own
	// page, or for a teacher's set the class it was assigned to.
	BackURL, BackTitle string
	Sets               int
	Counts             quiz.StudyCounts
	// CardSetID and CardSetTitle are the set the card shown is studied in.
	CardSetID    int64
	CardSetTitle string
	// From is the queue the card comes from ("new", "learning", "review",
	// "ahead"), whose count the page marks.
	From string
	// Mode is "ahead" while studying ahead, "more" while learning new cards
	// beyond today's limit, "" otherwise; forms carry it on.
	Mode string
	// Way is the way of studying ("", "type", "learn", "reverse"; see
	// quiz.Way), which links and forms carry on; Ask how the card shown
	// is asked in it ("flip", "type", "choice", "reverse").
	Way string
	Ask string
	// Options are the choices of a card asked as a choice.
	Options []StudyOption
	// Check is the learner's typed or chosen answer on the back, checked;
	// nil when the card was turned over.
	Check *StudyCheck
	// Suggested is the rating the check suggests (0: none).
	Suggested int
	// Card is the card shown; nil when nothing is left.
	Card *FlashCard
	// Show is true on the back of the card (the page without JavaScript
	// asks for it); with JavaScript the back is revealed in place.
	Show bool
	// ShownAt is when the card's front was first shown, in Unix
	// milliseconds: the answer's time taken is counted from it.
	ShownAt int64
	// Buttons are the four answers with the interval each would give.
	Buttons []RatingButton
	// UndoID is the answer the undo form takes back; 0 when there is none.
	UndoID int64
	// Suspended counts the set's suspended cards.
	Suspended int
	Done      StudyDone
	// Message is a one-off message about the last action ("Undone.").
	Message string
	// TimeZone is the learner's time zone, and TimeZoneSaved whether they
	// chose it: if not, the browser's zone is sent with the first answer.
	TimeZoneSaved bool
}

// StudyOption is one choice of a card asked as a choice.
type StudyOption struct {
	Text  string
	Right bool
	// Picked is true for the learner's choice, on the back.
	Picked bool
}

// StudyCheck is a typed or chosen answer, checked.
type StudyCheck struct {
	// Given is what the learner typed or chose ("" for "I don't know").
	Given string
	// Verdict is "right", "partly" or "wrong".
	Verdict string
}

// FlashCard is a question shown as a flashcard.
type FlashCard struct {
	ID int64
	// Reps is the card's number of answers when shown; the answer form
	// sends it back so that a card answered since is not answered twice.
	Reps     int
	State    string // "New", "Learning", "Review", "Relearning"
	Leech    bool
	Question questions.Question
	// Answer is the right answer in words; Feedback what the author wrote
	// for it and for the question.
	Answer   string
	Feedback []string
}

// RatingButton is one of Again, Hard, Good and Easy.
type RatingButton struct {
	Rating int
	Name   string
	// Interval is when the card would come back ("10m", "4d").
	Interval string
}

// StudyDone is what the page says when nothing is left to study now.
type StudyDone struct {
	// Empty: the set has no flashcards at all.
	Empty bool
	// NextDue says when the next studied card is due ("in 8 minutes, at
	// 10:48"); "" if none is.
	NextDue string
	// NewLater counts new cards held back by the daily limit, ReviewLater
	// review cards held back by it; Ahead the studied cards reviewing ahead
	// would show.
	NewLater, ReviewLater, Ahead int
}

// StudyURL is the study page of the set with the given query parameters
// (name, value pairs), keeping the page's mode.
func (m StudyPage) StudyURL(kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		q.Set(kv[i], kv[i+1])
	}
	if m.Mode != "" {
		q.Set("mode", m.Mode)
	}
	if m.Way != "" {
		q.Set("way", m.Way)
	}
	u := m.Action("")
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// ShowURL is the back of the card shown, for browsers without JavaScript.
func (m StudyPage) ShowURL() string {
	return m.StudyURL("card", strconv.FormatInt(m.Card.ID, 10), "show", "1", "shown", strconv.FormatInt(m.ShownAt, 10))
}

// Action is the URL of one of the study forms ("", "undo", "suspend",
// "unsuspend", "limits"): the set's, or with all sets those of "Study
// now", except suspend, which is the card's set's.
func (m StudyPage) Action(name string) string {
	u := fmt.Sprintf("/sets/%d/study", m.SetID)
	switch {
	case name == "suspend" && m.SetID == 0:
		u = fmt.Sprintf("/sets/%d/study", m.CardSetID)
	case m.SetID == 0:
		u = "/study"
	}
	if name != "" {
		u += "/" + name
	}
	return u
}

// AllSets reports whether the page studies all the learner's sets.
func (m StudyPage) AllSets() bool { return m.SetID == 0 }

// SettingsPage is the learner's study settings form.
type SettingsPage struct {
	Page
	// The values as typed (or stored): retention in percent.
	Retention    string
	NewPerDay    string
	TimeZone     string
	RolloverHour string
	// The daily limits besides NewPerDay, as typed.
	ReviewsPerDay, NewAllPerDay, ReviewsAllPerDay string
	// Zones are the time zones offered, by region.
	Zones []ZoneGroup
	// Errors holds a message per field name, for fields typed wrong.
	Errors map[string]string
	// Back is where "Back to studying" leads; "" for none.
	Back string
	// Now is the time in the chosen zone, to check it ("Mon 10:48").
	Now string
	// Workload is the trade-off of desired retention, WorkloadNote what
	// the simulation assumed; Memory the weights the learner has.
	Workload     []WorkloadRow
	WorkloadNote string
	Memory       MemoryModel
}

// ZoneGroup is a region of time zones in the settings' list.
type ZoneGroup struct {
	Region string
	Zones  []Zone
}

// Zone is one time zone in the settings' list.
type Zone struct {
	Name  string // "America/New_York"
	Label string // "New York (UTC−05:00)"
}

// StatsPage is a learner's statistics, drawn as charts.
type StatsPage struct {
	Page
	// SetID is the set the figures are for; 0 for all sets.
	SetID int64
	Sets  []SetCard
	// Known is false for a visitor who has not studied: the page invites
	// them to.
	Known bool

	Reviews, ReviewsToday, Streak int
	TimeToday                     string
	// RetentionAll is true retention over all ages ("91%"), "" with no
	// review answers yet.
	RetentionAll string
	Desired      string // the desired retention ("90%")

	Calendar  Heatmap
	Due       BarChart
	Retention BarChart
	States    []StateSlice
}

// Heatmap is the calendar of reviews per day.
type Heatmap struct {
	Days []HeatDay
	// Summary describes the calendar in words.
	Summary string
}

// HeatDay is one day of the calendar.
type HeatDay struct {
	Date    string // "2026-11-29"
	Label   string // "Sun 29 Nov 2026"
	Weekday int    // 0 Monday … 6 Sunday
	Month   string // "Nov": the month's short name, set on a month's first day
	Reviews int
	Today   bool
}

// BarChart is a bar chart with a label and a value per bar.
type BarChart struct {
	Title, Desc string
	Bars        []Bar
	// Unit is appended to values in labels ("%", "").
	Unit string
	// Max is the top of the value axis; 0 means the largest value.
	Max float64
	// Target draws a dashed line at this value (desired retention); 0 for
	// none.
	Target float64
	// TargetLabel names the line.
	TargetLabel string
	// Summary describes the chart in words.
	Summary string
}

// Bar is one bar of a BarChart.
type Bar struct {
	Label string
	// Axis is the label under the bar when it differs from Label, a line
	// per element, for bars too narrow for Label on one line.
	Axis  []string
	Value float64
	// Text is the value as the table and tooltip show it ("12", "91% of
	// 34").
	Text string
	// Class colours the bar ("today", "weak").
	Class string
}

// StateSlice is one state in the cards-by-state chart.
type StateSlice struct {
	Name  string // "Mature"
	Class string // "mature"
	Count int
	Note  string // what the state means
}

// MemoryModel is the settings page's account of the FSRS-6 weights the
// learner is scheduled with, and of the last fit to their answers.
type MemoryModel struct {
	// Known is false for a visitor: there is nothing to fit yet.
	Known bool
	// From is "own", "class" or "default"; Class names the class whose
	// weights are used.
	From  string
	Class string
	// Chosen is true when the learner went back to the defaults.
	Chosen bool
	// Reviews counts the learner's answers; MinReviews is how many a fit
	// needs before it runs by itself.
	Reviews, MinReviews int
	// Requested is true while a fit the learner asked for waits.
	Requested bool
	Last      FitSummary
	// Weights are the 21 weights in use beside the defaults.
	Weights []WeightRow
}

// FitSummary is the last fit to a learner's (or a class's) answers.
type FitSummary struct {
	// Ran is false if there was none.
	Ran  bool
	When string
	// Reviews and Items are the answers read and the answers predicted.
	Reviews, Items int
	// Valid is false when nothing could be fitted; Note says why.
	Valid bool
	Note  string
	// Before and After are the log losses (and RMSE) of the weights in
	// use before and of the fit, formatted.
	Before, After, RMSEBefore, RMSEAfter string
	Adopted                              bool
}

// WeightRow is one FSRS-6 weight: its name, what it does, the value in
// use and the default.
type WeightRow struct {
	Name, Meaning, Value, Default string
	// Changed is true when the value differs from the default.
	Changed bool
}

// WorkloadRow is what studying at one desired retention costs, simulated.
type WorkloadRow struct {
	Percent int
	// Current is true for the retention the learner has chosen.
	Current bool
	// Reviews, Minutes: a day; Memorized: cards remembered after the
	// simulated time; PerCard: minutes of study per card remembered.
	Reviews, Minutes, Memorized, PerCard string
}

// StudyLimitsPage is the form of a learner's own limits in one set.
type StudyLimitsPage struct {
	Page
	SetID    int64
	SetTitle string
	// The values as typed (or stored).
	NewPerDay, ReviewsPerDay string
	// Own is true when the set has limits of its own; Usual are the
	// learner's limits for each set.
	Own   bool
	Usual string
	// Errors holds a message per field name.
	Errors map[string]string
}

// StudyDue is what a learner has to study now in all their sets, for the
// home page.
type StudyDue struct {
	Counts quiz.StudyCounts
	Sets   int
}

// PracticePage is a timed practice test of a learner's studied cards, or
// its result.
type PracticePage struct {
	Page
	// Action is where the test is sent; Back the study page it came from.
	Action, Back string
	Items        []PracticeItem
	// Started is when the test began (Unix milliseconds); Seconds the time
	// it allows.
	Started int64
	Seconds int
	// Result is the graded test; nil while it is being taken.
	Result *PracticeResult
}

// PracticeItem is one question of a practice test.
type PracticeItem struct {
	Index         int
	CardID, SetID int64
	Reps          int
	Question      questions.Question
	// Typed is true when the answer is typed; otherwise it is chosen from
	// Options (several when Multiple).
	Typed    bool
	Options  []string
	Multiple bool
}

// PracticeResult is a practice test graded.
type PracticeResult struct {
	Right, Total int
	// Late is true when the test came in after its time.
	Late    bool
	Answers []PracticeAnswer
}

// PracticeAnswer is one answer of a practice test, graded.
type PracticeAnswer struct {
	Stem   string
	Format questions.Format
	Given  string
	Right  string
	// Verdict is "right", "partly" or "wrong"; Rating the review it gave
	// the card ("" when the card had been answered since the test began).
	Verdict, Rating string
}

// HistoryPage is a page of the learner's review history, newest first.
type HistoryPage struct {
	Page
	Entries []HistoryRow
	// Older is the address of the next (older) page, "" on the last;
	// Newest is true when this is not the first page.
	Older  string
	Newest bool
}

// HistoryRow is one answer in the history.
type HistoryRow struct {
	ID                         int64
	When, Card, Set, Rating    string
	Source, Taken, RatingClass string
}
