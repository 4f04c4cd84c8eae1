package apkg

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"factdrill/questions"
)

var now = time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)

// png is the smallest image the sniffer takes for a PNG.
var png = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01")

func mustMedia(t *testing.T, name string, data []byte) questions.Media {
	t.Helper()
	m, err := questions.NewMedia(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// writeRead writes the set and reads the package back.
func writeRead(t *testing.T, s questions.Set) (Deck, []string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	report, err := Write(context.Background(), &buf, s, now)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	d, err := Read(context.Background(), "out.apkg", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("Read(Write(set)): %v", err)
	}
	return d, report, buf.Bytes()
}

func TestWrite_RoundTrip(t *testing.T) {
	dot := mustMedia(t, "dot.png", png)
	img := `<p>What does <img src="` + questions.MediaPath(dot.Hash) + `" alt="a red dot"> show?</p>`
	s := questions.Set{
		Title: "Week 3",
		Media: []questions.Media{dot},
		Questions: []questions.Question{
			{Kind: questions.ShortAnswer, ID: "q1", Tags: []string{"geo", "capitals"}, Stem: "Capital of France?",
				Answers: []questions.Choice{{Text: "Paris", Weight: 100}}, Feedback: "Since 987."},
			{Kind: questions.Cloze, ID: "q2", Category: "History::Dates", Stem: "Rome was founded in _____ BC.",
				Answers: []questions.Choice{{Text: "753", Weight: 100}}},
			{Kind: questions.ShortAnswer, ID: "q3", Format: questions.HTML, Stem: img,
				Answers: []questions.Choice{{Text: "A dot & a circle", Weight: 100}}, Feedback: "<b>Red</b>, not pink."},
			{Kind: questions.Cloze, ID: "q4", Format: questions.HTML, Stem: "<i>H</i><sub>2</sub>O is _____.",
				Answers: []questions.Choice{{Text: "water", Weight: 100}}, Feedback: "A molecule."},
		},
	}
	d, report, _ := writeRead(t, s)
	if len(report) != 0 {
		t.Errorf("Write reported %q for kinds Anki holds, want nothing", report)
	}
	if d.Set.Title != s.Title {
		t.Errorf("title = %q, want %q", d.Set.Title, s.Title)
	}
	if !reflect.DeepEqual(d.Set.Questions, s.Questions) {
		for i := range s.Questions {
			if i < len(d.Set.Questions) && !reflect.DeepEqual(d.Set.Questions[i], s.Questions[i]) {
				t.Errorf("question %d came back as\n%+v\nwant\n%+v", i+1, d.Set.Questions[i], s.Questions[i])
			}
		}
		t.Fatalf("%d questions came back, want %d; skipped %q", len(d.Set.Questions), len(s.Questions), d.Skipped)
	}
	if !reflect.DeepEqual(d.Set.Media, s.Media) {
		t.Errorf("media = %+v, want %+v", d.Set.Media, s.Media)
	}
}

// TestWrite_OtherKinds checks the kinds Anki cannot hold become basic
// cards a person can study, and that the report says so.
func TestWrite_OtherKinds(t *testing.T) {
	s := questions.Set{Title: "Mixed", Questions: []questions.Question{
		{Kind: questions.MultipleChoice, Stem: "Pick the primes", Multiple: true, Choices: []questions.Choice{
			{Text: "2", Weight: 50}, {Text: "3", Weight: 50}, {Text: "4", Weight: -100}}},
		{Kind: questions.TrueFalse, Stem: "The sky is blue.", Truth: true},
		{Kind: questions.Numerical, Stem: "Pi?", Numbers: []questions.Number{{Value: 3.14, Tolerance: 0.01, Weight: 100}}},
		{Kind: questions.Matching, Stem: "Match", Pairs: []questions.Pair{{Prompt: "cat", Answer: "meow"}, {Prompt: "dog", Answer: "woof"}}},
		{Kind: questions.Essay, Stem: "Discuss."},
		{Kind: questions.ShortAnswer, Title: "Pair", Stem: "Two answers", Answers: []questions.Choice{{Text: "one", Weight: 100}, {Text: "two", Weight: 100}}},
	}}
	d, report, _ := writeRead(t, s)
	wantReport := []string{
		"question 1 (Pick the primes): written as a basic card: Anki has no multiple choice",
		"question 2 (The sky is blue.): written as a basic card: Anki has no true/false",
		"question 3 (Pi?): written as a basic card: Anki has no numerical questions",
		"question 4 (Match): written as a basic card a pair: Anki has no matching questions",
		"question 5 (Discuss.): left out: essay questions have no answer to learn",
		`question 6 (Pair): only the answer "one" kept; Anki holds one answer a card`,
		"1 question titles not kept: Anki notes have no title",
	}
	if !slices.Equal(report, wantReport) {
		t.Errorf("report = %q, want %q", report, wantReport)
	}
	var got []string
	for _, q := range d.Set.Questions {
		got = append(got, q.Stem+" => "+q.Answers[0].Text)
	}
	want := []string{
		"Pick the primes<br><br><br>A) 2<br>B) 3<br>C) 4 => A) 2\nB) 3",
		"The sky is blue. => True",
		"Pi? => 3.14 ± 0.01",
		"Match<br><br>cat => meow",
		"Match<br><br>dog => woof",
		"Two answers => one",
	}
	if !slices.Equal(got, want) {
		t.Errorf("read back %q, want %q", got, want)
	}
}

// TestWrite_Schema checks the written collection has the tables and
// columns of the schema 11 collections Anki itself exported.
func TestWrite_Schema(t *testing.T) {
	_, _, pkg := writeRead(t, questions.Set{Title: "S", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: "a?", Answers: []questions.Choice{{Text: "b", Weight: 100}}}}})
	mine := tableColumns(t, unzipMember(t, pkg, "collection.anki2"))
	ref, err := os.ReadFile("testdata/ankitects-anki/update1.apkg")
	if err != nil {
		t.Fatal(err)
	}
	anki := tableColumns(t, unzipMember(t, ref, "collection.anki2"))
	delete(anki, "table sqlite_stat1") // statistics ANALYZE left behind
	if !reflect.DeepEqual(mine, anki) {
		t.Errorf("written schema\n%v\nwant Anki's\n%v", mine, anki)
	}
}

