package document

import (
	"slices"
	"testing"
)

// A Word document written by hand with what Word writes and the readers
// must not take for prose: a table of contents, deleted text of tracked
// changes, field codes, a comment mark, a table, a footnote.
func TestReadDOCX_Features(t *testing.T) {
	styles := `<?xml version="1.0"?><w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Inhopg1"><w:name w:val="toc 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="paragraph" w:styleId="Bijschrift"><w:name w:val="caption"/></w:style></w:styles>`
	body := `<w:p><w:pPr><w:pStyle w:val="Inhopg1"/></w:pPr><w:r><w:t>Tides 1</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t>Tides</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The Moon pulls the </w:t></w:r><w:del><w:r><w:delText>sea </w:delText></w:r></w:del><w:ins><w:r><w:t>ocean</w:t></w:r></w:ins>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> twice a day.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Lijstalinea"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>spring tides</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Port</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Range</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="Bijschrift"/></w:pPr><w:r><w:t>Ranges at two ports</w:t></w:r></w:p>`
	notes := `<?xml version="1.0"?><w:footnotes ` + wordNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Measured at Brest.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	d, err := Read("tides.docx", docx(t, body, [2]string{"word/styles.xml", styles}, [2]string{"word/footnotes.xml", notes}))
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: Heading, Level: 1, Text: "Tides"},
		{Kind: Paragraph, Text: "The Moon pulls the ocean twice a day."},
		{Kind: ListItem, Text: "spring tides"},
		{Kind: Table, Text: "Port | Range"},
		{Kind: Caption, Text: "Ranges at two ports"},
		{Kind: Footnote, Text: "Measured at Brest."},
	}
	if !slices.Equal(d.Blocks, want) {
		t.Errorf("Blocks = %+v\nwant %+v", d.Blocks, want)
	}
	if got, want := d.Markdown(), "# Tides\n\nThe Moon pulls the ocean twice a day.\n\n- spring tides\n"; got != want {
		t.Errorf("Markdown() = %q, want %q", got, want)
	}
}

func TestReadODT_Features(t *testing.T) {
	content := `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
		`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
		`xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<office:automatic-styles><style:style style:name="P1" style:parent-style-name="Caption"/></office:automatic-styles>` +
		`<office:body><office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>gone</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
		`<text:table-of-content><text:index-body><text:p>Tides 1</text:p></text:index-body></text:table-of-content>` +
		`<text:h text:outline-level="2">Tides</text:h>` +
		`<text:p>The Moon<text:s text:c="2"/>pulls<text:tab/>the ocean<office:annotation><dc:creator>Ann</dc:creator><text:p>check</text:p></office:annotation> twice a day.` +
		`<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Measured at Brest.</text:p></text:note-body></text:note></text:p>` +
		`<text:list><text:list-item><text:p>spring tides<office:annotation><text:p>a note</text:p></office:annotation></text:p></text:list-item></text:list>` +
		`<table:table><table:table-row><table:table-cell><text:p>Port</text:p></table:table-cell><table:table-cell><text:p>Range</text:p></table:table-cell></table:table-row></table:table>` +
		`<text:p text:style-name="P1">Ranges at two ports</text:p></office:text></office:body></office:document-content>`
	data := zipOf(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", content})
	d, err := Read("tides.odt", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: Heading, Level: 2, Text: "Tides"},
		{Kind: Paragraph, Text: "The Moon pulls the ocean twice a day."},
		{Kind: ListItem, Text: "spring tides"},
		{Kind: Table, Text: "Port | Range"},
		{Kind: Caption, Text: "Ranges at two ports"},
		{Kind: Footnote, Text: "Measured at Brest."},
	}
	if !slices.Equal(d.Blocks, want) {
		t.Errorf("Blocks = %+v\nwant %+v", d.Blocks, want)
	}
	wantNotes := []string{"1 table rows left out of the text to generate from", "1 captions left out of the text to generate from", "1 footnotes left out of the text to generate from"}
	if !slices.Equal(d.Notes, wantNotes) {
		t.Errorf("Notes = %q, want %q", d.Notes, wantNotes)
	}
}
