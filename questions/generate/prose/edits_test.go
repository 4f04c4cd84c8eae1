package prose

import (
	"math/rand/v2"
	"testing"
)

// WithinEdits, which stops early, agrees with EditDistance.
func TestWithinEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []rune("abcé ")
	word := func() string {
		r := make([]rune, rng.IntN(9))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	pairs := [][2]string{{"yuri", "yury"}, {"salai", "salaino"}, {"", ""}, {"", "ab"}, {"lutovinov", "lutovinov"}}
	for range 50000 {
		pairs = append(pairs, [2]string{word(), word()})
	}
	for _, p := range pairs {
		d := EditDistance(p[0], p[1])
		for k := range 4 {
			if got := WithinEdits(p[0], p[1], k); got != (d <= k) {
				t.Errorf("WithinEdits(%q, %q, %d) = %v, but the distance is %d", p[0], p[1], k, got, d)
			}
		}
	}
}
