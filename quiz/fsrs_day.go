package quiz

import "time"

// This file holds the learner's calendar: days start at the rollover hour
// in the learner's time zone, as in Anki ("next day starts at", SPEC §6).
// Elapsed days, "due today" and review-card due dates all count these days.

// Day returns the learner's day number for t: the days since 1970-01-01 in
// the scheduler's location, each day starting at the rollover hour. With the
// default 4 AM rollover, a review at 1 AM belongs to the day before.
func (s *Scheduler) Day(t time.Time) int {
	_, offset := t.In(s.loc).Zone()
	secs := t.Unix() + int64(offset) - int64(s.cfg.RolloverHour)*3600
	day := secs / 86400
	if secs%86400 < 0 {
		day--
	}
	return int(day)
}

// DayBounds returns the instants, in UTC, at which the learner's day holding
// t starts and the next one starts: a card is due today when it falls due
// before end. A day is 23 or 25 hours long when the clocks change.
func (s *Scheduler) DayBounds(t time.Time) (start, end time.Time) {
	local := t.In(s.loc)
	y, m, d := local.Date()
	if local.Hour() < s.cfg.RolloverHour {
		d--
	}
	return s.dayStart(y, m, d), s.dayStart(y, m, d+1)
}

// dayStart returns, in UTC, the instant the learner's day of the date y-m-d
// starts: the rollover hour of that date; when the clocks jump over that
// hour, the moment they jump; when they go back over it, its first
// occurrence. (time.Date may pick either side of a clock change.)
func (s *Scheduler) dayStart(y int, m time.Month, d int) time.Time {
	start := time.Date(y, m, d, s.cfg.RolloverHour, 0, 0, 0, s.loc)
	want := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	if s.Day(start) < want {
		_, start = start.ZoneBounds()
		return start.UTC()
	}
	if changed, _ := start.ZoneBounds(); !changed.IsZero() {
		_, before := changed.Add(-time.Second).Zone()
		_, after := start.Zone()
		if back := time.Duration(before-after) * time.Second; back > 0 {
			if first := start.Add(-back); first.Before(changed) && s.Day(first) == want {
				start = first
			}
		}
	}
	return start.UTC()
}

// elapsedDays is t in the FSRS formulas: learner days from last to now, 0
// for a review on the same learner day, never negative.
func (s *Scheduler) elapsedDays(last, now time.Time) int {
	return max(s.Day(now)-s.Day(last), 0)
}

// addDays returns the same wall-clock time days learner days after t, in
// UTC, so that a due date stays on the intended day across clock changes.
// When that wall-clock time falls in a clock change's gap and the shift
// would cross the rollover, the result moves back onto the intended day.
func (s *Scheduler) addDays(t time.Time, days int) time.Time {
	due := t.In(s.loc).AddDate(0, 0, days)
	if got, want := s.Day(due), s.Day(t)+days; got != want {
		due = due.Add(time.Duration(want-got) * time.Hour)
	}
	return due.UTC()
}
