package generate

import (
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// megabyte builds a document of about 1 MB from varied real text: the
// SQuAD paragraphs and the seed, in a different order on each pass.
func megabyte(b testing.TB) string { return proseDoc(b, 1<<20) }

// proseDoc builds a document of about size bytes of ordinary prose.
func proseDoc(b testing.TB, size int) string {
	parts := append(squadParagraphs(b), seedText(b))
	var sb strings.Builder
	for pass := 0; sb.Len() < size; pass++ {
		for i := range parts {
			sb.WriteString(parts[(i*7+pass)%len(parts)])
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// oneSentence builds a document of about size bytes that is a single
// sentence: the seed's words, in order again and again, without a mark
// that could end a sentence.
func oneSentence(b testing.TB, size int) string {
	words := strings.Fields(strings.Map(func(r rune) rune {
		if strings.ContainsRune(".!?;:\n", r) {
			return ' '
		}
		return r
	}, seedText(b)))
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(words[i%len(words)])
		sb.WriteByte(' ')
	}
	sb.WriteString("end.")
	return sb.String()
}

// numberDense builds a document of about size bytes of dates and
// quantities, each sentence holding several, all different.
func numberDense(size int) string {
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	var sb strings.Builder
	x := uint32(2463534242)
	next := func(n int) int { // xorshift: varied but the same on every run
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(n))
	}
	for i := 0; sb.Len() < size; i++ {
		// Values from small ranges, so that the same dates and numbers
		// come back again and again, as in a table of figures.
		fmt.Fprintf(&sb, "On %d %s %d, %d,%03d men and %d ships left %d ports, and by %d the %dth regiment counted %d.%d percent more, or %d guns in the %d0s",
			1+next(28), months[next(12)], 1900+next(50), 1+next(9), 100*next(10), 2+next(50), 2+next(40), 1900+next(50), 1+next(90), next(100), next(10), 3+next(90), 190+next(10))
		if i%4 == 3 {
			sb.WriteString(". ")
		} else {
			sb.WriteString("; ")
		}
		if i%32 == 31 {
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkGenerate_1MB times a whole set from a 1 MB document of
// ordinary prose; the aim is about a second on one core.
func BenchmarkGenerate_1MB(b *testing.B) {
	benchDoc(b, megabyte(b))
}

// BenchmarkGenerate_Linear times documents of 100 KB, 1 MB and 2 MB of
// three shapes: ordinary prose, one sentence, and dense dates and
// numbers. Time and peak heap (peak-MB) must grow in proportion to the
// size.
func BenchmarkGenerate_Linear(b *testing.B) {
	shapes := []struct {
		name string
		doc  func(size int) string
	}{
		{"Prose", func(size int) string { return proseDoc(b, size) }},
		{"OneSentence", func(size int) string { return oneSentence(b, size) }},
		{"NumberDense", numberDense},
	}
	for _, sh := range shapes {
		for _, size := range []int{100 << 10, 1 << 20, 2 << 20} {
			doc := sh.doc(size)
			b.Run(fmt.Sprintf("%s/%dKB", sh.name, size>>10), func(b *testing.B) { benchDoc(b, doc) })
		}
	}
}

// benchDoc generates a set from doc b.N times and reports the peak heap
// in use, sampled while it runs.
func benchDoc(b *testing.B, doc string) {
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	runtime.GC()
	base := heapInUse(heapSamples())
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		samples := heapSamples() // made once: the samples allocate nothing
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if h := heapInUse(samples); h > peak.Load() {
					peak.Store(h)
				}
			}
		}
	}()
	for b.Loop() {
		if _, _, err := GenerateContext(context.Background(), doc, Options{}); err != nil && err != ErrNoQuestions {
			b.Fatal(err)
		}
	}
	close(stop)
	<-done
	if p := peak.Load(); p > base {
		b.ReportMetric(float64(p-base)/(1<<20), "peak-MB")
	}
}

// heapInUse is runtime.MemStats.HeapInuse (the bytes of the heap's spans
// in use), read into samples (see heapSamples) through runtime/metrics:
// runtime.ReadMemStats stops the world (some 20 µs with a heap of 150
// MB), which a sample every 5 ms would add to the time measured, where
// metrics.Read takes under 1 µs and stops nothing.
func heapInUse(samples []metrics.Sample) uint64 {
	metrics.Read(samples)
	return samples[0].Value.Uint64() + samples[1].Value.Uint64()
}

// heapSamples are the metrics whose sum is HeapInuse.
func heapSamples() []metrics.Sample {
	return []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
}
