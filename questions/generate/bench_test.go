package generate

import (
	"strings"
	"testing"
)

// megabyte builds a document of about 1 MB from varied real text: the
// SQuAD paragraphs and the seed, in a different order on each pass.
func megabyte(b testing.TB) string {
	sq := readSquad(b)
	var parts []string
	for _, a := range sq.Data {
		for _, p := range a.Paragraphs {
			parts = append(parts, p.Context)
		}
	}
	parts = append(parts, seedText(b))
	var sb strings.Builder
	for pass := 0; sb.Len() < 1<<20; pass++ {
		for i := range parts {
			sb.WriteString(parts[(i*7+pass)%len(parts)])
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkGenerate_1MB times a whole set from a 1 MB document; the aim is
// about a second on one core.
func BenchmarkGenerate_1MB(b *testing.B) {
	doc := megabyte(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
