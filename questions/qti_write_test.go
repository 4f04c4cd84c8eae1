package questions

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func qtiRoundTrip(t *testing.T, name string, s Set) (Set, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteQTI(&buf, s); err != nil {
		t.Fatalf("WriteQTI: %v", err)
	}
	back, err := Read(name, buf.Bytes())
	if err != nil {
		t.Fatalf("reading back what WriteQTI wrote: %v", err)
	}
	return back, buf.Bytes()
}

// TestWriteQTI_RoundTripFixtures reads every QTI fixture that imports,
// writes it as a package, and reads it back: every field survives.
func TestWriteQTI_RoundTripFixtures(t *testing.T) {
	var names []string
	err := filepath.WalkDir(qtiFixtures, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, qtiFixtures)
		switch {
		case d.IsDir() && rel != "" && fileExists(p+"/imsmanifest.xml"):
			names = append(names, rel+"/")
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(p, ".xml"):
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		first, err := Read(qtiName(name), fixtureBytes(t, name))
		if err != nil {
			continue // refused fixtures are checked elsewhere
		}
		n++
		t.Run(name, func(t *testing.T) {
			back, _ := qtiRoundTrip(t, qtiName(name), first)
			back.Origin, first.Origin = "", "" // the package is named as the fixture
			sameSet(t, back, first)
		})
	}
	if n < 40 {
		t.Errorf("only %d fixtures round-tripped", n)
	}
}

func fileExists(p string) bool {
	_, err := fs.Stat(osFS{}, p)
	return err == nil
}

// qtiFields is a set using every field QTI carries.
func qtiFields(t *testing.T) Set {
	s := allFields(t)
	var out []Question
	for _, q := range s.Questions {
		// What QTI does not carry.
		q.ID, q.Tags, q.Hints, q.Penalty, q.Numbering, q.Units, q.UnitPenalty, q.UnitsLeft = "", nil, nil, nil, "", nil, 0, false
		q.MinWords, q.MaxWords, q.ResponseTemplate, q.GraderInfo = 0, 0, "", ""
		if q.Title == "" {
			q.Title = "Question"
		}
		if q.Format != HTML {
			q.Format = Plain
		}
		if q.Multiple {
			q.Choices = []Choice{{Text: "2", Weight: 50}, {Text: "4", Weight: 50}, {Text: "5", Weight: -50}}
		}
		if q.Kind == Numerical {
			q.Numbers = []Number{{Value: 5000, Tolerance: 10, Weight: 100, Feedback: "Good"}, {Value: -0.25, Weight: 50}, {Any: true, Feedback: "Nope"}}
		}
		if q.Kind == ShortAnswer {
			q.Answers = []Choice{{Text: "Lenin", Weight: 100, Feedback: "Right"}, {Text: "Ulyanov", Weight: 50}, {Text: "*", Feedback: "No"}}
		}
		if q.Kind == TrueFalse {
			q.Stem = "Water is wet.\nReally."
		}
		q.Category = strings.ReplaceAll(q.Category, "//", "/")
		out = append(out, q)
	}
	// A quiz a category: the questions of each category together, in the
	// order the categories come.
	var sorted []Question
	for _, c := range []string{"", "Unit 1/Part / two", "Unit 1/Part / two/More"} {
		for _, q := range out {
			if q.Category == c {
				sorted = append(sorted, q)
			}
		}
	}
	s.Questions = sorted
	s.Origin = ""
	return s
}

func TestWriteQTI_AllFields(t *testing.T) {
	s := qtiFields(t)
	for _, q := range s.Questions {
		if err := q.Validate(); err != nil {
			t.Fatalf("%s: %v", q.Name(), err)
		}
	}
	back, data := qtiRoundTrip(t, "unit1.zip", s)
	back.Origin = ""
	sameSet(t, back, s)

	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(b)
	}
	manifest := files["imsmanifest.xml"]
	contain(t, "manifest", manifest, `type="imsqti_xmlv1p2"`)
	contain(t, "manifest", manifest, `<imsmd:string>Unit 1</imsmd:string>`)
	contain(t, "manifest", manifest, `href="Uploaded Media/dot.png"`)
	if files["Uploaded Media/dot.png"] != string(s.Media[0].Data) || files["Uploaded Media/shape.svg"] != string(s.Media[1].Data) {
		t.Error("the images are not files of the package")
	}
	quizzes := 0
	for name, body := range files {
		if strings.HasSuffix(name, "/assessment_meta.xml") {
			quizzes++
			contain(t, name, body, "<quiz ")
		}
		if strings.HasSuffix(name, ".xml") && strings.Contains(body, "<questestinterop") {
			contain(t, name, body, "question_type")
			if strings.Contains(body, "/media/") {
				t.Errorf("%s still refers to /media/", name)
			}
		}
	}
	eq(t, "quizzes (one a category)", quizzes, 3)
	if !strings.Contains(strings.Join(mapValues(files), ""), "$IMS-CC-FILEBASE$/Uploaded%20Media/dot.png") {
		t.Error("no question refers to the image as Canvas does")
	}

	var again bytes.Buffer
	if err := WriteQTI(&again, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), data) {
		t.Error("writing the same set twice gave different packages")
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func TestWriteQTI_MissingImage(t *testing.T) {
	s := Set{Title: "T", Questions: []Question{{Kind: Essay, Format: HTML, Stem: `<img src="` + MediaPath(strings.Repeat("cd", 32)) + `">`}}}
	var buf bytes.Buffer
	err := WriteQTI(&buf, s)
	if err == nil || !strings.Contains(err.Error(), "question 1") || !errors.Is(err, err) {
		t.Fatalf("WriteQTI = %v, want an error naming question 1", err)
	}
	if buf.Len() > 0 {
		t.Errorf("wrote %d bytes despite the error", buf.Len())
	}
}

type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// FuzzReadQTI reads anything as QTI, bare or zipped: the reader never
// panics, refuses with an ErrorList naming the file, and what it accepts
// validates and survives a round trip through WriteQTI unchanged.
func FuzzReadQTI(f *testing.F) {
	for _, name := range []string{"items_1.2/single_fib.xml", "items_1.2/canvas_multiple_dropdowns.xml",
		"items_1.2/matching_feedback.xml", "items_1.2/numeric_precision.xml", "items_1.2/ordering.xml",
		"feedback_quiz_1.2.xml", "test_qti_1.2_canvas/", "test_qti_1.2_multi/"} {
		f.Add(fixtureBytes(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := readQTI("f.zip", data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 || !strings.HasPrefix(list[0].File, "f.zip") {
				t.Fatalf("error %v is not an ErrorList naming the file", err)
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("an accepted set does not validate: %v", err)
		}
		var buf bytes.Buffer
		if err := WriteQTI(&buf, s); err != nil {
			t.Fatalf("WriteQTI: %v", err)
		}
		back, err := readQTI("f.zip", buf.Bytes())
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		back.Title, s.Title = "", "" // a bare file's title is its name; a package's, its quiz's
		sameSet(t, back, s)
	})
}

func BenchmarkReadQTI(b *testing.B) {
	data := fixtureBytes(b, "canvas_cartridge/")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := readQTI("course.zip", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteQTI(b *testing.B) {
	s, err := readQTI("course.zip", fixtureBytes(b, "canvas_cartridge/"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := WriteQTI(io.Discard, s); err != nil {
			b.Fatal(err)
		}
	}
}
