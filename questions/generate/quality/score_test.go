package quality

import (
	"reflect"
	"testing"
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
