package views

import "testing"

func TestNavigator(t *testing.T) {
	answered := func(n int, done ...int) []bool {
		out := make([]bool, n)
		for _, i := range done {
			out[i-1] = true
		}
		return out
	}
	all := make([]int, 0, 120)
	for i := 1; i <= 120; i++ {
		all = append(all, i)
	}
	for _, c := range []struct {
		name     string
		number   int
		answered []bool
		want     navigator
	}{
		{"short quiz", 2, answered(7, 1, 2), navigator{From: 1, To: 7, NextUnanswered: 3, Unanswered: 5}},
		{"wraps round", 7, answered(7, 3, 4, 5, 6, 7), navigator{From: 1, To: 7, NextUnanswered: 1, Unanswered: 2}},
		{"all answered", 3, answered(3, 1, 2, 3), navigator{From: 1, To: 3}},
		{"first block", 10, answered(120), navigator{Paged: true, From: 1, To: 50, Next: 51, NextUnanswered: 11, Unanswered: 120}},
		{"middle block", 50 + 1, answered(120), navigator{Paged: true, From: 51, To: 100, Prev: 1, Next: 101, NextUnanswered: 52, Unanswered: 120}},
		{"last block", 120, answered(120, all[:119]...), navigator{Paged: true, From: 101, To: 120, Prev: 51, Unanswered: 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := QuestionPage{Number: c.number, Count: len(c.answered), Answered: c.answered}.navigator()
			if got != c.want {
				t.Errorf("navigator() = %+v, want %+v", got, c.want)
			}
		})
	}
}
