// Package questions is factdrill's question model: sets of questions of every
// kind the app can ask, their validation, and the readers and writers of the
// question-file formats (GIFT, Aiken, CSV/TSV, Anki text), one format a file.
//
// It imports only the standard library; storage, grading and pages live in
// other packages and depend on this one, never the reverse. Because every
// package imports it, it also holds factdrill's one error vocabulary
// (Error, its Code, ErrorCode and ErrorMessage, in error.go): db, quiz, web
// and the readers share one error type without an import pointing up. The
// readers' FileError and ErrorList are the detailed form of CodeInvalid.
//
// # JSON form
//
// A Set marshals to the JSON form documented in README.md ("The JSON form of a
// set"). Field names there are the json tags below; empty fields are omitted.
// Weights are percentages of the question's mark: 100 is fully right, 0 is
// wrong, 50 half credit, and negative weights take marks away.
package questions

import "strings"

// Kind is the kind of a question: how it is asked and answered.
type Kind string

// The kinds of question. Any kind that takes an answer may also be asked
// "in place": its stem then holds the Blank marker where the answer goes
// (GIFT's missing-word questions). A Cloze question is the typed form of
// that: a short answer whose stem has a blank.
const (
	// MultipleChoice shows Choices; with Multiple set the learner may tick
	// several (checkboxes), otherwise exactly one (radio buttons).
	MultipleChoice Kind = "multiple_choice"
	// TrueFalse asks whether the stem is true; Truth is the right answer.
	TrueFalse Kind = "true_false"
	// ShortAnswer takes typed text, matched against Answers.
	ShortAnswer Kind = "short_answer"
	// Numerical takes a number, right when within a Number's tolerance.
	Numerical Kind = "numerical"
	// Matching pairs each prompt with one of the answers of Pairs.
	Matching Kind = "matching"
	// Cloze is a sentence with a blank to fill in: a short answer whose
	// stem holds exactly one Blank, answered by typing into the blank.
	Cloze Kind = "cloze"
	// Essay collects free text; it is marked by a person, not automatically.
	Essay Kind = "essay"
	// Description is text shown between questions; it takes no answer.
	Description Kind = "description"
)

// Kinds lists every kind, in the order pages and reports show them.
var Kinds = []Kind{MultipleChoice, TrueFalse, ShortAnswer, Numerical, Matching, Cloze, Essay, Description}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Label is the kind as people read it ("multiple choice").
func (k Kind) Label() string { return strings.ReplaceAll(string(k), "_", " ") }

// Graded reports whether answers to a question of this kind are marked
// automatically. Essays are marked by a person and descriptions take no answer.
func (k Kind) Graded() bool { return k != Essay && k != Description }

// Blank marks the place of the answer in the stem of a question asked in
// place (a cloze, or a GIFT missing-word question). Moodle uses the same mark.
const Blank = "_____"

// Format says how a question's texts are written. Plain text is the default;
// HTML is shown only through an allow-list of formatting elements and is
// never executed in a page.
type Format string

// The text formats of GIFT ([plain], [html], [markdown], [moodle]).
const (
	Plain    Format = "plain"
	HTML     Format = "html"
	Markdown Format = "markdown"
	Moodle   Format = "moodle"
)

// Set is a named list of questions, as a teacher publishes it.
type Set struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Origin says where the set came from, for people: "generated from
	// workers-opposition.txt", "imported from week3.gift".
	Origin    string     `json:"origin,omitempty"`
	Questions []Question `json:"questions"`
	// Media holds the images the questions refer to (see Media), each once.
	Media []Media `json:"media,omitempty"`
}

