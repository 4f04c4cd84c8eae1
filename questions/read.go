package questions

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// FileFormat names a question-file format, as DetectFormat tells it.
type FileFormat string

// The question-file formats the package reads.
const (
	FileGIFT  FileFormat = "gift"  // Moodle's GIFT, the reference format
	FileAiken FileFormat = "aiken" // Moodle's Aiken: options A) B) and ANSWER: X
	FileCSV   FileFormat = "csv"   // comma- or semicolon-separated rows
	FileTSV   FileFormat = "tsv"   // tab-separated rows
	FileAnki  FileFormat = "anki"  // Anki's notes in plain text, tab-separated
	// FileMoodleXML is Moodle's XML export: a <quiz> of <question>s.
	FileMoodleXML FileFormat = "moodlexml"
	// FileQTI is IMS QTI 1.2 as Canvas exports quizzes: a zip with an
	// imsmanifest.xml, or a bare <questestinterop> XML file.
	FileQTI FileFormat = "qti"
)

// Read reads a question file of any format the package knows, telling the
// format with DetectFormat. The set's Title is the file name without its
// extension (or an Anki file's #deck:, a Moodle file's one category, a QTI
// quiz's title), its Origin "imported from NAME". A file that cannot be
// read is refused as a whole, and nothing is returned: the error is an
// ErrorList naming every problem found, each at its line. Moodle XML and
// QTI carry more than factdrill asks; what they leave out is listed in
// Set.Warnings, and their images are in Set.Media.
func Read(name string, data []byte) (Set, error) {
	switch f := DetectFormat(name, data); f {
	case FileMoodleXML:
		return readMoodleXML(name, data)
	case FileQTI:
		return readQTI(name, data)
	case FileGIFT:
		return readGIFT(name, data)
	case FileAiken:
		return readAiken(name, data)
	case FileCSV, FileTSV:
		return readCSV(name, data, f == FileTSV)
	case FileAnki:
		return readAnki(name, data)
	}
	switch ext := strings.ToLower(path.Ext(baseName(name))); {
	case ext == ".zip" || ext == ".imscc" || isZip(data):
		return Set{}, ErrorList{{File: name, Msg: zipNotQTI(data)}}
	case ext == ".xml" || looksXML(data):
		root, err := sniffXMLRoot(data)
		if err != nil {
			return Set{}, ErrorList{{File: name, Msg: "the file is not well-formed XML: " + err.Error()}}
		}
		return Set{}, ErrorList{{File: name, Msg: fmt.Sprintf("this XML file is neither Moodle XML (a <quiz>) nor QTI (a <questestinterop>): its root element is <%s>", root)}}
	}
	// A file that is not text, or empty, is better told so than that its
	// format is unknown.
	if _, err := newSource(name, data); err != nil {
		return Set{}, err
	}
	return Set{}, ErrorList{{File: name, Msg: "cannot tell the file's format; expected GIFT (questions with {answers}), " +
		"Aiken (options A) B) … and an ANSWER: line), CSV or TSV (a question and its answer a row), " +
		"Anki text (#separator: header, or tab-separated), Moodle XML or a QTI package"}}
}

// DetectFormat tells a question file's format from its name and content, or
// returns "" when it cannot. The extensions .gift, .aiken, .csv, .tsv and
// .tab decide. A zip (.zip, .imscc, or any name starting with a zip's
// bytes) is QTI when it holds an imsmanifest.xml naming QTI resources; XML
// (.xml, or any name starting with <) is told by its root element: <quiz>
// (or a lone <question>) is Moodle XML, <questestinterop> QTI. Any other
// name, .txt included, is told by content: Anki headers (#separator:,
// #html: …), Aiken ANSWER: lines, GIFT syntax (::title::, $CATEGORY:, answer
// blocks in braces), tab-separated rows (Anki text, or TSV when the name
// is not .txt), then, for names other than .txt, comma- or
// semicolon-separated rows (CSV).
func DetectFormat(name string, data []byte) FileFormat {
	ext := strings.ToLower(path.Ext(baseName(name)))
	if ext == ".zip" || ext == ".imscc" || isZip(data) {
		if zipHasQTI(data) {
			return FileQTI
		}
		return ""
	}
	if ext == ".xml" || looksXML(data) {
		root, err := sniffXMLRoot(data)
		switch {
		case err != nil && ext == ".xml":
			return ""
		case root == "quiz" || root == "question":
			return FileMoodleXML
		case root == "questestinterop":
			return FileQTI
		case ext == ".xml":
			return ""
		}
	}
	switch ext {
	case ".gift":
		return FileGIFT
	case ".aiken":
		return FileAiken
	case ".csv":
		return FileCSV
	case ".tsv", ".tab":
		return FileTSV
	}
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	text := normalizeNewlines(data)
	switch {
	case looksLikeAnkiHeader(text):
		return FileAnki
	case looksLikeAiken(text):
		return FileAiken
	case looksLikeGIFT(text):
		return FileGIFT
	}
	if d, ok := sniffDelimiter(text, "\t,;"); ok {
		switch {
		case d == '\t' && ext == ".txt":
			return FileAnki
		case d == '\t':
			return FileTSV
		case ext != ".txt":
			// A .txt of comma-separated rows is more likely prose than a
			// table; only other names are read as CSV on content alone.
			return FileCSV
		}
	}
	return ""
}

// looksLikeAiken reports whether text has Aiken's ANSWER: lines after
// lettered options.
func looksLikeAiken(text string) bool {
	options := false
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if isAikenOption(line) {
			options = true
		} else if options && isAikenAnswer(line) {
			return true
		}
	}
	return false
}

// looksLikeGIFT reports whether text has GIFT's titles, categories or answer
// blocks.
func looksLikeGIFT(text string) bool {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "::") || strings.HasPrefix(line, "$CATEGORY:") {
			return true
		}
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '{' || (i > 0 && text[i-1] == '\\') {
			continue
		}
		rest := strings.TrimLeft(text[i+1:], " \t\n")
		if rest == "" {
			break
		}
		switch rest[0] {
		case '=', '~', '#', '}':
			return true
		}
		for _, tf := range []string{"TRUE", "FALSE", "T", "F"} {
			if strings.HasPrefix(rest, tf) && strings.HasPrefix(strings.TrimLeft(rest[len(tf):], " \t"), "}") {
				return true
			}
		}
	}
	return false
}

// looksXML reports whether data starts as XML does: an XML declaration, or
// an element after white space.
func looksXML(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	return bytes.HasPrefix(data, []byte("<?xml")) || bytes.HasPrefix(data, []byte("<!--")) ||
		(len(data) > 1 && data[0] == '<' && (isLetter(data[1]) || data[1] == '!'))
}

// sniffXMLRoot returns the local name of an XML document's root element,
// reading no more than its start.
func sniffXMLRoot(data []byte) (string, error) {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false // a declaration this package reads (Latin-1…) or a malformed one
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local, nil
		}
	}
}
