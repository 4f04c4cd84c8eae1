package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/internal/dbtest"
	"factdrill/quiz"
)

// startTogether starts the servers at the same moment, as a deployment
// does: they migrate, seed and make their keys on one database at once.
func startTogether(t *testing.T, ps ...*process) {
	t.Helper()
	for _, p := range ps {
		p.cmd = exec.Command(p.bin, "serve", "-addr", p.addr, "-db", p.db)
		p.cmd.Env = append(os.Environ(), "FACTDRILL_LOG_LEVEL=error")
		p.cmd.Stderr = os.Stderr
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if p.cmd.ProcessState == nil {
				p.cmd.Process.Kill()
				p.cmd.Wait()
			}
		})
	}
	deadline := time.Now().Add(90 * time.Second)
	for _, p := range ps {
		for {
			resp, err := http.Get("http://" + p.addr + "/healthz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == 200 {
					break
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("server %s did not become healthy", p.addr)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// balancer sends each request of a client to one of the servers at random,
// as a load balancer without sticky sessions does; a server that does not
// answer is skipped, as a load balancer's health check would.
type balancer struct {
	bases []string
	down  []atomic.Bool
}

func (b *balancer) pick() (int, string) {
	for {
		i := rand.IntN(len(b.bases))
		if !b.down[i].Load() {
			return i, b.bases[i]
		}
	}
}

// client is one browser: a cookie jar, which the servers' cookies are good
// on whichever server the next request lands.
type client struct {
	http *http.Client
	lb   *balancer
}

func newClient(lb *balancer) *client {
	jar, _ := cookiejar.New(nil)
	return &client{lb: lb, http: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// post posts a form to any server until one answers; it returns the
// response's status and Location. A server that refuses the connection is
// tried no more.
func (c *client) post(path string, form url.Values) (int, string) {
	code, loc, _ := c.postAny(path, form)
	return code, loc
}

// postAny is post that also says which server answered.
func (c *client) postAny(path string, form url.Values) (int, string, int) {
	for {
		i, base := c.lb.pick()
		resp, err := c.http.PostForm(base+path, form)
		if err != nil {
			c.lb.down[i].Store(true)
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Location"), i
	}
}

// get fetches a page from the server at base.
func (c *client) get(base, path string) (int, string, error) {
	resp, err := c.http.Get(base + path)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

// TestMultiServer runs two factdrill servers on one PostgreSQL database
// behind a random balancer: learners' requests land on either at random;
// a teacher's edit on one shows at once on the other; then one server is
// killed with SIGKILL while learners answer, and the other carries on.
// Every answer acknowledged is in the database afterwards.
func TestMultiServer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two servers for several seconds")
	}
	pg := dbtest.PostgresSchema(t)
	bin := buildBinary(t)
	a := &process{t: t, bin: bin, addr: freeAddr(t), db: pg}
	b := &process{t: t, bin: bin, addr: freeAddr(t), db: pg}
	startTogether(t, a, b)
	lb := &balancer{bases: []string{"http://" + a.addr, "http://" + b.addr}, down: make([]atomic.Bool, 2)}

	ctx := context.Background()
	store, err := db.Open(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sets, err := store.PublishedSets(ctx)
	if err != nil || len(sets) != 1 {
		t.Fatalf("two servers starting at once made %d built-in sets (%v), want 1", len(sets), err)
	}
	_, qs, err := store.PublishedSet(ctx, sets[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	teacher, err := store.CreateTeacher(ctx, "Ada", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}

	// The teacher logs in on one server and makes a class on the other.
	tc := newClient(lb)
	if code, _, err := postTo(tc, lb.bases[0], "/login", url.Values{"name": {"Ada"}, "password": {"correct horse battery"}}); err != nil || code != http.StatusSeeOther {
		t.Fatalf("login on server a = %d, %v", code, err)
	}
	code, loc, err := postTo(tc, lb.bases[1], "/teacher/classes", url.Values{"name": {"Year 9"}})
	if err != nil || code != http.StatusSeeOther {
		t.Fatalf("making a class on server b = %d, %v: the login made on server a does not hold there", code, err)
	}
	classID, err := strconv.ParseInt(strings.Trim(strings.TrimPrefix(strings.Split(loc, "?")[0], "/teacher/classes/"), "/"), 10, 64)
	if err != nil {
		t.Fatalf("class page %q: %v", loc, err)
	}
	class, err := store.Class(ctx, teacher.ID, classID)
	if err != nil {
		t.Fatal(err)
	}

	l := &ledger{acked: map[answerKey]quiz.Answer{}}
	stop := make(chan struct{})
	errs := make(chan error, 100)
	var wg sync.WaitGroup
	var answered atomic.Int64
	for i := range 8 {
		wg.Go(func() {
			c := newClient(lb)
			if code, _ := c.post("/join", url.Values{"code": {class.JoinCode}, "name": {fmt.Sprintf("Learner %d", i)}}); code != http.StatusSeeOther {
				errs <- fmt.Errorf("learner %d joining = %d, want 303", i, code)
				return
			}
			n := i * 1000000
			for {
				code, loc := c.post(fmt.Sprintf("/sets/%d/attempts", sets[0].ID), nil)
				if code != http.StatusSeeOther {
					errs <- fmt.Errorf("starting an attempt = %d, want 303", code)
					return
				}
				attempt, _ := strconv.ParseInt(strings.Split(loc, "/")[2], 10, 64)
				for pos, q := range qs {
					select {
					case <-stop:
						return
					default:
					}
					form, answer, ok := formFor(q.Question, n)
					n++
					if !ok {
						continue
					}
					path := fmt.Sprintf("/attempts/%d/questions/%d", attempt, pos+1)
					code, _, on := c.postAny(path, form)
					if code != http.StatusSeeOther {
						errs <- fmt.Errorf("answer to attempt %d question %d = %d, want 303", attempt, pos+1, code)
						return
					}
					l.ack(answerKey{attempt, pos}, answer)
					answered.Add(1)
					// The other server shows the answer at once.
					if other := 1 - on; answer.Text != "" && !lb.down[other].Load() {
						code, body, err := c.get(lb.bases[other], path)
						if err == nil && (code != 200 || !strings.Contains(body, answer.Text)) {
							errs <- fmt.Errorf("right after %s was answered %q on one server, the other shows it without (status %d)", path, answer.Text, code)
							return
						}
					}
				}
				if code, _ := c.post(fmt.Sprintf("/attempts/%d/finish", attempt), nil); code != http.StatusSeeOther {
					errs <- fmt.Errorf("finishing attempt %d = %d, want 303", attempt, code)
					return
				}
			}
		})
	}

	// While they answer, the teacher renames the class on one server and
	// a learner reads its page on the other, at once.
	reader := newClient(lb)
	if code, _, err := postTo(reader, lb.bases[0], "/join", url.Values{"code": {class.JoinCode}, "name": {"Reader"}}); err != nil || code != http.StatusSeeOther {
		t.Fatalf("joining = %d, %v", code, err)
	}
	for i := range 10 {
		name := fmt.Sprintf("Year 9, group %d", i)
		on, other := lb.bases[i%2], lb.bases[1-i%2]
		if code, _, err := postTo(tc, on, fmt.Sprintf("/teacher/classes/%d/rename", classID), url.Values{"name": {name}}); err != nil || code != http.StatusSeeOther {
			t.Fatalf("renaming the class on %s = %d, %v", on, code, err)
		}
		code, body, err := reader.get(other, fmt.Sprintf("/classes/%d", classID))
		if err != nil || code != 200 || !strings.Contains(body, name) {
			t.Fatalf("right after the class was renamed %q on %s, its page on %s (status %d, %v) does not say so", name, on, other, code, err)
		}
	}

	// Then server a dies mid-run; the learners go on on server b.
	time.Sleep(time.Second)
	before := answered.Load()
	lb.down[0].Store(true)
	a.signal(syscall.SIGKILL)
	time.Sleep(1500 * time.Millisecond)
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	after := answered.Load()
	if before < 20 || after-before < 20 {
		t.Fatalf("%d answers before the kill and %d after: the test did not exercise the servers", before, after-before)
	}

	conn, err := sql.Open("pgx", pg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	lost := 0
	for k, want := range l.acked {
		got, ok := storedAnswerPG(t, conn, k)
		switch {
		case !ok:
			lost++
		case !reflect.DeepEqual(got, want):
			t.Errorf("attempt %d question %d: stored %+v, acknowledged %+v", k.attempt, k.pos, got, want)
		}
	}
	t.Logf("%d answers acknowledged by two servers (%d after one was killed): %d lost", len(l.acked), after-before, lost)
	if lost > 0 {
		t.Errorf("%d acknowledged answers are not in the database", lost)
	}
	b.signal(syscall.SIGTERM)
}

// postTo posts a form to one server.
func postTo(c *client, base, path string, form url.Values) (int, string, error) {
	resp, err := c.http.PostForm(base+path, form)
	if err != nil {
		return 0, "", err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), nil
}

// storedAnswerPG reads one response from the PostgreSQL database.
func storedAnswerPG(t *testing.T, conn *sql.DB, k answerKey) (quiz.Answer, bool) {
	t.Helper()
	var body string
	err := conn.QueryRow("SELECT answer FROM responses WHERE attempt_id = $1 AND position = $2", k.attempt, k.pos).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return quiz.Answer{}, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var a quiz.Answer
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatalf("attempt %d question %d: %v", k.attempt, k.pos, err)
	}
	return a, true
}
