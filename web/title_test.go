package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"factdrill/questions"
)

// TestUploadHugeFileName checks that a set's title taken from a file name
// of 2,000,000 characters is stored cut to questions.MaxTitleLen (on main
// it was stored whole), and that the name keeps its extension, which says
// how to read the file.
func TestUploadHugeFileName(t *testing.T) {
	w := newWorld(t)
	name := strings.Repeat("n", 2_000_000) + ".gift"
	r := w.tA.upload("/teacher/sets/upload", "file", name, []byte(testGIFT), nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("upload with a huge file name = %d\n%.500s", r.status, r.body)
	}
	sets, err := w.store.TeacherSets(context.Background(), w.teacherA.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sets {
		if n := utf8.RuneCountInString(s.Title); n > questions.MaxTitleLen {
			t.Errorf("set %d has a title of %d characters, want at most %d", s.ID, n, questions.MaxTitleLen)
		}
		if len(s.Origin) > 1000 {
			t.Errorf("set %d has an origin of %d bytes", s.ID, len(s.Origin))
		}
	}
	if got := shortFileName(name); !strings.HasSuffix(got, "….gift") || utf8.RuneCountInString(got) > maxFileName {
		t.Errorf("shortFileName of a huge name = %.40q… (%d characters), want at most %d ending ….gift", got, utf8.RuneCountInString(got), maxFileName)
	}
}
