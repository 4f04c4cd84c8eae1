package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"

	"factdrill/db"
	"factdrill/quiz"
	"factdrill/views"
)

// settingsMemory fills in the settings page's memory model (the learner's
// FSRS-6 weights and their last fit) and the trade-off of desired
// retention simulated with those weights. retention is the retention to
// mark as the learner's (0 for none), newPerDay their daily new cards.
func (s *Server) settingsMemory(ctx context.Context, learnerID int64, retention float64, newPerDay int, m *views.SettingsPage) error {
	f, err := s.store.FSRSState(ctx, learnerID)
	if err != nil {
		return err
	}
	m.Memory = views.MemoryModel{
		Known: learnerID != 0, From: string(f.From), Class: f.Class, Chosen: !f.Auto,
		Reviews: f.Reviews, MinReviews: quiz.MinFitReviews, Requested: f.Requested,
		Last: fitSummary(f.Last), Weights: weightRows(f.Weights),
	}
	workload := f.Workload
	m.WorkloadNote = "Simulated over a year of study with your own weights and answer times as they were at the last fit, " +
		views.Plural(max(newPerDay, 1), "new card") + " a day. Minutes a card is the study time for each card you know at the end: the lower, the better your time is spent."
	if f.From != db.WeightsOwn || workload == nil {
		if workload, err = simulatedWorkload(f.Weights, newPerDay); err != nil {
			return err
		}
		m.WorkloadNote = "Simulated over a year of study with the weights in use and typical answer times, " +
			views.Plural(max(newPerDay, 1), "new card") + " a day. Minutes a card is the study time for each card you know at the end: the lower, the better your time is spent."
	}
	for _, w := range workload {
		pct := int(math.Round(w.DesiredRetention * 100))
		m.Workload = append(m.Workload, views.WorkloadRow{
			Percent: pct, Current: pct == int(math.Round(retention*100)),
			Reviews: strconv.Itoa(int(math.Round(w.ReviewsPerDay))), Minutes: strconv.Itoa(int(math.Round(w.MinutesPerDay))),
			Memorized: strconv.Itoa(int(math.Round(w.Memorized))), PerCard: strconv.FormatFloat(w.MinutesPerMemorized, 'f', 1, 64),
		})
	}
	return nil
}

func fitSummary(f db.FitInfo) views.FitSummary {
	if f.At.IsZero() {
		return views.FitSummary{}
	}
	loss := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	return views.FitSummary{
		Ran: true, When: f.At.Format("2 January 2006"), Reviews: f.Reviews, Items: f.Items, Valid: f.Valid, Note: f.Note,
		Before: loss(f.Before.LogLoss), After: loss(f.After.LogLoss), RMSEBefore: loss(f.Before.RMSEBins), RMSEAfter: loss(f.After.RMSEBins),
		Adopted: f.Adopted,
	}
}

// weightMeanings say what each FSRS-6 weight sets, in a learner's words.
var weightMeanings = [21]string{
	"Memory after a first Again, in days",
	"Memory after a first Hard, in days",
	"Memory after a first Good, in days",
	"Memory after a first Easy, in days",
	"Difficulty of a new card",
	"How much the first answer sets difficulty",
	"How much each answer changes difficulty",
	"How fast difficulty returns to normal",
	"Growth of memory on a successful review",
	"How growth slows as memory gets stronger",
	"How growth rises when the card was nearly forgotten",
	"Memory left after forgetting",
	"How difficulty lowers memory after forgetting",
	"How earlier memory carries over after forgetting",
	"How recall chance carries over after forgetting",
	"Penalty of Hard on a review",
	"Bonus of Easy on a review",
	"Effect of answers on the same day",
	"How same-day answers depend on the rating",
	"How same-day gains shrink as memory grows",
	"Shape of the forgetting curve",
}

// weightRows lists the weights in use (nil: the defaults) beside the
// defaults.
func weightRows(w []float64) []views.WeightRow {
	def := quiz.DefaultWeights()
	if w == nil {
		w = def
	}
	var rows []views.WeightRow
	for i := range def {
		v := def[i]
		if i < len(w) {
			v = w[i]
		}
		rows = append(rows, views.WeightRow{
			Name: fmt.Sprintf("w%d", i), Meaning: weightMeanings[i],
			Value: strconv.FormatFloat(v, 'f', 4, 64), Default: strconv.FormatFloat(def[i], 'f', 4, 64),
			Changed: math.Abs(v-def[i]) >= 0.00005,
		})
	}
	return rows
}

// workloads memoizes simulated workloads: a simulation takes a tenth of a
// second, and the same weights and daily limit always give the same one.
var workloads struct {
	sync.Mutex
	m map[string][]quiz.Workload
}

// maxWorkloads bounds the memo; past it, it starts afresh.
const maxWorkloads = 256

// simulatedWorkload is the trade-off of desired retention for the weights
// w (nil: the defaults) and newPerDay new cards a day, with the typical
// learner's buttons and answer times.
func simulatedWorkload(w []float64, newPerDay int) ([]quiz.Workload, error) {
	if w == nil {
		w = quiz.DefaultWeights()
	}
	newPerDay = max(newPerDay, 1)
	key := fmt.Sprint(w, newPerDay)
	workloads.Lock()
	got, ok := workloads.m[key]
	workloads.Unlock()
	if ok {
		return got, nil
	}
	cfg := quiz.DefaultWorkloadConfig()
	cfg.NewPerDay = newPerDay
	got, err := quiz.SimulateWorkload(w, cfg, quiz.RetentionLevels())
	if err != nil {
		return nil, err
	}
	workloads.Lock()
	if workloads.m == nil || len(workloads.m) >= maxWorkloads {
		workloads.m = map[string][]quiz.Workload{}
	}
	workloads.m[key] = got
	workloads.Unlock()
	return got, nil
}

// settingsFit asks for the learner's weights to be fitted to their answers
// now; the background work fits them within a minute.
func (s *Server) settingsFit(w http.ResponseWriter, r *http.Request) error {
	if _, err := postForm(r); err != nil {
		return err
	}
	if lid := learnerOf(r).ID; lid != 0 {
		if err := s.store.RequestFit(r.Context(), lid); err != nil {
			return err
		}
	}
	redirect(w, r, "/settings?notice=fit-requested")
	return nil
}

// settingsReset puts the learner back on the default weights.
func (s *Server) settingsReset(w http.ResponseWriter, r *http.Request) error {
	if _, err := postForm(r); err != nil {
		return err
	}
	if lid := learnerOf(r).ID; lid != 0 {
		if err := s.store.ResetFSRS(r.Context(), lid); err != nil {
			return err
		}
	}
	redirect(w, r, "/settings?notice=fsrs-reset")
	return nil
}
