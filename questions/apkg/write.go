package apkg

import (
	"archive/zip"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"factdrill/questions"
)

// Write writes the set as an .apkg package that Anki imports: a legacy
// package (collection.anki2 of schema 11, the format every Anki since 2.1
// and AnkiDroid read, and the one Anki documents), with a JSON media list
// and the set's images as media files. now stamps the notes and cards.
//
// Each question becomes one note, in a deck named after the set (its
// category a subdeck), with its tags and its ID as the note's GUID:
//
//   - a short answer, a note of type "factdrill short answer" (Front, Back,
//     Extra) whose card asks the learner to type Back, the first answer
//     worth full marks; Extra holds the feedback;
//   - a cloze, a "factdrill cloze" note (Text, Back Extra) with the blank
//     as {{c1::answer}};
//   - a multiple choice, true/false, numerical or matching question, a
//     "factdrill basic" note (Front, Back, Extra) a person can study: the
//     options on the front and the right ones on the back, True or False,
//     the number, a note per matching pair.
//
// Essays and descriptions, which have no answer to learn, are left out.
// The returned lines say what was left out or changed (other accepted
// answers, which Anki cannot hold); Read reads what Write wrote back to the
// same questions for the kinds Anki holds.
func Write(ctx context.Context, w io.Writer, s questions.Set, now time.Time) ([]string, error) {
	b := newBuilder(s, now)
	titles := 0
	for i, q := range s.Questions {
		b.add(i, q)
		if strings.TrimSpace(q.Title) != "" {
			titles++
		}
	}
	if titles > 0 {
		b.report = append(b.report, fmt.Sprintf("%d question titles not kept: Anki notes have no title", titles))
	}
	if len(b.notes) == 0 {
		return b.report, fmt.Errorf("apkg: write: no question of the set can be an Anki card")
	}
	col, err := b.collection(ctx)
	if err != nil {
		return nil, err
	}
	if err := b.pack(w, col); err != nil {
		return nil, err
	}
	return b.report, nil
}

// The note types the writer uses, by the kind of note.
const (
	typeShort = iota
	typeCloze
	typeBasic
)

type wnote struct {
	kind   int
	guid   string
	deck   string
	tags   []string
	fields []string
}

type builder struct {
	set    questions.Set
	now    time.Time
	notes  []wnote
	report []string
	media  map[string]string // hash -> file name in the package
	names  map[string]bool
	shown  map[string]bool // hashes of the images the notes show
	guids  map[string]bool
}

func newBuilder(s questions.Set, now time.Time) *builder {
	b := &builder{set: s, now: now.UTC(), media: map[string]string{}, names: map[string]bool{}, shown: map[string]bool{}, guids: map[string]bool{}}
	for _, m := range s.Media {
		name := mediaName(m, b.names)
		b.names[name] = true
		b.media[m.Hash] = name
	}
	return b
}

// mediaName is the file name an image gets in the package: its own name
// made safe, else its hash, made unique.
func mediaName(m questions.Media, taken map[string]bool) string {
	ext := map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp", "image/svg+xml": ".svg"}[m.Type]
	name := strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`/\:*?"<>|[]`, r) {
			return '_'
		}
		return r
	}, path.Base(m.Name))
	if name == "" || name == "." || strings.HasPrefix(name, "_") {
		name = m.Hash[:16] + ext
	}
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, path.Ext(name)), i, path.Ext(name))
	}
	return name
}

// note adds a note, making its GUID unique: Anki takes two notes with one
// GUID for the same note and keeps only one.
func (b *builder) note(n wnote) {
	guid := n.guid
	for i := 2; b.guids[guid]; i++ {
		guid = fmt.Sprintf("%s-%d", n.guid, i)
	}
	b.guids[guid] = true
	n.guid = guid
	b.notes = append(b.notes, n)
}

func (b *builder) tell(i int, q questions.Question, format string, args ...any) {
	b.report = append(b.report, fmt.Sprintf("question %d (%s): %s", i+1, q.Name(), fmt.Sprintf(format, args...)))
}

