package apkg

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha1"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"factdrill/questions"
)

// zipOf builds a zip archive of the given members, in order.
func zipOf(t testing.TB, members ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := z.CreateHeader(&zip.FileHeader{Name: m[0], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(m[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zstdOf(t testing.TB, data []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil)
}

// collectionOf returns the collection of a testdata package.
func collectionOf(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"collection.anki21b", "collection.anki21", "collection.anki2"} {
		for _, f := range z.File {
			if f.Name == want {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				_, err = b.ReadFrom(rc)
				rc.Close()
				if err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
		}
	}
	t.Fatalf("%s holds no collection", name)
	return nil
}

// hostileTests are files built to hurt a reader. Each must be refused
// with a message saying why, and nothing returned.
func hostileTests(t *testing.T) []struct {
	name string
	data []byte
	want string
} {
	good := collectionOf(t, "testdata/ankitects-anki/update1.apkg")
	corrupt := bytes.Clone(good)
	for i := len(corrupt) / 4; i < len(corrupt)/2; i++ {
		corrupt[i] ^= 0x5a // scramble the pages of the tables
	}
	truncated := good[:len(good)/2+7]

	// A collection whose notes "table" is a view that would compute
	// forever: refused before it is queried.
	viewFile := filepath.Join(t.TempDir(), "view.anki2")
	db, err := sql.Open("sqlite3", "file:"+viewFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"CREATE TABLE col (ver integer)", "INSERT INTO col VALUES (11)",
		"CREATE TABLE cards (id integer)", "CREATE TABLE revlog (id integer)",
		"CREATE VIEW notes AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT n AS id FROM r",
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	view, err := os.ReadFile(viewFile)
	if err != nil {
		t.Fatal(err)
	}

	zeros := strings.Repeat("\x00", 50<<20)
	return []struct {
		name string
		data []byte
		want string
	}{
		{"WrongMagic", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), `the file is not an Anki package: an .apkg is a zip archive, and this file starts with "%PDF-1.7\n%âãÏ"`},
		{"Empty", nil, "the file is empty"},
		{"NotAZip", []byte("PK\x03\x04 and then nothing a zip needs"), "the file is not a valid zip archive"},
		{"ZipBomb", zipOf(t, [2]string{"collection.anki2", zeros}), `"collection.anki2" is compressed 1028 to 1, far more than real files are; refused as a zip bomb`},
		{"PathTraversal", zipOf(t, [2]string{"collection.anki2", string(good)}, [2]string{"../../etc/cron.d/evil", "x"}), `entry named "../../etc/cron.d/evil", which points outside it`},
		{"AbsolutePath", zipOf(t, [2]string{"/tmp/evil", "x"}), `entry named "/tmp/evil"`},
		{"BackslashPath", zipOf(t, [2]string{`..\evil`, "x"}), `entry named "..\\evil"`},
		{"DuplicateEntry", zipOf(t, [2]string{"media", "{}"}, [2]string{"media", "{}"}), `the archive holds "media" twice`},
		{"NoCollection", zipOf(t, [2]string{"media", "{}"}), "the archive holds no Anki collection"},
		{"CorruptSQLite", zipOf(t, [2]string{"collection.anki2", string(corrupt)}), "the package's collection is"},
		{"TruncatedSQLite", zipOf(t, [2]string{"collection.anki2", string(truncated)}), "the package's collection is"},
		{"NotSQLite", zipOf(t, [2]string{"collection.anki2", "this is text, not a database"}), "the package's collection is not a valid SQLite database"},
		{"NotesView", zipOf(t, [2]string{"collection.anki2", string(view)}), "the collection has no notes table; it is not an Anki collection"},
		{"BadMediaList", zipOf(t, [2]string{"collection.anki2", string(good)}, [2]string{"media", `{"0": [1,2`}), "the package's media list is not valid JSON"},
		{"ZstdBomb", zipOf(t, [2]string{"meta", "\x08\x03"}, [2]string{"collection.anki21b", string(zstdOf(t, []byte(strings.Repeat("\x00", 2<<20))))}), "the package's collection.anki21b cannot be decompressed"},
		{"ZstdGarbage", zipOf(t, [2]string{"meta", "\x08\x03"}, [2]string{"collection.anki21b", "\x28\xb5\x2f\xfdgarbage"}), "the package's collection.anki21b cannot be decompressed"},
		{"LatestWithoutCollection", zipOf(t, [2]string{"meta", "\x08\x03"}, [2]string{"collection.anki2", string(good)}), "has no collection.anki21b"},
		{"FutureVersion", zipOf(t, [2]string{"meta", "\x08\x09"}), "the package is of version 9"},
		{"BadMeta", zipOf(t, [2]string{"meta", "\x08"}), "the package's meta member is malformed"},
		{"BadMediaProto", zipOf(t, [2]string{"meta", "\x08\x03"}, [2]string{"collection.anki21b", string(zstdOf(t, collectionOf(t, "testdata/EmNudge-Anki-pwa/example_music_intervals.apkg")))}, [2]string{"media", string(zstdOf(t, []byte("\x0a\xff\x01")))}), "the package's media list is malformed"},
	}
}

func TestRead_Hostile(t *testing.T) {
	old := limits
	defer func() { limits = old }()
	limits.collection = 1 << 20 // so that a small zstd stream is a bomb
	for _, tt := range hostileTests(t) {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(context.Background(), "deck.apkg", bytes.NewReader(tt.data), int64(len(tt.data)))
			var list questions.ErrorList
			if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Msg, tt.want) {
				t.Fatalf("Read error = %v, want one problem containing %q", err, tt.want)
			}
			if list[0].File != "deck.apkg" {
				t.Errorf("problem names file %q, want deck.apkg", list[0].File)
			}
			if len(d.Set.Questions) != 0 || len(d.Reviews) != 0 || len(d.Set.Media) != 0 {
				t.Errorf("Read returned %d questions, %d reviews with its error; want nothing", len(d.Set.Questions), len(d.Reviews))
			}
		})
	}
}

func TestRead_TooManyEntries(t *testing.T) {
	old := limits
	defer func() { limits = old }()
	limits.zip.Entries = 3
	data := zipOf(t, [2]string{"a", ""}, [2]string{"b", ""}, [2]string{"c", ""}, [2]string{"d", ""})
	_, err := Read(context.Background(), "deck.apkg", bytes.NewReader(data), int64(len(data)))
	if err == nil || !strings.Contains(err.Error(), "the archive holds 4 files; at most 3 are accepted") {
		t.Errorf("Read error = %v, want the entry limit", err)
	}
}

// TestRead_Latest builds a package of Anki's latest format (zstd schema 18
// collection, zstd protobuf media list, zstd media file) holding an image,
// a sound and an SVG, from the newest fixture.
func TestRead_Latest(t *testing.T) {
	col, err := unzstd(collectionOf(t, "testdata/EmNudge-Anki-pwa/example_music_intervals.apkg"), 64<<20)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "c.anki21")
	if err := os.WriteFile(file, col, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+file)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"DELETE FROM cards", "DELETE FROM notes",
		`INSERT INTO notes VALUES (1, 'guid-img', 1483568031035, 0, 0, ' pics ', 'Which note is this? <img src="dot.png"> [sound:c.mp3]<img src="logo.svg" alt="Logo">` + "\x1f" + `<b>C</b><img src="logo.svg">', 'x', 0, 0, '')`,
		"INSERT INTO cards VALUES (10, 1, 1741401357760, 0, 0, 0, 2, 2, 0, 3, 2500, 1, 0, 0, 0, 0, 0, '')",
		"INSERT INTO revlog VALUES (1700000000000, 10, 0, 4, 3, -600, 2500, 4000, 1)",
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	col, err = os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	svg := `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="1" onload="alert(2)"/></svg>`
	entry := func(name string, data []byte) []byte {
		sum := sha1.Sum(data)
		e := appendBytesField(nil, 1, []byte(name))
		e = appendVarintField(e, 2, uint64(len(data)))
		return appendBytesField(e, 3, sum[:])
	}
	var list []byte
	list = appendBytesField(list, 1, entry("dot.png", png))
	list = appendBytesField(list, 1, entry("logo.svg", []byte(svg)))
	pkg := zipOf(t,
		[2]string{"meta", "\x08\x03"},
		[2]string{"collection.anki21b", string(zstdOf(t, col))},
		[2]string{"media", string(zstdOf(t, list))},
		[2]string{"0", string(zstdOf(t, png))},
		[2]string{"1", string(zstdOf(t, []byte(svg)))},
	)
	d, err := Read(context.Background(), "latest.apkg", bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	dot := mustMedia(t, "dot.png", png)
	// The SVG comes in sanitised: no script, no event handler.
	cleanSVG, err := questions.SanitizeSVG([]byte(svg))
	if err != nil {
		t.Fatal(err)
	}
	logo := mustMedia(t, "logo.svg", cleanSVG)
	want := questions.Question{Kind: questions.ShortAnswer, ID: "guid-img", Tags: []string{"pics"},
		Category: "1/ Easy - major 2nd, 3rd, perfect 5th", Format: questions.HTML,
		Stem:    `Which note is this? <img src="` + questions.MediaPath(dot.Hash) + `" alt=""> <img src="` + questions.MediaPath(logo.Hash) + `" alt="Logo">`,
		Answers: []questions.Choice{{Text: "C", Weight: 100}}}
	if len(d.Set.Questions) != 1 || !equalQuestion(d.Set.Questions[0], want) {
		t.Fatalf("questions = %+v, want [%+v]", d.Set.Questions, want)
	}
	if len(d.Set.Media) != 2 || d.Set.Media[0].Hash != dot.Hash || d.Set.Media[0].Name != "dot.png" ||
		d.Set.Media[1].Hash != logo.Hash || d.Set.Media[1].Type != "image/svg+xml" || strings.Contains(string(d.Set.Media[1].Data), "script") {
		t.Errorf("media = %+v, want dot.png and the sanitised logo.svg", d.Set.Media)
	}
	wantSkipped := []string{
		`card "Card 1" of note "Which note is this? [sound:c.mp3]" (Basic+): sound "c.mp3" left out: factdrill plays no sound or video`,
		`card "Card 1" of note "Which note is this? [sound:c.mp3]" (Basic+): image "logo.svg" of the answer left out: an answer is text to type`,
		"1 images have no description (alt text) for people who cannot see them; add one in the editor",
	}
	if strings.Join(d.Skipped, "\n") != strings.Join(wantSkipped, "\n") {
		t.Errorf("Skipped = %q, want %q", d.Skipped, wantSkipped)
	}
	if len(d.Reviews) != 1 || d.Reviews[0].Rating != 4 || d.Reviews[0].Kind != KindReview || d.Reviews[0].Interval != 3*24*3600e9 {
		t.Errorf("Reviews = %+v, want one Easy review with a 3-day interval", d.Reviews)
	}
}

func equalQuestion(a, b questions.Question) bool {
	return a.Kind == b.Kind && a.ID == b.ID && strings.Join(a.Tags, " ") == strings.Join(b.Tags, " ") &&
		a.Category == b.Category && a.Stem == b.Stem && a.Format == b.Format && a.Feedback == b.Feedback &&
		len(a.Answers) == len(b.Answers) && (len(a.Answers) == 0 || a.Answers[0] == b.Answers[0])
}
