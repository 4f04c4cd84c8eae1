package document

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"
)

// Text is the text to generate questions from of any document a teacher
// gives: a PDF, Word or OpenDocument file becomes its prose as Markdown
// (Read), with Notes of what was left out; HTML, Markdown and plain text
// are returned as they are, since the generator reads them itself. A file
// that is none of these (another binary file, text that is not UTF-8) is
// refused with an *Error whose message is for the user, as is a PDF with
// no text layer.
func Text(name string, data []byte) (string, []string, error) {
	if Detect(name, data) != "" {
		d, err := Read(name, data)
		if err != nil {
			return "", nil, err
		}
		return d.Markdown(), d.Notes, nil
	}
	switch ext := strings.ToLower(path.Ext(name)); {
	case ext == ".doc" || ext == ".rtf" || ext == ".pages":
		return "", nil, fail(name, "%s files are not read; save the document as .docx, .odt or PDF", ext)
	case len(data) > MaxFileSize:
		return "", nil, fail(name, "the file is %d bytes; the limit is %d MB", len(data), MaxFileSize>>20)
	case len(bytes.TrimSpace(data)) == 0:
		return "", nil, fail(name, "the file is empty")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "", nil, fail(name, "the file is a zip archive but not a Word (.docx) or OpenDocument (.odt) document")
	case bytes.IndexByte(data, 0) >= 0:
		return "", nil, fail(name, "the file is not a document factdrill reads; upload a PDF, Word (.docx), OpenDocument (.odt), HTML, Markdown or plain text file")
	case !utf8.Valid(data):
		return "", nil, fail(name, "the file is not UTF-8 text; save it as UTF-8 (or as a PDF or Word document) and try again")
	}
	return string(bytes.TrimPrefix(data, []byte("\uFEFF"))), nil, nil
}
