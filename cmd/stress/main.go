// Command stress replays the attacks of issue 14 against a real factdrill
// server and prints, for each, the server's peak resident memory, the
// latency of /healthz while it ran (p50 and p99) and the outcome.
//
// It builds nothing: give it a factdrill binary. It starts the server on
// a fresh database in a temporary folder, on loopback only, and talks to
// it from many loopback addresses (127.0.0.0/8 is all local), so that
// per-address limits see many clients. Each attack is bounded in time,
// and so is the whole run. A learner answers questions through every
// attack; at the end the server is stopped and every answer it
// acknowledged is looked for in the database.
//
// Targets (issue 14): resident memory under 500 MB through every attack,
// /healthz p99 under 100 ms, no acknowledged answer lost. Attacks on the
// file system (a read-only file system, a full disk, a backup that runs
// out of room) mount small tmpfs file systems and need root; without it
// they are skipped. An attack whose fix belongs to another branch is
// marked with it, and may fail until that branch lands.
//
//	go run ./cmd/stress -bin bin/factdrill
package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"factdrill/quiz"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "stress:", err)
		os.Exit(1)
	}
}

// Targets of issue 14.
const (
	maxRSS         = 500 << 20
	maxHealthzP99  = 100 * time.Millisecond
	teacherName    = "Rivera"
	teacherPass    = "correct horse battery staple"
	healthzEvery   = 25 * time.Millisecond
	rssEvery       = 50 * time.Millisecond
	defaultTimeout = 15 * time.Minute
)

type options struct {
	bin     string
	only    string
	timeout time.Duration
	keep    bool
}

