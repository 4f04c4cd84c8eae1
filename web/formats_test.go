package web

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/formats"
)

// The formats through the site: every fixture of the readers uploaded
// through the upload page and compared with what its reader reads, files
// of every format taken into the store and back out through the export
// links, and hostile files refused with nothing stored.

// fixture is a question file of the readers' test data, as uploaded.
type fixture struct {
	path string // where it came from, for messages
	name string // the name it is uploaded under
	data []byte
}

// fixtures returns every question-file fixture of the repository: GIFT,
// Moodle XML, QTI (bare files, and each package folder zipped as Canvas
// exports it) and Anki packages and collections.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	var out []fixture
	for _, pattern := range []string{
		"../questions/testdata/gift/*/*.gift",
		"../questions/testdata/moodle-xml/*/*.xml",
		"../questions/testdata/moodle-xml/qtype/*/*.xml",
		"../questions/testdata/qti/instructure-qti/*.xml",
		"../questions/testdata/qti/instructure-qti/*/*.xml",
		"../questions/apkg/testdata/*/*.apkg",
		"../questions/apkg/testdata/*/*.colpkg",
		"../questions/apkg/testdata/collections/*/*.anki2",
	} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if strings.HasSuffix(p, "imsmanifest.xml") {
				continue // zipped with its package below
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fixture{path: p, name: filepath.Base(p), data: data})
		}
	}
	manifests, err := filepath.Glob("../questions/testdata/qti/instructure-qti/*/imsmanifest.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range manifests {
		dir := filepath.Dir(m)
		out = append(out, fixture{path: dir, name: filepath.Base(dir) + ".zip", data: zipFolder(t, dir)})
	}
	if len(out) < 150 {
		t.Fatalf("found %d fixtures; the readers' test data has more", len(out))
	}
	return out
}

