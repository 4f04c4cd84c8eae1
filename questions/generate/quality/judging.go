package quality

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strconv"
	"strings"

	"factdrill/questions"
)

// An Entry is one item a judge rates: a generated question or a
// human one, with the passage it was asked about.
type Entry struct {
	ID      string // opaque: says nothing of where the item came from
	Doc     string // the document's ID
	Title   string // the document's title
	Context string // the paragraph the item was made from
	Item    questions.Question
	// Generated is true for the generator's items, false for people's;
	// only the key says which.
	Generated bool
}

// Shuffle gives every entry an opaque ID and puts them in an order that
// depends only on the entries, so that a sheet is the same each time it
// is made, yet no run of items comes from one source.
func Shuffle(entries []Entry, salt string) {
	hash := func(e Entry) uint32 {
		h := fnv.New32a()
		fmt.Fprintf(h, "%s|%s|%s|%s", salt, e.Doc, e.Item.Kind, e.Item.Stem)
		return h.Sum32()
	}
	sort.SliceStable(entries, func(i, j int) bool { return hash(entries[i]) < hash(entries[j]) })
	for i := range entries {
		entries[i].ID = fmt.Sprintf("J%03d-%04x", i+1, hash(entries[i])&0xffff)
	}
}

// WriteSheet writes the judge's sheet: instructions, then each entry with
// its passage and the item as a learner sees it, with its key. Nothing on
// it tells generated items from human ones.
func WriteSheet(w io.Writer, entries []Entry) error {
	var b strings.Builder
	b.WriteString(`# Items to judge

Judge each item below against RUBRIC.md (questions/generate/RUBRIC.md),
points 1 to 8, as a teacher deciding whether to keep it: read the passage,
cover the key, answer the item from the passage, then go through the
points. Some items were written by people, some by a program; judge them
all the same way.

Write one line per item into ratings.csv, with this header:

    id,acceptable,failed,note

- id: the item's id (J001-abcd);
- acceptable: yes or no (no when any point fails);
- failed: the numbers of the points that fail, separated by spaces ("2 5"),
  empty when none;
- note: a few words on why, for any no or borderline yes.

For a multiple-choice item with two right options, fail point 4 and say
"two right" in the note.

`)
	for _, e := range entries {
		fmt.Fprintf(&b, "\n---\n\n## %s\n\nDocument: %s\n\nPassage:\n\n> %s\n\n", e.ID, e.Title, strings.ReplaceAll(e.Context, "\n", "\n> "))
		b.WriteString(Item(withoutSource(e.Item)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func withoutSource(q questions.Question) questions.Question {
	q.Source = nil
	return q
}

// WriteKey writes which entries are generated and of what kind, as CSV:
// id, origin (generated or human), kind, document.
func WriteKey(w io.Writer, entries []Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "origin", "kind", "document"}); err != nil {
		return err
	}
	for _, e := range entries {
		origin := "human"
		if e.Generated {
			origin = "generated"
		}
		if err := cw.Write([]string{e.ID, origin, string(e.Item.Kind), e.Doc}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// A KeyRow is one line of the key.
type KeyRow struct {
	ID, Origin, Kind, Doc string
}

// A Rating is a judge's verdict on one item.
type Rating struct {
	ID         string
	Acceptable bool
	Failed     []int // rubric points, 1 to 8
	Note       string
}

// ReadKey reads a key written by WriteKey.
func ReadKey(r io.Reader) ([]KeyRow, error) {
	rows, err := readCSV(r, "key", 4)
	if err != nil {
		return nil, err
	}
	var out []KeyRow
	for _, f := range rows {
		out = append(out, KeyRow{ID: f[0], Origin: f[1], Kind: f[2], Doc: f[3]})
	}
	return out, nil
}

// ReadRatings reads a judge's ratings.csv (id, acceptable, failed, note).
func ReadRatings(r io.Reader) ([]Rating, error) {
	rows, err := readCSV(r, "ratings", 2)
	if err != nil {
		return nil, err
	}
	var out []Rating
	for i, f := range rows {
		rt := Rating{ID: strings.TrimSpace(f[0])}
		switch strings.ToLower(strings.TrimSpace(f[1])) {
		case "yes", "y", "1", "true":
			rt.Acceptable = true
		case "no", "n", "0", "false":
		default:
			return nil, fmt.Errorf("quality: ratings line %d: acceptable is %q, want yes or no", i+2, f[1])
		}
		if len(f) > 2 {
			for _, p := range strings.FieldsFunc(f[2], func(r rune) bool { return r == ' ' || r == ';' || r == ',' || r == '/' }) {
				n, err := strconv.Atoi(p)
				if err != nil || n < 1 || n > 8 {
					return nil, fmt.Errorf("quality: ratings line %d: failed point %q, want 1 to 8", i+2, p)
				}
				rt.Failed = append(rt.Failed, n)
			}
		}
		if len(f) > 3 {
			rt.Note = f[3]
		}
		out = append(out, rt)
	}
	return out, nil
}

// readCSV reads a CSV file with a header line, each row at least min
// fields wide.
func readCSV(r io.Reader, what string, min int) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("quality: read %s: %w", what, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("quality: %s is empty", what)
	}
	for i, f := range rows[1:] {
		if len(f) < min {
			return nil, fmt.Errorf("quality: %s line %d has %d fields, want at least %d", what, i+2, len(f), min)
		}
	}
	return rows[1:], nil
}

// A Tally counts a judgement: acceptable items and failures per rubric
// point, for each origin and kind.
type Tally struct {
	Rated      map[string]int    // "generated/cloze", "generated", "human", ...
	Acceptable map[string]int    // same keys
	Points     map[string][9]int // failures of each point, by origin
	TwoRight   int               // generated multiple-choice items with two right options
	Unrated    []string          // ids in the key the judge did not rate
	Unknown    []string          // rated ids not in the key
}

// Count merges ratings with the key.
func Count(key []KeyRow, ratings []Rating) Tally {
	t := Tally{Rated: map[string]int{}, Acceptable: map[string]int{}, Points: map[string][9]int{}}
	byID := map[string]KeyRow{}
	for _, k := range key {
		byID[k.ID] = k
	}
	seen := map[string]bool{}
	for _, r := range ratings {
		k, ok := byID[r.ID]
		if !ok {
			t.Unknown = append(t.Unknown, r.ID)
			continue
		}
		seen[r.ID] = true
		for _, g := range []string{k.Origin, k.Origin + "/" + k.Kind} {
			t.Rated[g]++
			if r.Acceptable {
				t.Acceptable[g]++
			}
		}
		p := t.Points[k.Origin]
		for _, n := range r.Failed {
			p[n]++
		}
		t.Points[k.Origin] = p
		if k.Origin == "generated" && k.Kind == string(questions.MultipleChoice) && strings.Contains(strings.ToLower(r.Note), "two right") {
			t.TwoRight++
		}
	}
	for _, k := range key {
		if !seen[k.ID] {
			t.Unrated = append(t.Unrated, k.ID)
		}
	}
	return t
}

// Share is the acceptable share of a group.
func (t Tally) Share(group string) float64 { return ratio(t.Acceptable[group], t.Rated[group]) }

// A Round is one blind judgement: its key, and the judge's tally once
// the sheet is rated.
type Round struct {
	Name  string // "round 1"
	Key   []KeyRow
	Rated bool
	Tally Tally
}

// documents counts the documents and the generated and human items of a
// round's key.
func (r Round) documents() (docs, generated, human int) {
	seen := map[string]bool{}
	for _, k := range r.Key {
		if !seen[k.Doc] {
			seen[k.Doc] = true
			docs++
		}
		if k.Origin == "generated" {
			generated++
		} else {
			human++
		}
	}
	return docs, generated, human
}

// WriteRounds writes the judgements side by side: what each round judged,
// acceptability by kind, generated and human, and failures by rubric
// point. A round not yet rated shows as pending.
func WriteRounds(w io.Writer, kinds []string, rounds []Round) error {
	var b strings.Builder
	b.WriteString("| round | documents | generated items | human questions | status |\n|---|---:|---:|---:|---|\n")
	for _, r := range rounds {
		docs, gen, hum := r.documents()
		status := "rated"
		if !r.Rated {
			status = "sheet ready, not yet rated"
		} else if n := len(r.Tally.Unrated); n > 0 {
			status = fmt.Sprintf("rated, %d items unrated", n)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s |\n", r.Name, docs, gen, hum, status)
	}
	header := func(first string) {
		b.WriteString("\n| " + first + " |")
		for _, r := range rounds {
			fmt.Fprintf(&b, " %s generated | %s human |", r.Name, r.Name)
		}
		b.WriteString("\n|---|")
		for range rounds {
			b.WriteString("---:|---:|")
		}
		b.WriteString("\n")
	}
	cell := func(r Round, g string) string {
		t := r.Tally
		if !r.Rated {
			return "pending"
		}
		if t.Rated[g] == 0 {
			return "–"
		}
		return fmt.Sprintf("%d/%d = %.0f%%", t.Acceptable[g], t.Rated[g], 100*t.Share(g))
	}
	b.WriteString("\nAcceptable items, by kind (the human questions are all short answers):\n")
	header("kind")
	for _, k := range kinds {
		fmt.Fprintf(&b, "| %s |", strings.ReplaceAll(k, "_", " "))
		for _, r := range rounds {
			fmt.Fprintf(&b, " %s | %s |", cell(r, "generated/"+k), cell(r, "human/"+k))
		}
		b.WriteString("\n")
	}
	b.WriteString("| **all** |")
	for _, r := range rounds {
		fmt.Fprintf(&b, " **%s** | **%s** |", cell(r, "generated"), cell(r, "human"))
	}
	b.WriteString("\n\nItems failing each rubric point (an item may fail several):\n")
	header("rubric point")
	for n := 1; n <= 8; n++ {
		fmt.Fprintf(&b, "| %d. %s |", n, rubricPoints[n])
		for _, r := range rounds {
			if !r.Rated {
				b.WriteString(" pending | pending |")
				continue
			}
			fmt.Fprintf(&b, " %d | %d |", r.Tally.Points["generated"][n], r.Tally.Points["human"][n])
		}
		b.WriteString("\n")
	}
	b.WriteString("\nGenerated multiple-choice items with two right options:")
	for i, r := range rounds {
		sep := ","
		if i == len(rounds)-1 {
			sep = "."
		}
		if r.Rated {
			fmt.Fprintf(&b, " %s %d%s", r.Name, r.Tally.TwoRight, sep)
		} else {
			fmt.Fprintf(&b, " %s pending%s", r.Name, sep)
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// rubricPoints name the points of RUBRIC.md, by number.
var rubricPoints = [9]string{"", "grammatical", "answerable from the text", "key correct", "one defensible answer",
	"not given away", "distractors", "false statements", "worth asking"}
