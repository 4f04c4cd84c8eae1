package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// buildBinary compiles factdrill into a temporary folder, for tests that
// need a separate process they can kill.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "factdrill")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// process is a factdrill server running as its own process.
type process struct {
	t    *testing.T
	bin  string
	addr string
	db   string
	cmd  *exec.Cmd
}

func (p *process) start() {
	p.t.Helper()
	p.cmd = exec.Command(p.bin, "serve", "-addr", p.addr, "-db", p.db)
	p.cmd.Env = append(os.Environ(), "FACTDRILL_LOG_LEVEL=error")
	p.cmd.Stderr = os.Stderr
	if err := p.cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + p.addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	p.t.Fatal("server did not become healthy within 60s")
}

func (p *process) signal(sig syscall.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
	p.cmd.Wait()
}

// answerKey names one question of one attempt.
type answerKey struct {
	attempt int64
	pos     int
}

// ledger records everything the server acknowledged with a redirect:
// quiz answers, attempts handed in, and flashcard answers (counted per
// learner, known by their resume code).
type ledger struct {
	mu       sync.Mutex
	acked    map[answerKey]quiz.Answer
	finished map[int64]bool
	reviews  map[string]int
}

func newLedger() *ledger {
	return &ledger{acked: map[answerKey]quiz.Answer{}, finished: map[int64]bool{}, reviews: map[string]int{}}
}

func (l *ledger) ack(k answerKey, a quiz.Answer) {
	l.mu.Lock()
	l.acked[k] = a
	l.mu.Unlock()
}

func (l *ledger) ackFinish(attempt int64) {
	l.mu.Lock()
	l.finished[attempt] = true
	l.mu.Unlock()
}

func (l *ledger) ackReview(code string) {
	l.mu.Lock()
	l.reviews[code]++
	l.mu.Unlock()
}

// formFor builds the form a browser would post for an answer to q, and the
// answer the server should store for it; n makes each answer distinct.
func formFor(q questions.Question, n int) (url.Values, quiz.Answer, bool) {
	f := url.Values{"nav": {"next"}}
	var a quiz.Answer
	switch q.Kind {
	case questions.MultipleChoice:
		i := n % len(q.Choices)
		f.Set("choice", strconv.Itoa(i))
		a.Choices = []int{i}
	case questions.TrueFalse:
		v := n%2 == 0
		f.Set("truth", strconv.FormatBool(v))
		a.True = &v
	case questions.ShortAnswer, questions.Cloze, questions.Numerical, questions.Essay:
		a.Text = fmt.Sprintf("answer %d", n)
		f.Set("text", a.Text)
	case questions.Matching:
		opts := q.MatchAnswers()
		for i := range q.Prompts() {
			v := opts[(n+i)%len(opts)]
			f.Set("match"+strconv.Itoa(i), v)
			a.Matches = append(a.Matches, v)
		}
	default:
		return f, a, false
	}
	return f, a, true
}

// learnerLoop answers questions as one learner until stop closes: every
// question of an attempt in turn, then finishes it and starts another.
// Failed requests (the server is down) are retried; an answer goes into the
// ledger only once the server has acknowledged it.
func learnerLoop(base string, setID int64, qs []db.StoredQuestion, seed int, l *ledger, stop <-chan struct{}, errs chan<- error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path string, form url.Values) (string, bool) {
		resp, err := c.PostForm(base+path, form)
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			return "", false
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			errs <- fmt.Errorf("POST %s = %d, want 303", path, resp.StatusCode)
			return "", false
		}
		return resp.Header.Get("Location"), true
	}
	n := seed * 1000000
	for {
		var attempt int64
		for attempt == 0 {
			select {
			case <-stop:
				return
			default:
			}
			if loc, ok := post(fmt.Sprintf("/sets/%d/attempts", setID), nil); ok {
				parts := strings.Split(loc, "/")
				attempt, _ = strconv.ParseInt(parts[2], 10, 64)
			}
		}
		for pos, q := range qs {
			form, answer, ok := formFor(q.Question, n)
			n++
			if !ok {
				continue
			}
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, ok := post(fmt.Sprintf("/attempts/%d/questions/%d", attempt, pos+1), form); ok {
					l.ack(answerKey{attempt, pos}, answer)
					break
				}
			}
		}
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, ok := post(fmt.Sprintf("/attempts/%d/finish", attempt), nil); ok {
				l.ackFinish(attempt)
				break
			}
		}
	}
}

var (
	cardField = regexp.MustCompile(`name="card" value="(\d+)"`)
	repsField = regexp.MustCompile(`name="reps" value="(\d+)"`)
	codeField = regexp.MustCompile(`data-testid="resume-code">([^<]+)<`)
)

