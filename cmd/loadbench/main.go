// Command loadbench measures factdrill under load and writes BENCHMARKS.md.
//
// It starts the real server (a built binary) on a fresh database, makes
// learners with attempts over HTTP, and drives four routes with wrk on
// loopback: the quiz question page (GET), answer submission (POST, each a
// committed, fsynced transaction), the flashcard study page (GET) and a
// flashcard answer (POST, committed likewise). In the same run it drives a
// minimal Go server that returns a static page of the same size as each
// page, and reports each route as a ratio to it. Given a PostgreSQL
// database (-postgres), it drives the question page and answer submission
// again, in the same run, on PostgreSQL: one app server, then two behind
// client-side balancing, with the read cache off and with LISTEN/NOTIFY.
// Then it runs the Go benchmarks of the packages and the question
// generator's quality report, and writes everything to the output file.
//
//	go run ./cmd/loadbench -bin bin/factdrill -postgres postgres://... -out BENCHMARKS.md
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}

type options struct {
	bin, out         string
	duration         time.Duration
	conns, threads   int
	learners         int
	staticAddr       string
	staticSize       int
	skipGo, skipLoad bool
	benchtime        string
	// postgres is a database loadbench may make schemas in; "" skips
	// the PostgreSQL runs.
	postgres string
	// routes is "all", "quiz" or "study"; rounds the runs of each route,
	// factdrill and the static server in turn, whose medians are shown;
	// largeSet the cards of a set whose study page is measured too (0:
	// none).
	routes   string
	rounds   int
	largeSet int
	only     string // "size": only the size section (cmd/loadbench/size.go)
}