// zipFolder zips a folder as an LMS exports a package.
func zipFolder(t *testing.T, dir string) []byte {
	t.Helper()
	var files [][2]string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files = append(files, [2]string{filepath.ToSlash(rel), string(data)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return zipFiles(t, files...)
}

// zipFiles builds a zip archive of the given members, in order.
func zipFiles(t *testing.T, members ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m[0], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(m[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rawDB opens the store's database apart from the store: its file
// read-only, or its PostgreSQL schema.
func rawDB(t *testing.T, s *db.Store) *sql.DB {
	t.Helper()
	driver, source := "sqlite3", "file:"+s.Path()+"?mode=ro"
	if db.IsPostgres(s.Path()) {
		driver, source = "pgx", s.Path()
	}
	conn, err := sql.Open(driver, source)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// rowCounts counts the rows of tables in the store's database.
func rowCounts(t *testing.T, s *db.Store, tables ...string) map[string]int {
	t.Helper()
	conn := rawDB(t, s)
	out := map[string]int{}
	for _, table := range tables {
		var n int
		if err := conn.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

var setPath = regexp.MustCompile(`^/teacher/sets/(\d+)\?notice=uploaded(-warnings)?$`)

// uploadSet uploads a question file as teacher A and returns the stored
// set's id, failing the test if it is refused.
func (w *world) uploadSet(name string, data []byte) int64 {
	w.t.Helper()
	r := w.tA.upload("/teacher/sets/upload", "file", name, data, nil)
	m := setPath.FindStringSubmatch(r.location)
	if r.status != http.StatusSeeOther || m == nil {
		w.t.Fatalf("upload %s = %d to %q, want 303 to the new set\n%s", name, r.status, r.location, uploadError(r.body))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// uploadError is the text of the upload form's error, for messages.
func uploadError(body string) string {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		return body
	}
	return strings.Join(strings.Fields(doc.Find(`[data-testid="upload-error"]`).Text()), " ")
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestUpload_EveryFixture uploads every reader's fixture through the
// upload page: a file its reader reads is stored with the same questions,
// its images (served back byte for byte) and its warnings on the set's
// page; a file its reader refuses is refused with the reader's first
// problem, and nothing is stored.
func TestUpload_EveryFixture(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	stored, refused := 0, 0
	for _, f := range fixtures(t) {
		want, wantErr := formats.Read(ctx, f.name, bytes.NewReader(f.data), int64(len(f.data)))
		before := rowCounts(t, w.store, "sets", "media", "set_warnings")
		r := w.tA.upload("/teacher/sets/upload", "file", f.name, f.data, nil)
		if wantErr != nil {
			refused++
			var list questions.ErrorList
			if !errors.As(wantErr, &list) {
				t.Errorf("%s: the reader's error is no ErrorList: %v", f.path, wantErr)
				continue
			}
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(uploadError(r.body), strings.Join(strings.Fields(list[0].Msg), " ")) {
				t.Errorf("%s: upload = %d %q, want 422 with %q", f.path, r.status, uploadError(r.body), list[0].Msg)
			}
			if after := rowCounts(t, w.store, "sets", "media", "set_warnings"); jsonOf(after) != jsonOf(before) {
				t.Errorf("%s: a refused upload changed the store: %v, was %v", f.path, after, before)
			}
			continue
		}
		stored++
		m := setPath.FindStringSubmatch(r.location)
		if r.status != http.StatusSeeOther || m == nil {
			t.Errorf("%s: upload = %d to %q, want 303 to the set\n%s", f.path, r.status, r.location, uploadError(r.body))
			continue
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		info, qs, err := w.store.TeacherSet(ctx, w.teacherA.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := db.AsSet(info, qs); jsonOf(got.Questions) != jsonOf(want.Questions) || got.Title != want.Title {
			t.Errorf("%s: stored %q %s\nwant %q %s", f.path, got.Title, jsonOf(got.Questions), want.Title, jsonOf(want.Questions))
		}
		for _, img := range want.Media {
			if r := w.anon.get("/media/" + img.Hash); r.status != http.StatusOK || r.body != string(img.Data) || r.header.Get("Content-Type") != img.Type {
				t.Errorf("%s: image %s served as %d %q, %d bytes; want its %d bytes of %s", f.path, img.Hash, r.status, r.header.Get("Content-Type"), len(r.body), len(img.Data), img.Type)
			}
		}
		page := w.tA.get(fmt.Sprintf("/teacher/sets/%d", id))
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(page.body))
		if err != nil {
			t.Fatal(err)
		}
		shown := doc.Find(`[data-testid="import-warnings"] li`)
		if shown.Length() != min(len(want.Warnings), maxProblemsShown) {
			t.Errorf("%s: the set's page lists %d warnings, want %d", f.path, shown.Length(), len(want.Warnings))
		}
		if len(want.Warnings) > 0 && !strings.Contains(shown.First().Text(), strings.Join(strings.Fields(want.Warnings[0].Msg), " ")) {
			t.Errorf("%s: the first warning shown is %q, want %q", f.path, shown.First().Text(), want.Warnings[0].Msg)
		}
	}
	t.Logf("%d fixtures stored, %d refused as their readers refuse them", stored, refused)
	if stored < 100 || refused < 5 {
		t.Errorf("stored %d and refused %d fixtures; expected both kinds", stored, refused)
	}
}

// TestFormats_ThroughTheStore takes a file of every format into the store
// through the upload page and out again through every export link: each
// export reads back, the formats that carry images give the file's images
// back, and a file exported in its own format reads back as it was
// uploaded (as far as the format keeps what the file had).
func TestFormats_ThroughTheStore(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	read := func(path string) []byte {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	tests := []struct {
		name   string
		data   []byte
		format string // its own format, to export it in
		same   bool   // whether the export reads back as the same questions
	}{
		{"bank.xml", read("../questions/testdata/moodle-xml/format-xml/multichoice.xml"), "moodlexml", true},
		{"truefalse.xml", read("../questions/testdata/moodle-xml/format-xml/truefalse.xml"), "moodlexml", true},
		{"quiz.zip", zipFolder(t, "../questions/testdata/qti/instructure-qti/test_qti_1.2_canvas"), "qti", false},
		{"deck.apkg", read("../questions/apkg/testdata/eikowagenknecht-srs-converter/mixed-legacy-2.apkg"), "apkg", false},
		{"capitals.gift", []byte(testGIFT), "gift", true},
		{"words.csv", []byte("question,answer,feedback\nhello,bonjour,greeting\n\"a, b\",c,\n"), "csv", true},
		{"deck.txt", []byte("#separator:tab\n#html:false\nhello\tbonjour\nThe {{c1::cat}} sat.\textra\n"), "anki", true},
		{"quiz.aiken", []byte("Capital of Peru?\nA) Lima\nB) Quito\nANSWER: A\n"), "gift", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := formats.Read(ctx, tt.name, bytes.NewReader(tt.data), int64(len(tt.data)))
			if err != nil {
				t.Fatal(err)
			}
			id := w.uploadSet(tt.name, tt.data)
			for _, f := range formats.Formats {
				if f.Name == "json" {
					continue
				}
				r := w.tA.get(fmt.Sprintf("/teacher/sets/%d/export?format=%s", id, f.Name))
				if r.status != http.StatusOK || r.header.Get("Content-Type") != f.ContentType ||
					!strings.Contains(r.header.Get("Content-Disposition"), "."+f.Ext) {
					t.Errorf("export as %s = %d %q %q", f.Name, r.status, r.header.Get("Content-Type"), r.header.Get("Content-Disposition"))
					continue
				}
				back, err := formats.Read(ctx, "back."+f.Ext, strings.NewReader(r.body), int64(len(r.body)))
				if err != nil {
					t.Errorf("the %s export does not read back: %v", f.Name, err)
					continue
				}
				// Moodle XML and QTI carry every image; a deck those of the
				// texts its cards show (not an option's feedback, say).
				switch got, all := mediaHashes(back.Media), mediaHashes(want.Media); {
				case f.Media && !f.Cards && jsonOf(got) != jsonOf(all):
					t.Errorf("the %s export carries images %v, want %v", f.Name, got, all)
				case f.Media && f.Cards && (len(all) > 0 && len(got) == 0 || slices.ContainsFunc(got, func(h string) bool { return !slices.Contains(all, h) })):
					t.Errorf("the %s export carries images %v, want some of %v", f.Name, got, all)
				}
				if f.Name != tt.format {
					continue
				}
				if len(back.Questions) != len(want.Questions) {
					t.Errorf("the %s export reads back as %d questions, want %d", f.Name, len(back.Questions), len(want.Questions))
				}
				if tt.same && jsonOf(withoutCategory(back.Questions)) != jsonOf(withoutCategory(want.Questions)) {
					t.Errorf("the %s export reads back as\n%s\nwant\n%s", f.Name, jsonOf(back.Questions), jsonOf(want.Questions))
				}
			}
		})
	}
}

func mediaHashes(ms []questions.Media) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Hash)
	}
	slices.Sort(out)
	return out
}

// withoutCategory drops what a round trip moves on purpose: a Moodle file's
// questions are written into a category named after the set.
func withoutCategory(qs []questions.Question) []questions.Question {
	out := slices.Clone(qs)
	for i := range out {
		out[i].Category = ""
	}
	return out
}

// moodleWithImage is a Moodle XML question showing an embedded image.
func moodleWithImage(name string, data []byte) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="truefalse"><name><text>Gauge</text></name>
<questiontext format="html"><text><![CDATA[<p>This gauge reads high. <img src="@@PLUGINFILE@@/` + name + `" alt="A pressure gauge"></p>]]></text>
<file name="` + name + `" path="/" encoding="base64">` + base64.StdEncoding.EncodeToString(data) + `</file></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>`
}

const qtiManifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m"><resources><resource identifier="a" type="imsqti_xmlv1p2"><file href="a/a.xml"/></resource></resources></manifest>`

// collectionOfFixture unpacks the SQLite collection of an Anki fixture.
func collectionOfFixture(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("collection.anki2")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestUpload_HostileFiles sends files built to hurt a reader through the
// upload page: each is refused with a message that says why, and nothing
// of it is stored (no set, question, image or warning).
func TestUpload_HostileFiles(t *testing.T) {
	w := newWorld(t)
	png := pngImage(4, 4, color.Black).Data
	collection := collectionOfFixture(t, "../questions/apkg/testdata/ankitects-anki/update1.apkg")
	corrupt := bytes.Clone(collection)
	for i := len(corrupt) / 4; i < len(corrupt)/2; i++ {
		corrupt[i] ^= 0x5a
	}
	zeros := strings.Repeat("\x00", 50<<20)
	tests := []struct {
		name   string
		file   string
		data   []byte
		status int
		want   string
	}{
		{"QTIZipBomb", "bomb.zip", zipFiles(t, [2]string{"imsmanifest.xml", qtiManifest}, [2]string{"a/a.xml", "<questestinterop>" + strings.Repeat(" ", 40<<20) + "</questestinterop>"}),
			http.StatusUnprocessableEntity, "32 MB"},
		{"AnkiZipBomb", "bomb.apkg", zipFiles(t, [2]string{"collection.anki2", zeros}), http.StatusUnprocessableEntity, "refused as a zip bomb"},
		{"QTIPathTraversal", "slip.zip", zipFiles(t, [2]string{"imsmanifest.xml", qtiManifest}, [2]string{"../../etc/cron.d/evil", "x"}),
			http.StatusUnprocessableEntity, "climbs out of the package"},
		{"AnkiPathTraversal", "slip.apkg", zipFiles(t, [2]string{"collection.anki2", string(collection)}, [2]string{"../../etc/cron.d/evil", "x"}),
			http.StatusUnprocessableEntity, "points outside it"},
		{"XMLEntityExpansion", "laughs.xml", []byte(`<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<quiz><question type="essay"><questiontext><text>&c;</text></questiontext></question></quiz>`), http.StatusUnprocessableEntity, "declares XML entities"},
		{"XMLExternalEntity", "xxe.xml", []byte(`<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz>&x;</quiz>`),
			http.StatusUnprocessableEntity, "declares XML entities"},
		{"HugeBase64", "huge.xml", []byte(moodleWithImage("huge.png", append(png, make([]byte, questions.MaxMediaBytes)...))),
			http.StatusUnprocessableEntity, "images may be at most 5 MB"},
		{"WrongMagicDeck", "deck.apkg", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), http.StatusUnprocessableEntity, "is not an Anki package"},
		{"WrongMagicZip", "quiz.zip", []byte("this is text, not a zip"), http.StatusUnprocessableEntity, "not a zip archive"},
		{"CorruptSQLite", "deck.apkg", zipFiles(t, [2]string{"collection.anki2", string(corrupt)}), http.StatusUnprocessableEntity, "the package's collection is"},
		{"NotSQLite", "deck.apkg", zipFiles(t, [2]string{"collection.anki2", "this is text, not a database"}), http.StatusUnprocessableEntity, "not a valid SQLite database"},
		{"TextTooBig", "big.gift", bytes.Repeat([]byte("::Q:: A? {T}\n\n"), (questions.MaxFileSize/14)+100), http.StatusRequestEntityTooLarge, "larger than 10 MB"},
		{"PackageTooBig", "big.xml", append([]byte(moodleOne), bytes.Repeat([]byte(" "), formats.MaxSize)...), http.StatusRequestEntityTooLarge, "larger than 64 MB"},
	}
	tables := []string{"sets", "questions", "media", "set_warnings"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := rowCounts(t, w.store, tables...)
			r := w.tA.upload("/teacher/sets/upload", "file", tt.file, tt.data, nil)
			msg := uploadError(r.body)
			if r.status != tt.status || !strings.Contains(msg, tt.want) || !strings.Contains(msg, "Nothing was saved") {
				t.Errorf("upload %s = %d %q, want %d saying %q and that nothing was saved", tt.file, r.status, msg, tt.status, tt.want)
			}
			if after := rowCounts(t, w.store, tables...); jsonOf(after) != jsonOf(before) {
				t.Errorf("the refused %s changed the store: %v, was %v", tt.file, after, before)
			}
		})
	}
}

// TestUpload_ImageThatIsNot imports a Moodle question whose "image" is a
// page: the question comes in, the file is left out with a warning the
// set's page shows, and no image is stored.
func TestUpload_ImageThatIsNot(t *testing.T) {
	w := newWorld(t)
	before := rowCounts(t, w.store, "media")
	id := w.uploadSet("gauge.xml", []byte(moodleWithImage("gauge.png", []byte("<html><script>alert(1)</script></html>"))))
	if after := rowCounts(t, w.store, "media"); after["media"] != before["media"] {
		t.Errorf("media rows = %d after a fake image, want %d", after["media"], before["media"])
	}
	page := w.tA.get(fmt.Sprintf("/teacher/sets/%d", id))
	mustContain(t, "set page", page.body, `data-testid="import-warnings"`, "gauge.xml:", "gauge.png")
	if strings.Contains(page.body, "<script>alert") {
		t.Error("the fake image's script reached the page")
	}
}

const moodleOne = `<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="truefalse"><name><text>T</text></name>
<questiontext format="html"><text>Sky is blue.</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
</question></quiz>`

// TestGenerate_FromDocuments generates from the document fixtures as
// uploads: PDF, Word and OpenDocument files are read into text (what was
// left out shown with the set), and a scanned PDF is refused with the
// reader's message, nothing stored.
func TestGenerate_FromDocuments(t *testing.T) {
	w := newWorld(t)
	for _, name := range []string{"chapter.pdf", "chapter.docx", "chapter.odt"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("../questions/document/testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			r := w.tA.upload("/teacher/sets/generate", "document", name, data, url.Values{"count": {"8"}})
			if r.status != http.StatusSeeOther {
				t.Fatalf("generate from %s = %d\n%s", name, r.status, r.body)
			}
			done := w.tA.waitJob(r.location)
			if done.status != http.StatusSeeOther || !strings.HasSuffix(done.location, "/edit?notice=generated") {
				t.Fatalf("the job from %s ended %d at %q\n%s", name, done.status, done.location, done.body)
			}
			setURL := strings.TrimSuffix(strings.Split(done.location, "?")[0], "/edit")
			page := w.tA.get(setURL)
			mustContain(t, name+"'s set", page.body, "generated from "+name, `data-testid="import-warnings"`, "table rows left out")
			id, _ := strconv.ParseInt(strings.TrimPrefix(setURL, "/teacher/sets/"), 10, 64)
			_, qs, err := w.store.TeacherSet(context.Background(), w.teacherA.ID, id)
			if err != nil || len(qs) == 0 {
				t.Fatalf("the set from %s has %d questions (%v)", name, len(qs), err)
			}
			for _, q := range qs {
				if q.Source == nil || strings.Contains(q.Source.Sentence, "%PDF") || strings.Contains(q.Source.Sentence, "<w:") {
					t.Errorf("question %q from %s has source %+v, want a sentence of the text", q.Stem, name, q.Source)
				}
			}
		})
	}
	t.Run("Scanned", func(t *testing.T) {
		data, err := os.ReadFile("../questions/document/testdata/scanned.pdf")
		if err != nil {
			t.Fatal(err)
		}
		before := countSets(t, w.store)
		r := w.tA.upload("/teacher/sets/generate", "document", "scan.pdf", data, nil)
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("generate from a scanned PDF = %d, want 422", r.status)
		}
		mustContain(t, "the form", r.body, "no text layer", "text recognition (OCR)")
		if after := countSets(t, w.store); after != before {
			t.Errorf("a refused document made a set: %d sets, was %d", after, before)
		}
	})
}
