package db

import (
	"reflect"
	"testing"
)

// TestMarks checks each question of Marks against the plain answer, a
// walk over bools, on lengths around the word's edges.
func TestMarks(t *testing.T) {
	for _, n := range []int{0, 1, 7, 63, 64, 65, 130, 200} {
		m := newMarks(n)
		answered, flagged := make([]bool, n), make([]bool, n)
		for p := range n {
			a, f := p%3 == 0 || p == n-1, p%5 == 2
			m = m.with(p, a, f)
			answered[p], flagged[p] = a, f
		}
		if n > 4 {
			// Changes made afresh leave the marks before them alone.
			before := m
			m = m.with(4, !answered[4], !flagged[4])
			answered[4], flagged[4] = !answered[4], !flagged[4]
			if before.Answered(4) == m.Answered(4) || before.Flagged(4) == m.Flagged(4) {
				t.Fatalf("n=%d: with changed the marks it was called on", n)
			}
		}
		picks := map[MarkFilter]func(p int) bool{
			AllQuestions: func(int) bool { return true },
			Unanswered:   func(p int) bool { return !answered[p] },
			Flagged:      func(p int) bool { return flagged[p] },
		}
		for f, pick := range picks {
			var want []int
			for p := range n {
				if m.Answered(p) != answered[p] || m.Flagged(p) != flagged[p] {
					t.Fatalf("n=%d position %d: marks %v %v, want %v %v", n, p, m.Answered(p), m.Flagged(p), answered[p], flagged[p])
				}
				if m.Rank(f, p) != len(want) {
					t.Fatalf("n=%d filter %d: Rank(%d) = %d, want %d", n, f, p, m.Rank(f, p), len(want))
				}
				if pick(p) {
					want = append(want, p)
				}
			}
			if got := m.Count(f); got != len(want) {
				t.Errorf("n=%d filter %d: Count = %d, want %d", n, f, got, len(want))
			}
			for skip := 0; skip <= len(want)+1; skip += 3 {
				got := m.Positions(f, skip, 5)
				end := min(skip+5, len(want))
				if w := want[min(skip, len(want)):end]; !(len(got) == 0 && len(w) == 0) && !reflect.DeepEqual(got, w) {
					t.Errorf("n=%d filter %d: Positions(%d, 5) = %v, want %v", n, f, skip, got, w)
				}
			}
			for p := range n {
				next := -1
				for k := 1; k < n; k++ {
					if q := (p + k) % n; pick(q) {
						next = q
						break
					}
				}
				if got := m.Next(f, p); got != next {
					t.Errorf("n=%d filter %d: Next(%d) = %d, want %d", n, f, p, got, next)
				}
			}
		}
	}
}