func run() error {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/factdrill", "factdrill `binary` to measure")
	flag.StringVar(&o.out, "out", "BENCHMARKS.md", "`file` to write")
	flag.DurationVar(&o.duration, "d", 10*time.Second, "length of each wrk run")
	flag.IntVar(&o.conns, "c", 32, "open connections")
	flag.IntVar(&o.threads, "t", 2, "wrk threads")
	flag.IntVar(&o.learners, "learners", 64, "learners whose sessions the POST benchmark spreads over")
	flag.StringVar(&o.staticAddr, "static-serve", "", "internal: serve a static page on `addr`")
	flag.IntVar(&o.staticSize, "static-size", 0, "internal: size of the static page")
	flag.BoolVar(&o.skipGo, "skip-go", false, "skip the go test benchmarks and the quality report")
	flag.BoolVar(&o.skipLoad, "skip-load", false, "skip the wrk load benchmark")
	flag.StringVar(&o.benchtime, "benchtime", "1s", "go test -benchtime")
	flag.StringVar(&o.postgres, "postgres", os.Getenv("FACTDRILL_BENCH_POSTGRES"), "PostgreSQL `URL` to make schemas in for the PostgreSQL runs (env FACTDRILL_BENCH_POSTGRES; make bench starts one)")
	flag.StringVar(&o.routes, "routes", "all", "routes to drive: all, quiz or study")
	flag.IntVar(&o.rounds, "rounds", 1, "runs of each route, factdrill and the static server in turn; the medians are shown")
	flag.IntVar(&o.largeSet, "large-set", 5000, "cards of a generated set whose study page is measured too (0: none)")
	flag.StringVar(&o.only, "only", "", "run only this section: size")
	flag.Parse()
	if o.only == "size" {
		o.skipLoad, o.skipGo = true, true
	}
	if o.staticAddr != "" {
		return serveStatic(o.staticAddr, o.staticSize)
	}

	var doc bytes.Buffer
	fmt.Fprintf(&doc, "# Benchmarks\n\nWritten by `make bench` (`go run ./cmd/loadbench`) on %s. Machine: %d cores (%s), %s.\n",
		time.Now().UTC().Format("2006-01-02"), runtime.NumCPU(), cpuModel(), runtime.Version())
	fmt.Fprintf(&doc, "Figures vary from run to run by some percent; compare figures of one run with each other.\n")
	if !o.skipLoad {
		err := loadBenchmark(&doc, o)
		if err == nil {
			err = sizeBenchmark(&doc, o)
		}
		for _, p := range stopStatic {
			p.Kill()
		}
		if err != nil {
			return err
		}
	}
	if o.only == "size" {
		err := sizeBenchmark(&doc, o)
		for _, p := range stopStatic {
			p.Kill()
		}
		if err != nil {
			return err
		}
	}
	// The Go benchmarks come last: when they fail, the figures measured
	// before them are still written, with the failure said in their place.
	var goErr error
	if !o.skipGo {
		if goErr = goBenchmarks(&doc, o); goErr != nil {
			first, _, _ := strings.Cut(goErr.Error(), "\n")
			fmt.Fprintf(&doc, "\n## Go benchmarks\n\nThey failed in this run: %s\n", first)
		}
	}
	// What the file holds after keptMarker (figures of other programs:
	// make stress, the optimiser, PostgreSQL) is written by hand and kept.
	if old, err := os.ReadFile(o.out); err == nil {
		if i := bytes.Index(old, []byte(keptMarker)); i >= 0 {
			doc.WriteString("\n")
			doc.Write(old[i:])
		}
	}
	if err := os.WriteFile(o.out, doc.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("loadbench: wrote %s\n", o.out)
	return goErr
}

// keptMarker starts the part of BENCHMARKS.md that make bench keeps as it
// is.
const keptMarker = "<!-- Below: figures of other programs, kept by make bench. -->"

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// serveStatic is the baseline: the least a Go HTTP server can do, one
// fixed page of the same size as factdrill's, for any method and path.
func serveStatic(addr string, size int) error {
	page := bytes.Repeat([]byte("x"), size)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	return http.ListenAndServe(addr, h)
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitHealthy(url string) error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("%s did not answer within 60s", url)
}

// learner is a session with an open attempt, made over HTTP as a browser
// would make it.
type learner struct {
	cookie  string
	attempt string // /attempts/ID
}

func newLearner(base string) (learner, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(base+"/sets/1/attempts", nil)
	if err != nil {
		return learner{}, err
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/attempts/") {
		return learner{}, fmt.Errorf("start attempt: %d to %q", resp.StatusCode, loc)
	}
	u, _ := url.Parse(base)
	var cookies []string
	for _, ck := range jar.Cookies(u) {
		cookies = append(cookies, ck.Name+"="+ck.Value)
	}
	return learner{cookie: strings.Join(cookies, "; "), attempt: strings.TrimSuffix(loc, "/questions/1")}, nil
}

type wrkResult struct {
	rps            float64
	p50, p99       time.Duration
	requests       int
	errors, non2xx int
}

var (
	rpsRe    = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	latRe    = regexp.MustCompile(`(?m)^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)`)
	reqRe    = regexp.MustCompile(`(\d+) requests in`)
	non2xxRe = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
	sockRe   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
)

func runWrk(o options, target, script string) (wrkResult, string, error) {
	args := []string{"-t", strconv.Itoa(o.threads), "-c", strconv.Itoa(o.conns), "-d", o.duration.String(), "--latency"}
	if script != "" {
		args = append(args, "-s", script)
	}
	args = append(args, target)
	out, err := exec.Command("wrk", args...).CombinedOutput()
	if err != nil {
		return wrkResult{}, string(out), fmt.Errorf("wrk %s: %v\n%s", target, err, out)
	}
	s := string(out)
	var r wrkResult
	if m := rpsRe.FindStringSubmatch(s); m != nil {
		r.rps, _ = strconv.ParseFloat(m[1], 64)
	}
	for _, m := range latRe.FindAllStringSubmatch(s, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second}[m[3]]
		d := time.Duration(v * float64(unit))
		if m[1] == "50" {
			r.p50 = d
		} else {
			r.p99 = d
		}
	}
	if m := reqRe.FindStringSubmatch(s); m != nil {
		r.requests, _ = strconv.Atoi(m[1])
	}
	if m := non2xxRe.FindStringSubmatch(s); m != nil {
		r.non2xx, _ = strconv.Atoi(m[1])
	}
	if m := sockRe.FindStringSubmatch(s); m != nil {
		for _, x := range m[1:] {
			n, _ := strconv.Atoi(x)
			r.errors += n
		}
	}
	return r, s, nil
}

