package document

import (
	"errors"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden .md files from the readers' output")

// fixtureTests name each document in testdata (see testdata/README.md for
// how each was made), the golden Markdown it must give and its notes.
var fixtureTests = []struct {
	file   string
	golden string
	notes  []string
}{
	{"chapter.pdf", "chapter.pdf.md", []string{
		"4 running headers, footers and page numbers left out",
		"2 table rows left out of the text to generate from",
		"1 captions left out of the text to generate from",
		"1 footnotes left out of the text to generate from"}},
	{"chapter-hyphenated.pdf", "chapter-hyphenated.pdf.md", []string{
		"4 running headers, footers and page numbers left out",
		"2 table rows left out of the text to generate from",
		"1 captions left out of the text to generate from",
		"1 footnotes left out of the text to generate from"}},
	{"chapter-objstm.pdf", "chapter.pdf.md", []string{
		"4 running headers, footers and page numbers left out",
		"2 table rows left out of the text to generate from",
		"1 captions left out of the text to generate from",
		"1 footnotes left out of the text to generate from"}},
	{"notes.pdf", "notes.pdf.md", []string{"2 running headers, footers and page numbers left out"}},
	{"chapter.docx", "chapter.md", []string{
		"3 table rows left out of the text to generate from",
		"1 captions left out of the text to generate from",
		"1 footnotes left out of the text to generate from"}},
	{"chapter.odt", "chapter.md", []string{
		"3 table rows left out of the text to generate from",
		"1 captions left out of the text to generate from",
		"1 footnotes left out of the text to generate from"}},
}

func TestRead_Fixtures(t *testing.T) {
	for _, tt := range fixtureTests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			got := d.Markdown()
			if *update && tt.file != "chapter.odt" && tt.file != "chapter-objstm.pdf" {
				if err := os.WriteFile("testdata/"+tt.golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile("testdata/" + tt.golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("Read(%s).Markdown() =\n%s\nwant (testdata/%s)\n%s", tt.file, got, tt.golden, want)
			}
			if !slices.Equal(d.Notes, tt.notes) {
				t.Errorf("Read(%s).Notes = %q, want %q", tt.file, d.Notes, tt.notes)
			}
		})
	}
}

// TestReadPDF_Layout checks, on the two-column chapter, what the golden
// file shows in bulk: headers, footers and page numbers gone, columns read
// in order, words broken at line ends whole again, compounds kept, the
// footnote, table and caption flagged rather than read as prose.
func TestReadPDF_Layout(t *testing.T) {
	for _, file := range []string{"chapter.pdf", "chapter-hyphenated.pdf"} {
		data, err := os.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(file, data)
		if err != nil {
			t.Fatal(err)
		}
		md := d.Markdown()
		for _, absent := range []string{"Rivers of the Northern Plains", "Page 1", "Page 2", "embank-", "kilo-", "Silt loads", "Harwick 142", "Table 1:"} {
			if strings.Contains(md, absent) {
				t.Errorf("%s: the text holds %q", file, absent)
			}
		}
		order := []string{"# How rivers shape the plain", "The Marrow River rises", "## The delta", "Near the coast",
			"Because the delta grows", "- the soft rocks", "- the long dry summers", "## Floods and people",
			"a system of embankments more than 300", "black-tailed godwit", "level of the water every fifteen minutes", "embankments ever higher."}
		last := -1
		for _, s := range order {
			i := strings.Index(md, s)
			if i <= last {
				t.Errorf("%s: %q is missing or out of order (at %d, after %d)", file, s, i, last)
			}
			last = max(last, i)
		}
		kinds := map[Kind][]string{}
		for _, b := range d.Blocks {
			kinds[b.Kind] = append(kinds[b.Kind], b.Text)
		}
		if !slices.Equal(kinds[Footnote], []string{"1Silt loads were measured at Harwick weir between 1950 and 1990."}) ||
			!slices.Equal(kinds[Caption], []string{"Table 1: Mean discharge of the Marrow at two gauging stations."}) ||
			!slices.Equal(kinds[Table], []string{"Harwick 142", "Benmoor 236"}) {
			t.Errorf("%s: footnotes %q, captions %q, table rows %q", file, kinds[Footnote], kinds[Caption], kinds[Table])
		}
	}
}

func TestRead_Refused(t *testing.T) {
	scanned, err := os.ReadFile("testdata/scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	encrypted, err := os.ReadFile("testdata/notes-encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"secret.pdf", encrypted, "secret.pdf: the PDF is encrypted; save it without a password and upload it again"},
		{"scan.pdf", scanned, "scan.pdf: the PDF has no text layer: its page is a picture of text, as a scanner makes; run it through text recognition (OCR) first"},
		{"empty.pdf", nil, "empty.pdf: the file is empty"},
		{"notes.txt", []byte("just text"), "notes.txt: the file is not a PDF, Word (.docx) or OpenDocument (.odt) document"},
	}
	for _, tt := range tests {
		d, err := Read(tt.name, tt.data)
		var de *Error
		if !errors.As(err, &de) || err.Error() != tt.want {
			t.Errorf("Read(%s) error = %v, want %q", tt.name, err, tt.want)
		}
		if len(d.Blocks) != 0 {
			t.Errorf("Read(%s) returned blocks with its error", tt.name)
		}
	}
}
