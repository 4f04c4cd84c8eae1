package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

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
		if workload, err = simulatedWorkload(ctx, f.Weights, newPerDay); err != nil {
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
// second of one core, and the same weights and daily limit always give the
// same one. running holds the simulations under way, by key, each with a
// channel closed when it ends, so that the settings pages of many
// visitors asked for at once wait for one simulation instead of each
// running its own (a flood of them once kept both cores busy for seconds).
var workloads struct {
	sync.Mutex
	m       map[string][]quiz.Workload
	running map[string]chan struct{}
}

// maxWorkloads bounds the memo; past it, it starts afresh.
const maxWorkloads = 256

// simulations bounds the simulations that run at once, whatever their
// keys: a learner's own weights each make a new key, and a page that
// waits for its turn costs nothing, where one more simulation would take
// a core from every other request.
var simulations = make(chan struct{}, max(1, runtime.NumCPU()/2))

// simulationsRun counts the simulations run, for tests.
var simulationsRun atomic.Int64

// simulatedWorkload is the trade-off of desired retention for the weights
// w (nil: the defaults) and newPerDay new cards a day, with the typical
// learner's buttons and answer times. It waits for a simulation of the
// same key under way rather than running another.
func simulatedWorkload(ctx context.Context, w []float64, newPerDay int) ([]quiz.Workload, error) {
	if w == nil {
		w = quiz.DefaultWeights()
	}
	newPerDay = max(newPerDay, 1)
	key := fmt.Sprint(w, newPerDay)
	for {
		workloads.Lock()
		if got, ok := workloads.m[key]; ok {
			workloads.Unlock()
			return got, nil
		}
		done, busy := workloads.running[key]
		if !busy {
			break // with the lock held: this call runs the simulation
		}
		workloads.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	done := make(chan struct{})
	if workloads.running == nil {
		workloads.running = map[string]chan struct{}{}
	}
	workloads.running[key] = done
	workloads.Unlock()
	var got []quiz.Workload
	defer func() {
		workloads.Lock()
		if got != nil {
			if workloads.m == nil || len(workloads.m) >= maxWorkloads {
				workloads.m = map[string][]quiz.Workload{}
			}
			workloads.m[key] = got
		}
		delete(workloads.running, key)
		workloads.Unlock()
		close(done)
	}()
	select {
	case simulations <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-simulations }()
	cfg := quiz.DefaultWorkloadConfig()
	cfg.NewPerDay = newPerDay
	simulationsRun.Add(1)
	sim, err := quiz.SimulateWorkload(w, cfg, quiz.RetentionLevels())
	if err != nil {
		return nil, err
	}
	got = sim
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
