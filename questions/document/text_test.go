package document

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	read := func(name string) []byte {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	pdfMarkdown := string(read("chapter.pdf.md"))
	tests := []struct {
		name string
		data []byte
		want string // the text, or a part of the error's message
		err  bool
	}{
		{"chapter.pdf", read("chapter.pdf"), pdfMarkdown, false},
		{"chapter.docx", read("chapter.docx"), "# ", false},
		{"chapter.odt", read("chapter.odt"), "# ", false},
		{"notes.md", []byte("\uFEFF# Notes\n\nThe river *Olm* rises in the hills."), "# Notes\n\nThe river *Olm* rises in the hills.", false},
		{"page.html", []byte("<h1>Olm</h1><p>The river rises.</p>"), "<h1>Olm</h1><p>The river rises.</p>", false},
		{"scanned.pdf", read("scanned.pdf"), "no text", true},
		{"locked.pdf", read("notes-encrypted.pdf"), "encrypted", true},
		{"photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not a document factdrill reads", true},
		{"latin1.txt", []byte("Caf\xe9 au lait"), "not UTF-8", true},
		{"empty.txt", []byte(" \n "), "empty", true},
		{"archive.zip", []byte("PK\x03\x04\x14\x00\x00\x00"), "zip archive", true},
		{"old.rtf", []byte(`{\rtf1\ansi Hello}`), ".rtf files are not read", true},
		{"old.doc", []byte("\xd0\xcf\x11\xe0\x00\x00"), ".doc files are not read", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _, err := Text(tt.name, tt.data)
			if tt.err {
				var de *Error
				if !errors.As(err, &de) || de.File != tt.name || !strings.Contains(de.Msg, tt.want) {
					t.Fatalf("Text(%s) = %.40q, %v; want an *Error saying %q", tt.name, text, err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Text(%s): %v", tt.name, err)
			}
			if tt.want == pdfMarkdown && text != tt.want || !strings.Contains(text, tt.want) {
				t.Errorf("Text(%s) = %.200q, want %.200q", tt.name, text, tt.want)
			}
		})
	}
}