// add makes the notes of one question.
func (b *builder) add(i int, q questions.Question) {
	deck := b.set.Title
	if strings.TrimSpace(deck) == "" {
		deck = "factdrill"
	}
	deck = deckName(deck)
	if c := deckName(q.Category); c != "" {
		deck += "::" + c
	}
	n := wnote{guid: noteGUID(q, b.set.Title), deck: deck, tags: q.Tags}
	text := func(s string) string { return b.text(s, q.Format) }
	full := func(w float64) bool { return w >= 99.99 }

	var right []string
	for _, a := range q.Answers {
		if full(a.Weight) {
			right = append(right, a.Text)
		}
	}
	switch q.Kind {
	case questions.ShortAnswer, questions.Cloze:
		if len(right) == 0 {
			b.tell(i, q, "left out: it has no answer worth full marks")
			return
		}
		if len(q.Answers) > 1 {
			b.tell(i, q, "only the answer %q kept; Anki holds one answer a card", right[0])
		}
		answer := typed(right[0])
		before, after, ok := strings.Cut(q.Stem, questions.Blank)
		if ok && clozeSafe(before, after, right[0]) {
			n.kind = typeCloze
			n.fields = []string{text(before) + "{{c1::" + answer + "}}" + text(after), text(q.Feedback)}
		} else {
			n.kind = typeShort
			n.fields = []string{text(q.Stem), answer, text(q.Feedback)}
		}
		b.note(n)
	case questions.MultipleChoice:
		front := text(q.Stem) + "<br><br>"
		var backs []string
		for k, c := range q.Choices {
			label := string(rune('A' + k%26))
			front += "<br>" + label + ") " + text(c.Text)
			if (q.Multiple && c.Weight > 0) || (!q.Multiple && full(c.Weight)) {
				backs = append(backs, label+") "+text(c.Text))
			}
		}
		n.kind, n.fields = typeBasic, []string{front, strings.Join(backs, "<br>"), text(q.Feedback)}
		b.note(n)
		b.tell(i, q, "written as a basic card: Anki has no multiple choice")
	case questions.TrueFalse:
		answer := "False"
		if q.Truth {
			answer = "True"
		}
		n.kind, n.fields = typeBasic, []string{text(q.Stem), answer, text(q.Feedback)}
		b.note(n)
		b.tell(i, q, "written as a basic card: Anki has no true/false")
	case questions.Numerical:
		var nums []string
		for _, v := range q.Numbers {
			if !v.Any && full(v.Weight) {
				s := strconv.FormatFloat(v.Value, 'g', -1, 64)
				if v.Tolerance > 0 {
					s += " ± " + strconv.FormatFloat(v.Tolerance, 'g', -1, 64)
				}
				nums = append(nums, s)
			}
		}
		n.kind, n.fields = typeBasic, []string{text(q.Stem), typed(strings.Join(nums, ", ")), text(q.Feedback)}
		b.note(n)
		b.tell(i, q, "written as a basic card: Anki has no numerical questions")
	case questions.Matching:
		for k, p := range q.Prompts() {
			m := n
			m.guid = fmt.Sprintf("%s-%d", n.guid, k+1)
			m.kind, m.fields = typeBasic, []string{text(q.Stem) + "<br><br>" + text(p.Prompt), text(p.Answer), text(q.Feedback)}
			b.note(m)
		}
		b.tell(i, q, "written as a basic card a pair: Anki has no matching questions")
	default:
		b.tell(i, q, "left out: %s questions have no answer to learn", q.Kind.Label())
	}
}

// deckName makes a category or title a deck name: Anki splits names at ::
// and refuses empty levels.
func deckName(s string) string {
	var parts []string
	for _, p := range strings.Split(s, "::") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "::")
}

// noteGUID is the question's ID, or one made from its content so that a
// set exported twice updates the same notes in Anki.
func noteGUID(q questions.Question, title string) string {
	if id := strings.Join(strings.Fields(strings.ReplaceAll(q.ID, "\x1f", " ")), " "); id != "" {
		return id
	}
	sum := sha256.Sum256([]byte(title + "\x1f" + string(q.Kind) + "\x1f" + q.Stem))
	return "fd" + strconv.FormatUint(binary.BigEndian.Uint64(sum[:8]), 36)
}

// mediaRefRE matches an image reference in question HTML.
var mediaRefRE = regexp.MustCompile(`/media/([0-9a-f]{64})`)

