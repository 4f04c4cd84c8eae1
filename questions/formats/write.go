package formats

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"factdrill/questions"
	"factdrill/questions/apkg"
)

// Format is a format a set can be written in.
type Format struct {
	// Name is how commands and links ask for it: "gift", "moodlexml"…
	Name string
	// Label is its name for people: "Moodle XML".
	Label string
	// Ext is the file name's extension, without the dot.
	Ext string
	// ContentType is what a download is sent as.
	ContentType string
	// Media says whether the format carries the set's images, so that the
	// caller fills Set.Media first (the writer refuses a set whose images
	// are missing).
	Media bool
	// Cards says whether the format holds questions as flashcards, leaving
	// out those with no answer to learn (questions.LeftOutOfCards).
	Cards bool
	write func(ctx context.Context, w io.Writer, s questions.Set, now time.Time) ([]string, error)
}

// Formats are the formats Write writes, in the order pages offer them.
var Formats = []Format{
	{Name: "gift", Label: "GIFT", Ext: "gift", ContentType: "text/plain; charset=utf-8", write: plain(questions.WriteGIFT)},
	{Name: "moodlexml", Label: "Moodle XML", Ext: "xml", ContentType: "application/xml; charset=utf-8", Media: true, write: plain(questions.WriteMoodleXML)},
	{Name: "qti", Label: "Canvas QTI (.zip)", Ext: "zip", ContentType: "application/zip", Media: true, write: plain(questions.WriteQTI)},
	{Name: "apkg", Label: "Anki deck (.apkg)", Ext: "apkg", ContentType: "application/octet-stream", Media: true, Cards: true, write: writeDeck},
	{Name: "csv", Label: "CSV", Ext: "csv", ContentType: "text/csv; charset=utf-8", Cards: true, write: plain(questions.WriteCSV)},
	{Name: "anki", Label: "Anki text", Ext: "txt", ContentType: "text/plain; charset=utf-8", Cards: true, write: plain(questions.WriteAnki)},
	{Name: "json", Label: "JSON", Ext: "json", ContentType: "application/json", Media: true, write: writeJSON},
}

// Lookup returns the format of the given name.
func Lookup(name string) (Format, bool) {
	i := slices.IndexFunc(Formats, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return Formats[i], true
}

// Names lists the names of the formats, for usage messages.
func Names() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}

// Write writes the set in format f to w; now stamps what a format dates
// (an Anki package's notes). It returns what the format left out or
// changed, one line each, for the person exporting: the questions a card
// format cannot hold (essays, descriptions), and what else its writer
// reports. A set none of whose questions the format can hold is an
// invalid-input error, and nothing is written.
func (f Format) Write(ctx context.Context, w io.Writer, s questions.Set, now time.Time) ([]string, error) {
	var notes []string
	if f.Cards {
		notes = questions.LeftOutOfCards(s)
		if len(notes) == len(s.Questions) {
			return nil, questions.Errorf(questions.CodeInvalid, "%s holds flashcards, and none of the set's questions has an answer to learn; export it as GIFT, Moodle XML or QTI instead", f.Label)
		}
	}
	more, err := f.write(ctx, w, s, now)
	if err != nil {
		return nil, err
	}
	return append(notes, more...), nil
}

// plain adapts a writer of package questions, which reports nothing
// beyond what Write says itself.
func plain(write func(io.Writer, questions.Set) error) func(context.Context, io.Writer, questions.Set, time.Time) ([]string, error) {
	return func(_ context.Context, w io.Writer, s questions.Set, _ time.Time) ([]string, error) {
		return nil, write(w, s)
	}
}

// writeDeck writes an Anki package. apkg.Write reports the essays and
// descriptions it leaves out too; Write has said so already.
func writeDeck(ctx context.Context, w io.Writer, s questions.Set, now time.Time) ([]string, error) {
	notes, err := apkg.Write(ctx, w, s, now)
	if err != nil {
		return nil, err
	}
	var other []string
	for _, n := range notes {
		if !isCardOmission(n) {
			other = append(other, n)
		}
	}
	return other, nil
}

func writeJSON(_ context.Context, w io.Writer, s questions.Set, _ time.Time) ([]string, error) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("formats: write json: %w", err)
	}
	return nil, nil
}

// isCardOmission reports whether a line of apkg.Write's report is its
// own word for a question LeftOutOfCards names (an essay or a
// description), so that Write says it once.
func isCardOmission(line string) bool {
	return strings.HasSuffix(line, "questions have no answer to learn")
}
