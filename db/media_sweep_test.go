package db

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"factdrill/questions"
)

// pngOf is a distinct 1×1 PNG for each n.
func pngOf(t *testing.T, n int) questions.Media {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.NRGBA{R: uint8(n), G: uint8(n >> 8), A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	m, err := questions.NewMedia("dot.png", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestStore_DeleteUnusedMedia: the sweep deletes the images nothing shows
// once their grace period is over, and keeps those a question (in any
// version) shows, those stored within it, and those stored again since.
func TestStore_DeleteUnusedMedia(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	tc := mustTeacher(t, s, "Rivera")
	inSet, deleted, edited, orphan, fresh, again := pngOf(t, 1), pngOf(t, 2), pngOf(t, 3), pngOf(t, 4), pngOf(t, 5), pngOf(t, 6)

	if _, err := s.CreateDraftSet(ctx, tc.ID, setWithImage(t, "Kept", inSet)); err != nil {
		t.Fatal(err)
	}
	gone, err := s.CreateDraftSet(ctx, tc.ID, setWithImage(t, "Deleted", deleted))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSet(ctx, tc.ID, gone); err != nil {
		t.Fatal(err)
	}
	// A question edited so that it no longer shows its image keeps it: the
	// first version is what earlier attempts show.
	ed, err := s.CreateDraftSet(ctx, tc.ID, setWithImage(t, "Edited", edited))
	if err != nil {
		t.Fatal(err)
	}
	_, qs, err := s.Set(ctx, ed)
	if err != nil {
		t.Fatal(err)
	}
	q := qs[0].Question
	q.Stem = "What is a dot?"
	if _, err := s.UpdateQuestion(ctx, tc.ID, ed, qs[0].ID, q); err != nil {
		t.Fatal(err)
	}
	for _, m := range []questions.Media{orphan, again} {
		if err := s.PutMedia(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	later := at(s, t0.Add(48*time.Hour))
	for _, m := range []questions.Media{fresh, again} {
		if err := later.PutMedia(ctx, m); err != nil {
			t.Fatal(err)
		}
	}

	n, err := later.DeleteUnusedMedia(ctx, t0.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("DeleteUnusedMedia = %d, want 2 (the deleted set's image and the one never used)", n)
	}
	for _, c := range []struct {
		name string
		m    questions.Media
		want bool
	}{{"in a set", inSet, true}, {"of a deleted set", deleted, false}, {"of an edited question", edited, true},
		{"never used", orphan, false}, {"stored within the grace period", fresh, true}, {"stored again since", again, true}} {
		_, err := s.Media(ctx, c.m.Hash)
		if got := err == nil; got != c.want {
			t.Errorf("image %s: kept = %v (%v), want %v", c.name, got, err, c.want)
		}
		if err != nil && !errors.Is(err, questions.ErrNotFound) {
			t.Fatal(err)
		}
	}
	if n, err := later.DeleteUnusedMedia(ctx, t0.Add(24*time.Hour)); n != 0 || err != nil {
		t.Errorf("a second sweep deleted %d (%v), want 0", n, err)
	}
}