func run() error {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/factdrill", "factdrill `binary` to attack")
	flag.StringVar(&o.only, "only", "", "run only the attacks whose name contains this `text`")
	flag.DurationVar(&o.timeout, "timeout", defaultTimeout, "stop after this `duration` whatever is left")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary folder (database, server log)")
	flag.Parse()
	bin, err := filepath.Abs(o.bin)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()

	dir, err := os.MkdirTemp("", "factdrill-stress-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Println("stress: keeping", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	h, err := startHarness(ctx, bin, dir)
	if err != nil {
		return err
	}
	defer h.stop()

	steady := startSteadyLearner(h)
	var results []result
	for _, a := range attacks {
		if o.only != "" && !strings.Contains(a.name, o.only) {
			continue
		}
		if ctx.Err() != nil {
			results = append(results, result{attack: a, outcome: "not run: the run's time is up"})
			continue
		}
		fmt.Fprintf(os.Stderr, "stress: %s…\n", a.name)
		results = append(results, h.measure(ctx, a))
	}
	acked := steady.stop()
	if err := h.stopServer(); err != nil {
		return err
	}
	lost, checked, err := verifyAnswers(h.db, acked)
	if err != nil {
		return err
	}
	report(os.Stdout, results, checked, lost)
	for _, r := range results {
		if !r.ok() && r.attack.owner == "" && !r.skipped {
			return errors.New("an attack missed its target")
		}
	}
	if lost > 0 {
		return fmt.Errorf("%d acknowledged answers lost", lost)
	}
	return nil
}

// attack is one attack of the issue: run does it against the harness's
// server and says what came of it.
type attack struct {
	name string
	// owner is the branch whose fix the attack needs, "" for this one's.
	owner string
	run   func(ctx context.Context, h *harness) (outcome string, pass bool, err error)
}

// errSkipped is an attack that cannot run here (it needs root).
var errSkipped = errors.New("skipped")

type result struct {
	attack   attack
	outcome  string
	pass     bool
	skipped  bool
	peakRSS  int64
	p50, p99 time.Duration
	probes   int
	failed   int // health probes that failed
	took     time.Duration
}

// ok reports whether the attack met every target: its own outcome, the
// memory and the health check's latency.
func (r result) ok() bool {
	return r.skipped || (r.pass && r.peakRSS < maxRSS && r.p99 < maxHealthzP99 && r.failed == 0)
}

// measure runs an attack while sampling the server's memory and timing
// /healthz.
func (h *harness) measure(ctx context.Context, a attack) result {
	mctx, stop := context.WithCancel(ctx)
	var (
		wg      sync.WaitGroup
		peak    int64
		lat     []time.Duration
		failed  int
		started = time.Now()
	)
	wg.Go(func() {
		t := time.NewTicker(rssEvery)
		defer t.Stop()
		for {
			peak = max(peak, h.rss())
			select {
			case <-mctx.Done():
				return
			case <-t.C:
			}
		}
	})
	wg.Go(func() {
		c := client("127.0.0.2", false)
		defer c.CloseIdleConnections()
		t := time.NewTicker(healthzEvery)
		defer t.Stop()
		for {
			start := time.Now()
			resp, err := c.Get(h.base + "/healthz")
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			if err != nil || resp.StatusCode != http.StatusOK {
				if mctx.Err() == nil {
					failed++
				}
			} else {
				lat = append(lat, time.Since(start))
			}
			select {
			case <-mctx.Done():
				return
			case <-t.C:
			}
		}
	})
	outcome, pass, err := a.run(ctx, h)
	took := time.Since(started)
	stop()
	wg.Wait()
	r := result{attack: a, outcome: outcome, pass: pass, peakRSS: peak, probes: len(lat), failed: failed, took: took}
	switch {
	case errors.Is(err, errSkipped):
		r.skipped, r.outcome = true, "skipped: "+strings.TrimPrefix(err.Error(), "skipped: ")
	case err != nil:
		r.pass, r.outcome = false, "error: "+err.Error()
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		r.p50, r.p99 = lat[len(lat)/2], lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return r
}

func report(w io.Writer, results []result, checked, lost int) {
	fmt.Fprintf(w, "\n| attack | peak RSS | /healthz p50 | p99 | took | outcome |\n|---|---:|---:|---:|---:|---|\n")
	for _, r := range results {
		mark := "PASS"
		switch {
		case r.skipped:
			mark = "SKIP"
		case !r.ok() && r.attack.owner != "":
			mark = "FAIL (fix on " + r.attack.owner + ")"
		case !r.ok():
			mark = "FAIL"
		}
		var notes []string
		if r.peakRSS >= maxRSS {
			notes = append(notes, "memory over 500 MB")
		}
		if r.p99 >= maxHealthzP99 {
			notes = append(notes, "healthz p99 over 100 ms")
		}
		if r.failed > 0 {
			notes = append(notes, fmt.Sprintf("%d health checks failed", r.failed))
		}
		outcome := r.outcome
		if len(notes) > 0 {
			outcome += " (" + strings.Join(notes, ", ") + ")"
		}
		fmt.Fprintf(w, "| %s | %d MB | %s | %s | %s | %s: %s |\n", r.attack.name, r.peakRSS>>20, ms(r.p50), ms(r.p99),
			r.took.Round(100*time.Millisecond), mark, outcome)
	}
	fmt.Fprintf(w, "\nAcknowledged answers of the learner who answered through every attack: %d, lost: %d.\n", checked, lost)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

// harness is the server under attack and what the attacks share.
type harness struct {
	bin, dir, db, base string
	questionsDir       string
	cmd                *exec.Cmd
	exited             chan struct{}
	teacher            *http.Client
	seedSet, bigSet    int64
	classCode          string
	classID            int64
}

// startHarness makes the teacher and the question folder, starts the
// server and logs the teacher in.
func startHarness(ctx context.Context, bin, dir string) (*harness, error) {
	h := &harness{bin: bin, dir: dir, db: filepath.Join(dir, "site.db"), questionsDir: filepath.Join(dir, "questions")}
	if err := os.MkdirAll(h.questionsDir, 0o755); err != nil {
		return nil, err
	}
	// A large set of no teacher's, for the attempt floods: 2,000
	// questions.
	if err := os.WriteFile(filepath.Join(h.questionsDir, "large.gift"), []byte(largeGIFT(2000)), 0o644); err != nil {
		return nil, err
	}
	add := exec.CommandContext(ctx, bin, "teacher", "add", "-db", h.db, teacherName)
	add.Stdin = strings.NewReader(teacherPass + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("teacher add: %v\n%s", err, out)
	}
	if err := h.startServer(ctx); err != nil {
		return nil, err
	}
	if err := h.prepare(); err != nil {
		h.stop()
		return nil, err
	}
	return h, nil
}

// prepare logs the teacher in, finds the sets and makes a class.
func (h *harness) prepare() error {
	h.teacher = client("127.0.0.3", true)
	if code, _, _ := post(h.teacher, h.base+"/login", form("name", teacherName, "password", teacherPass)); code != http.StatusSeeOther {
		return fmt.Errorf("teacher login = %d", code)
	}
	var err error
	if h.seedSet, err = h.setID("Workers"); err != nil {
		return err
	}
	if h.bigSet, err = h.setID(">large<"); err != nil {
		return err
	}
	code, loc, _ := post(h.teacher, h.base+"/teacher/classes", form("name", "Year 9"))
	if code != http.StatusSeeOther {
		return fmt.Errorf("create class = %d", code)
	}
	if h.classID, err = lastNumber(loc); err != nil {
		return fmt.Errorf("class address %q: %w", loc, err)
	}
	page, err := getBody(h.teacher, fmt.Sprintf("%s/teacher/classes/%d", h.base, h.classID))
	if err != nil {
		return err
	}
	if h.classCode = between(page, `data-testid="join-code">`, "<"); h.classCode == "" {
		return errors.New("no join code on the class page")
	}
	return nil
}

// startServer starts factdrill serve on a free loopback port and waits
// until it answers.
func (h *harness) startServer(ctx context.Context) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close()
	h.base = "http://" + addr
	logf, err := os.Create(filepath.Join(h.dir, "server.log"))
	if err != nil {
		return err
	}
	h.cmd = exec.Command(h.bin, "serve", "-addr", addr, "-db", h.db, "-questions", h.questionsDir)
	h.cmd.Env = append(os.Environ(), "FACTDRILL_LOG_LEVEL=warn")
	h.cmd.Stdout, h.cmd.Stderr = logf, logf
	if err := h.cmd.Start(); err != nil {
		return err
	}
	h.exited = make(chan struct{})
	go func() { h.cmd.Wait(); logf.Close(); close(h.exited) }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if resp, err := http.Get(h.base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-h.exited:
			return errors.New("the server stopped while starting; see server.log")
		case <-time.After(50 * time.Millisecond):
		}
	}
	return errors.New("the server did not answer within 60 s")
}

// stopServer stops the server with SIGTERM and waits for it.
func (h *harness) stopServer() error {
	if h.cmd == nil {
		return nil
	}
	h.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-h.exited:
	case <-time.After(20 * time.Second):
		h.cmd.Process.Kill()
		<-h.exited
		return errors.New("the server did not stop within 20 s of SIGTERM")
	}
	h.cmd = nil
	return nil
}

