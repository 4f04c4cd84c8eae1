package web

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// studyHistory has the learner of b study a set of n short-answer cards
// through the store every day for days days, recalling each card with the
// chance a learner who forgets fast would (quiz's weights below), from
// the env's clock on; b visits the site every day, so that its session
// stays alive. It returns the set's id.
func (e *env) studyHistory(b *browser, learnerID int64, n, days int) int64 {
	e.t.Helper()
	ctx := context.Background()
	set := questions.Set{Title: "Words"}
	for i := range n {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer,
			Stem: fmt.Sprintf("Word %d?", i+1), Answers: []questions.Choice{{Text: fmt.Sprintf("w%d", i+1), Weight: 100}}})
	}
	setID, err := e.store.CreateSet(ctx, set, "")
	if err != nil {
		e.t.Fatal(err)
	}
	cfg := quiz.DefaultSchedulerConfig()
	cfg.Weights = []float64{0.1, 0.8, 1.8, 6, 6.8, 0.7, 2.6, 0.02, 1.6, 0.2, 0.9, 1.3, 0.08, 0.22, 1.8, 0.5, 1.7, 0.6, 0.2, 0.1, 0.25}
	mind, err := quiz.NewScheduler(cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	memory := map[int64]quiz.Card{}
	for range days {
		b.get("/me")
		start := e.clock.now()
		for {
			st, err := e.store.Study(ctx, learnerID, setID, quiz.StudyOptions{})
			if err != nil {
				e.t.Fatal(err)
			}
			if st.Card == nil {
				break
			}
			qid, now := st.Card.Question.ID, e.clock.now()
			p := 0.8
			if st.Card.Card.State == quiz.StateReview {
				p = mind.Retrievability(memory[qid], now)
			}
			r := quiz.RatingAgain
			if rng.Float64() < p {
				r = quiz.RatingGood
			}
			if _, err := e.store.Review(ctx, db.ReviewInput{LearnerID: learnerID, SetID: setID, QuestionID: qid, Rating: r, Reps: -1, Taken: 6 * time.Second}); err != nil {
				e.t.Fatal(err)
			}
			memory[qid] = mind.Next(memory[qid], r, now, qid)
			e.clock.add(30 * time.Second)
		}
		e.clock.add(start.Add(24 * time.Hour).Sub(e.clock.now()))
	}
	return setID
}

// TestSettings_Memory follows the settings page's memory model: the
// defaults and the trade-off of retention for a new learner; a fit asked
// for, made by the background work, shown with its log loss and weights;
// and the way back to the defaults.
func TestSettings_Memory(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	r := b.get("/settings")
	page := parseHTML(t, r.body)
	if got := page.Find(`[data-testid="memory-from"]`).Text(); !strings.Contains(got, "default weights") {
		t.Errorf("a visitor's memory model says %q, want the default weights", got)
	}
	if page.Find(`[data-testid="fit-now"]`).Length() != 0 {
		t.Error("a visitor is offered a fit")
	}
	if n := page.Find(`[data-testid="weights"] tbody tr`).Length(); n != 21 {
		t.Errorf("the weights table has %d rows, want 21", n)
	}
	for _, pct := range []string{"80", "85", "90", "95"} {
		if page.Find(`[data-testid="tradeoff-`+pct+`"]`).Length() != 1 {
			t.Errorf("the trade-off has no row for %s%%", pct)
		}
	}
	if got := page.Find(`tr[aria-current="true"]`).AttrOr("data-testid", ""); got != "tradeoff-90" {
		t.Errorf("the current retention row is %q, want tradeoff-90", got)
	}

	// A learner with a history asks for a fit; the background work makes it.
	b.answer(b.studyPage(e.studyPath("")), "3")
	lid, err := e.learnerID(b)
	if err != nil {
		t.Fatal(err)
	}
	e.studyHistory(b, lid, 60, 200)
	r = b.post("/settings/fsrs/fit", nil)
	if r.status != http.StatusSeeOther || r.location != "/settings?notice=fit-requested" {
		t.Fatalf("ask for a fit = %d to %q", r.status, r.location)
	}
	mustContain(t, "requested", b.get(r.location).body, "within a minute", `data-testid="fit-waiting"`)
	rep, ok, err := e.store.FitDue(context.Background())
	if err != nil || !ok || rep.Learner != lid {
		t.Fatalf("FitDue = %v, %v, %v; want learner %d fitted", rep, ok, err, lid)
	}
	t.Log(rep)
	page = parseHTML(t, b.get("/settings").body)
	if page.Find(`[data-testid="fit-waiting"]`).Length() != 0 {
		t.Error("the page still says a fit is on its way")
	}
	for id, want := range map[string]string{
		"loss-before": fmt.Sprintf("%.4f", rep.Fit.Before.LogLoss),
		"loss-after":  fmt.Sprintf("%.4f", rep.Fit.After.LogLoss),
	} {
		if got := page.Find(`[data-testid="` + id + `"]`).Text(); got != want {
			t.Errorf("%s shows %q, want %q", id, got, want)
		}
	}
	verdict := page.Find(`[data-testid="fit-verdict"]`).Text()
	if rep.Fit.Adopted != strings.Contains(verdict, "Adopted") {
		t.Errorf("the verdict says %q for a fit adopted %v", verdict, rep.Fit.Adopted)
	}
	if !rep.Fit.Adopted {
		t.Fatalf("the fit was not adopted (%v); the rest of the test needs one", rep)
	}
	if got := page.Find(`[data-testid="memory-from"]`).Text(); !strings.Contains(got, "fitted to your own answers") {
		t.Errorf("after the fit the memory model says %q", got)
	}
	w0 := page.Find(`[data-testid="weights"] tbody tr`).First().Find("td.num").First().Text()
	if want := fmt.Sprintf("%.4f", rep.Fit.Weights[0]); w0 != want {
		t.Errorf("w0 in use shows %q, want %q", w0, want)
	}

	// Back to the defaults.
	r = b.post("/settings/fsrs/reset", nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("reset = %d", r.status)
	}
	page = parseHTML(t, b.get(r.location).body)
	if got := page.Find(`[data-testid="memory-from"]`).Text(); !strings.Contains(got, "as you chose") {
		t.Errorf("after going back to the defaults the memory model says %q", got)
	}
	if page.Find(`[data-testid="fsrs-reset"]`).Length() != 0 {
		t.Error("the defaults still offer to go back to the defaults")
	}
}

