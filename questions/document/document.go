// Package document extracts the text of the documents a teacher generates
// questions from: PDF (its text layer), Word .docx and OpenDocument .odt.
// It returns the text as blocks (headings, paragraphs, list items), with
// what is not prose (tables, captions, footnotes) flagged so that the
// generator can skip it, and renders them as the light Markdown that
// questions/generate reads: "# " headings, "- " list items, paragraphs
// separated by blank lines.
//
// Every file is untrusted: archives are opened through ziplimit (entry
// counts, sizes and compression ratios bounded), XML is read without
// entities or DTDs, and PDF streams are decompressed within fixed budgets.
// A file that breaks a limit or cannot be read is refused with an error
// whose message is for the user, and nothing is returned.
package document

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// Kind is what a block of a document is.
type Kind int

// The kinds of block. Only headings, paragraphs and list items are prose
// the generator should read; the others are kept so that a page can show
// them, and Markdown leaves them out.
const (
	Paragraph Kind = iota
	Heading
	ListItem
	Table    // one row of a table, its cells separated by " | "
	Caption  // the caption of a table or figure
	Footnote // a footnote or endnote
)

// Block is one block of a document's text.
type Block struct {
	Kind Kind
	// Level is a heading's level, 1 for the highest.
	Level int
	Text  string
}

// Document is the text of a document.
type Document struct {
	Blocks []Block
	// Notes say what the reader left out or could not read, one line each
	// ("2 tables left out", "page 4 has no text layer").
	Notes []string
}

// Format names a document format.
type Format string

// The formats Read takes.
const (
	PDF  Format = "pdf"
	DOCX Format = "docx"
	ODT  Format = "odt"
)

// MaxFileSize is the largest document Read takes.
const MaxFileSize = 64 << 20

// Error is a document that cannot be read, with a message for the user.
type Error struct {
	File string
	Msg  string
}

func (e *Error) Error() string { return e.File + ": " + e.Msg }

func fail(name, format string, args ...any) error {
	return &Error{File: name, Msg: fmt.Sprintf(format, args...)}
}

// Detect tells a document's format from its first bytes, and for zip
// archives from their mimetype or content, falling back on the name's
// extension only to choose between formats the content allows.
func Detect(name string, data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		// An ODF package starts with its uncompressed mimetype member.
		if bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument.text")) {
			return ODT
		}
		if bytes.Contains(data, []byte("word/document.xml")) {
			return DOCX
		}
		switch strings.ToLower(path.Ext(name)) {
		case ".odt":
			return ODT
		case ".docx":
			return DOCX
		}
	}
	return ""
}

// Read extracts the text of a PDF, .docx or .odt document, told by its
// content. name is used in messages.
func Read(name string, data []byte) (Document, error) {
	if len(data) > MaxFileSize {
		return Document{}, fail(name, "the file is %d bytes; the limit is %d MB", len(data), MaxFileSize>>20)
	}
	var (
		d   Document
		err error
	)
	switch Detect(name, data) {
	case PDF:
		d, err = readPDF(name, data)
	case DOCX:
		d, err = readDOCX(name, data)
	case ODT:
		d, err = readODT(name, data)
	default:
		if len(data) == 0 {
			return Document{}, fail(name, "the file is empty")
		}
		return Document{}, fail(name, "the file is not a PDF, Word (.docx) or OpenDocument (.odt) document")
	}
	if err != nil {
		var de *Error
		if errors.As(err, &de) {
			return Document{}, err
		}
		return Document{}, fail(name, "%v", err)
	}
	if strings.TrimSpace(d.Markdown()) == "" {
		if len(d.Notes) > 0 {
			return Document{}, fail(name, "the document has no text to generate from: %s", strings.Join(d.Notes, "; "))
		}
		return Document{}, fail(name, "the document has no text to generate from")
	}
	return d, nil
}

// Markdown renders the prose of the document: headings as "#" lines, list
// items as "- " lines, paragraphs separated by blank lines. Tables,
// captions and footnotes are left out.
func (d Document) Markdown() string {
	var b strings.Builder
	prev := Kind(-1)
	for _, bl := range d.Blocks {
		text := strings.Join(strings.Fields(bl.Text), " ")
		if text == "" {
			continue
		}
		switch bl.Kind {
		case Heading:
			sep(&b)
			b.WriteString(strings.Repeat("#", max(1, min(bl.Level, 6))) + " " + text + "\n")
		case ListItem:
			if prev != ListItem {
				sep(&b)
			}
			b.WriteString("- " + text + "\n")
		case Paragraph:
			sep(&b)
			b.WriteString(text + "\n")
		default:
			continue
		}
		prev = bl.Kind
	}
	return b.String()
}

// sep ends the previous block with a blank line.
func sep(b *strings.Builder) {
	if b.Len() > 0 {
		b.WriteString("\n")
	}
}

// noteCounts adds a note for each kind of block that Markdown leaves out.
func (d *Document) noteCounts() {
	counts := map[Kind]int{}
	for _, b := range d.Blocks {
		counts[b.Kind]++
	}
	for _, k := range []struct {
		kind Kind
		what string
	}{{Table, "table rows"}, {Caption, "captions"}, {Footnote, "footnotes"}} {
		if n := counts[k.kind]; n > 0 {
			d.Notes = append(d.Notes, fmt.Sprintf("%d %s left out of the text to generate from", n, k.what))
		}
	}
}
