package apkg

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"
)

// BenchmarkRead reads the largest fixtures: go test -bench . ./questions/apkg/
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"EmNudge-Anki-pwa/example_music_intervals.apkg", "ankidroid-Anki-Android/templates.apkg"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(context.Background(), name, bytes.NewReader(data), int64(len(data))); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWrite writes the 340 questions of the music deck.
func BenchmarkWrite(b *testing.B) {
	data, err := os.ReadFile("testdata/EmNudge-Anki-pwa/example_music_intervals.apkg")
	if err != nil {
		b.Fatal(err)
	}
	d, err := Read(context.Background(), "m.apkg", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Write(context.Background(), io.Discard, d.Set, now); err != nil {
			b.Fatal(err)
		}
	}
}
