package questions

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Instructure's QTI 1.2 fixtures (testdata/qti, MIT, from instructure/qti,
// the parser behind Canvas's New Quizzes import), each checked against
// what that parser's tests say it reads (testdata/qti/EXPECTATIONS.md), in
// factdrill's terms. Folders that are unzipped packages are zipped again
// here, as a teacher would upload them.

const qtiFixtures = "testdata/qti/instructure-qti/"

// fixtureBytes returns a fixture file, or a fixture folder as a zip.
func fixtureBytes(t testing.TB, name string) []byte {
	t.Helper()
	p := qtiFixtures + name
	if !strings.HasSuffix(name, "/") {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(p, f)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func qtiName(name string) string {
	if strings.HasSuffix(name, "/") {
		return strings.TrimSuffix(name, "/") + ".zip"
	}
	return filepath.Base(name)
}

func readQTIFixture(t *testing.T, name string) Set {
	t.Helper()
	s, err := Read(qtiName(name), fixtureBytes(t, name))
	if err != nil {
		t.Fatalf("Read(%s) = %v", name, err)
	}
	return s
}

func refusedQTIFixture(t *testing.T, name string) ErrorList {
	t.Helper()
	s, err := Read(qtiName(name), fixtureBytes(t, name))
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("Read(%s) = %d questions, %v; want an ErrorList", name, len(s.Questions), err)
	}
	if len(s.Questions) > 0 {
		t.Errorf("a refused file returned %d questions", len(s.Questions))
	}
	return list
}

func kinds(s Set) []Kind {
	var out []Kind
	for _, q := range s.Questions {
		out = append(out, q.Kind)
	}
	return out
}

func TestQTIFixtures_Packages(t *testing.T) {
	t.Run("test_qti_1.2_canvas", func(t *testing.T) {
		s := readQTIFixture(t, "test_qti_1.2_canvas/")
		eq(t, "title", s.Title, "WIJsfijdi")
		eq(t, "description", s.Description, "sdvsv")
		eq(t, "kinds", kinds(s), []Kind{TrueFalse, MultipleChoice, MultipleChoice, Essay})
		eq(t, "truth", s.Questions[0].Truth, true)
		mc := s.Questions[1]
		eq(t, "choices", mc.Choices, []Choice{{Text: "True", Weight: 100}, {Text: "Sss"}, {Text: "False"}})
		eq(t, "keep order (shuffle_answers false)", mc.KeepOrder, true)
		ma := s.Questions[2]
		eq(t, "multiple", ma.Multiple, true)
		eq(t, "multiple answers", ma.Choices, []Choice{{Text: "ssdsd", Weight: 50}, {Text: "asdsad", Weight: 50}, {Text: "ddsd", Weight: -50}})
		eq(t, "stem", s.Questions[3].Stem, "<div><p>dsfsdfsdf</p></div>")
		wantWarnings(t, s)
	})
	for _, name := range []string{"test_qti_1.2_canvas_extended_1/", "test_qti_1.2_canvas_extended_2/"} {
		t.Run(name, func(t *testing.T) {
			// The quiz has settings and no questions: nothing to import.
			list := refusedQTIFixture(t, name)
			contain(t, "error", list.Error(), `quiz "asd09sdfaxsdflj": its settings are not questions and were not imported`)
			contain(t, "error", list.Error(), "no question could be imported")
			if strings.HasSuffix(name, "_1/") {
				contain(t, "error", list.Error(), "a time limit, a due date, a close date, an open date, an access code, allowed attempts (52)")
			}
		})
	}
	for _, name := range []string{"test_qti_1.2_multi/", "test_imscc_canvas/"} {
		t.Run(name, func(t *testing.T) {
			s := readQTIFixture(t, name)
			var cats []string
			for _, q := range s.Questions {
				cats = append(cats, q.Category)
				eq(t, "kind", q.Kind, Essay)
			}
			want := []string{"Quiz #1", "Quiz #2"}
			if strings.HasPrefix(name, "test_imscc") {
				// The cartridge also holds the course's default bank.
				want = append(want, "Unfiled Questions", "Unfiled Questions")
			}
			eq(t, "categories", cats, want)
			contain(t, "first question", s.Questions[0].Stem, "Quiz #1 Question #1")
		})
	}
	t.Run("canvas_cartridge", func(t *testing.T) {
		s := readQTIFixture(t, "canvas_cartridge/")
		eq(t, "title", s.Title, "Every Canvas Interaction")
		eq(t, "description", s.Description, "This quiz contains a simple example of every canvas interaction type.")
		// The full quiz (non_cc_assessments, 12 items) and its bank, both
		// "Every Canvas Interaction"; formula and file upload questions
		// are left out of each, fill in multiple blanks is two questions.
		eq(t, "questions", len(s.Questions), 2*11)
		var warned []string
		for _, w := range s.Warnings {
			warned = append(warned, w.Msg)
		}
		all := strings.Join(warned, "\n")
		contain(t, "warnings", all, `item "Question 9": formula (calculated) questions are not supported`)
		contain(t, "warnings", all, `item "Question 11": file upload questions are not supported`)
		contain(t, "warnings", all, `item "Question 4": the question has 2 blanks`)
		contain(t, "warnings", all, `item "Question 7": not kept: the feedback for each wrong match`)
	})
	t.Run("with_banks", func(t *testing.T) {
		s := readQTIFixture(t, "with_banks/")
		count := map[string]int{}
		for _, q := range s.Questions {
			count[q.Category]++
		}
		eq(t, "questions a category", count, map[string]int{"Some Old Quiz": 2, "First Bank": 3, "Last Bank": 2, "Unfiled Questions": 1})
	})
	t.Run("test_with_comments", func(t *testing.T) {
		s := readQTIFixture(t, "test_with_comments/")
		eq(t, "title", s.Title, "Canvas Quiz with 1 Comment")
		q := s.Questions[0]
		// Five choices, two of them empty: Canvas keeps them, they are no
		// option. One scores.
		eq(t, "choices", len(q.Choices), 3)
		eq(t, "right", q.RightChoices(), []int{0})
		eq(t, "feedback", q.Feedback, "<p>General Answer Comments</p>")
	})
	t.Run("test_qti_1.2_bank_entry_item", func(t *testing.T) {
		list := refusedQTIFixture(t, "test_qti_1.2_bank_entry_item/")
		contain(t, "error", list.Error(), "quiz.xml:11: <bankentry_item> refers to a question kept elsewhere")
	})
}

func TestQTIFixtures_Documents(t *testing.T) {
	t.Run("the five malformed files are refused", func(t *testing.T) {
		for name, want := range map[string]string{
			"items_1.2/fib.xml":                                      "fib.xml:45: the file is not well-formed XML: element <resprocessing> closed by </item>",
			"items_1.2/fib_str.xml":                                  "fib_str.xml:45: the file is not well-formed XML",
			"items_1.2/item_no_title.xml":                            "item_no_title.xml:45: the file is not well-formed XML",
			"items_1.2/choice_vary_points_by_answer.xml":             "choice_vary_points_by_answer.xml:1: the XML declaration",
			"items_1.2/choice_vary_points_by_answer_zero_points.xml": "zero_points.xml:1: the XML declaration",
		} {
			list := refusedQTIFixture(t, name)
			contain(t, name, list.Error(), want)
		}
	})
	t.Run("feedback_quiz_1.2", func(t *testing.T) {
		s := readQTIFixture(t, "feedback_quiz_1.2.xml")
		eq(t, "title", s.Title, "I Can Haz Feedback")
		eq(t, "kinds", kinds(s), []Kind{Essay, TrueFalse, TrueFalse})
		eq(t, "essay feedback", s.Questions[0].Feedback, "<p>General Feedback</p>")
		tf := s.Questions[1]
		eq(t, "neutral", tf.Feedback, "<p>Neutral</p>")
		contain(t, "correct joins the right side", tf.TrueFeedback, "<p>Correct</p>")
		contain(t, "incorrect joins the wrong side", tf.FalseFeedback, "<p>Incorrect</p>")
		eq(t, "no general feedback", s.Questions[2].Feedback, "")
	})
	t.Run("interaction_checks_1.2 (no Canvas metadata)", func(t *testing.T) {
		s := readQTIFixture(t, "interaction_checks_1.2.xml")
		// Told by their responses: the blanks and dropdowns are choice
		// lists named in the text, the formula a typed number, the essay
		// typed text that is not scored.
		var got []string
		for _, q := range s.Questions {
			got = append(got, q.Title+":"+string(q.Kind))
		}
		eq(t, "questions", got, []string{"Question 1:multiple_choice", "Question 2:multiple_choice", "Question 3:short_answer",
			"Question 4 (1 of 2):multiple_choice", "Question 4 (2 of 2):multiple_choice", "Question 5:multiple_choice",
			"Question 6:multiple_choice", "Question 7:matching", "Question 8:numerical", "Question 9:numerical", "Question 10:essay"})
		eq(t, "matching", question(t, s, "Question 7").Prompts(), []Pair{{Prompt: "A", Answer: "1"}, {Prompt: "B", Answer: "2"}})
	})
	t.Run("edge_cases_1.2", func(t *testing.T) {
		s := readQTIFixture(t, "edge_cases_1.2.xml")
		eq(t, "kinds", kinds(s), []Kind{MultipleChoice, MultipleChoice, MultipleChoice, MultipleChoice, MultipleChoice})
		single := question(t, s, "Matching with a Single Item")
		eq(t, "one pair as a choice", len(single.RightChoices()), 1)
		contain(t, "warning", s.Warnings[len(s.Warnings)-1].Msg, "a matching question with one prompt became a multiple choice")
	})
	t.Run("mathml/numeric_1.2", func(t *testing.T) {
		s := readQTIFixture(t, "mathml/numeric_1.2.xml")
		eq(t, "kinds", kinds(s), []Kind{Numerical, Numerical})
	})
}

func TestQTIFixtures_Items(t *testing.T) {
	one := func(t *testing.T, name string) Question {
		t.Helper()
		s := readQTIFixture(t, "items_1.2/"+name)
		if len(s.Questions) != 1 {
			t.Fatalf("%s: %d questions, want 1", name, len(s.Questions))
		}
		return s.Questions[0]
	}
	t.Run("multiple_choice", func(t *testing.T) {
		q := one(t, "multiple_choice.xml")
		eq(t, "kind", q.Kind, MultipleChoice)
		eq(t, "keep order", q.KeepOrder, true)
		eq(t, "choices", len(q.Choices), 5)
		eq(t, "right", q.RightChoices(), []int{3}) // "At least 3 hours", 10 points of 10
	})
	for _, name := range []string{"true_false.xml", "true_false_with_calculator.xml"} {
		t.Run(name, func(t *testing.T) {
			s := readQTIFixture(t, "items_1.2/"+name)
			q := s.Questions[0]
			eq(t, "kind", q.Kind, TrueFalse)
			eq(t, "title", q.Title, "Grading - specific - 3 pt score")
			// The scores give False the points (True scores 0), so False
			// is right; the equation image is its TeX; the images, which a
			// bare file does not carry, are left out with their script=.
			eq(t, "truth", q.Truth, false)
			eq(t, "stem", q.Stem, `If I get a 3, I must have done something wrong. \(sample equation\)`)
			eq(t, "neutral", q.Feedback, "<p>Neutral</p>")
			eq(t, "right side", q.FalseFeedback, "<p>Answer was Correct</p><br>\n<p>Correct</p>")
			for _, text := range []string{q.Stem, q.Feedback, q.TrueFeedback, q.FalseFeedback} {
				if strings.Contains(text, "script") || strings.Contains(text, "<img") {
					t.Errorf("text %q kept an image or script", text)
				}
			}
			contain(t, "warning", s.Warnings[0].Msg, `image "org0/images/image.png" is not in this file`)
		})
	}
	t.Run("multiple_answer_canvas", func(t *testing.T) {
		q := one(t, "multiple_answer_canvas.xml")
		eq(t, "stem", q.Stem, "<div><p>Multiple Answer pick A C and D</p></div>")
		eq(t, "right", q.RightChoices(), []int{0, 2, 3})
	})
	t.Run("multiple_answer", func(t *testing.T) {
		q := one(t, "multiple_answer.xml")
		eq(t, "multiple", q.Multiple, true)
	})
	t.Run("choice", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/choice.xml")
		eq(t, "title", s.Title, "1.2 Import Quiz")
		eq(t, "questions", len(s.Questions), 4)
		last := s.Questions[3]
		eq(t, "an answer with &&", last.Choices[1].Text, "a &amp;&amp; b")
	})
	t.Run("single_fib", func(t *testing.T) {
		q := one(t, "single_fib.xml")
		eq(t, "kind", q.Kind, ShortAnswer)
		eq(t, "answers", q.Answers, []Choice{{Text: "Illinois", Weight: 100}, {Text: "illinois", Weight: 100}})
		eq(t, "case", q.CaseSensitive, false)
	})
	t.Run("canvas_multiple_fib", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/canvas_multiple_fib.xml")
		eq(t, "kinds", kinds(s), []Kind{Cloze, Cloze})
		eq(t, "blank 1", s.Questions[0].Answers, []Choice{{Text: "red", Weight: 100}, {Text: "Red", Weight: 100}})
		eq(t, "blank 2", s.Questions[1].Answers, []Choice{{Text: "blue", Weight: 100}, {Text: "Blue", Weight: 100}})
		eq(t, "marks", s.Questions[0].Mark+s.Questions[1].Mark, 1.0)
	})
	t.Run("canvas_multiple_fib_as_single", func(t *testing.T) {
		q := one(t, "canvas_multiple_fib_as_single.xml")
		eq(t, "kind", q.Kind, Cloze)
		eq(t, "answers", q.Answers, []Choice{{Text: "word", Weight: 100}})
	})
	t.Run("canvas_multiple_fib_extra_brackets", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/canvas_multiple_fib_extra_brackets.xml")
		marks := 0.0
		for _, q := range s.Questions {
			eq(t, "blanks", strings.Count(q.Stem, Blank), 1)
			marks += q.Mark
		}
		eq(t, "marks", marks, 7.0)
	})
	t.Run("fib_feedback", func(t *testing.T) {
		q := one(t, "fib_feedback.xml")
		eq(t, "mark", q.Mark, 3.5)
		eq(t, "texts", []string{q.Answers[0].Text, q.Answers[1].Text, q.Answers[2].Text}, []string{"blank", "Blank", "BLANK"})
		eq(t, "any other answer", q.Answers[3], Choice{Text: "*", Feedback: "<p>Incorrect Feedback</p>"})
	})
	for _, name := range []string{"canvas_multiple_dropdowns.xml", "canvas_multiple_dropdown.xml"} {
		t.Run(name, func(t *testing.T) {
			s := readQTIFixture(t, "items_1.2/"+name)
			eq(t, "stems", []string{s.Questions[0].Stem, s.Questions[1].Stem},
				[]string{"<div><p>Roses are _____, violets are ….</p></div>", "<div><p>Roses are …, violets are _____.</p></div>"})
			eq(t, "right 1", s.Questions[0].Choices[s.Questions[0].RightChoices()[0]].Text, "red")
			eq(t, "right 2", s.Questions[1].Choices[s.Questions[1].RightChoices()[0]].Text, "blue")
		})
	}
	t.Run("canvas_multiple_dropdowns_correct_choice_is_not_the_first", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/canvas_multiple_dropdowns_correct_choice_is_not_the_first.xml")
		eq(t, "right 1", s.Questions[0].Choices[s.Questions[0].RightChoices()[0]].Text, "a")
		eq(t, "right 2", s.Questions[1].Choices[s.Questions[1].RightChoices()[0]].Text, "d")
	})
	t.Run("matching", func(t *testing.T) {
		q := one(t, "matching.xml")
		eq(t, "pairs", q.Pairs, []Pair{
			{Prompt: "Light Microscope", Answer: "Magnify up to about 400 times. Sometimes requires colored staining of cells."},
			{Prompt: "Electron Microscopes", Answer: "Uses a beam of electrons. Can provide details of cells' internal structure."},
			{Answer: "A distractor answer."}})
		eq(t, "keep order", q.KeepOrder, true)
	})
	t.Run("matching_feedback", func(t *testing.T) {
		q := one(t, "matching_feedback.xml")
		eq(t, "prompts", q.Prompts(), []Pair{{Prompt: "A", Answer: "1"}, {Prompt: "B", Answer: "2"}})
		var distractors []string
		for _, p := range q.Pairs {
			if p.Prompt == "" {
				distractors = append(distractors, p.Answer)
			}
		}
		eq(t, "distractors", distractors, []string{"C", "D", "E", "F", "3", "4", "5", "6"})
	})
	for _, tt := range []struct {
		name string
		want []Number
	}{
		{"numeric_margin_error.xml", []Number{{Value: 77, Tolerance: 7, Weight: 100}}},
		{"numeric_margin_error_percent.xml", []Number{{Value: 200, Tolerance: 40, Weight: 100}}},
		{"numeric_precision.xml", []Number{{Value: 1000, Tolerance: 0.005, Weight: 100}}},
		{"numeric_within_range.xml", []Number{{Value: 11.5, Tolerance: 10.5, Weight: 100}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			eq(t, "numbers", one(t, tt.name).Numbers, tt.want)
		})
	}
	t.Run("numeric_precision_decimals", func(t *testing.T) {
		eq(t, "kind", one(t, "numeric_precision_decimals.xml").Kind, Numerical)
	})
	t.Run("numeric_exact_match", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/numeric_exact_match.xml")
		eq(t, "item 1", len(s.Questions[0].Numbers), 1)
		eq(t, "item 2", s.Questions[1].Numbers, []Number{{Value: 4321, Weight: 100}, {Value: 1234, Weight: 100}, {Value: 1111, Weight: 100}})
		eq(t, "stem", s.Questions[0].Stem, "<div><p>question 1</p></div>")
	})
	for _, name := range []string{"ordering.xml", "ordering.row.xml", "ordering_with_labels.xml"} {
		t.Run(name, func(t *testing.T) {
			q := one(t, name)
			eq(t, "kind", q.Kind, Matching)
			var order []string
			for _, p := range q.Pairs {
				order = append(order, p.Answer)
			}
			// A B E D C: the days of the week.
			eq(t, "order", order, []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"})
		})
	}
	for _, name := range []string{"essay.xml", "essay_custom_settings.xml"} {
		t.Run(name, func(t *testing.T) {
			q := one(t, name)
			eq(t, "kind", q.Kind, Essay)
			eq(t, "stem", q.Stem, "<div><p>Here is an essay question.</p></div>")
		})
	}
	for _, name := range []string{"stimulus.xml", "stimulus_passage.xml", "text.no.question.xml"} {
		t.Run(name, func(t *testing.T) {
			eq(t, "kind", one(t, name).Kind, Description)
		})
	}
	t.Run("stimulus_with_child_item", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/stimulus_with_child_item.xml")
		eq(t, "kinds", kinds(s), []Kind{Description, MultipleChoice})
	})
	t.Run("question_group", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/question_group.xml")
		eq(t, "questions", len(s.Questions), 10)
		contain(t, "warning", s.Warnings[0].Msg, `the question group "Group 1 (1/4)" asks 1 of its 4 questions at random; all of them were imported`)
	})
	t.Run("nq_multiple_fib_scoring_algorithms", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/nq_multiple_fib_scoring_algorithms.xml")
		var answers [][]string
		for _, q := range s.Questions {
			var a []string
			for _, c := range q.Answers {
				if c.Text != "*" {
					a = append(a, c.Text)
				}
			}
			answers = append(answers, a)
		}
		eq(t, "blanks", answers, [][]string{{"red"}, {"blue"}, {"green"}, {"yellow", "teal"}, {"^orange<s>$"}})
		eq(t, "stem", s.Questions[0].Stem, "<p>Roses are _____, …, …, …, and ….</p>")
		var all []string
		for _, w := range s.Warnings {
			all = append(all, w.Msg)
		}
		for _, a := range []string{"TextContainsAnswer", "TextCloseEnough", "TextRegex"} {
			contain(t, "warnings", strings.Join(all, "\n"), "New Quizzes' "+a+" matching")
		}
	})
	t.Run("nq_multiple_fib_answer_types", func(t *testing.T) {
		s := readQTIFixture(t, "items_1.2/nq_multiple_fib_answer_types.xml")
		// A dropdown and two word banks: choices, the scored one right.
		eq(t, "kinds", kinds(s), []Kind{MultipleChoice, MultipleChoice, MultipleChoice})
		var right []string
		for _, q := range s.Questions {
			right = append(right, q.Choices[q.RightChoices()[0]].Text)
		}
		eq(t, "right", right, []string{"black", "white", "brown"})
	})
	for name, what := range map[string]string{
		"formula.xml": "formula (calculated)", "formula_mvar.xml": "formula (calculated)", "formula_mform.xml": "formula (calculated)",
		"formula_scientific.xml": "formula (calculated)", "hot_spot.xml": "hot spot", "categorization.xml": "categorization",
		"upload.xml": "file upload", "upload_with_custom_settings.xml": "file upload", "bank_entry_item.xml": "a bank",
	} {
		t.Run(name, func(t *testing.T) {
			list := refusedQTIFixture(t, "items_1.2/"+name)
			contain(t, "error", list.Error(), what)
			contain(t, "error", list.Error(), "no question could be imported")
		})
	}
}