// writeScript writes a wrk Lua script that sends each request as one of the
// learners in turn: GET of their current question, or POST of an answer to
// one of their questions.
func writeScript(dir string, ls []learner, post bool, questions int) (string, error) {
	var b strings.Builder
	b.WriteString("local learners = {\n")
	for _, l := range ls {
		fmt.Fprintf(&b, "  {cookie = %q, attempt = %q},\n", l.cookie, l.attempt)
	}
	b.WriteString("}\nlocal i = 0\n")
	if post {
		fmt.Fprintf(&b, `local questions = %d
request = function()
  i = i + 1
  local l = learners[(i %% #learners) + 1]
  local q = (math.floor(i / #learners) %% questions) + 1
  local body = "choice=" .. (i %% 4) .. "&truth=true&text=answer+" .. i .. "&nav=next"
  return wrk.format("POST", l.attempt .. "/questions/" .. q, {
    ["Cookie"] = l.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
`, questions)
	} else {
		b.WriteString(`request = function()
  i = i + 1
  local l = learners[(i % #learners) + 1]
  return wrk.format("GET", l.attempt .. "/questions/1", {["Cookie"] = l.cookie})
end
`)
	}
	path := filepath.Join(dir, map[bool]string{true: "post.lua", false: "get.lua"}[post])
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

func loadBenchmark(doc *bytes.Buffer, o options) error {
	if _, err := exec.LookPath("wrk"); err != nil {
		return fmt.Errorf("wrk is not installed (apt-get install wrk): %w", err)
	}
	dir, err := os.MkdirTemp("", "loadbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	addr, err := freeAddr()
	if err != nil {
		return err
	}
	base := "http://" + addr
	srv := exec.Command(o.bin, "serve", "-addr", addr, "-db", filepath.Join(dir, "bench.db"))
	srv.Env = append(os.Environ(), "FACTDRILL_LOG_LEVEL=error")
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		return fmt.Errorf("start %s: %w", o.bin, err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	if err := waitHealthy(base + "/healthz"); err != nil {
		return err
	}

	var ls []learner
	for range o.learners {
		l, err := newLearner(base)
		if err != nil {
			return err
		}
		ls = append(ls, l)
	}
	// The size of the question page, for the static baseline.
	req, _ := http.NewRequest("GET", base+ls[0].attempt+"/questions/1", nil)
	req.Header.Set("Cookie", ls[0].cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("question page: %d", resp.StatusCode)
	}
	questions, err := countQuestions(base, ls[0])
	if err != nil {
		return err
	}
	// The study page (a new learner sees a new card's front), and the
	// set's flashcards, found by asking for each question as a card.
	studyPage, err := getPage(base+"/sets/1/study", ls[0].cookie)
	if err != nil {
		return err
	}
	cards, err := studyCards(base, ls[0])
	if err != nil {
		return err
	}

	staticAddr, err := startStatic(len(page))
	if err != nil {
		return err
	}
	staticStudyAddr, err := startStatic(len(studyPage))
	if err != nil {
		return err
	}

	getScript, err := writeScript(dir, ls, false, questions)
	if err != nil {
		return err
	}
	postScript, err := writeScript(dir, ls, true, questions)
	if err != nil {
		return err
	}
	studyGetScript, err := writeStudyScript(dir, ls, false, cards)
	if err != nil {
		return err
	}
	studyPostScript, err := writeStudyScript(dir, ls, true, cards)
	if err != nil {
		return err
	}
	type row struct {
		name        string
		app, static wrkResult
	}
	type route struct {
		name, script, static string
		study                bool
	}
	routes := []route{
		{"Quiz question page (GET)", getScript, staticAddr, false},
		{"Submit an answer (POST, committed before the 303)", postScript, staticAddr, false},
		{"Flashcard study page (GET)", studyGetScript, staticStudyAddr, true},
		{"Answer a flashcard (POST, committed before the 303)", studyPostScript, staticStudyAddr, true},
	}
	if o.largeSet > 0 && o.routes != "quiz" {
		large, err := largeStudyRoute(o, dir, base, ls)
		if err != nil {
			return err
		}
		largeStatic, err := startStatic(large.size)
		if err != nil {
			return err
		}
		routes = append(routes, route{fmt.Sprintf("Flashcard study page, %d-card set (GET)", o.largeSet), large.script, largeStatic, true})
	}
	var rows []row
	for _, c := range routes {
		if (o.routes == "quiz" && c.study) || (o.routes == "study" && !c.study) {
			continue
		}
		// Rounds alternate factdrill and the static server, so that both
		// see the same load from the rest of the machine; the medians of
		// the rounds are shown.
		var apps, statics []wrkResult
		for round := range max(o.rounds, 1) {
			fmt.Fprintf(os.Stderr, "loadbench: %s, round %d\n", c.name, round+1)
			app, _, err := runWrk(o, base, c.script)
			if err != nil {
				return err
			}
			// The same script drives the static server: the same requests,
			// cookies and bodies, so that the load generator's own work is
			// the same on both sides and the ratio compares the servers.
			st, _, err := runWrk(o, "http://"+c.static, c.script)
			if err != nil {
				return err
			}
			apps, statics = append(apps, app), append(statics, st)
		}
		rows = append(rows, row{name: c.name, app: medianResult(apps), static: medianResult(statics)})
	}

	fmt.Fprintf(doc, "\n## Load: factdrill against a static Go server, same run\n\n")
	fmt.Fprintf(doc, "wrk on loopback, %d threads, %d connections, %s a run (median of %d rounds, factdrill and the static server in turn), sessions of %d learners in turn. "+
		"The static server is a minimal Go `net/http` server returning a page of the same size for any request, "+
		"driven by the same wrk script (the same requests, cookies and bodies): "+
		"%d bytes for the quiz routes (the question page), %d for the flashcard routes (the study page). "+
		"factdrill runs with `synchronous=FULL`: each answer is fsynced before its 303. "+
		"A quiz answer also reviews the learner's flashcard for the question, in the same transaction; "+
		"flashcard answers rate the set's %d cards in turn, for each learner.\n\n",
		o.threads, o.conns, o.duration, max(o.rounds, 1), o.learners, len(page), len(studyPage), len(cards))
	fmt.Fprintf(doc, "| route | factdrill req/s | p50 | p99 | static req/s | static p50 | static p99 | ratio to static | errors |\n")
	fmt.Fprintf(doc, "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(doc, "| %s | %.0f | %s | %s | %.0f | %s | %s | %.2f | %d |\n", r.name, r.app.rps, fmtDur(r.app.p50), fmtDur(r.app.p99),
			r.static.rps, fmtDur(r.static.p50), fmtDur(r.static.p99), r.app.rps/r.static.rps, r.app.errors+r.app.non2xx)
	}
	fmt.Fprintf(doc, "\nGoals (the foundation issue's): the quiz question page at 0.5 or more of the static rate; "+
		"more than 2,000 durable quiz answers a second. The flashcard routes have no goal yet: each study page reads "+
		"the learner's cards for the set, today's counts and the undo state in several queries, uncached because "+
		"every answer changes them.\n")
	if o.postgres == "" || o.routes == "study" {
		fmt.Fprintf(doc, "\nThe PostgreSQL runs were skipped: no -postgres database was given, or no quiz routes were driven.\n")
		return nil
	}
	sqlite := []engineRow{{"SQLite, one server", rows[0].app, rows[1].app}}
	return postgresBenchmark(doc, o, dir, sqlite, rows[0].static, rows[1].static)
}

// startStatic starts the static baseline server with a page of size bytes
// and returns its address; it is stopped when loadbench exits.
func startStatic(size int) (string, error) {
	addr, err := freeAddr()
	if err != nil {
		return "", err
	}
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	static := exec.Command(self, "-static-serve", addr, "-static-size", strconv.Itoa(size))
	if err := static.Start(); err != nil {
		return "", err
	}
	go static.Wait()
	stopStatic = append(stopStatic, static.Process)
	return addr, waitHealthy("http://" + addr + "/")
}

// stopStatic are the static servers to stop at exit.
var stopStatic []*os.Process

// getPage returns the body of a page fetched with the learner's cookie.
func getPage(url, cookie string) ([]byte, error) {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Cookie", cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	return b, nil
}

// studyCards returns the ids of the first set's flashcards: the question
// ids the study page shows as a card (?card=ID), from 1 up to the first
// miss after a hit.
func studyCards(base string, l learner) ([]int64, error) {
	var ids []int64
	for id := int64(1); id < 10000; id++ {
		if _, err := getPage(fmt.Sprintf("%s/sets/1/study?card=%d", base, id), l.cookie); err != nil {
			if len(ids) > 0 {
				break
			}
			continue
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("the first set has no flashcards")
	}
	return ids, nil
}

// writeStudyScript writes a wrk Lua script that sends each request as one
// of the learners in turn: GET of the set's study page, or POST of an
// answer (Again to Easy in turn) to one of the set's cards.
func writeStudyScript(dir string, ls []learner, post bool, cards []int64) (string, error) {
	var b strings.Builder
	b.WriteString("local learners = {\n")
	for _, l := range ls {
		fmt.Fprintf(&b, "  %q,\n", l.cookie)
	}
	b.WriteString("}\nlocal cards = {")
	for i, c := range cards {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d", c)
	}
	b.WriteString("}\nlocal i = 0\n")
	if post {
		b.WriteString(`request = function()
  i = i + 1
  local cookie = learners[(i % #learners) + 1]
  local card = cards[(math.floor(i / #learners) % #cards) + 1]
  local body = "card=" .. card .. "&rating=" .. ((i % 4) + 1)
  return wrk.format("POST", "/sets/1/study", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
`)
	} else {
		b.WriteString(`request = function()
  i = i + 1
  return wrk.format("GET", "/sets/1/study", {["Cookie"] = learners[(i % #learners) + 1]})
end
`)
	}
	path := filepath.Join(dir, map[bool]string{true: "study-post.lua", false: "study-get.lua"}[post])
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

// countQuestions reads "Question 1 of N" from the question page.
func countQuestions(base string, l learner) (int, error) {
	req, _ := http.NewRequest("GET", base+l.attempt+"/questions/1", nil)
	req.Header.Set("Cookie", l.cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	m := regexp.MustCompile(`Question 1 of (\d+)`).FindSubmatch(b)
	if m == nil {
		return 0, fmt.Errorf("no question count on the question page")
	}
	return strconv.Atoi(string(m[1]))
}

func fmtDur(d time.Duration) string {
	switch {
	case d >= time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
	}
}

// withoutEnv returns env without the variable name.
func withoutEnv(env []string, name string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// goBenchmarks runs the packages' Go benchmarks and the generator's
// quality report and adds their output.
func goBenchmarks(doc *bytes.Buffer, o options) error {
	ctx := context.Background()
	fmt.Fprintf(os.Stderr, "loadbench: go test -bench\n")
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime", o.benchtime, "./...")
	// The store's benchmarks run on SQLite only: with a test database in
	// the environment (make bench sets one for the PostgreSQL runs above)
	// they would run again on it, committing durably, for many minutes;
	// the PostgreSQL figures are the load runs'.
	cmd.Env = withoutEnv(os.Environ(), "FACTDRILL_TEST_POSTGRES")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go test -bench: %v\n%s", err, out)
	}
	fmt.Fprintf(doc, "\n## Go benchmarks\n\n`go test -run '^$' -bench . -benchmem -benchtime %s ./...` (one core's work per op unless the benchmark says otherwise):\n\n```\n%s```\n", o.benchtime, benchLines(string(out)))

	fmt.Fprintf(os.Stderr, "loadbench: generator quality\n")
	cmd = exec.CommandContext(ctx, "go", "test", "-count=1", "-run", "Quality", "-v", "./questions/generate/")
	out, err = cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("quality report: %v\n%s", err, out)
	}
	fmt.Fprintf(doc, "\n## Question generator quality\n\n`go test ./questions/generate -run Quality -v` on the SQuAD slice in `questions/generate/testdata/qg/`:\n\n```\n%s```\n", qualityLines(string(out)))
	return nil
}

// benchLines keeps the lines of go test output that carry figures.
func benchLines(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "Benchmark") || strings.HasPrefix(line, "pkg:") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// qualityLines drops go test's own chatter from the quality report.
func qualityLines(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "=== RUN") || strings.HasPrefix(t, "--- PASS") || t == "PASS" || strings.HasPrefix(t, "ok ") {
			continue
		}
		b.WriteString(strings.TrimPrefix(line, "    ") + "\n")
	}
	return b.String()
}

// medianResult is the median of each figure of the runs.
func medianResult(rs []wrkResult) wrkResult {
	med := func(f func(wrkResult) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		sort.Float64s(v)
		if n := len(v); n%2 == 0 {
			return (v[n/2-1] + v[n/2]) / 2
		}
		return v[len(v)/2]
	}
	var errs int
	for _, r := range rs {
		errs += r.errors + r.non2xx
	}
	return wrkResult{
		rps:    med(func(r wrkResult) float64 { return r.rps }),
		p50:    time.Duration(med(func(r wrkResult) float64 { return float64(r.p50) })),
		p99:    time.Duration(med(func(r wrkResult) float64 { return float64(r.p99) })),
		errors: errs,
	}
}

// largeRoute is the study page of a large set, ready for wrk.
type largeRoute struct {
	script string
	size   int
}

// largeStudyRoute imports a set of o.largeSet short-answer cards into the
// running server's database (with the factdrill binary, as an operator
// would), has each learner study its first 30 cards over HTTP (so that
// each has a history in it), and writes the wrk script that asks for the
// set's study page as each learner in turn.
func largeStudyRoute(o options, dir, base string, ls []learner) (largeRoute, error) {
	var gift strings.Builder
	for i := range o.largeSet {
		fmt.Fprintf(&gift, "::Item %d:: What is item number %d called? {=name %d}\n\n", i+1, i+1, i+1)
	}
	file := filepath.Join(dir, "large.gift")
	if err := os.WriteFile(file, []byte(gift.String()), 0o644); err != nil {
		return largeRoute{}, err
	}
	out, err := exec.Command(o.bin, "import", "-db", filepath.Join(dir, "bench.db"), "-set", "Large deck", file).CombinedOutput()
	if err != nil {
		return largeRoute{}, fmt.Errorf("import the large set: %v\n%s", err, out)
	}
	home, err := getPage(base+"/", ls[0].cookie)
	if err != nil {
		return largeRoute{}, err
	}
	m := regexp.MustCompile(`href="/sets/(\d+)">Large deck<`).FindSubmatch(home)
	if m == nil {
		return largeRoute{}, fmt.Errorf("the large set is not on the home page")
	}
	path := "/sets/" + string(m[1]) + "/study"
	cardRe := regexp.MustCompile(`data-card="(\d+)"`)
	for _, l := range ls {
		for range 30 {
			page, err := getPage(base+path, l.cookie)
			if err != nil {
				return largeRoute{}, err
			}
			c := cardRe.FindSubmatch(page)
			if c == nil {
				break
			}
			req, _ := http.NewRequest("POST", base+path, strings.NewReader("card="+string(c[1])+"&rating=3"))
			req.Header.Set("Cookie", l.cookie)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := noRedirect.Do(req)
			if err != nil {
				return largeRoute{}, err
			}
			resp.Body.Close()
		}
	}
	page, err := getPage(base+path, ls[0].cookie)
	if err != nil {
		return largeRoute{}, err
	}
	var b strings.Builder
	b.WriteString("local learners = {\n")
	for _, l := range ls {
		fmt.Fprintf(&b, "  %q,\n", l.cookie)
	}
	fmt.Fprintf(&b, `}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", %q, {["Cookie"] = learners[(i %% #learners) + 1]})
end
`, path)
	script := filepath.Join(dir, "study-large.lua")
	return largeRoute{script: script, size: len(page)}, os.WriteFile(script, []byte(b.String()), 0o644)
}

// noRedirect is a client that does not follow redirects.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
