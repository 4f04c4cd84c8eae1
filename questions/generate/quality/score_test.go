package quality

import (
	"reflect"
	"strings"
	"testing"

	"factdrill/questions"
)

var f1Tests = []struct {
	pred, gold string
	want       float64
}{
	{"Denver Broncos", "Denver Broncos", 1},
	{"the Denver Broncos", "Denver Broncos.", 1},
	{"Broncos", "Denver Broncos", 2.0 / 3},
	{"Carolina Panthers", "Denver Broncos", 0},
	{"", "Denver Broncos", 0},
	{"“Tesla”—inventor", "Tesla inventor", 1},
	{"1,000", "1000", 1},
}

func TestF1(t *testing.T) {
	for _, tt := range f1Tests {
		if got := F1(tt.pred, tt.gold); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("F1(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func TestFactAnswers(t *testing.T) {
	h := Human{Answers: []string{"Yes.", "yes, he was", "No", "in 1856", "NULL-ish", "  "}}
	if got, want := FactAnswers(h), []string{"in 1856", "NULL-ish"}; !reflect.DeepEqual(got, want) {
		t.Errorf("FactAnswers = %q, want %q", got, want)
	}
}

func TestNaiveFloor(t *testing.T) {
	text := "The Normans were the people who in the 10th and 11th centuries gave their name to Normandy, a region in France. " +
		"In 911 Rollo agreed to swear fealty to King Charles III of West Francia. Normandy grew."
	got := NaiveFloor(text, 8)
	want := []string{"Normans", "10th", "11th", "Normandy", "France", "911", "Rollo", "King Charles III"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NaiveFloor = %q, want %q", got, want)
	}
	if got := NaiveFloor(text, 2); len(got) != 2 {
		t.Errorf("NaiveFloor(n=2) gave %d phrases, want 2", len(got))
	}
}

func TestMeasure(t *testing.T) {
	d := Document{Questions: []Human{
		{Question: "Who led the Normans?", Answers: []string{"Rollo"}},
		{Question: "When?", Answers: []string{"in 911", "911"}},
		{Question: "Was it?", Answers: []string{"yes"}},
	}}
	s := Measure(d, [][]string{{"Rollo"}, {"Charles III"}, nil})
	if want := (Score{Questions: 2, Hit: 1, Items: 2, Precise: 1}); s != want {
		t.Errorf("Measure = %+v, want %+v", s, want)
	}
}

func TestHalfOf(t *testing.T) {
	a := Document{ID: "squad/Nikola_Tesla", Title: "Nikola Tesla"}
	b := Document{ID: "cmu/S08/data/set4/a3", Title: "Nikola_Tesla"}
	if HalfOf(a) != HalfOf(b) {
		t.Errorf("the same article from two sources is split apart")
	}
}

func TestJudging_RoundTrip(t *testing.T) {
	entries := []Entry{
		{Doc: "squad/A", Title: "A", Context: "Rollo led the Normans in 911.", Generated: true,
			Item: questions.Question{Kind: questions.Cloze, Stem: "Rollo led the Normans in _____.", Answers: []questions.Choice{{Text: "911", Weight: 100}}}},
		{Doc: "squad/A", Title: "A", Context: "Rollo led the Normans in 911.", Generated: true,
			Item: questions.Question{Kind: questions.MultipleChoice, Stem: "Who led the Normans in 911?", Choices: []questions.Choice{{Text: "Rollo", Weight: 100}, {Text: "Charles"}}}},
		{Doc: "squad/A", Title: "A", Context: "Rollo led the Normans in 911.",
			Item: questions.Question{Kind: questions.ShortAnswer, Stem: "Who led the Normans?", Answers: []questions.Choice{{Text: "Rollo", Weight: 100}}}},
	}
	Shuffle(entries, "test")
	var sheet, key strings.Builder
	if err := WriteSheet(&sheet, entries); err != nil {
		t.Fatal(err)
	}
	if err := WriteKey(&key, entries); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sheet.String(), "generated") || strings.Contains(sheet.String(), "human") {
		t.Errorf("the sheet tells generated items from human ones:\n%s", sheet.String())
	}
	rows, err := ReadKey(strings.NewReader(key.String()))
	if err != nil {
		t.Fatal(err)
	}
	var ratings strings.Builder
	ratings.WriteString("id,acceptable,failed,note\n")
	for _, r := range rows {
		switch {
		case r.Kind == "multiple_choice":
			ratings.WriteString(r.ID + ",no,4,two right: Charles too\n")
		default:
			ratings.WriteString(r.ID + ",yes,,\n")
		}
	}
	rs, err := ReadRatings(strings.NewReader(ratings.String()))
	if err != nil {
		t.Fatal(err)
	}
	tally := Count(rows, rs)
	if tally.Rated["generated"] != 2 || tally.Acceptable["generated"] != 1 || tally.Acceptable["human"] != 1 || tally.TwoRight != 1 || tally.Points["generated"][4] != 1 {
		t.Errorf("tally = %+v, want 1 of 2 generated acceptable, the human one acceptable, one two-right item failing point 4", tally)
	}
	if _, err := ReadRatings(strings.NewReader("id,acceptable,failed,note\nJ1,maybe,,\n")); err == nil {
		t.Errorf("ReadRatings accepted 'maybe'")
	}

	// Two rounds side by side: the rated one's figures, the other pending.
	var out strings.Builder
	rounds := []Round{{Name: "round 1", Key: rows, Rated: true, Tally: tally}, {Name: "round 2", Key: rows}}
	if err := WriteRounds(&out, []string{"multiple_choice", "cloze"}, rounds); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| round 1 | 1 | 2 | 1 | rated |",
		"| round 2 | 1 | 2 | 1 | sheet ready, not yet rated |",
		"| multiple choice | 0/1 = 0% | – | pending | pending |",
		"| cloze | 1/1 = 100% | – | pending | pending |",
		"| **all** | **1/2 = 50%** | **1/1 = 100%** | **pending** | **pending** |",
		"| 4. one defensible answer | 1 | 0 | pending | pending |",
		"two right options: round 1 1, round 2 pending.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("WriteRounds wrote\n%s\nwant a line with %q", out.String(), want)
		}
	}
}

func TestFigures_WriteMarkdownFloorSame(t *testing.T) {
	f := Figures{Half: "report", Generated: Score{Hit: 30, Questions: 100}, Floor: Score{Hit: 40, Questions: 100, Items: 80},
		FloorSame: Score{Hit: 20, Questions: 100, Items: 50}, Kinds: map[string]int{}}
	var b strings.Builder
	if err := f.WriteMarkdown(&b, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "(50), the floor answers 20/100 = 20.0%: item for item, the generator's recall is 1.50x the floor's."; !strings.Contains(got, want) {
		t.Errorf("WriteMarkdown wrote\n%s\nwant it to contain %q", got, want)
	}
	f.FloorSame = Score{}
	b.Reset()
	if err := f.WriteMarkdown(&b, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "item for item") {
		t.Errorf("WriteMarkdown wrote the same-count floor with no figures for it:\n%s", b.String())
	}
}