// text is a question's text as an Anki field: HTML, with factdrill's image
// paths turned into the package's file names.
func (b *builder) text(s string, f questions.Format) string {
	if f != questions.HTML {
		return typed(s)
	}
	return mediaRefRE.ReplaceAllStringFunc(s, func(m string) string {
		hash := m[len("/media/"):]
		if name, ok := b.media[hash]; ok {
			b.shown[hash] = true
			return html.EscapeString(name)
		}
		return m
	})
}

// typed is plain text (an answer a learner types) as a field: HTML, with
// only the characters that would be markup escaped.
func typed(s string) string { return textEscaper.Replace(s) }

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", "<br>")

// clozeSafe reports whether a blank can be written as {{c1::answer}}:
// Anki has no escape for :: or }} in an answer, nor for a deletion in the
// text around it.
func clozeSafe(before, after, answer string) bool {
	return !strings.Contains(answer, "::") && !strings.Contains(answer, "}") &&
		!strings.Contains(before+after, "{{c")
}

// The note types, as Anki's schema 11 keeps them in col.models.
var noteTypes = []struct {
	name       string
	cloze      bool
	fields     []string
	qfmt, afmt string
}{
	typeShort: {"factdrill short answer", false, []string{"Front", "Back", "Extra"},
		"{{Front}}\n\n{{type:Back}}",
		"{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}{{#Extra}}<br>\n{{Extra}}{{/Extra}}"},
	typeCloze: {"factdrill cloze", true, []string{"Text", "Back Extra"},
		"{{cloze:Text}}",
		"{{cloze:Text}}<br>\n{{Back Extra}}"},
	typeBasic: {"factdrill basic", false, []string{"Front", "Back", "Extra"},
		"{{Front}}",
		"{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}{{#Extra}}<br>\n{{Extra}}{{/Extra}}"},
}

const cardCSS = ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n.cloze {\n font-weight: bold;\n color: blue;\n}\n"