// Question is one question of a set. Which fields matter depends on Kind:
//
//   - MultipleChoice: Choices (and Multiple);
//   - TrueFalse: Truth, TrueFeedback, FalseFeedback;
//   - ShortAnswer, Cloze: Answers (accepted answers with their weights);
//   - Numerical: Numbers;
//   - Matching: Pairs;
//   - Essay, Description: the stem alone.
type Question struct {
	Kind Kind `json:"kind"`
	// Title is a short name (GIFT's ::title::); pages fall back to the stem.
	Title string `json:"title,omitempty"`
	// ID is the question's own identifier from its file (GIFT [id:...]).
	ID       string   `json:"id,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Category string   `json:"category,omitempty"`
	Stem     string   `json:"stem"`
	// Format applies to the stem, the choices and the feedback alike.
	Format Format `json:"format,omitempty"`

	Choices  []Choice `json:"choices,omitempty"`
	Multiple bool     `json:"multiple,omitempty"`

	Truth         bool   `json:"truth,omitempty"`
	TrueFeedback  string `json:"true_feedback,omitempty"`
	FalseFeedback string `json:"false_feedback,omitempty"`

	Answers []Choice `json:"answers,omitempty"`
	Numbers []Number `json:"numbers,omitempty"`
	Pairs   []Pair   `json:"pairs,omitempty"`

	// Feedback is shown after the question is answered, whatever the answer
	// (GIFT's general feedback after ####).
	Feedback string `json:"feedback,omitempty"`
	// Source is the place in a document a generated question came from.
	Source *Source `json:"source,omitempty"`
}

// Choice is an option of a multiple-choice question, or an accepted answer
// of a short-answer or cloze question.
type Choice struct {
	Text string `json:"text"`
	// Weight is the share of the mark, in percent (-100 to 100), given
	// for this choice.
	Weight   float64 `json:"weight"`
	Feedback string  `json:"feedback,omitempty"`
}

// Number is an accepted answer of a numerical question: any value within
// Tolerance of Value earns Weight percent.
type Number struct {
	Value     float64 `json:"value"`
	Tolerance float64 `json:"tolerance,omitempty"`
	Weight    float64 `json:"weight"`
	Feedback  string  `json:"feedback,omitempty"`
	// Any makes the number match every answer that no number before it
	// matched: GIFT's ~#feedback in a numerical block, Moodle's "*". It
	// carries the feedback for other answers; Value and Tolerance are unused.
	Any bool `json:"any,omitempty"`
}

// Pair is one prompt of a matching question and the answer that goes with it.
// A pair with an empty Prompt adds a distractor answer.
type Pair struct {
	Prompt string `json:"prompt"`
	Answer string `json:"answer"`
}

// Source is where in a document a generated question's fact was found.
type Source struct {
	// Sentence is the sentence the question was made from, as written.
	Sentence string `json:"sentence"`
	// Index is the sentence's position in the document, counting from 0.
	Index int `json:"index"`
	// Offset is the byte offset of the sentence in the cleaned document text.
	Offset int `json:"offset"`
}

// Name is a short label for the question: its title, else the start of its
// stem.
func (q Question) Name() string {
	if q.Title != "" {
		return q.Title
	}
	s := strings.Join(strings.Fields(q.Stem), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return s
}

// InPlace reports whether the question is answered in place, inside its stem.
func (q Question) InPlace() bool { return strings.Contains(q.Stem, Blank) }

// StemParts splits the stem at its blank: the text before and after it. For a
// stem without a blank, after is empty.
func (q Question) StemParts() (before, after string) {
	before, after, _ = strings.Cut(q.Stem, Blank)
	return before, after
}

// RightChoices returns the indexes of the choices with a positive weight.
func (q Question) RightChoices() []int {
	var idx []int
	for i, c := range q.Choices {
		if c.Weight > 0 {
			idx = append(idx, i)
		}
	}
	return idx
}

// MatchAnswers returns the distinct answers of a matching question in the
// order they first appear, distractors included.
func (q Question) MatchAnswers() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range q.Pairs {
		if !seen[p.Answer] {
			seen[p.Answer] = true
			out = append(out, p.Answer)
		}
	}
	return out
}

// Prompts returns the pairs of a matching question that have a prompt.
func (q Question) Prompts() []Pair {
	var out []Pair
	for _, p := range q.Pairs {
		if p.Prompt != "" {
			out = append(out, p)
		}
	}
	return out
}