func (h *harness) stop() {
	if h.cmd != nil {
		h.cmd.Process.Kill()
		<-h.exited
	}
}

// rss is the server's resident memory in bytes, from /proc.
func (h *harness) rss() int64 {
	if h.cmd == nil || h.cmd.Process == nil {
		return 0
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", h.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// setID finds a set on the home page by the start of its title.
func (h *harness) setID(title string) (int64, error) {
	page, err := getBody(client("127.0.0.4", false), h.base+"/")
	if err != nil {
		return 0, err
	}
	i := strings.Index(page, title)
	if i < 0 {
		return 0, fmt.Errorf("no set %q on the home page", title)
	}
	j := strings.LastIndex(page[:i], `href="/sets/`)
	if j < 0 {
		return 0, fmt.Errorf("no link to set %q", title)
	}
	return strconv.ParseInt(between(page[j:], `href="/sets/`, `"`), 10, 64)
}

// largeGIFT is a GIFT file of n multiple-choice questions.
func largeGIFT(n int) string {
	var b strings.Builder
	b.WriteString("$CATEGORY: Large set\n\n")
	for i := range n {
		fmt.Fprintf(&b, "::Q%d:: In which year did event number %d of the long chronicle take place? {=%d ~%d ~%d ~%d}\n\n", i, i, 1000+i, 1001+i, 1002+i, 1003+i)
	}
	return b.String()
}

// steadyLearner answers questions of the built-in set through every
// attack, one every 50 ms, and keeps what the server acknowledged.
type steadyLearner struct {
	stopc chan struct{}
	done  chan struct{}
	mu    sync.Mutex
	acked map[answerKey]quiz.Answer
}

type answerKey struct {
	attempt int64
	pos     int
}

func startSteadyLearner(h *harness) *steadyLearner {
	l := &steadyLearner{stopc: make(chan struct{}), done: make(chan struct{}), acked: map[answerKey]quiz.Answer{}}
	go func() {
		defer close(l.done)
		c := client("127.0.0.5", true)
		n := 0
		for {
			code, loc, err := post(c, fmt.Sprintf("%s/sets/%d/attempts", h.base, h.seedSet), nil)
			if err != nil || code != http.StatusSeeOther {
				if l.wait(time.Second) {
					return
				}
				continue
			}
			attempt, _ := strconv.ParseInt(between(loc, "/attempts/", "/"), 10, 64)
			for pos := 0; ; pos++ {
				page, err := getBody(c, fmt.Sprintf("%s/attempts/%d/questions/%d", h.base, attempt, pos+1))
				if err != nil || !strings.Contains(page, `data-testid="question"`) {
					break
				}
				f, a := answerFor(page, n)
				n++
				if code, _, err := post(c, fmt.Sprintf("%s/attempts/%d/questions/%d", h.base, attempt, pos+1), f); err == nil && code == http.StatusSeeOther {
					l.mu.Lock()
					l.acked[answerKey{attempt, pos}] = a
					l.mu.Unlock()
				}
				if l.wait(50 * time.Millisecond) {
					return
				}
			}
			post(c, fmt.Sprintf("%s/attempts/%d/finish", h.base, attempt), nil)
		}
	}()
	return l
}

// wait sleeps d; true when the learner is to stop.
func (l *steadyLearner) wait(d time.Duration) bool {
	select {
	case <-l.stopc:
		return true
	case <-time.After(d):
		return false
	}
}

func (l *steadyLearner) stop() map[answerKey]quiz.Answer {
	close(l.stopc)
	<-l.done
	return l.acked
}

// answerFor builds the answer form of a question page, and the answer the
// server is to store for it; n makes each text distinct.
func answerFor(page string, n int) (map[string][]string, quiz.Answer) {
	f := form("nav", "next")
	var a quiz.Answer
	switch between(page, `data-kind="`, `"`) {
	case "multiple_choice":
		f["choice"] = []string{"0"}
		a.Choices = []int{0}
	case "true_false":
		f["truth"] = []string{"true"}
		t := true
		a.True = &t
	case "matching":
		for i := 0; strings.Contains(page, fmt.Sprintf(`name="match%d"`, i)); i++ {
			sel := page[strings.Index(page, fmt.Sprintf(`name="match%d"`, i)):]
			v := between(sel[strings.Index(sel, "<option value=")+len("<option value="):], `<option value="`, `"`)
			f[fmt.Sprintf("match%d", i)] = []string{v}
			a.Matches = append(a.Matches, v)
		}
	default:
		a.Text = fmt.Sprintf("steady answer %d", n)
		f["text"] = []string{a.Text}
	}
	return f, a
}

// verifyAnswers looks for every acknowledged answer in the database, read
// directly once the server has stopped.
func verifyAnswers(path string, acked map[answerKey]quiz.Answer) (lost, checked int, err error) {
	conn, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return 0, 0, err
	}
	defer conn.Close()
	for k, want := range acked {
		var body string
		err := conn.QueryRow("SELECT answer FROM responses WHERE attempt_id = ? AND position = ?", k.attempt, k.pos).Scan(&body)
		var got quiz.Answer
		if err == nil {
			err = json.Unmarshal([]byte(body), &got)
		}
		if err != nil || !reflect.DeepEqual(got, want) {
			lost++
		}
	}
	return lost, len(acked), nil
}

// lastNumber is the last number of an address ("/teacher/classes/12?x").
func lastNumber(loc string) (int64, error) {
	loc, _, _ = strings.Cut(loc, "?")
	return strconv.ParseInt(loc[strings.LastIndex(loc, "/")+1:], 10, 64)
}

// between is the text after the first start, up to end; "" for none.
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	j := strings.Index(s, end)
	if j < 0 {
		return ""
	}
	return s[:j]
}

// mustRoot skips an attack that mounts file systems when not root.
func mustRoot() error {
	if os.Geteuid() != 0 {
		return fmt.Errorf("%w: needs root to mount a tmpfs", errSkipped)
	}
	return nil
}
