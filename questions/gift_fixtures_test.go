package questions

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestReadGIFT_Pegjs reads every case of testdata/gift/pegjs (the test suite
// of gift-pegjs 1.0.2) and compares what we read with what gift-pegjs gives,
// after mapping our model onto its JSON schema (see pegjsQuestion). Where its
// schema records syntax that our model reduces to meaning, the mapping says
// how the two are compared:
//
//   - A $CATEGORY line is an item of its own there, and sets the Category of
//     the questions after it here. parseGIFT returns both kinds of item, so
//     the test reads through it; a file with nothing but a category is then
//     refused by ReadGIFT as having no questions (TestReadGIFT checks that).
//   - isCorrect and weight are compared as the effective weight, weight ??
//     (isCorrect ? 100 : 0), which is what Choice.Weight holds.
//   - A format tag in front of an answer or feedback is read and dropped:
//     Question.Format, set by the stem's tag, applies to all its texts. So only
//     the stem's format is compared, with our "" (no tag) as "moodle", GIFT's
//     default.
//   - gift-pegjs joins the lines of moodle and plain texts with spaces, and
//     pads the blank of a missing-word question with spaces; we keep texts as
//     Moodle does, with their line breaks, and replace the answer block by the
//     blank in place. So stems in those formats, and all answer and feedback
//     texts, are compared with runs of white space as one space and none
//     around the blank; HTML and Markdown stems are compared exactly.
//   - hasEmbeddedAnswers records where the block stood; we record the blank
//     in the stem. Where it is true our question must be asked in place; the
//     stems, compared above, hold the blank either way.
//   - trueFeedback and falseFeedback are the first and the second #feedback of
//     a true/false block, whatever the answer. Moodle shows the first to a
//     learner who answers wrongly and the second to one who answers rightly,
//     and so do we: for {TRUE#a#b}, FalseFeedback is a and TrueFeedback b.
//   - A numerical answer written 1..5 is the range 3±2 for us, as for Moodle;
//     simple, range and high-low answers are compared as value and tolerance.
//     A ~ answer ("*" there) is our Number.Any.
func TestReadGIFT_Pegjs(t *testing.T) {
	files, err := filepath.Glob("testdata/gift/pegjs/*.gift")
	if err != nil || len(files) != 51 {
		t.Fatalf("Glob = %d files, %v; want the 51 cases", len(files), err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".gift")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			wantData, err := os.ReadFile(strings.TrimSuffix(file, ".gift") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			var want []map[string]any
			if err := json.Unmarshal(wantData, &want); err != nil {
				t.Fatalf("%s.json: %v", name, err)
			}
			src, err := newSource(file, data)
			if err != nil {
				t.Fatalf("newSource: %v", err)
			}
			items := parseGIFT(src)
			if len(src.errs) > 0 {
				t.Fatalf("parseGIFT reported problems:\n%v", src.errs)
			}
			if len(items) != len(want) {
				t.Fatalf("parseGIFT gave %d items, want %d", len(items), len(want))
			}
			for i, it := range items {
				w := pegjsNormal(want[i])
				embedded, _ := w["hasEmbeddedAnswers"].(bool)
				delete(w, "hasEmbeddedAnswers")
				got := pegjsItem(it, w)
				if !reflect.DeepEqual(got, w) {
					t.Errorf("item %d:\n got %s\nwant %s", i+1, jsonText(got), jsonText(w))
				}
				if embedded && !it.q.InPlace() {
					t.Errorf("item %d: stem %q has no blank, want the question asked in place", i+1, it.q.Stem)
				}
			}
		})
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// pegjsText normalizes a text for comparison: see TestReadGIFT_Pegjs.
func pegjsText(s string, exact bool) string {
	if !exact {
		s = strings.Join(strings.Fields(s), " ")
	}
	s = strings.ReplaceAll(s, " "+Blank, Blank)
	return strings.ReplaceAll(s, Blank+" ", Blank)
}

func pegjsNumber(v float64) string { return fmt.Sprintf("%.9g", v) }

// pegjsNormal normalizes an expected item of gift-pegjs.
func pegjsNormal(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	if out["type"] == "Category" {
		return out
	}
	text := func(v any) any { // {format, text} or null
		t, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		return pegjsText(t["text"].(string), false)
	}
	stem := m["stem"].(map[string]any)
	format := stem["format"].(string)
	out["stem"] = map[string]any{"format": format, "text": pegjsText(stem["text"].(string), format == "html" || format == "markdown")}
	if _, ok := m["globalFeedback"]; ok {
		out["globalFeedback"] = text(m["globalFeedback"])
	}
	weight := func(c map[string]any) string {
		if w, ok := c["weight"].(float64); ok {
			return pegjsNumber(w)
		}
		if c["isCorrect"] == true {
			return "100"
		}
		return "0"
	}
	number := func(v map[string]any) map[string]any {
		switch v["type"] {
		case "simple":
			return map[string]any{"value": pegjsNumber(v["number"].(float64)), "tolerance": "0"}
		case "range":
			return map[string]any{"value": pegjsNumber(v["number"].(float64)), "tolerance": pegjsNumber(v["range"].(float64))}
		case "high-low":
			lo, hi := v["numberLow"].(float64), v["numberHigh"].(float64)
			return map[string]any{"value": pegjsNumber((lo + hi) / 2), "tolerance": pegjsNumber((hi - lo) / 2)}
		}
		return map[string]any{"any": v["text"]} // "*"
	}
	switch m["type"] {
	case "MC", "Short":
		var cs []any
		for _, c := range m["choices"].([]any) {
			c := c.(map[string]any)
			cs = append(cs, map[string]any{"weight": weight(c), "text": text(c["text"]), "feedback": text(c["feedback"])})
		}
		out["choices"] = cs
	case "TF":
		out["trueFeedback"], out["falseFeedback"] = text(m["trueFeedback"]), text(m["falseFeedback"])
	case "Numerical":
		switch ch := m["choices"].(type) {
		case map[string]any:
			out["choices"] = number(ch)
		case []any:
			var cs []any
			for _, c := range ch {
				c := c.(map[string]any)
				cs = append(cs, map[string]any{"weight": weight(c), "number": number(c["text"].(map[string]any)), "feedback": text(c["feedback"])})
			}
			out["choices"] = cs
		}
	case "Matching":
		var ps []any
		for _, p := range m["matchPairs"].([]any) {
			p := p.(map[string]any)
			ps = append(ps, map[string]any{"subquestion": text(p["subquestion"]), "subanswer": pegjsText(p["subanswer"].(string), false)})
		}
		out["matchPairs"] = ps
	}
	return out
}

// pegjsItem maps one of our items onto gift-pegjs's normalized schema. want
// is the expected item, whose shape decides how a numerical answer is told.
func pegjsItem(it giftItem, want map[string]any) map[string]any {
	if it.isCategory {
		return map[string]any{"type": "Category", "title": it.category}
	}
	q := it.q
	orNil := func(s string) any {
		if s == "" {
			return nil
		}
		return pegjsText(s, false)
	}
	format := string(q.Format)
	if format == "" {
		format = "moodle"
	}
	types := map[Kind]string{
		MultipleChoice: "MC", ShortAnswer: "Short", Cloze: "Short", TrueFalse: "TF",
		Numerical: "Numerical", Matching: "Matching", Essay: "Essay", Description: "Description",
	}
	out := map[string]any{
		"type":  types[q.Kind],
		"title": orNil(q.Title),
		"id":    orNil(q.ID),
		"tags":  nil,
		"stem":  map[string]any{"format": format, "text": pegjsText(q.Stem, format == "html" || format == "markdown")},
	}
	if len(q.Tags) > 0 {
		tags := make([]any, len(q.Tags))
		for i, t := range q.Tags {
			tags[i] = t
		}
		out["tags"] = tags
	}
	if q.Kind != Description {
		out["globalFeedback"] = orNil(q.Feedback)
	}
	choice := func(c Choice) map[string]any {
		return map[string]any{"weight": pegjsNumber(c.Weight), "text": pegjsText(c.Text, false), "feedback": orNil(c.Feedback)}
	}
	number := func(n Number) map[string]any {
		if n.Any {
			return map[string]any{"any": "*"}
		}
		return map[string]any{"value": pegjsNumber(n.Value), "tolerance": pegjsNumber(n.Tolerance)}
	}
	switch q.Kind {
	case MultipleChoice:
		var cs []any
		for _, c := range q.Choices {
			cs = append(cs, choice(c))
		}
		out["choices"] = cs
	case ShortAnswer, Cloze:
		var cs []any
		for _, c := range q.Answers {
			cs = append(cs, choice(c))
		}
		out["choices"] = cs
	case TrueFalse:
		out["isTrue"] = q.Truth
		first, second := q.TrueFeedback, q.FalseFeedback
		if q.Truth {
			first, second = q.FalseFeedback, q.TrueFeedback
		}
		out["trueFeedback"], out["falseFeedback"] = orNil(first), orNil(second)
	case Numerical:
		if _, single := want["choices"].(map[string]any); single && len(q.Numbers) == 1 && q.Numbers[0].Weight == 100 && q.Numbers[0].Feedback == "" {
			out["choices"] = number(q.Numbers[0])
			break
		}
		var cs []any
		for _, n := range q.Numbers {
			cs = append(cs, map[string]any{"weight": pegjsNumber(n.Weight), "number": number(n), "feedback": orNil(n.Feedback)})
		}
		out["choices"] = cs
	case Matching:
		var ps []any
		for _, p := range q.Pairs {
			ps = append(ps, map[string]any{"subquestion": pegjsText(p.Prompt, false), "subanswer": pegjsText(p.Answer, false)})
		}
		out["matchPairs"] = ps
	}
	return out
}

// TestReadGIFT_Errors reads every file of testdata/gift/errors (from
// gift-parser-ide) and checks that each invalid one is refused with its first
// problem on the line that parser reports first, and that the valid ones
// (an empty list of errors) are read.
func TestReadGIFT_Errors(t *testing.T) {
	files, err := filepath.Glob("testdata/gift/errors/*.gift")
	if err != nil || len(files) != 10 {
		t.Fatalf("Glob = %d files, %v; want the 10 cases", len(files), err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".gift")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			wantData, err := os.ReadFile(strings.TrimSuffix(file, ".gift") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			var want []struct {
				Location struct {
					Start struct{ Line, Column int }
				}
			}
			if err := json.Unmarshal(wantData, &want); err != nil {
				t.Fatalf("%s.json: %v", name, err)
			}
			set, err := ReadGIFT(file, strings.NewReader(string(data)))
			if len(want) == 0 {
				if err != nil {
					t.Fatalf("ReadGIFT(%s) = %v, want it read", name, err)
				}
				return
			}
			list, ok := err.(ErrorList)
			if !ok || len(list) == 0 {
				t.Fatalf("ReadGIFT(%s) = %d questions, %v; want problems, the first on line %d", name, len(set.Questions), err, want[0].Location.Start.Line)
			}
			if len(set.Questions) != 0 {
				t.Errorf("ReadGIFT(%s) refused the file but returned %d questions", name, len(set.Questions))
			}
			if got, want := list[0].Line, want[0].Location.Start.Line; got != want {
				t.Errorf("ReadGIFT(%s): first problem on line %d, want line %d; problems:\n%v", name, got, want, err)
			}
			t.Logf("%v", err)
		})
	}
}