// schema11 is the table layout of Anki's schema 11 collection.
const schema11 = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`

// collection writes the notes into a new schema 11 collection and returns
// its bytes.
func (b *builder) collection(ctx context.Context) ([]byte, error) {
	dir, err := os.MkdirTemp("", "factdrill-apkg-write-*")
	if err != nil {
		return nil, fmt.Errorf("apkg: write: %w", err)
	}
	defer os.RemoveAll(dir)
	file := path.Join(dir, "collection.anki2")
	db, err := sql.Open("sqlite3", "file:"+file+"?_journal_mode=DELETE")
	if err != nil {
		return nil, fmt.Errorf("apkg: write: %w", err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("apkg: write: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schema11); err != nil {
		return nil, fmt.Errorf("apkg: write schema: %w", err)
	}

	ms := b.now.UnixMilli()
	sec := b.now.Unix()
	deckIDs := map[string]int64{}
	decks := map[string]any{"1": deckJSON(1, "Default", sec)}
	used := map[int]bool{}
	for i, n := range b.notes {
		used[n.kind] = true
		did, ok := deckIDs[n.deck]
		if !ok {
			did = ms + int64(len(deckIDs)) + 1
			deckIDs[n.deck] = did
			decks[strconv.FormatInt(did, 10)] = deckJSON(did, n.deck, sec)
		}
		nid := ms + int64(i)
		mid := ms - 1000 + int64(n.kind)
		sfld := htmlText(n.fields[0])
		sum := sha1.Sum([]byte(sfld))
		tags := ""
		if len(n.tags) > 0 {
			var words []string
			for _, t := range n.tags {
				if t = strings.Join(strings.Fields(t), "_"); t != "" {
					words = append(words, t)
				}
			}
			if len(words) > 0 {
				tags = " " + strings.Join(words, " ") + " "
			}
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
			nid, n.guid, mid, sec, tags, strings.Join(n.fields, "\x1f"), sfld, int64(binary.BigEndian.Uint32(sum[:4])))
		if err != nil {
			return nil, fmt.Errorf("apkg: write note: %w", err)
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
			nid, nid, did, sec, i+1)
		if err != nil {
			return nil, fmt.Errorf("apkg: write card: %w", err)
		}
	}
	models := map[string]any{}
	for kind := range noteTypes {
		if used[kind] {
			mid := ms - 1000 + int64(kind)
			models[strconv.FormatInt(mid, 10)] = modelJSON(kind, mid, sec)
		}
	}
	conf := map[string]any{"nextPos": len(b.notes) + 1, "estTimes": true, "activeDecks": []int{1}, "sortType": "noteFld",
		"timeLim": 0, "sortBackwards": false, "addToCur": true, "curDeck": 1, "newSpread": 0, "dueCounts": true,
		"curModel": strconv.FormatInt(ms-1000, 10), "collapseTime": 1200, "schedVer": 2}
	dconf := map[string]any{"1": map[string]any{"id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true,
		"timer": 0, "replayq": true, "dyn": false,
		"new":   map[string]any{"bury": false, "delays": []float64{1, 10}, "initialFactor": 2500, "ints": []int{1, 4, 0}, "order": 1, "perDay": 20},
		"rev":   map[string]any{"bury": false, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2},
		"lapse": map[string]any{"delays": []float64{10}, "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0}}}
	js := func(v any) string {
		data, err := json.Marshal(v)
		if err != nil {
			panic(err) // only maps of plain values are marshalled
		}
		return string(data)
	}
	day := b.now.Truncate(24 * time.Hour).Unix()
	_, err = tx.ExecContext(ctx, "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
		day, ms, ms, js(conf), js(models), js(decks), js(dconf))
	if err != nil {
		return nil, fmt.Errorf("apkg: write col: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("apkg: write: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("apkg: write: %w", err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("apkg: write: %w", err)
	}
	return data, nil
}

func deckJSON(id int64, name string, mod int64) map[string]any {
	return map[string]any{"id": id, "name": name, "mod": mod, "usn": -1, "desc": "", "dyn": 0, "conf": 1,
		"collapsed": false, "browserCollapsed": false, "extendNew": 10, "extendRev": 50,
		"newToday": []int{0, 0}, "revToday": []int{0, 0}, "lrnToday": []int{0, 0}, "timeToday": []int{0, 0}}
}

func modelJSON(kind int, id, mod int64) map[string]any {
	t := noteTypes[kind]
	var flds []map[string]any
	for i, f := range t.fields {
		flds = append(flds, map[string]any{"name": f, "ord": i, "sticky": false, "rtl": false, "font": "Arial", "size": 20,
			"description": "", "plainText": false, "collapsed": false, "excludeFromSearch": false})
	}
	typ := 0
	if t.cloze {
		typ = 1
	}
	return map[string]any{
		"id": id, "name": t.name, "type": typ, "mod": mod, "usn": -1, "sortf": 0, "did": 1,
		"tmpls": []map[string]any{{"name": "Card 1", "ord": 0, "qfmt": t.qfmt, "afmt": t.afmt, "bqfmt": "", "bafmt": "", "did": nil, "bfont": "", "bsize": 0}},
		"flds":  flds, "css": cardCSS, "tags": []string{}, "vers": []string{},
		"latexPre":  "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
		"latexPost": "\\end{document}", "latexsvg": false,
		"req": []any{[]any{0, "any", []int{0}}},
	}
}

// pack writes the zip: the collection, the media list and the images.
func (b *builder) pack(w io.Writer, col []byte) error {
	z := zip.NewWriter(w)
	add := func(name string, data []byte) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: b.now})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add("collection.anki2", col); err != nil {
		return fmt.Errorf("apkg: write package: %w", err)
	}
	list := map[string]string{}
	k := 0
	for _, m := range b.set.Media {
		if !b.shown[m.Hash] {
			continue
		}
		member := strconv.Itoa(k)
		k++
		list[member] = b.media[m.Hash]
		if err := add(member, m.Data); err != nil {
			return fmt.Errorf("apkg: write package: %w", err)
		}
	}
	data, err := json.Marshal(list)
	if err != nil {
		return fmt.Errorf("apkg: write media list: %w", err)
	}
	if err := add("media", data); err != nil {
		return fmt.Errorf("apkg: write package: %w", err)
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("apkg: write package: %w", err)
	}
	return nil
}
