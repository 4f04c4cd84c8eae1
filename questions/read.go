package questions

import (
	"bytes"
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
)

// Read reads a question file of any format the package knows, telling the
// format with DetectFormat. The set's Title is the file name without its
// extension (or an Anki file's #deck:), its Origin "imported from NAME". A
// file that cannot be read is refused as a whole, and nothing is returned:
// the error is an ErrorList naming every problem found, each at its line.
func Read(name string, data []byte) (Set, error) {
	switch f := DetectFormat(name, data); f {
	case FileGIFT:
		return readGIFT(name, data)
	case FileAiken:
		return readAiken(name, data)
	case FileCSV, FileTSV:
		return readCSV(name, data, f == FileTSV)
	case FileAnki:
		return readAnki(name, data)
	}
	// A file that is not text, or empty, is better told so than that its
	// format is unknown.
	if _, err := newSource(name, data); err != nil {
		return Set{}, err
	}
	return Set{}, ErrorList{{File: name, Msg: "cannot tell the file's format; expected GIFT (questions with {answers}), " +
		"Aiken (options A) B) … and an ANSWER: line), CSV or TSV (a question and its answer a row), " +
		"or Anki text (#separator: header, or tab-separated)"}}
}

// DetectFormat tells a question file's format from its name and content, or
// returns "" when it cannot. The extensions .gift, .aiken, .csv, .tsv and
// .tab decide; any other name, .txt included, is told by content: Anki
// headers (#separator:, #html: …), Aiken ANSWER: lines, GIFT syntax (::title::,
// $CATEGORY:, answer blocks in braces), tab-separated rows (Anki text, or TSV
// when the name is not .txt), then, for names other than .txt, comma- or
// semicolon-separated rows (CSV).
func DetectFormat(name string, data []byte) FileFormat {
	ext := strings.ToLower(path.Ext(baseName(name)))
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
