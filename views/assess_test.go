package views

import (
	"testing"
	"time"
)

func TestDurationText(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{20 * time.Minute, "20 minutes"},
		{90 * time.Minute, "1 hour 30 minutes"},
		{2 * time.Hour, "2 hours"},
		{90 * time.Second, "1 minute 30 seconds"},
		{6 * time.Second, "6 seconds"},
		{0, "0 seconds"},
	} {
		if got := durationText(c.d); got != c.want {
			t.Errorf("durationText(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}
