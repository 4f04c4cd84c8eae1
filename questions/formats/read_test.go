package formats

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdrill/questions"
)

// zipDir zips a folder of files, as a QTI package is uploaded.
func zipDir(t *testing.T, dir string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRead routes each kind of file to its reader, whatever its name says.
func TestRead(t *testing.T) {
	deck := readFile(t, "../apkg/testdata/eikowagenknecht-srs-converter/mixed-legacy-2.apkg")
	qti := zipDir(t, "../testdata/qti/instructure-qti/test_qti_1.2_canvas")
	moodle := readFile(t, "../testdata/moodle-xml/format-xml/multichoice.xml")
	tests := []struct {
		name      string
		data      []byte
		questions int
		warnings  bool
		title     string
	}{
		{"deck.apkg", deck, 11, true, "Test - Mixed Types"},
		{"deck-renamed.zip", deck, 11, true, "Test - Mixed Types"},
		{"quiz.zip", qti, -1, false, ""},
		{"bank.xml", moodle, -1, false, ""},
		{"capitals.gift", []byte("::Q1:: Capital of France? {=Paris ~Lyon}\n"), 1, false, "capitals"},
		{"words.csv", []byte("question,answer\nhello,bonjour\n"), 1, false, "words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Read(context.Background(), tt.name, bytes.NewReader(tt.data), int64(len(tt.data)))
			if err != nil {
				t.Fatalf("Read(%s): %v", tt.name, err)
			}
			want, err := questions.Read(tt.name, tt.data)
			if tt.questions < 0 {
				// A format of package questions: the same as its reader.
				if err != nil || len(set.Questions) != len(want.Questions) || set.Title != want.Title || len(set.Media) != len(want.Media) {
					t.Errorf("Read(%s) = %d questions %q, want questions.Read's %d %q (%v)", tt.name, len(set.Questions), set.Title, len(want.Questions), want.Title, err)
				}
				return
			}
			if len(set.Questions) != tt.questions || set.Title != tt.title || (len(set.Warnings) > 0) != tt.warnings {
				t.Errorf("Read(%s) = %d questions %q, %d warnings; want %d %q, warnings %t",
					tt.name, len(set.Questions), set.Title, len(set.Warnings), tt.questions, tt.title, tt.warnings)
			}
			for _, w := range set.Warnings {
				if w.File != tt.name || w.Msg == "" {
					t.Errorf("warning %+v does not name the file %s with a message", w, tt.name)
				}
			}
		})
	}
}

func TestRead_Refused(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		size int64 // 0: len(data)
		want string
	}{
		{"huge.xml", []byte("<quiz/>"), MaxSize + 1, "the limit is 64 MB"},
		{"corrupt.apkg", []byte("PK\x03\x04 not really a zip"), 0, "not a valid zip"},
		{"empty.apkg", nil, 0, "empty"},
		{"other.zip", zipDir(t, "../testdata/moodle-xml/format-xml"), 0, "imsmanifest.xml"},
		{"photo.gift", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			size := tt.size
			if size == 0 {
				size = int64(len(tt.data))
			}
			_, err := Read(context.Background(), tt.name, bytes.NewReader(tt.data), size)
			var list questions.ErrorList
			if !errors.As(err, &list) || len(list) == 0 || list[0].File != tt.name || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read(%s) error = %v, want a problem of %s saying %q", tt.name, err, tt.name, tt.want)
			}
		})
	}
}

// FuzzRead reads any bytes under the names that route to each reader: no
// input may panic, and a refusal is a list of problems naming the file.
func FuzzRead(f *testing.F) {
	for _, seed := range [][]byte{
		[]byte("::Q:: A? {T}\n"), []byte("question,answer\nhi,there\n"),
		[]byte(`<?xml version="1.0"?><quiz><question type="truefalse"><questiontext><text>x</text></questiontext><answer fraction="100"><text>true</text></answer></question></quiz>`),
		[]byte("PK\x03\x04"), []byte("SQLite format 3\x00"), nil,
	} {
		f.Add("file.gift", seed)
		f.Add("deck.apkg", seed)
		f.Add("quiz.zip", seed)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		set, err := Read(context.Background(), name, bytes.NewReader(data), int64(len(data)))
		if err == nil {
			return
		}
		var list questions.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			if strings.HasPrefix(err.Error(), "formats: read") || strings.HasPrefix(err.Error(), "apkg:") {
				return // an I/O failure of the machine, not the file
			}
			t.Fatalf("Read(%q) error %v is no list of problems", name, err)
		}
		if len(set.Questions) > 0 {
			t.Fatalf("Read(%q) refused the file but returned %d questions", name, len(set.Questions))
		}
	})
}
