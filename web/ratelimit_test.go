package web

import (
	"context"
	"testing"
	"time"
)

func TestBucket(t *testing.T) {
	clk := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	b := newBucket(2, time.Minute, clk.now)
	ctx := context.Background()
	steps := []struct {
		after time.Duration
		key   string
		want  bool
	}{
		{0, "a", true}, {0, "a", true}, {0, "a", false}, // the burst, then none
		{0, "b", true},                 // another key has its own
		{29 * time.Second, "a", false}, // one regained every 30 s
		{time.Second, "a", true},
		{0, "a", false},
		{10 * time.Minute, "a", true}, // full again, never more than the burst
		{0, "a", true},
		{0, "a", false},
	}
	for i, s := range steps {
		clk.add(s.after)
		if got, _ := b.Take(ctx, s.key); got != s.want {
			t.Errorf("step %d: Take(%q) = %v, want %v", i, s.key, got, s.want)
		}
	}
}
