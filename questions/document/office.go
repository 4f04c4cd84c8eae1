package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"factdrill/questions/internal/ziplimit"
)

// Word (.docx) and OpenDocument (.odt) files are zip archives of XML. The
// readers walk the XML tokens of the main part, keeping the text of
// paragraphs, headings, list items and table cells, and the footnotes, and
// dropping what is not the text (field codes, deleted text of tracked
// changes, comments, headers and footers).

var officeLimits = ziplimit.Limits{
	Entries:    5000,
	Entry:      64 << 20,
	Total:      256 << 20,
	Ratio:      100,
	RatioFloor: 1 << 20,
}

const (
	maxXMLDepth  = 256
	maxXMLTokens = 4 << 20
)

// part reads one member of the archive, or nil when it is absent.
func part(z *zip.Reader, name string) ([]byte, error) {
	f := ziplimit.Find(z, name)
	if f == nil {
		return nil, nil
	}
	return ziplimit.Read(f)
}

// walkXML calls fn for each token of an XML part, refusing DTDs (and so
// entity expansion), deep nesting and endless token streams.
func walkXML(data []byte, fn func(xml.Token) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	depth := 0
	for n := 0; ; n++ {
		if n > maxXMLTokens {
			return errors.New("the document's XML is too long to read safely")
		}
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("the document's XML is malformed: %v", err)
		}
		switch t := t.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return errors.New("the document's XML declares a DTD, which word processors never write; refused")
			}
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return errors.New("the document's XML is nested too deeply to read safely")
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(t); err != nil {
			return err
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// blockBuilder gathers the text of the current paragraph and of table rows.
type blockBuilder struct {
	blocks []Block
	text   strings.Builder
	kind   Kind
	level  int
	table  int      // depth of tables
	cells  []string // cells of the current row
	cell   strings.Builder
	skip   int // depth inside elements whose text is not the document's
	// skipParagraph drops the current paragraph (a table of contents
	// entry).
	skipParagraph bool
}

func (b *blockBuilder) write(s string) {
	if b.skip > 0 {
		return
	}
	if b.table > 0 {
		b.cell.WriteString(s)
		return
	}
	b.text.WriteString(s)
}

// endParagraph closes a paragraph (inside a table, a line of its cell).
func (b *blockBuilder) endParagraph() {
	if b.table > 0 {
		b.cell.WriteString(" ")
		return
	}
	text := strings.Join(strings.Fields(strings.ReplaceAll(b.text.String(), "\u00ad", "")), " ")
	if text != "" && !b.skipParagraph {
		kind := b.kind
		if kind == Paragraph && captionRE.MatchString(text) {
			kind = Caption
		}
		b.blocks = append(b.blocks, Block{Kind: kind, Level: b.level, Text: text})
	}
	b.text.Reset()
	b.kind, b.level, b.skipParagraph = Paragraph, 0, false
}

func (b *blockBuilder) endCell() {
	b.cells = append(b.cells, strings.Join(strings.Fields(b.cell.String()), " "))
	b.cell.Reset()
}

func (b *blockBuilder) endRow() {
	if strings.TrimSpace(strings.Join(b.cells, "")) != "" && b.table == 1 {
		b.blocks = append(b.blocks, Block{Kind: Table, Text: strings.Join(b.cells, " | ")})
	}
	b.cells = nil
}

func openOffice(data []byte) (*zip.Reader, error) {
	z, err := ziplimit.Open(bytes.NewReader(data), int64(len(data)), officeLimits)
	if err != nil {
		return nil, err
	}
	return z, nil
}

// readDOCX reads word/document.xml, with word/styles.xml to tell headings,
// captions and list paragraphs, and the footnotes and endnotes.
func readDOCX(name string, data []byte) (Document, error) {
	z, err := openOffice(data)
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	main, err := part(z, "word/document.xml")
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	if main == nil {
		return Document{}, fail(name, "the archive has no word/document.xml; it is not a Word document")
	}
	styles, err := docxStyles(z)
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	b := &blockBuilder{}
	if err := walkDOCX(main, b, styles); err != nil {
		return Document{}, fail(name, "%v", err)
	}
	for _, notes := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		data, err := part(z, notes)
		if err != nil {
			return Document{}, fail(name, "%v", err)
		}
		if data == nil {
			continue
		}
		nb := &blockBuilder{}
		if err := walkDOCX(data, nb, styles); err != nil {
			return Document{}, fail(name, "%v", err)
		}
		for _, bl := range nb.blocks {
			bl.Kind = Footnote
			b.blocks = append(b.blocks, bl)
		}
	}
	d := Document{Blocks: b.blocks}
	d.noteCounts()
	return d, nil
}

// docxStyle is what a paragraph style says about its paragraphs.
type docxStyle struct {
	heading int // outline level + 1, or 0
	caption bool
	list    bool
	toc     bool // an entry of a table of contents, which repeats headings
}

func docxStyles(z *zip.Reader) (map[string]docxStyle, error) {
	data, err := part(z, "word/styles.xml")
	if err != nil || data == nil {
		return nil, err
	}
	out := map[string]docxStyle{}
	var id string
	var cur docxStyle
	err = walkXML(data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, cur = attr(t, "styleId"), docxStyle{}
			case "name":
				n := strings.ToLower(attr(t, "val"))
				switch {
				case n == "title":
					cur.heading = 1
				case strings.HasPrefix(n, "heading "):
					if l, err := strconv.Atoi(strings.TrimPrefix(n, "heading ")); err == nil {
						cur.heading = l
					}
				case n == "caption":
					cur.caption = true
				case strings.HasPrefix(n, "list"):
					cur.list = true
				case strings.HasPrefix(n, "toc ") || n == "toc heading":
					cur.toc = true
				}
			case "outlineLvl":
				if l, err := strconv.Atoi(attr(t, "val")); err == nil && l < 9 && cur.heading == 0 {
					cur.heading = l + 1
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				out[id] = cur
			}
		}
		return nil
	})
	return out, err
}

