package quiz

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// This file holds the FSRS-6 optimiser's input, a learner's review history
// as plain values, and turns it into the items fsrs-rs trains on and
// scores: one item per answer given a day or more after the card's
// previous answer, holding that card's answers up to it.

// DayReview is one answer in a learner's review history, placed on the
// learner's calendar.
type DayReview struct {
	// Day is the learner day of the answer, as Scheduler.Day counts it
	// (days start at the learner's rollover hour in their time zone).
	// Only differences between days matter: FSRS sees the whole days
	// since the card's previous answer.
	Day int
	// Rating is the answer given.
	Rating Rating
	// Seq orders answers to different cards given on the same day, oldest
	// first; NewReviewHistory stores Unix milliseconds. Answers with equal
	// Day and Seq keep the order of their cards in the history.
	Seq int64
	// Taken is how long the answer took; zero when unknown. Only the
	// retention simulator uses it.
	Taken time.Duration
}

// CardHistory is one card's answers, oldest first.
type CardHistory []DayReview

// ReviewHistory is a learner's review history: every card's answers. A
// card reset to new (forgotten on purpose) should start a new CardHistory,
// as Anki does, since FSRS cannot tell a reset from a lapse.
type ReviewHistory struct {
	Cards []CardHistory
}

// TimedReview is one answer as the product stores it: the rating, when it
// was given, and how long it took (zero when unknown).
type TimedReview struct {
	ReviewLog
	Taken time.Duration
}

// NewReviewHistory builds a review history from each card's answers with
// real timestamps, counting days as the scheduler and Anki do: a day
// starts at rolloverHour (0 to 23) in loc (nil means UTC). Each card's
// answers are put in time order and cards in the order of their first
// answer; Seq is an answer's Unix milliseconds, so the items come out in
// time order, as Anki orders them for fsrs-rs. Cards without answers are
// left out. It fails on a rating other than 1 to 4 or a bad rollover hour.
func NewReviewHistory(cards [][]TimedReview, loc *time.Location, rolloverHour int) (ReviewHistory, error) {
	cfg := DefaultSchedulerConfig()
	cfg.Location, cfg.RolloverHour = loc, rolloverHour
	calendar, err := NewScheduler(cfg)
	if err != nil {
		return ReviewHistory{}, fmt.Errorf("quiz: review history: %w", err)
	}
	type card struct {
		first   time.Time
		reviews []TimedReview
	}
	var sorted []card
	for i, rs := range cards {
		if len(rs) == 0 {
			continue
		}
		rs = slices.Clone(rs)
		slices.SortStableFunc(rs, func(a, b TimedReview) int { return a.Time.Compare(b.Time) })
		for _, r := range rs {
			if !r.Rating.valid() {
				return ReviewHistory{}, fmt.Errorf("quiz: review history: card %d, answer at %s: rating %d, want 1 to 4", i+1, r.Time.UTC().Format(time.RFC3339), r.Rating)
			}
		}
		sorted = append(sorted, card{rs[0].Time, rs})
	}
	slices.SortStableFunc(sorted, func(a, b card) int { return a.first.Compare(b.first) })
	h := ReviewHistory{Cards: make([]CardHistory, len(sorted))}
	for i, c := range sorted {
		ch := make(CardHistory, len(c.reviews))
		for j, r := range c.reviews {
			ch[j] = DayReview{Day: calendar.Day(r.Time), Rating: r.Rating, Seq: r.Time.UnixMilli(), Taken: r.Taken}
		}
		h.Cards[i] = ch
	}
	return h, nil
}

// Reviews returns the number of answers in the history.
func (h ReviewHistory) Reviews() int {
	n := 0
	for _, c := range h.Cards {
		n += len(c)
	}
	return n
}

// validate reports the first answer with a rating other than 1 to 4 or a
// day before the card's previous answer.
func (h ReviewHistory) validate() error {
	for i, c := range h.Cards {
		for j, r := range c {
			if !r.Rating.valid() {
				return fmt.Errorf("quiz: review history: card %d, answer %d: rating %d, want 1 to 4", i+1, j+1, r.Rating)
			}
			if j > 0 && r.Day < c[j-1].Day {
				return fmt.Errorf("quiz: review history: card %d, answer %d: day %d is before day %d of the answer before", i+1, j+1, r.Day, c[j-1].Day)
			}
		}
	}
	return nil
}

// optLog is a review history flattened for the optimiser: every card's
// answers one after another, and the items in canonical order.
type optLog struct {
	rating []int8  // 1 to 4
	delta  []int32 // whole days since the card's previous answer; optFirst for its first
	items  []optItem
}

// optItem is one prediction: the answers rating[off:off+n] of one card,
// the last of which, given delta[off+n-1] > 0 days after the one before,
// is predicted from the others.
type optItem struct {
	off, n int32
}

// newOptLog validates h and builds its items. Same-day answers stay in the
// items' histories but never become an item's last answer: FSRS predicts
// nothing for them (R is 1 after no time). Items are ordered by the day of
// their last answer, then its Seq, then the card's place in the history,
// which fsrs-rs needs: it weights items by position.
func newOptLog(h ReviewHistory) (*optLog, error) {
	if err := h.validate(); err != nil {
		return nil, err
	}
	n := h.Reviews()
	l := &optLog{rating: make([]int8, 0, n), delta: make([]int32, 0, n)}
	type key struct {
		day  int
		seq  int64
		card int
		item optItem
	}
	var keys []key
	for ci, c := range h.Cards {
		off := int32(len(l.rating))
		for j, r := range c {
			d := int32(optFirst)
			if j > 0 {
				gap := r.Day - c[j-1].Day // validate saw it is not negative, so < 0 is overflow
				if gap < 0 || gap > optMaxDelta {
					gap = optMaxDelta
				}
				d = int32(gap)
			}
			l.rating = append(l.rating, int8(r.Rating))
			l.delta = append(l.delta, d)
			if d > 0 {
				keys = append(keys, key{r.Day, r.Seq, ci, optItem{off, int32(j + 1)}})
			}
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.seq, b.seq), cmp.Compare(a.card, b.card), cmp.Compare(a.item.n, b.item.n))
	})
	l.items = make([]optItem, len(keys))
	for i, k := range keys {
		l.items[i] = k.item
	}
	return l, nil
}

// optFirst marks a card's first answer in optLog.delta.
const optFirst = -1

// optMaxDelta caps the days between two answers: no memory model cares
// about gaps longer than a thousand years, and the cap keeps day counts in
// 32 bits whatever a caller passes.
const optMaxDelta = 365_000

// last is the index in the log of the item's predicted answer.
func (it optItem) last() int32 { return it.off + it.n - 1 }

// longTerm counts the item's answers given a day or more after the one
// before, the predicted one included.
func (l *optLog) longTerm(it optItem) int {
	n := 0
	for _, d := range l.delta[it.off : it.off+it.n] {
		if d > 0 {
			n++
		}
	}
	return n
}

// firstLongTerm is the index of the item's first answer given a day or
// more after the one before.
func (l *optLog) firstLongTerm(it optItem) int32 {
	for i := it.off + 1; i < it.off+it.n; i++ {
		if l.delta[i] > 0 {
			return i
		}
	}
	return it.last() // unreachable: an item's last answer is long-term
}

// recalled reports whether the item's predicted answer was a pass.
func (l *optLog) recalled(it optItem) bool { return l.rating[it.last()] > 1 }
