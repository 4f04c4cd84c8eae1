package apkg

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"factdrill/questions"
)

// readFile reads a package from testdata.
func readFile(t *testing.T, name string) (Deck, error) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return Read(context.Background(), name, bytes.NewReader(data), int64(len(data)))
}

// fixtureTests say, for each deck in testdata, what ANKI.md (the shared
// fixtures' inventory) says it holds and so what the reader must make of it.
var fixtureTests = []struct {
	file      string
	questions int
	reviews   int
	title     string
	err       string   // the refusal, when the deck cannot be read
	stems     []string // stems of the first questions
	skipped   []string // parts of the Skipped lines, in order
}{
	{file: "ankitects-anki/update1.apkg", questions: 1, title: "Default", stems: []string{"hello"}},
	{file: "ankitects-anki/update2.apkg", questions: 1, title: "Default", stems: []string{"goodbye"}},
	{file: "ankidroid-Anki-Android/update3.apkg", questions: 1, title: "Default", stems: []string{"goodbye"}},
	{file: "ankitects-anki/diffmodels2-1.apkg", questions: 1, title: "Default", stems: []string{"front"}},
	{file: "ankitects-anki/diffmodels2-2.apkg", questions: 2, title: "Default", stems: []string{"front", "back"}},
	{file: "ankitects-anki/diffmodeltemplates-1.apkg", questions: 1, title: "testdeck", stems: []string{"question?"}},
	{file: "ankitects-anki/diffmodeltemplates-2.apkg", questions: 1, title: "testdeck", stems: []string{"Changed Front Template question?"}},
	{file: "ankitects-anki/media.apkg", err: `no card of the package could be read: card "Card 1" of note "[sound:foo.wav]" (Basic): left out`},
	{file: "eikowagenknecht-srs-converter/mixed-legacy-2.apkg", questions: 11, reviews: 22, title: "Test - Mixed Types",
		stems: []string{
			"In a cloze, some&nbsp;_____ are&nbsp;hidden.",
			"In a cloze, some&nbsp;fields are&nbsp;_____.",
			"Clozes can have&nbsp;_____ ((something that helps)) as well.",
			"In one text, the first _____ and any other cloze can share a single reference.",
			"In one text, the first cloze and any other _____ can share a single reference.",
			`This note is of type "Basic"`,
			`This note is of type "Basic (and reversed card)".`,
			`This is the "Back" field of type "Basic (and reversed card)".`,
			`This note is of type "Basic (optional reversed card)".`,
			`This is the "Back" field of type "Basic (optional reversed card)".`,
			`This note is of type "Basic (type in the answer)".`,
		},
		skipped: []string{"(Image Occlusion) left out: image occlusion notes have no text to ask"}},
	{file: "eikowagenknecht-srs-converter/empty-legacy-2.apkg", err: "the package holds no cards"},
	{file: "eikowagenknecht-srs-converter/empty-legacy-2.colpkg", err: "the package holds no cards"},
	{file: "eikowagenknecht-srs-converter/empty-latest.apkg", err: "the package holds no cards"},
	{file: "EmNudge-Anki-pwa/example_music_intervals.apkg", questions: 340, title: "Music Intervals",
		stems: []string{"The perfect 5th of C is...", "The major 3rd of C is..."}},
	{file: "ankidroid-Anki-Android/templates.apkg", questions: 109, reviews: 161, title: "1-TEMPLATES",
		stems:   []string{"Which movements result from the contraction of Coracobrachialis? <br>"},
		skipped: []string{`card "Picture/Name" of note "Coracobrachialis" (Muscle): left out: image "Coracobrachialis.JPG" left out: it is not in the package`}},
	{file: "collections/ankitects-anki/mediacheck.anki2", questions: 1, reviews: 1, title: "Default", stems: []string{"another note"},
		skipped: []string{`note "[sound:foo[.jpg]" (Basic): left out`, `note "in wrong encoding" (Basic): left out`}},
	{file: "collections/ankidroid-Anki-Android/schema16.anki2", err: "the package holds no cards"},
	{file: "collections/ankidroid-Anki-Android/schema250.anki2", err: "the collection is of schema 250, newer than any Anki factdrill knows (up to 18)"},
	{file: "collections/ankitects-anki/anki2-alpha.anki2", err: "the collection is of schema 1, from an Anki before 2.1; open it in a current Anki and export it again"},
}