// flashcardLoop studies the set's flashcards as one learner until stop
// closes: it shows a card's back, answers Good, and goes on. Failed
// requests are retried; an answer goes into the ledger only once the
// server has acknowledged it as counted.
func flashcardLoop(base string, setID int64, l *ledger, stop <-chan struct{}, errs chan<- error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) (string, bool) {
		resp, err := c.Get(base + path)
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			return "", false
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		return string(body), err == nil && resp.StatusCode == http.StatusOK
	}
	code := ""
	for {
		select {
		case <-stop:
			return
		default:
		}
		var page string
		var card, reps []string
		for _, mode := range []string{"more", "ahead"} {
			body, ok := get(fmt.Sprintf("/sets/%d/study?show=1&mode=%s", setID, mode))
			if card, reps = cardField.FindStringSubmatch(body), repsField.FindStringSubmatch(body); ok && card != nil && reps != nil {
				page = mode
				break
			}
		}
		if page == "" {
			continue
		}
		resp, err := c.PostForm(fmt.Sprintf("%s/sets/%d/study", base, setID), url.Values{"card": {card[1]}, "reps": {reps[1]}, "rating": {"3"}, "mode": {page}})
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			errs <- fmt.Errorf("POST flashcard answer = %d, want 303", resp.StatusCode)
			continue
		}
		if strings.Contains(resp.Header.Get("Location"), "notice=answered") {
			continue // answered already: not counted again
		}
		for code == "" {
			select {
			case <-stop:
				return
			default:
			}
			if body, ok := get("/me"); ok {
				if m := codeField.FindStringSubmatch(body); m != nil {
					code = db.NormalizeResumeCode(m[1])
				}
			}
		}
		l.ackReview(code)
	}
}

// TestDurability_KillDuringAnswers answers quiz questions, hands attempts
// in and answers flashcards over HTTP from several learners while the
// server is killed with SIGKILL and restarted, again and again (50 times,
// in about a minute). Everything that got a success response must be in
// the database afterwards: every answer unchanged, every attempt handed
// in, every flashcard answer counted.
func TestDurability_KillDuringAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and restarts a server for a minute")
	}
	p := &process{t: t, bin: buildBinary(t), addr: freeAddr(t), db: tempDB(t)}
	p.start()

	store, err := db.Open(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	info, err := store.BuiltinSet(context.Background(), seedName)
	if err != nil {
		t.Fatal(err)
	}
	_, qs, err := store.PublishedSet(context.Background(), info.ID)
	store.Close()
	if err != nil {
		t.Fatal(err)
	}

	l := newLedger()
	stop := make(chan struct{})
	errs := make(chan error, 100)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() { learnerLoop("http://"+p.addr, info.ID, qs, i, l, stop, errs) })
	}
	for range 3 {
		wg.Go(func() { flashcardLoop("http://"+p.addr, info.ID, l, stop, errs) })
	}
	const kills = 50
	for range kills {
		time.Sleep(time.Duration(200+rand.IntN(600)) * time.Millisecond)
		p.signal(syscall.SIGKILL)
		p.start()
	}
	time.Sleep(300 * time.Millisecond)
	close(stop)
	wg.Wait()
	p.signal(syscall.SIGTERM)
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	conn, err := sql.Open("sqlite3", "file:"+p.db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	lost, changed := 0, 0
	for k, want := range l.acked {
		got, ok := storedAnswer(t, conn, k)
		switch {
		case !ok:
			lost++
		case !reflect.DeepEqual(got, want):
			changed++
			t.Errorf("attempt %d question %d: stored %+v, acknowledged %+v", k.attempt, k.pos, got, want)
		}
	}
	open := 0
	for id := range l.finished {
		var finished bool
		if err := conn.QueryRow("SELECT finished_at IS NOT NULL FROM attempts WHERE id = ?", id).Scan(&finished); err != nil || !finished {
			open++
		}
	}
	reviews, missing := 0, 0
	for code, n := range l.reviews {
		var stored int
		err := conn.QueryRow(`SELECT count(*) FROM reviews r JOIN learners l ON l.id = r.learner_id
			WHERE l.resume_code = ? AND r.source = 'study'`, code).Scan(&stored)
		if err != nil {
			t.Fatal(err)
		}
		reviews += n
		missing += max(0, n-stored)
	}
	t.Logf("across %d SIGKILLs: %d answers acknowledged (%d lost, %d changed), %d attempts handed in (%d not), %d flashcard answers (%d missing)",
		kills, len(l.acked), lost, changed, len(l.finished), open, reviews, missing)
	if len(l.acked) < 500 || len(l.finished) < 10 || reviews < 100 {
		t.Errorf("only %d answers, %d finishes and %d flashcard answers were acknowledged; the test did not exercise the server",
			len(l.acked), len(l.finished), reviews)
	}
	if lost > 0 || open > 0 || missing > 0 {
		t.Errorf("acknowledged but not in the database: %d answers, %d finishes, %d flashcard answers", lost, open, missing)
	}
}

// storedAnswer reads one response straight from the database file.
func storedAnswer(t *testing.T, conn *sql.DB, k answerKey) (quiz.Answer, bool) {
	t.Helper()
	var body string
	err := conn.QueryRow("SELECT answer FROM responses WHERE attempt_id = ? AND position = ?", k.attempt, k.pos).Scan(&body)
	if err != nil {
		return quiz.Answer{}, false
	}
	var a quiz.Answer
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatalf("attempt %d question %d: %v", k.attempt, k.pos, err)
	}
	return a, true
}
