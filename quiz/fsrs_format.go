package quiz

import (
	"math"
	"strconv"
	"time"
)

// Units of FormatInterval, as in Anki's timespan.rs: a month is a twelfth
// of a 365-day year.
const (
	fsrsMinute = 60.0
	fsrsHour   = 60 * fsrsMinute
	fsrsDay    = 24 * fsrsHour
	fsrsMonth  = 30.417 * fsrsDay
	fsrsYear   = 365 * fsrsDay
)

// FormatInterval is the short text Anki shows above an answer button for a
// delay d: the largest unit under which d fits ("s", "m", "h", "d", "mo",
// "y"), seconds, minutes and days as whole numbers, hours, months and years
// to one decimal, dropping a trailing ".0": "45s", "6m", "1.5h", "11d",
// "3.2mo", "1.1y". IntervalLabel applies it to an answer button.
func FormatInterval(d time.Duration) string {
	secs := d.Seconds()
	var amount float64
	var unit string
	switch abs := math.Abs(secs); {
	case abs < fsrsMinute:
		amount, unit = math.Round(secs), "s"
	case abs < fsrsHour:
		amount, unit = math.Round(secs/fsrsMinute), "m"
	case abs < fsrsDay:
		amount, unit = math.Round(secs/fsrsHour*10)/10, "h"
	case abs < fsrsMonth:
		amount, unit = math.Round(secs/fsrsDay), "d"
	case abs < fsrsYear:
		amount, unit = math.Round(secs/fsrsMonth*10)/10, "mo"
	default:
		amount, unit = math.Round(secs/fsrsYear*10)/10, "y"
	}
	return strconv.FormatFloat(amount, 'f', -1, 64) + unit
}

// IntervalLabel is the text above the answer button that would turn a card
// into next when answered at now (one of Scheduler.Preview's results): the
// delay to next.Due, counted in whole days when next is scheduled in days,
// so that a clock change does not turn "1d" into "23h".
func IntervalLabel(next Card, now time.Time) string {
	if next.ScheduledDays > 0 {
		return FormatInterval(time.Duration(next.ScheduledDays) * 24 * time.Hour)
	}
	return FormatInterval(next.Due.Sub(now))
}