func walkDOCX(data []byte, b *blockBuilder, styles map[string]docxStyle) error {
	inPPr := false
	return walkXML(data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "pPr":
				inPPr = true
			case "pStyle":
				if s, ok := styles[attr(t, "val")]; ok && b.table == 0 {
					switch {
					case s.toc:
						b.skipParagraph = true
					case s.heading > 0:
						b.kind, b.level = Heading, s.heading
					case s.caption:
						b.kind = Caption
					case s.list:
						b.kind = ListItem
					}
				}
			case "outlineLvl":
				if l, err := strconv.Atoi(attr(t, "val")); err == nil && l < 9 && inPPr {
					b.kind, b.level = Heading, l+1
				}
			case "numPr":
				if inPPr && b.kind == Paragraph {
					b.kind = ListItem
				}
			case "t":
				// Text comes as character data inside.
			case "tab", "br", "cr":
				b.write(" ")
			case "noBreakHyphen":
				b.write("-")
			case "delText", "instrText", "commentReference", "footnoteReference", "endnoteReference", "rPr", "Fallback":
				b.skip++
			case "tbl":
				b.table++
			case "tc":
				b.cell.Reset()
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "pPr":
				inPPr = false
			case "p":
				b.endParagraph()
			case "delText", "instrText", "commentReference", "footnoteReference", "endnoteReference", "rPr", "Fallback":
				b.skip--
			case "tc":
				b.endCell()
			case "tr":
				b.endRow()
			case "tbl":
				b.table--
			}
		case xml.CharData:
			if !inPPr {
				b.write(string(t))
			}
		}
		return nil
	})
}

// readODT reads content.xml of an OpenDocument text.
func readODT(name string, data []byte) (Document, error) {
	z, err := openOffice(data)
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	content, err := part(z, "content.xml")
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	if content == nil {
		return Document{}, fail(name, "the archive has no content.xml; it is not an OpenDocument text")
	}
	parents := map[string]string{} // automatic style -> its parent
	b := &blockBuilder{}
	var notes []Block
	inBody, list, noteBody := false, 0, 0
	var note *blockBuilder
	cur := func() *blockBuilder {
		if note != nil {
			return note
		}
		return b
	}
	styleKind := func(s string) Kind {
		for i := 0; i < 8 && s != ""; i++ {
			l := strings.ToLower(s)
			if l == "caption" || strings.HasSuffix(l, "caption") || l == "table" || l == "figure" || l == "illustration" || l == "drawing" {
				return Caption
			}
			s = parents[s]
		}
		return Paragraph
	}
	err = walkXML(content, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			x := cur()
			switch t.Name.Local {
			case "style":
				if p := attr(t, "parent-style-name"); p != "" {
					parents[attr(t, "name")] = p
				}
			case "text":
				if t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:office:1.0" {
					inBody = true
				}
			case "h":
				if x.skip > 0 {
					break
				}
				x.kind, x.level = Heading, 1
				if l, err := strconv.Atoi(attr(t, "outline-level")); err == nil && l > 0 && l < 10 {
					x.level = l
				}
			case "p":
				switch {
				case x.skip > 0:
				case list > 0 && note == nil:
					x.kind = ListItem
				default:
					x.kind = styleKind(attr(t, "style-name"))
				}
			case "list":
				list++
			case "s":
				n, err := strconv.Atoi(attr(t, "c"))
				if err != nil || n < 1 {
					n = 1
				}
				x.write(strings.Repeat(" ", min(n, 8)))
			case "tab", "line-break":
				x.write(" ")
			case "note":
				note = &blockBuilder{}
			case "note-citation", "annotation", "tracked-changes", "sequence-decls",
				"table-of-content", "alphabetical-index", "bibliography", "illustration-index", "table-index", "user-index", "object-index":
				x.skip++
			case "note-body":
				noteBody++
			case "table":
				if t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:table:1.0" {
					x.table++
				}
			case "table-cell":
				x.cell.Reset()
			}
		case xml.EndElement:
			x := cur()
			switch t.Name.Local {
			case "h", "p":
				if x.skip == 0 { // a paragraph of a comment or a deletion is not one of the text's
					x.endParagraph()
				}
			case "list":
				list--
			case "note":
				if note != nil {
					for _, bl := range note.blocks {
						bl.Kind = Footnote
						notes = append(notes, bl)
					}
				}
				note = nil
			case "note-citation", "annotation", "tracked-changes", "sequence-decls",
				"table-of-content", "alphabetical-index", "bibliography", "illustration-index", "table-index", "user-index", "object-index":
				x.skip--
			case "note-body":
				noteBody--
			case "table":
				if t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:table:1.0" {
					x.table--
				}
			case "table-cell":
				x.endCell()
			case "table-row":
				x.endRow()
			}
		case xml.CharData:
			if inBody {
				cur().write(string(t))
			}
		}
		return nil
	})
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	d := Document{Blocks: append(b.blocks, notes...)}
	d.noteCounts()
	return d, nil
}
