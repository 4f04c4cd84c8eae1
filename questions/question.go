// Package questions is factdrill's question model: sets of questions of every
// kind the app can ask, their validation, and the readers and writers of the
// question-file formats (GIFT, Aiken, CSV/TSV, Anki text, Moodle XML, Canvas
// QTI 1.2 packages), one format a file, with the images they carry.
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
	// Warnings are what a reader could not carry over from the file and
	// left out, each at its line: a question of a kind factdrill does not
	// have, an audio file, a setting with no equivalent. The set imports
	// without them; a page shows the list before the teacher saves.
	// Readers of formats that map one to one (GIFT, Aiken, CSV) leave it
	// empty; problems that lose a question's meaning are errors instead.
	// Warnings are an outcome of reading, not part of the set: they are
	// neither stored nor written.
	Warnings ErrorList `json:"-"`
}

// Question is one question of a set. Which fields matter depends on Kind:
//
//   - MultipleChoice: Choices (and Multiple);
//   - TrueFalse: Truth, TrueFeedback, FalseFeedback;
//   - ShortAnswer, Cloze: Answers (accepted answers with their weights);
//   - Numerical: Numbers (and Units);
//   - Matching: Pairs;
//   - Essay: the stem, and the essay fields below;
//   - Description: the stem alone.
//
// The fields after Source carry what Moodle XML and Canvas QTI hold beyond
// GIFT, so that a question survives a round trip through those formats.
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

	// KeepOrder keeps the options of a multiple-choice or matching
	// question in the order they are written when a quiz shuffles options
	// (Moodle's "shuffle the choices" unticked, Canvas's shuffle answers
	// off). By default options may be shuffled.
	KeepOrder bool `json:"keep_order,omitempty"`
	// Numbering is how a multiple-choice question letters its options:
	// "abc" (the default when empty), "ABCD", "123", "iii", "IIII" or
	// "none", as Moodle's answernumbering.
	Numbering string `json:"numbering,omitempty"`
	// CaseSensitive makes the accepted answers of a short answer or cloze
	// match only with the same letter case (Moodle's usecase).
	CaseSensitive bool `json:"case_sensitive,omitempty"`
	// Mark is what the question is worth (Moodle's default mark, Canvas's
	// points possible); 0 means one mark. Scores count every graded
	// question as one mark for now; exports keep the value.
	Mark float64 `json:"mark,omitempty"`
	// Penalty is the share of the mark, in percent, that Moodle takes for
	// each wrong try when a question may be tried again; nil means
	// Moodle's default for the kind. factdrill gives one try and only
	// carries it.
	Penalty *float64 `json:"penalty,omitempty"`

	// CorrectFeedback, PartialFeedback and IncorrectFeedback are shown
	// after a multiple-choice or matching question, by whether the answer
	// earned the whole mark, part of it, or nothing (Moodle's combined
	// feedback). Other kinds have feedback on each answer instead.
	CorrectFeedback   string `json:"correct_feedback,omitempty"`
	PartialFeedback   string `json:"partial_feedback,omitempty"`
	IncorrectFeedback string `json:"incorrect_feedback,omitempty"`
	// Hints are Moodle's hints for interactive tries, carried so that an
	// export gives them back.
	Hints []Hint `json:"hints,omitempty"`

	// Units are the units a numerical answer may be given in; the first,
	// with multiplier 1, is the one Numbers are in.
	Units []Unit `json:"units,omitempty"`
	// UnitPenalty is the share of the earned mark, in percent, lost when a
	// numerical answer has a missing or unknown unit; 0 makes units
	// optional.
	UnitPenalty float64 `json:"unit_penalty,omitempty"`
	// UnitsLeft puts the unit before the number ("$ 5").
	UnitsLeft bool `json:"units_left,omitempty"`

	// MinWords and MaxWords bound the length of an essay; 0 is no bound.
	MinWords int `json:"min_words,omitempty"`
	MaxWords int `json:"max_words,omitempty"`
	// ResponseTemplate is the text an essay's answer box starts with.
	ResponseTemplate string `json:"response_template,omitempty"`
	// GraderInfo is guidance for whoever marks an essay; students never
	// see it.
	GraderInfo string `json:"grader_info,omitempty"`
}

// Hint is one of Moodle's hints, shown after a wrong try.
type Hint struct {
	Text string `json:"text"`
	// ShowNumCorrect tells how many parts of the answer are right;
	// ClearWrong clears the wrong parts before the next try.
	ShowNumCorrect bool `json:"show_num_correct,omitempty"`
	ClearWrong     bool `json:"clear_wrong,omitempty"`
}

// Unit is a unit a numerical answer may carry: an answer of x in this unit
// is x / Multiplier in the question's first unit (km with multiplier 0.001
// when numbers are in metres).
type Unit struct {
	Name       string  `json:"name"`
	Multiplier float64 `json:"multiplier"`
}

// Numberings are the values of Question.Numbering.
var Numberings = []string{"abc", "ABCD", "123", "iii", "IIII", "none"}

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
