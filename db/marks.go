package db

import "math/bits"

// Marks says, for each position of an attempt, whether it has an answer
// and whether the learner flagged it, one bit each: the question page of
// a 5,000-question attempt neither copies nor walks 5,000 of anything to
// draw its navigator (its word scans are 64 positions a step). A Marks is
// never changed once made (the read cache makes a new one for each
// answer), so it is shared without copying.
type Marks struct {
	n                 int
	answered, flagged []uint64
}

// MarkFilter picks positions of an attempt by their marks.
type MarkFilter int

// The filters of the question navigator.
const (
	AllQuestions MarkFilter = iota
	Unanswered
	Flagged
)

// NewMarks returns the marks of n positions, the positions listed in
// answered and flagged marked so (those out of range are left out).
func NewMarks(n int, answered, flagged []int) Marks {
	m := newMarks(n)
	for _, p := range answered {
		m = m.with(p, true, m.Flagged(p))
	}
	for _, p := range flagged {
		m = m.with(p, m.Answered(p), true)
	}
	return m
}

func newMarks(n int) Marks {
	words := (n + 63) / 64
	return Marks{n: n, answered: make([]uint64, words), flagged: make([]uint64, words)}
}

// Len is the number of positions.
func (m Marks) Len() int { return m.n }

// Answered reports whether position pos has an answer.
func (m Marks) Answered(pos int) bool { return bit(m.answered, pos) }

// Flagged reports whether the learner flagged position pos.
func (m Marks) Flagged(pos int) bool { return bit(m.flagged, pos) }

func bit(ws []uint64, pos int) bool {
	return pos >= 0 && pos/64 < len(ws) && ws[pos/64]&(1<<(pos%64)) != 0
}

// with returns m with position pos answered or not and flagged or not;
// m itself is left as it was.
func (m Marks) with(pos int, answered, flagged bool) Marks {
	set := func(ws []uint64, on bool) []uint64 {
		if pos < 0 || pos >= m.n || bit(ws, pos) == on {
			return ws
		}
		c := append([]uint64(nil), ws...)
		c[pos/64] ^= 1 << (pos % 64)
		return c
	}
	m.answered, m.flagged = set(m.answered, answered), set(m.flagged, flagged)
	return m
}

// word is the i-th word of the positions f picks.
func (m Marks) word(f MarkFilter, i int) uint64 {
	var w uint64
	switch f {
	case Unanswered:
		w = ^m.answered[i]
	case Flagged:
		w = m.flagged[i]
	default:
		w = ^uint64(0)
	}
	if rest := m.n - i*64; rest < 64 {
		w &= 1<<rest - 1
	}
	return w
}

// Has reports whether f picks position pos.
func (m Marks) Has(f MarkFilter, pos int) bool {
	return pos >= 0 && pos < m.n && m.word(f, pos/64)&(1<<(pos%64)) != 0
}

// Count is how many positions f picks.
func (m Marks) Count(f MarkFilter) int {
	if f == AllQuestions {
		return m.n
	}
	c := 0
	for i := range m.answered {
		c += bits.OnesCount64(m.word(f, i))
	}
	return c
}

// Rank is how many of the positions f picks come before pos.
func (m Marks) Rank(f MarkFilter, pos int) int {
	pos = min(max(pos, 0), m.n)
	c := 0
	for i := range pos / 64 {
		c += bits.OnesCount64(m.word(f, i))
	}
	if r := pos % 64; r > 0 {
		c += bits.OnesCount64(m.word(f, pos/64) & (1<<r - 1))
	}
	return c
}

// Positions lists the positions f picks, in order, leaving out the first
// skip of them and stopping at limit.
func (m Marks) Positions(f MarkFilter, skip, limit int) []int {
	var out []int
	for i := range m.answered {
		w := m.word(f, i)
		if c := bits.OnesCount64(w); skip >= c {
			skip -= c
			continue
		}
		for ; w != 0 && len(out) < limit; w &= w - 1 {
			if skip > 0 {
				skip--
				continue
			}
			out = append(out, i*64+bits.TrailingZeros64(w))
		}
		if len(out) == limit {
			break
		}
	}
	return out
}

// Next is the first position after pos, wrapping round past the last,
// that f picks, other than pos itself; -1 when there is none.
func (m Marks) Next(f MarkFilter, pos int) int {
	if m.n == 0 {
		return -1
	}
	pos = min(max(pos, 0), m.n-1)
	if ps := m.Positions(f, m.Rank(f, pos+1), 1); len(ps) == 1 {
		return ps[0]
	}
	if ps := m.Positions(f, 0, 1); len(ps) == 1 && ps[0] != pos {
		return ps[0]
	}
	return -1
}