// TestClassMemory has a teacher fit weights to their class's answers: the
// class's memory model shows the fit, and a student who joins with no
// answers of their own is scheduled with the class's weights.
func TestClassMemory(t *testing.T) {
	w := newWorld(t)
	w.env.studyHistory(w.sA, w.learnerA, 60, 200)
	w.tA.login("Teacher A") // the login of 200 days ago has ended
	page := fmt.Sprintf("/teacher/classes/%d/fsrs", w.classA.ID)
	mustContain(t, "class page", w.tA.get(fmt.Sprintf("/teacher/classes/%d", w.classA.ID)).body, `href="`+page+`" data-testid="class-memory"`)
	mustContain(t, "before", w.tA.get(page).body, "The class has no weights of its own")
	r := w.tA.post(page+"/fit", nil)
	if r.status != http.StatusSeeOther || r.location != page+"?notice=class-fit-requested" {
		t.Fatalf("ask for the class's fit = %d to %q", r.status, r.location)
	}
	mustContain(t, "requested", w.tA.get(r.location).body, "A fit is on its way")
	reports, err := w.store.FitAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 2 || reports[1].Class != w.classA.ID || !reports[1].Fit.Adopted {
		t.Fatalf("FitAll = %v; want student A, then class A adopted", reports)
	}
	doc := parseHTML(t, w.tA.get(page).body)
	if got := doc.Find(`[data-testid="fit-verdict"]`).Text(); !strings.HasPrefix(got, "Adopted") {
		t.Errorf("the class's verdict = %q, want Adopted", got)
	}
	if n := doc.Find(`[data-testid="weights"] tbody tr`).Length(); n != 21 {
		t.Errorf("the class's weights table has %d rows, want 21", n)
	}
	newcomer := w.env.browser()
	newcomer.join(w.classA, "Newcomer")
	if got := parseHTML(t, newcomer.get("/settings").body).Find(`[data-testid="memory-from"]`).Text(); !strings.Contains(got, "your class Class of Teacher A") {
		t.Errorf("a newcomer's memory model says %q, want the class's weights", got)
	}
	if got := parseHTML(t, w.sA.get("/settings").body).Find(`[data-testid="memory-from"]`).Text(); !strings.Contains(got, "your own answers") {
		t.Errorf("student A's memory model says %q, want their own weights", got)
	}
	r = w.tA.post(page+"/reset", nil)
	mustContain(t, "reset", w.tA.get(r.location).body, "no longer used", "The class has no weights of its own")
}

// TestSimulatedWorkload_Once asks for one workload from many pages at
// once: one simulation runs, and every page gets its result.
func TestSimulatedWorkload_Once(t *testing.T) {
	const pages = 8
	before := simulationsRun.Load()
	start := make(chan struct{})
	got := make([][]quiz.Workload, pages)
	errs := make([]error, pages)
	var wg sync.WaitGroup
	for i := range pages {
		wg.Go(func() {
			<-start
			got[i], errs[i] = simulatedWorkload(context.Background(), nil, 987)
		})
	}
	close(start)
	wg.Wait()
	for i := range pages {
		if errs[i] != nil {
			t.Fatalf("page %d: %v", i, errs[i])
		}
		if !reflect.DeepEqual(got[i], got[0]) {
			t.Errorf("page %d got %v, want %v", i, got[i], got[0])
		}
	}
	if n := simulationsRun.Load() - before; n != 1 {
		t.Errorf("got %d simulations for one key, want 1", n)
	}
}

// TestSimulatedWorkload_Gone: a page whose visitor went away while it
// waited for its turn gives up, and leaves nothing behind that would make
// the next page wait.
func TestSimulatedWorkload_Gone(t *testing.T) {
	for range cap(simulations) {
		simulations <- struct{}{}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := simulatedWorkload(ctx, nil, 988)
	for range cap(simulations) {
		<-simulations
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v while every turn was taken, want context.Canceled", err)
	}
	if _, err := simulatedWorkload(context.Background(), nil, 988); err != nil {
		t.Fatalf("the next page: %v", err)
	}
}