func unzipMember(t *testing.T, pkg []byte, name string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			var b bytes.Buffer
			if _, err := b.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
	}
	t.Fatalf("no %s in the package", name)
	return nil
}

// tableColumns lists each table's and index's columns, lowercased.
func tableColumns(t *testing.T, col []byte) map[string][]string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "c.anki2")
	if err := os.WriteFile(file, col, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%'")
	if err != nil {
		t.Fatal(err)
	}
	type obj struct{ name, typ string }
	var objs []obj
	for rows.Next() {
		var o obj
		if err := rows.Scan(&o.name, &o.typ); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o)
	}
	rows.Close()
	out := map[string][]string{}
	for _, o := range objs {
		pragma := "table_info"
		if o.typ == "index" {
			pragma = "index_info"
		}
		r, err := db.Query("SELECT name FROM pragma_"+pragma+"(?)", o.name)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var c string
			if err := r.Scan(&c); err != nil {
				t.Fatal(err)
			}
			out[o.typ+" "+o.name] = append(out[o.typ+" "+o.name], strings.ToLower(c))
		}
		r.Close()
	}
	return out
}

// TestRoundTrip_Fixtures reads every deck that can be read, writes it and
// reads it again: every question and image comes back the same.
func TestRoundTrip_Fixtures(t *testing.T) {
	for _, tt := range fixtureTests {
		if tt.err != "" {
			continue
		}
		t.Run(tt.file, func(t *testing.T) {
			d, err := readFile(t, "testdata/"+tt.file)
			if err != nil {
				t.Fatal(err)
			}
			again, report, _ := writeRead(t, d.Set)
			if len(report) != 0 {
				t.Errorf("Write reported %q", report)
			}
			if again.Set.Title != d.Set.Title || !reflect.DeepEqual(again.Set.Media, d.Set.Media) {
				t.Errorf("title %q, %d images came back; want %q, %d", again.Set.Title, len(again.Set.Media), d.Set.Title, len(d.Set.Media))
			}
			if len(again.Set.Questions) != len(d.Set.Questions) {
				t.Fatalf("%d questions came back, want %d", len(again.Set.Questions), len(d.Set.Questions))
			}
			for i, q := range d.Set.Questions {
				if !reflect.DeepEqual(again.Set.Questions[i], q) {
					t.Errorf("question %d came back as\n%+v\nwant\n%+v", i+1, again.Set.Questions[i], q)
				}
			}
		})
	}
}

// TestWrite_UniqueGUIDs checks two questions with one ID become two notes.
func TestWrite_UniqueGUIDs(t *testing.T) {
	q := questions.Question{Kind: questions.ShortAnswer, ID: "same", Stem: "a?", Answers: []questions.Choice{{Text: "b", Weight: 100}}}
	q2 := q
	q2.Stem = "c?"
	d, _, _ := writeRead(t, questions.Set{Title: "T", Questions: []questions.Question{q, q2}})
	if len(d.Set.Questions) != 2 || d.Set.Questions[0].ID != "same" || d.Set.Questions[1].ID != "same-2" {
		t.Errorf("read back %+v, want IDs same and same-2", d.Set.Questions)
	}
}

// TestRead_SVG checks an SVG image comes in rebuilt by
// questions.SanitizeSVG (no script), and one that cannot be read is left
// out with the reason.
func TestRead_SVG(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="2"/></svg>`
	pkg := zipOf(t, [2]string{"0", svg}, [2]string{"1", string(png)}, [2]string{"2", `<svg xmlns="http://www.w3.org/2000/svg"><g>`})
	z, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	c := &mediaCache{pkg: &pkgFiles{zip: z, byName: map[string]string{"logo.svg": "0", "dot.png": "1", "broken.svg": "2"}}, byName: map[string]mediaResult{}}
	text, dropped, lost := c.rewrite(`<img src="logo.svg"> and <img src='dot.png' alt="A dot"> [sound:a.mp3]<img src="broken.svg">`)
	clean, err := questions.SanitizeSVG([]byte(svg))
	if err != nil {
		t.Fatal(err)
	}
	logo, dot := mustMedia(t, "logo.svg", clean), mustMedia(t, "dot.png", png)
	wantText := `<img src="` + questions.MediaPath(logo.Hash) + `" alt=""> and <img src="` + questions.MediaPath(dot.Hash) + `" alt="A dot"> `
	if text != wantText || len(dropped) != 2 || !strings.HasPrefix(dropped[1], `image "broken.svg" left out: the SVG image cannot be read`) || !lost || len(c.media) != 2 {
		t.Errorf("rewrite = %q, %q, %v, %d media; want %q, the sound and broken.svg left out, true, 2", text, dropped, lost, len(c.media), wantText)
	}
	if strings.Contains(string(c.media[0].Data), "script") {
		t.Errorf("the SVG kept its script: %s", c.media[0].Data)
	}
}