func TestRead_Fixtures(t *testing.T) {
	for _, tt := range fixtureTests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := readFile(t, "testdata/"+tt.file)
			if tt.err != "" {
				var list questions.ErrorList
				if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Msg, tt.err) {
					t.Fatalf("Read(%s) error = %v, want one problem containing %q", tt.file, err, tt.err)
				}
				if len(d.Set.Questions) != 0 {
					t.Errorf("Read(%s) returned %d questions with its error, want none", tt.file, len(d.Set.Questions))
				}
				return
			}
			if err != nil {
				t.Fatalf("Read(%s): %v", tt.file, err)
			}
			if len(d.Set.Questions) != tt.questions || len(d.Reviews) != tt.reviews || d.Set.Title != tt.title {
				t.Errorf("Read(%s) = %d questions, %d reviews, title %q; want %d, %d, %q",
					tt.file, len(d.Set.Questions), len(d.Reviews), d.Set.Title, tt.questions, tt.reviews, tt.title)
			}
			for i, want := range tt.stems {
				if i >= len(d.Set.Questions) || d.Set.Questions[i].Stem != want {
					t.Errorf("question %d stem = %q, want %q", i+1, stemAt(d, i), want)
				}
			}
			for i, want := range tt.skipped {
				if i >= len(d.Skipped) || !strings.Contains(d.Skipped[i], want) {
					t.Errorf("Skipped = %q, want line %d to contain %q", d.Skipped, i+1, want)
				}
			}
			if err := d.Set.Validate(); err != nil {
				t.Errorf("the set does not validate: %v", err)
			}
		})
	}
}

func stemAt(d Deck, i int) string {
	if i < len(d.Set.Questions) {
		return d.Set.Questions[i].Stem
	}
	return "(none)"
}

// TestRead_Mixed checks each stock note type of the mixed deck question by
// question: kinds, answers, feedback, IDs, and the review history.
func TestRead_Mixed(t *testing.T) {
	d, err := readFile(t, "testdata/eikowagenknecht-srs-converter/mixed-legacy-2.apkg")
	if err != nil {
		t.Fatal(err)
	}
	backExtra := `This is the "Back Extra" field of a cloze card.`
	want := []struct {
		kind     questions.Kind
		id       string
		answer   string
		feedback string
	}{
		{questions.Cloze, "cYo+,.?%Nh-c1", "fields", backExtra},
		{questions.Cloze, "cYo+,.?%Nh-c2", "hidden", backExtra},
		{questions.Cloze, "eQG652IV..", "hints", backExtra},
		{questions.Cloze, "n[.vJJO[sU-c1", "cloze", backExtra},
		{questions.Cloze, "n[.vJJO[sU-c1-2", "cloze", backExtra},
		{questions.ShortAnswer, "OM@n*is5-c", `This is the "Back" field of type "Basic".`, ""},
		{questions.ShortAnswer, "AY~Y<|>p34-t1", `This is the "Back" field of type "Basic (and reversed card)".`, ""},
		{questions.ShortAnswer, "AY~Y<|>p34-t2", `This note is of type "Basic (and reversed card)".`, ""},
		{questions.ShortAnswer, "j6q=an8F(W-t1", `This is the "Back" field of type "Basic (optional reversed card)".`, ""},
		{questions.ShortAnswer, "j6q=an8F(W-t2", `This note is of type "Basic (optional reversed card)".`, ""},
		{questions.ShortAnswer, "IaU)4A?1O*", `This is the "Back" side of type "Basic (type in the answer)".`, ""},
	}
	for i, w := range want {
		q := d.Set.Questions[i]
		if q.Kind != w.kind || q.ID != w.id || len(q.Answers) != 1 || q.Answers[0].Text != w.answer || q.Answers[0].Weight != 100 || q.Feedback != w.feedback {
			t.Errorf("question %d = %s %q answers %v feedback %q; want %s %q answer %q feedback %q",
				i+1, q.Kind, q.ID, q.Answers, q.Feedback, w.kind, w.id, w.answer, w.feedback)
		}
	}
	// The first review: card 1755501927620 (the first cloze's c1), Good,
	// in learning, 600 s interval, 6.425 s taken.
	r := d.Reviews[0]
	wantReview := Review{Question: 0, CardID: 1755501927620, Time: time.UnixMilli(1755502051870).UTC(), Rating: 3,
		Kind: KindLearn, Interval: 600 * time.Second, LastInterval: 0, Ease: 623, Taken: 6425 * time.Millisecond}
	if r != wantReview {
		t.Errorf("Reviews[0] = %+v, want %+v", r, wantReview)
	}
	for i := 1; i < len(d.Reviews); i++ {
		if d.Reviews[i].Time.Before(d.Reviews[i-1].Time) {
			t.Fatalf("reviews out of order at %d", i)
		}
	}
}
