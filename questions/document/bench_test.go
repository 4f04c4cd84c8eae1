package document

import (
	"os"
	"testing"
)

// BenchmarkRead measures each fixture: go test -bench Read ./questions/document/
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"chapter.pdf", "chapter-hyphenated.pdf", "notes.pdf", "chapter.docx", "chapter.odt"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
