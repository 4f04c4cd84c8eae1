package document

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// minimalPDF builds a one-page PDF around a content stream, with extra
// objects appended; objects 1 to 5 are the catalog, pages, page, content
// and font.
func minimalPDF(content string, filter string, extra ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	b.WriteString("1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n")
	b.WriteString("2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n")
	b.WriteString("3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>/XObject<</X1 6 0 R>>>>>> endobj\n")
	fmt.Fprintf(&b, "4 0 obj <</Length %d%s>> stream\n%s\nendstream endobj\n", len(content), filter, content)
	b.WriteString("5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj\n")
	for _, e := range extra {
		b.WriteString(e + "\n")
	}
	b.WriteString("trailer <</Root 1 0 R>>\n%%EOF\n")
	return []byte(b.String())
}

func deflate(t *testing.T, data []byte) string {
	var buf bytes.Buffer
	w, err := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func zipOf(t *testing.T, members ...[2]string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := z.CreateHeader(&zip.FileHeader{Name: m[0], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(m[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func docx(t *testing.T, body string, extra ...[2]string) []byte {
	doc := `<?xml version="1.0"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`
	return zipOf(t, append([][2]string{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", doc}}, extra...)...)
}

func TestReadPDF_Minimal(t *testing.T) {
	d, err := Read("hello.pdf", minimalPDF("BT /F1 12 Tf 72 700 Td (Hello, world.) Tj ET", ""))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Markdown(); got != "Hello, world.\n" {
		t.Errorf("Markdown() = %q, want %q", got, "Hello, world.\n")
	}
	// A font with its own encoding: codes 1 to 3 are the glyphs fi, e
	// and ld (by /Differences names), kerned apart by a TJ array.
	font := "5 0 obj <</Type/Font/Subtype/Type1/BaseFont/X/Encoding<</Type/Encoding/BaseEncoding/WinAnsiEncoding/Differences[1/fi/e/uni006C/d]>>>> endobj"
	d, err = Read("enc.pdf", minimalPDF(`BT /F1 12 Tf 72 700 Td [(\001\002)-20(\003\004) -600 (\223ok\224)] TJ ET`, "", font))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Markdown(), "field “ok”\n"; got != want {
		t.Errorf("Markdown() = %q, want %q", got, want)
	}
	// A CID font with two-byte codes, named by a ToUnicode CMap: a bfchar,
	// a bfrange counting up and a bfrange with an array.
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange " +
		"2 beginbfchar <0003> <0020> <0010> <00E9> endbfchar 2 beginbfrange <0020> <0025> <0061> <0030> <0031> [<0054> <0068>] endbfrange endcmap end end"
	cid := "5 0 obj <</Type/Font/Subtype/Type0/Encoding/Identity-H/ToUnicode 7 0 R/DescendantFonts[8 0 R]>> endobj\n" +
		fmt.Sprintf("7 0 obj <</Length %d>> stream\n%s\nendstream endobj\n", len(cmap), cmap) +
		"8 0 obj <</Type/Font/Subtype/CIDFontType2/DW 500/W[16 [600] 32 37 550]>> endobj"
	d, err = Read("cid.pdf", minimalPDF("BT /F1 12 Tf 72 700 Td <0030003100000003002000230010> Tj ET", "", cid))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Markdown(), "Th adé\n"; got != want {
		t.Errorf("Markdown() = %q, want %q", got, want)
	}
}

func TestRead_Hostile(t *testing.T) {
	bomb := deflate(t, bytes.Repeat([]byte("BT ET "), 40<<20/6))
	laughs := `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` +
		`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`
	deep := `<w:document ` + wordNS + `><w:body>` + strings.Repeat("<w:p>", 10000) + strings.Repeat("</w:p>", 10000) + `</w:body></w:document>`
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"bomb.pdf", minimalPDF(bomb, "/Filter/FlateDecode"), "the PDF is too complex to read safely"},
		{"cycle.pdf", []byte("%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[2 0 R 7 0 R]>> endobj\n7 0 obj 7 0 R endobj\ntrailer <</Root 1 0 R>>"), "the PDF has no pages"},
		{"selfcontent.pdf", []byte("%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]>> endobj\n3 0 obj <</Type/Page/Contents 3 0 R/Resources 3 0 R>> endobj\ntrailer <</Root 1 0 R>>"), "the PDF has no text"},
		{"forms.pdf", minimalPDF("/X1 Do", "", "6 0 obj <</Type/XObject/Subtype/Form/Length 13/Resources<</XObject<</X1 6 0 R>>>>>> stream\n/X1 Do /X1 Do\nendstream endobj"), "the PDF has no text"},
		{"deep.pdf", append([]byte("%PDF-1.4\n1 0 obj "), bytes.Repeat([]byte("["), 100000)...), "the PDF has no document catalog"},
		{"encrypted.pdf", minimalPDF("BT /F1 12 Tf (secret) Tj ET", "", "9 0 obj <</Filter/Standard/V 2>> endobj\ntrailer <</Root 1 0 R/Encrypt 9 0 R>>"), "the PDF is encrypted; save it without a password and upload it again"},
		{"noobjects.pdf", []byte("%PDF-1.7\n%%EOF"), "the file holds no PDF objects; it is damaged"},
		{"cid.pdf", minimalPDF("BT /F1 12 Tf <00410042004300440045> Tj ET", "", "5 0 obj <</Type/Font/Subtype/Type0/Encoding/Identity-H/DescendantFonts[]>> endobj"), "the PDF's fonts do not say which letters they draw"},
		{"symbolic.pdf", minimalPDF("BT /F1 12 Tf 72 700 Td (abc) Tj ET", "", "5 0 obj <</Type/Font/Subtype/Type1/BaseFont/CMSY10/FontDescriptor<</Flags 4>>>> endobj"), "the PDF's fonts do not say which letters they draw"},
		{"bomb.docx", docx(t, "<w:p><w:r><w:t>"+strings.Repeat(" ", 20<<20)+"</w:t></w:r></w:p>"), `"word/document.xml" is compressed`},
		{"traversal.docx", docx(t, "<w:p/>", [2]string{"../../evil.sh", "rm -rf"}), `entry named "../../evil.sh", which points outside it`},
		{"laughs.docx", zipOf(t, [2]string{"word/document.xml", laughs}), "the document's XML declares a DTD, which word processors never write; refused"},
		{"deep.docx", zipOf(t, [2]string{"word/document.xml", deep}), "the document's XML is nested too deeply to read safely"},
		{"broken.docx", zipOf(t, [2]string{"word/document.xml", "<w:document><w:body><w:p>"}), "the document's XML is malformed"},
		{"notword.docx", zipOf(t, [2]string{"hello.txt", "hi"}), "the archive has no word/document.xml; it is not a Word document"},
		{"notword.zip", zipOf(t, [2]string{"hello.txt", "hi"}), "the file is not a PDF, Word (.docx) or OpenDocument (.odt) document"},
		{"nocontent.odt", zipOf(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}), "the archive has no content.xml; it is not an OpenDocument text"},
		{"empty.docx", docx(t, "<w:p/>"), "the document has no text to generate from"},
		{"png.pdf", []byte("\x89PNG\r\n\x1a\n"), "the file is not a PDF, Word (.docx) or OpenDocument (.odt) document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(tt.name, tt.data)
			var de *Error
			if !errors.As(err, &de) || !strings.Contains(de.Msg, tt.want) || de.File != tt.name {
				t.Fatalf("Read(%s) error = %v, want one containing %q", tt.name, err, tt.want)
			}
			if len(d.Blocks) != 0 || len(d.Notes) != 0 {
				t.Errorf("Read(%s) returned %d blocks with its error; want nothing", tt.name, len(d.Blocks))
			}
		})
	}
}

func TestRead_TooBig(t *testing.T) {
	data := make([]byte, MaxFileSize+1)
	copy(data, "%PDF-1.4")
	if _, err := Read("big.pdf", data); err == nil || !strings.Contains(err.Error(), "the limit is 64 MB") {
		t.Errorf("Read(big.pdf) error = %v, want the size limit", err)
	}
}

// fuzzRead feeds the readers mutated documents: they must never panic,
// and a document they accept has text.
func fuzzRead(f *testing.F, seeds ...[]byte) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read("fuzz", data)
		if err == nil && strings.TrimSpace(d.Markdown()) == "" {
			t.Fatal("accepted a document without text")
		}
		if err != nil && len(d.Blocks) > 0 {
			t.Fatalf("blocks returned with error %v", err)
		}
	})
}

func testdata(f *testing.F, name string) []byte {
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		f.Fatal(err)
	}
	return data
}

func FuzzReadPDF(f *testing.F) {
	fuzzRead(f, testdata(f, "notes.pdf"),
		minimalPDF("BT /F1 12 Tf 72 700 Td (Hello) Tj [(W) -300 (orld)] TJ ET", ""),
		minimalPDF(hex.EncodeToString([]byte("q 1 0 0 1 10 10 cm BT /F1 9 Tf 1 0 0 1 72 700 Tm (A) ' 2 3 (B) \" T* ET Q /X1 Do BI /W 1 ID x EI"))+">", "/Filter/ASCIIHexDecode"))
}

func FuzzReadOffice(f *testing.F) {
	fuzzRead(f, testdata(f, "chapter.docx"), testdata(f, "chapter.odt"))
}
