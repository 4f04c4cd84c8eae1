package quiz

import (
	"context"
	"fmt"
	"testing"
)

func BenchmarkOptimize(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		h := optSimulate(1, n, optTruth)
		b.Run(fmt.Sprintf("reviews=%d", n), func(b *testing.B) {
			opt := DefaultOptimizeOptions(h)
			for b.Loop() {
				if _, err := Optimize(context.Background(), h, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEvaluateWeights(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		h := optSimulate(1, n, optTruth)
		b.Run(fmt.Sprintf("reviews=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := EvaluateWeights(h, optTruth[:]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
