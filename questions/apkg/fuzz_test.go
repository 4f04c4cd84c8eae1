package apkg

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// FuzzRead feeds the reader mutated packages: it must never panic, and
// whatever it returns must be a valid set whose reviews point at its
// questions.
func FuzzRead(f *testing.F) {
	for _, name := range []string{
		"testdata/ankitects-anki/update1.apkg",
		"testdata/ankitects-anki/diffmodels2-2.apkg",
		"testdata/eikowagenknecht-srs-converter/empty-latest.apkg",
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(zipOf(f, [2]string{"meta", "\x08\x03"}, [2]string{"media", "\x28\xb5\x2f\xfd\x20\x00\x01\x00\x00"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(context.Background(), "fuzz.apkg", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if len(d.Set.Questions) > 0 {
				t.Fatalf("questions returned with error %v", err)
			}
			return
		}
		if err := d.Set.Validate(); err != nil {
			t.Fatalf("Read returned an invalid set: %v", err)
		}
		for _, r := range d.Reviews {
			if r.Question < 0 || r.Question >= len(d.Set.Questions) {
				t.Fatalf("review points at question %d of %d", r.Question, len(d.Set.Questions))
			}
		}
	})
}
