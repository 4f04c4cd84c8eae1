package db

import (
	"context"
	"errors"
	"strings"
	"testing"

	"factdrill/questions"
)

// tinyPNG is a 1×1 PNG.
var tinyPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")

// setWithImage is a set of one question showing img.
func setWithImage(t *testing.T, title string, img questions.Media) questions.Set {
	t.Helper()
	return questions.Set{
		Title: title,
		Questions: []questions.Question{{Kind: questions.ShortAnswer, Format: questions.HTML,
			Stem:    `What is this? <img src="` + questions.MediaPath(img.Hash) + `" alt="a dot">`,
			Answers: []questions.Choice{{Text: "a dot", Weight: 100}}}},
		Media:    []questions.Media{img},
		Warnings: questions.ErrorList{{File: title + ".xml", Line: 12, Msg: "audio file \"a.mp3\" was left out"}, {File: title + ".xml", Msg: "the category description is not kept"}},
	}
}

func TestStore_MediaWithSets(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	tc := mustTeacher(t, s, "Rivera")
	img, err := questions.NewMedia("dot.png", tinyPNG)
	if err != nil {
		t.Fatal(err)
	}

	// The same image in two sets is stored once.
	a, err := s.CreateDraftSet(ctx, tc.ID, setWithImage(t, "A", img))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSet(ctx, setWithImage(t, "B", img), ""); err != nil {
		t.Fatal(err)
	}
	var rows int
	s.read.QueryRow("SELECT count(*) FROM media").Scan(&rows)
	if rows != 1 {
		t.Errorf("media rows = %d after two sets with one image, want 1", rows)
	}
	got, err := s.Media(ctx, img.Hash)
	if err != nil || got.Type != "image/png" || string(got.Data) != string(tinyPNG) {
		t.Errorf("Media = %q %d bytes (%v), want the PNG", got.Type, len(got.Data), err)
	}
	if _, err := s.Media(ctx, strings.Repeat("0", 64)); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("Media(unknown) error = %v, want not found", err)
	}

	// Warnings are kept with the set that was imported, in file order.
	warns, err := s.SetWarnings(ctx, a)
	if err != nil || len(warns) != 2 || warns[0].Line != 12 || warns[1].Msg != "the category description is not kept" {
		t.Errorf("SetWarnings = %v (%v), want the two warnings of the file", warns, err)
	}

	// An export gets the images back from the store.
	info, qs, err := s.Set(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	set, err := s.WithMedia(ctx, AsSet(info, qs))
	if err != nil || len(set.Media) != 1 || set.Media[0].Hash != img.Hash || set.Media[0].Check() != nil {
		t.Errorf("WithMedia = %d images (%v), want the stored PNG", len(set.Media), err)
	}
	missing := setWithImage(t, "C", img)
	missing.Questions[0].Stem = `<img src="` + questions.MediaPath(strings.Repeat("f", 64)) + `" alt="">`
	if _, err := s.WithMedia(ctx, missing); questions.ErrorCode(err) != questions.CodeInvalid || !strings.Contains(err.Error(), "question 1") {
		t.Errorf("WithMedia of a set showing an image not stored: error = %v, want invalid naming question 1", err)
	}
}

func TestStore_MediaRefusedLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	img, err := questions.NewMedia("dot.png", tinyPNG)
	if err != nil {
		t.Fatal(err)
	}
	forged := img
	forged.Data = []byte("<html><script>alert(1)</script></html>")
	set := setWithImage(t, "Forged", img)
	set.Media = []questions.Media{img, forged}
	if _, err := s.CreateSet(ctx, set, ""); questions.ErrorCode(err) != questions.CodeInvalid {
		t.Fatalf("CreateSet with a forged image: error = %v, want invalid", err)
	}
	for _, table := range []string{"sets", "questions", "media", "set_warnings"} {
		var n int
		s.read.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after a refused set, want 0", table, n)
		}
	}
	if err := s.PutMedia(ctx, forged); questions.ErrorCode(err) != questions.CodeInvalid {
		t.Errorf("PutMedia(forged) = %v, want invalid", err)
	}
	if err := s.PutMedia(ctx, img); err != nil {
		t.Errorf("PutMedia = %v", err)
	}
	if err := s.PutMedia(ctx, img); err != nil {
		t.Errorf("PutMedia again = %v, want nil (stored once)", err)
	}
}

func TestStore_ImportFolderFileWarnings(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	img, err := questions.NewMedia("dot.png", tinyPNG)
	if err != nil {
		t.Fatal(err)
	}
	set := setWithImage(t, "Folder", img)
	id, _, err := s.ImportFolderFile(ctx, "bank.xml", "h1", set)
	if err != nil {
		t.Fatal(err)
	}
	set.Warnings = set.Warnings[:1]
	if _, _, err := s.ImportFolderFile(ctx, "bank.xml", "h2", set); err != nil {
		t.Fatal(err)
	}
	warns, err := s.SetWarnings(ctx, id)
	if err != nil || len(warns) != 1 {
		t.Errorf("SetWarnings after a re-import = %v (%v), want the one warning of the new file", warns, err)
	}
	if _, err := s.Media(ctx, img.Hash); err != nil {
		t.Errorf("Media of a folder file's image: %v", err)
	}
}

func TestStore_AddQuestionImage(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	tc, other := mustTeacher(t, s, "Rivera"), mustTeacher(t, s, "Okafor")
	img, err := questions.NewMedia("dot.png", tinyPNG)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateDraftSet(ctx, tc.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	_, qs, err := s.TeacherSet(ctx, tc.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	q := qs[0] // a multiple choice in plain text
	if err := s.AddQuestionImage(ctx, other.ID, q.ID, img, "a dot"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another teacher adding an image: %v, want not found", err)
	}
	if err := s.AddQuestionImage(ctx, tc.ID, q.ID, img, "  "); questions.ErrorCode(err) != questions.CodeInvalid {
		t.Errorf("an image without alt text: %v, want invalid", err)
	}
	var n int
	s.read.QueryRow("SELECT count(*) FROM media").Scan(&n)
	if n != 0 {
		t.Fatalf("refused images left %d media rows", n)
	}
	if err := s.AddQuestionImage(ctx, tc.ID, q.ID, img, "a red dot"); err != nil {
		t.Fatal(err)
	}
	_, qs, err = s.TeacherSet(ctx, tc.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	got := qs[0]
	if got.Version != q.Version+1 || got.Format != questions.HTML || !strings.HasSuffix(got.Stem, `<img src="`+questions.MediaPath(img.Hash)+`" alt="a red dot"></p>`) {
		t.Errorf("after adding the image: version %d, format %q, stem %q; want a new HTML version ending with the image", got.Version, got.Format, got.Stem)
	}
	set, err := s.WithMedia(ctx, AsSet(SetInfo{Title: "x"}, qs))
	if err != nil || len(set.Media) != 1 {
		t.Errorf("the set's images = %d (%v), want the one added", len(set.Media), err)
	}
}
