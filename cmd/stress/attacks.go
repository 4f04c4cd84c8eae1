package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

// attacks are issue 14's, in its order where it has one.
var attacks = []attack{
	{"no attack (baseline, 5 s)", "", attackNone},
	{"2 MB one-sentence documents, 3 at once and a 4th", "", attackGenerate(oneSentenceDoc)},
	{"2 MB of dates and numbers, 3 at once and a 4th", "", attackGenerate(numberDoc)},
	{"400 parallel setup posts, wave after wave for 5 s", "", attackSetup},
	{"400 parallel logins, unknown names, 400 addresses, waves for 5 s", "", attackLogins(false)},
	{"400 parallel logins, the teacher's name, 400 addresses, waves for 5 s", "", attackLogins(true)},
	{"60 parallel wrong passwords from one address", "", attackWrongPasswords},
	{"400 parallel 1 MB form posts, waves for 5 s", "", attackBigForms},
	{"timing of real and unknown names", "", attackTiming},
	{"cookie-less attempt flood from one address", "", attackAttemptFlood},
	{"large-set attempt flood from 12 addresses", "assess", attackLargeSetFlood},
	{"edit during an attempt", "assess", attackEditDuringAttempt},
	{"CSV injection in a display name", "assess", attackCSV},
	{"flashcards of an assigned quiz (study?show=1)", "", attackStudyShow},
	{"resume-code limits", "", attackResume},
	{"time-zone names", "", attackZones},
	{"large editor save (5,000 questions)", "roster", attackLargeEditor},
	{"huge file name", "", attackHugeFileName},
	{"16 Anki decks of 58 MB at once, from 16 addresses", "", attackDecks},
	{"backup failure", "", attackBackupFailure},
	{"double Undo", "study", attackDoubleUndo},
	{"foreign databases", "", attackForeign},
	{"read-only file system", "", attackReadOnly},
	{"full disk", "", attackFullDisk},
}

// attackNone measures the server at rest, for comparison.
func attackNone(ctx context.Context, h *harness) (string, bool, error) {
	time.Sleep(5 * time.Second)
	return "the steady learner only", true, nil
}

// docSize is the size of the hostile documents: the most an upload may
// carry (2 MiB) less a little.
const docSize = 2_000_000

// oneSentenceDoc is 2 MB of one sentence of names, places and dates.
func oneSentenceDoc() string {
	words := []string{"the", "council", "of", "Moscow", "in", "1921", "voted", "with", "Shliapnikov", "and", "Kollontai",
		"against", "a", "number", "of", "12,500", "workers", "on", "March", "3,", "1920"}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < docSize-1 {
		b.WriteString(words[r.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.String()[:docSize-1] + "."
}

// numberDoc is 2 MB of dates and numbers.
func numberDoc() string {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for i := 0; b.Len() < docSize; i++ {
		if i%3 == 0 {
			fmt.Fprintf(&b, "%d in 19%02d. ", r.IntN(99999), r.IntN(100))
		} else {
			fmt.Fprintf(&b, "%d, ", r.IntN(99999))
		}
	}
	return b.String()[:docSize]
}

// attackGenerate uploads three hostile documents at once (the most one
// teacher may have queued) and a fourth, which must be refused with 503,
// then waits for the three to end.
func attackGenerate(doc func() string) func(ctx context.Context, h *harness) (string, bool, error) {
	return func(ctx context.Context, h *harness) (string, bool, error) {
		text := []byte(doc())
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			jobs  []string
			codes []int
		)
		for i := range 3 {
			wg.Go(func() {
				code, loc, _, err := upload(h.teacher, h.base+"/teacher/sets/generate", "document", fmt.Sprintf("doc%d.txt", i), text, form("count", "20"))
				mu.Lock()
				defer mu.Unlock()
				codes = append(codes, code)
				if err == nil && code == http.StatusSeeOther {
					jobs = append(jobs, loc)
				}
			})
		}
		wg.Wait()
		fourth, _, _, err := upload(h.teacher, h.base+"/teacher/sets/generate", "document", "doc4.txt", text, form("count", "20"))
		if err != nil {
			return "", false, err
		}
		start := time.Now()
		done, failed := 0, 0
		var why []string
		for _, job := range jobs {
			for {
				code, body, err := get(h.teacher, h.base+job)
				if err != nil {
					return "", false, err
				}
				if code == http.StatusSeeOther {
					done++
					break
				}
				if strings.Contains(body, `data-testid="job-error"`) {
					failed++
					why = append(why, unescape(between(body, `data-testid="job-error">`, "</p>")))
					break
				}
				if time.Since(start) > 4*time.Minute || ctx.Err() != nil {
					return fmt.Sprintf("job %s still running after %v", job, time.Since(start).Round(time.Second)), false, nil
				}
				time.Sleep(200 * time.Millisecond)
			}
		}
		ok := len(jobs) == 3 && fourth == http.StatusServiceUnavailable
		for _, w := range why {
			// A document with nothing to ask is the document's failure; a
			// deadline or an error is the server's.
			ok = ok && strings.HasPrefix(w, "No question could be written")
		}
		slices.Sort(why)
		return fmt.Sprintf("3 jobs queued (%v), the 4th refused with %d; %d done, %d failed (%s), all ended in %v",
			codes, fourth, done, failed, strings.Join(slices.Compact(why), "; "), time.Since(start).Round(100*time.Millisecond)), ok, nil
	}
}

// workers runs n requests, k at a time, and counts their statuses.
func workers(k, n int, do func(i int) (int, error)) (map[int]int, error) {
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		counts = map[int]int{}
		first  error
		next   = make(chan int)
	)
	for range k {
		wg.Go(func() {
			for i := range next {
				code, err := do(i)
				mu.Lock()
				counts[code]++
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return counts, first
}

// parallel runs n requests at once and counts their statuses.
func parallel(n int, do func(i int) (int, error)) (map[int]int, error) {
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		counts = map[int]int{}
		first  error
	)
	for i := range n {
		wg.Go(func() {
			code, err := do(i)
			mu.Lock()
			defer mu.Unlock()
			counts[code]++
			if err != nil && first == nil {
				first = err
			}
		})
	}
	wg.Wait()
	return counts, first
}

// waves sends waves of n requests at once for d, and counts their
// statuses.
func waves(d time.Duration, n int, do func(i int) (int, error)) (map[int]int, int, error) {
	total, waves := map[int]int{}, 0
	for start := time.Now(); time.Since(start) < d; waves++ {
		counts, err := parallel(n, do)
		if err != nil {
			return total, waves, err
		}
		for k, v := range counts {
			total[k] += v
		}
	}
	return total, waves, nil
}

func attackSetup(ctx context.Context, h *harness) (string, bool, error) {
	token := strings.Repeat("ab", 32)
	clients := make([]*http.Client, 400)
	for i := range clients {
		clients[i] = client(addr(10, i), false)
	}
	counts, n, err := waves(5*time.Second, 400, func(i int) (int, error) {
		code, _, err := post(clients[i], h.base+"/setup/"+token, form("name", "Mallory", "password", teacherPass, "password2", teacherPass))
		return code, err
	})
	return fmt.Sprintf("%d waves: statuses %v", n, counts), err == nil && counts[http.StatusNotFound] == n*400, err
}

func attackLogins(realName bool) func(ctx context.Context, h *harness) (string, bool, error) {
	return func(ctx context.Context, h *harness) (string, bool, error) {
		block := map[bool]int{false: 11, true: 12}[realName]
		clients := make([]*http.Client, 400)
		for i := range clients {
			clients[i] = client(addr(block, i), false)
		}
		counts, n, err := waves(5*time.Second, 400, func(i int) (int, error) {
			name := fmt.Sprintf("nobody-%d", i)
			if realName {
				name = teacherName
			}
			code, _, err := post(clients[i], h.base+"/login", form("name", name, "password", "a wrong password, long enough"))
			return code, err
		})
		// Past 5 failures from one address, a name waits: 429.
		ok := err == nil && counts[http.StatusUnauthorized]+counts[http.StatusServiceUnavailable]+counts[http.StatusTooManyRequests] == n*400
		outcome := fmt.Sprintf("%d waves: statuses %v (401 checked, 503 refused as busy, 429 throttled)", n, counts)
		if realName {
			// The teacher, on their own browser, is not kept out.
			code, _, err := post(h.teacher, h.base+"/login", form("name", teacherName, "password", teacherPass))
			if err != nil {
				return "", false, err
			}
			outcome += fmt.Sprintf("; then the teacher's own login = %d", code)
			ok = ok && code == http.StatusSeeOther
		}
		return outcome, ok, err
	}
}

// attackBigForms posts forms as large as the server takes (1 MB), 400 at
// once: each is read whole, so the server must not read them all at once.
func attackBigForms(ctx context.Context, h *harness) (string, bool, error) {
	big := strings.Repeat("x", 1<<20-200)
	clients := make([]*http.Client, 400)
	for i := range clients {
		clients[i] = client(addr(24, i), false)
	}
	counts, n, err := waves(5*time.Second, 400, func(i int) (int, error) {
		code, _, err := post(clients[i], h.base+"/join", form("code", "ABC-123", "name", big))
		return code, err
	})
	ok := err == nil && counts[http.StatusUnprocessableEntity]+counts[http.StatusTooManyRequests]+counts[http.StatusServiceUnavailable] == n*400
	return fmt.Sprintf("%d waves of 400 MB: statuses %v", n, counts), ok, err
}

func attackWrongPasswords(ctx context.Context, h *harness) (string, bool, error) {
	c := client("127.0.13.1", false)
	counts, err := parallel(60, func(i int) (int, error) {
		code, _, err := post(c, h.base+"/login", form("name", teacherName, "password", fmt.Sprintf("wrong password %d", i)))
		return code, err
	})
	ok := err == nil && counts[http.StatusUnauthorized] == 5 && counts[http.StatusTooManyRequests] == 55
	return fmt.Sprintf("statuses %v: %d passwords checked", counts, counts[http.StatusUnauthorized]), ok, err
}

// attackTiming times refused logins of the real name and of unknown
// names, one at a time, each from its own address (so that no limit
// slows it), with a password of usual length and one of 300 characters.
func attackTiming(ctx context.Context, h *harness) (string, bool, error) {
	const n = 60
	type try struct{ key, name, password string }
	times := map[string][]time.Duration{}
	r := rand.New(rand.NewPCG(5, 6))
	for i := range n {
		tries := []try{
			{"real", teacherName, "a wrong password, long enough"},
			{"unknown", fmt.Sprintf("nobody-%d", i), "a wrong password, long enough"},
			{"real long", teacherName, strings.Repeat("x", 300)},
			{"unknown long", fmt.Sprintf("nobody-%d", i), strings.Repeat("x", 300)},
		}
		r.Shuffle(len(tries), func(a, b int) { tries[a], tries[b] = tries[b], tries[a] })
		for j, t := range tries {
			c := client(addr(14, i*4+j), false)
			start := time.Now()
			code, _, err := post(c, h.base+"/login", form("name", t.name, "password", t.password))
			took := time.Since(start)
			c.CloseIdleConnections()
			if err != nil {
				return "", false, err
			}
			if code == http.StatusUnauthorized {
				times[t.key] = append(times[t.key], took)
			}
		}
	}
	med := func(k string) time.Duration {
		ts := times[k]
		if len(ts) == 0 {
			return 0
		}
		slices.Sort(ts)
		return ts[len(ts)/2]
	}
	real, unknown, realLong, unknownLong := med("real"), med("unknown"), med("real long"), med("unknown long")
	ratio := float64(real) / float64(max(unknown, 1))
	ok := ratio > 0.75 && ratio < 1.33 && (realLong-unknownLong).Abs() < 5*time.Millisecond
	return fmt.Sprintf("median refusal: real name %s, unknown %s (ratio %.2f); 300-character password: real %s, unknown %s",
		ms(real), ms(unknown), ratio, ms(realLong), ms(unknownLong)), ok, nil
}

func attackAttemptFlood(ctx context.Context, h *harness) (string, bool, error) {
	c := client("127.0.15.1", false)
	deadline := time.Now().Add(10 * time.Second)
	var (
		mu     sync.Mutex
		counts = map[int]int{}
		wg     sync.WaitGroup
	)
	for range 8 {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				code, _, err := post(c, fmt.Sprintf("%s/sets/%d/attempts", h.base, h.seedSet), nil)
				if err != nil {
					continue
				}
				mu.Lock()
				counts[code]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	made := counts[http.StatusSeeOther]
	// The limit: 120 at once, and 120 more in 10 minutes.
	return fmt.Sprintf("in 10 s: %d learners and attempts made, %d refused with 429", made, counts[http.StatusTooManyRequests]),
		made <= 120+3 && counts[http.StatusTooManyRequests] > 0, nil
}

// attackLargeSetFlood starts anonymous attempts at the 2,000-question set
// from many addresses, each opening its first question (which puts the
// attempt in the read cache).
func attackLargeSetFlood(ctx context.Context, h *harness) (string, bool, error) {
	const addresses = 12
	deadline := time.Now().Add(60 * time.Second)
	var (
		mu      sync.Mutex
		started int
		wg      sync.WaitGroup
	)
	for a := range addresses {
		wg.Go(func() {
			for range 120 {
				if time.Now().After(deadline) {
					return
				}
				c := client(addr(16, a), true)
				code, loc, err := post(c, fmt.Sprintf("%s/sets/%d/attempts", h.base, h.bigSet), nil)
				if err != nil || code != http.StatusSeeOther {
					c.CloseIdleConnections()
					continue
				}
				get(c, h.base+loc)
				c.CloseIdleConnections()
				mu.Lock()
				started++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return fmt.Sprintf("%d attempts at a 2,000-question set started and opened", started), started > 0, nil
}

// classStudent joins the harness's class as a new student.
func (h *harness) classStudent(ip, name string) (*http.Client, error) {
	c := client(ip, true)
	code, _, err := post(c, h.base+"/join", form("code", h.classCode, "name", name))
	if err == nil && code != http.StatusSeeOther {
		err = fmt.Errorf("join = %d", code)
	}
	return c, err
}

// assignmentRe finds an assignment's id in a teacher's page.
var assignmentRe = regexp.MustCompile(`/teacher/assignments/(\d+)/`)

// teacherSet uploads a GIFT file as the teacher's set, publishes it and
// assigns it to the class; it returns the set's and the assignment's ids.
func (h *harness) teacherSet(name, gift string, settings url.Values) (set, assignment int64, err error) {
	code, loc, body, err := upload(h.teacher, h.base+"/teacher/sets/upload", "file", name, []byte(gift), nil)
	if err != nil || code != http.StatusSeeOther {
		return 0, 0, fmt.Errorf("upload %s = %d: %v %.200s", name, code, err, body)
	}
	if set, err = lastNumber(loc); err != nil {
		return 0, 0, err
	}
	if code, _, _ := post(h.teacher, fmt.Sprintf("%s/teacher/sets/%d/publish", h.base, set), nil); code != http.StatusSeeOther {
		return 0, 0, fmt.Errorf("publish = %d", code)
	}
	f := form("set", fmt.Sprint(set), "feedback", "after")
	for k, v := range settings {
		f[k] = v
	}
	if code, _, _ := post(h.teacher, fmt.Sprintf("%s/teacher/classes/%d/assignments", h.base, h.classID), f); code != http.StatusSeeOther {
		return 0, 0, fmt.Errorf("assign = %d", code)
	}
	page, err := getBody(h.teacher, fmt.Sprintf("%s/teacher/classes/%d", h.base, h.classID))
	if err != nil {
		return 0, 0, err
	}
	i := strings.Index(page, fmt.Sprintf(`href="/teacher/sets/%d"`, set))
	if i < 0 {
		return 0, 0, fmt.Errorf("set %d is not on the class page", set)
	}
	// The first address of an assignment after the set's link is its own
	// (its settings, its flashcards switch, its removal).
	m := assignmentRe.FindStringSubmatch(page[i:])
	if m == nil {
		return 0, 0, fmt.Errorf("set %d has no assignment on the class page", set)
	}
	assignment, err = strconv.ParseInt(m[1], 10, 64)
	return set, assignment, err
}

const truthGIFT = `::A:: Paris is the capital of France. {T}

::B:: Rome is the capital of Spain. {F}

::C:: Oslo is the capital of Norway. {T}

::D:: Lima is the capital of Chile. {F}
`

var truths = map[string]string{"Paris": "true", "Rome": "false", "Oslo": "true", "Lima": "false"}

// attackEditDuringAttempt: a student answers question 1; the teacher
// removes question 2 and saves; the student answers the rest, each as
// shown, rightly: the score must be 100%.
func attackEditDuringAttempt(ctx context.Context, h *harness) (string, bool, error) {
	set, assignment, err := h.teacherSet("truths.gift", truthGIFT, nil)
	if err != nil {
		return "", false, err
	}
	s, err := h.classStudent("127.0.17.1", "Edith")
	if err != nil {
		return "", false, err
	}
	code, loc, err := post(s, fmt.Sprintf("%s/assignments/%d/attempts", h.base, assignment), nil)
	if err != nil || code != http.StatusSeeOther {
		return "", false, fmt.Errorf("start = %d %v", code, err)
	}
	attempt := between(loc, "/attempts/", "/")
	answer := func(n int) error {
		page, err := getBody(s, fmt.Sprintf("%s/attempts/%s/questions/%d", h.base, attempt, n))
		if err != nil {
			return err
		}
		for city, v := range truths {
			if strings.Contains(between(page, `id="stem"`, "</"), city) {
				_, _, err := post(s, fmt.Sprintf("%s/attempts/%s/questions/%d", h.base, attempt, n), form("truth", v, "nav", "next"))
				return err
			}
		}
		return fmt.Errorf("question %d: no known statement on the page", n)
	}
	if err := answer(1); err != nil {
		return "", false, err
	}
	edit, err := getBody(h.teacher, fmt.Sprintf("%s/teacher/sets/%d/edit", h.base, set))
	if err != nil {
		return "", false, err
	}
	f := pageForm(edit, fmt.Sprintf("/teacher/sets/%d/edit", set))
	f.Del("q1-keep")
	f.Set("publish", "1")
	if code, _, _ := post(h.teacher, fmt.Sprintf("%s/teacher/sets/%d/edit", h.base, set), f); code != http.StatusSeeOther {
		return fmt.Sprintf("saving the edit = %d", code), false, nil
	}
	for n := 2; ; n++ {
		code, body, err := get(s, fmt.Sprintf("%s/attempts/%s/questions/%d", h.base, attempt, n))
		if err != nil || code != http.StatusOK || !strings.Contains(body, `data-testid="question"`) {
			break
		}
		if err := answer(n); err != nil {
			return "", false, err
		}
	}
	post(s, fmt.Sprintf("%s/attempts/%s/finish", h.base, attempt), nil)
	result, err := getBody(s, fmt.Sprintf("%s/attempts/%s/result", h.base, attempt))
	if err != nil {
		return "", false, err
	}
	score := between(result, `<span class="big">`, "<")
	return "score " + score + " for every answer right as shown", score == "100%", nil
}

const csvName = `Bob;=cmd|' /C calc'!A0;x`

// attackCSV: a student with a formula for a name; the teacher exports the
// scores. The name's cell must be quoted and neutralised.
func attackCSV(ctx context.Context, h *harness) (string, bool, error) {
	if _, err := h.classStudent("127.0.18.1", csvName); err != nil {
		return "", false, err
	}
	csv, err := getBody(h.teacher, fmt.Sprintf("%s/teacher/classes/%d/scores.csv", h.base, h.classID))
	if err != nil {
		return "", false, err
	}
	for _, line := range strings.Split(csv, "\n") {
		i := strings.Index(line, "Bob;")
		if i < 0 {
			continue
		}
		quoted := i > 0 && (line[i-1] == '"' || (line[i-1] == '\'' && i > 1 && line[i-2] == '"'))
		return fmt.Sprintf("the name's line: %.80s", strings.TrimSpace(line)), quoted, nil
	}
	return "the name is not in scores.csv", false, nil
}

// attackStudyShow: a class member asks for the answers of an assigned
// quiz through its flashcards before taking it.
func attackStudyShow(ctx context.Context, h *harness) (string, bool, error) {
	set, _, err := h.teacherSet("capitals.gift", "::Q:: What is the capital of Peru? {=Lima ~Quito ~Bogota}\n", form("attempts", "1"))
	if err != nil {
		return "", false, err
	}
	s, err := h.classStudent("127.0.19.1", "Sam")
	if err != nil {
		return "", false, err
	}
	code, body, err := get(s, fmt.Sprintf("%s/sets/%d/study?show=1", h.base, set))
	if err != nil {
		return "", false, err
	}
	shown := strings.Contains(body, "Lima")
	return fmt.Sprintf("GET /sets/%d/study?show=1 before the quiz = %d, answer shown: %v", set, code, shown), code == http.StatusForbidden && !shown, nil
}

func attackResume(ctx context.Context, h *harness) (string, bool, error) {
	phone := client("127.0.20.1", true)
	if code, _, err := post(phone, h.base+"/me/name", form("name", "Zoya")); err != nil || code != http.StatusSeeOther {
		return "", false, fmt.Errorf("save name = %d %v", code, err)
	}
	me, err := getBody(phone, h.base+"/me")
	if err != nil {
		return "", false, err
	}
	code := between(me, `data-testid="resume-code">`, "<")
	right := 0
	for range 20 {
		if c, _, _ := post(client("127.0.20.2", true), h.base+"/resume", form("code", code)); c == http.StatusSeeOther {
			right++
		}
	}
	guesser := client("127.0.20.3", true)
	wrong := map[int]int{}
	for i := range 11 {
		c, _, _ := post(guesser, h.base+"/resume", form("code", fmt.Sprintf("ZZZZ-%04d", i)))
		wrong[c]++
	}
	after, _, _ := post(guesser, h.base+"/resume", form("code", code))
	ok := right == 20 && wrong[http.StatusUnprocessableEntity] == 10 && wrong[http.StatusTooManyRequests] == 1 && after == http.StatusTooManyRequests
	return fmt.Sprintf("20 right codes from one address: %d let in; 11 wrong: %v; a right one after them: %d", right, wrong, after), ok, nil
}

func attackZones(ctx context.Context, h *harness) (string, bool, error) {
	counts, err := workers(50, 3000, func(i int) (int, error) {
		zone := fmt.Sprintf("Europe/%s/Paris%d", strings.Repeat(".", 1+i%3), i)
		if i%2 == 0 {
			zone = fmt.Sprintf("Europe//Paris/%d", i)
		}
		code, _, err := post(client(addr(21, i%10), false), h.base+"/settings",
			form("retention", "90", "new_per_day", "20", "time_zone", zone, "rollover_hour", "4"))
		return code, err
	})
	return fmt.Sprintf("3000 odd zone names from 10 addresses: statuses %v", counts), err == nil && counts[http.StatusSeeOther] == 0, err
}

// attackLargeEditor saves a 5,000-question set unchanged from its editor.
func attackLargeEditor(ctx context.Context, h *harness) (string, bool, error) {
	code, loc, _, err := upload(h.teacher, h.base+"/teacher/sets/upload", "file", "five-thousand.gift", []byte(largeGIFT(5000)), nil)
	if err != nil || code != http.StatusSeeOther {
		return fmt.Sprintf("upload = %d", code), false, err
	}
	set, err := lastNumber(loc)
	if err != nil {
		return "", false, err
	}
	page, err := getBody(h.teacher, fmt.Sprintf("%s/teacher/sets/%d/edit", h.base, set))
	if err != nil {
		return "", false, err
	}
	f := pageForm(page, fmt.Sprintf("/teacher/sets/%d/edit", set))
	f.Set("publish", "0")
	code, _, err = post(h.teacher, fmt.Sprintf("%s/teacher/sets/%d/edit", h.base, set), f)
	return fmt.Sprintf("saving the editor's %d KB form = %d", len(f.Encode())>>10, code), code == http.StatusSeeOther, err
}

func attackHugeFileName(ctx context.Context, h *harness) (string, bool, error) {
	name := strings.Repeat("n", 2_000_000) + ".gift"
	code, loc, _, err := upload(h.teacher, h.base+"/teacher/sets/upload", "file", name, []byte(truthGIFT), nil)
	if err != nil || code != http.StatusSeeOther {
		return fmt.Sprintf("upload = %d", code), false, err
	}
	set, err := lastNumber(loc)
	if err != nil {
		return "", false, err
	}
	page, err := getBody(h.teacher, fmt.Sprintf("%s/teacher/sets/%d", h.base, set))
	if err != nil {
		return "", false, err
	}
	title := unescape(between(page, "<h1>", "</h1>"))
	n := utf8.RuneCountInString(title)
	return fmt.Sprintf("a 2,000,000-character file name gave a title of %d characters", n), n > 0 && n <= 200, nil
}

// mount mounts a tmpfs of size at dir (made), and returns its unmount.
func mount(dir, size string) (func(), error) {
	if err := mustRoot(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		return nil, fmt.Errorf("%w: mount a tmpfs: %v", errSkipped, err)
	}
	return func() { syscall.Unmount(dir, syscall.MNT_DETACH) }, nil
}

// attackBackupFailure backs the live database up to a file system too
// small for it: the backup must fail and leave nothing, and a retry to the
// same name, once there is room, must work.
func attackBackupFailure(ctx context.Context, h *harness) (string, bool, error) {
	dir := filepath.Join(h.dir, "small")
	unmount, err := mount(dir, "256k")
	if err != nil {
		return "", false, err
	}
	defer unmount()
	dst := filepath.Join(dir, "backup.db")
	out, err := exec.CommandContext(ctx, h.bin, "backup", "-db", h.db, dst).CombinedOutput()
	entries, _ := os.ReadDir(dir)
	failed := err != nil
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT, "size=512m"); err != nil {
		return "", false, err
	}
	retry, rerr := exec.CommandContext(ctx, h.bin, "backup", "-db", h.db, dst).CombinedOutput()
	ok := failed && len(entries) == 0 && rerr == nil
	return fmt.Sprintf("to a full disk: failed %v (%s), %d files left; the retry: %s", failed, strings.TrimSpace(string(out)), len(entries),
		strings.TrimSpace(string(retry))), ok, nil
}

// attackDoubleUndo answers two flashcards, then posts Undo twice at once:
// one answer must be taken back, not two.
func attackDoubleUndo(ctx context.Context, h *harness) (string, bool, error) {
	c := client("127.0.22.1", true)
	for range 2 {
		page, err := getBody(c, fmt.Sprintf("%s/sets/%d/study?show=1&mode=more", h.base, h.seedSet))
		if err != nil {
			return "", false, err
		}
		f := form("card", between(page, `name="card" value="`, `"`), "reps", between(page, `name="reps" value="`, `"`), "rating", "3", "mode", "more")
		if code, _, err := post(c, fmt.Sprintf("%s/sets/%d/study", h.base, h.seedSet), f); err != nil || code != http.StatusSeeOther {
			return "", false, fmt.Errorf("flashcard answer = %d %v", code, err)
		}
	}
	// The Undo button names the answer it takes back, as the page shows
	// it; both posts send that form.
	page, err := getBody(c, fmt.Sprintf("%s/sets/%d/study?mode=more", h.base, h.seedSet))
	if err != nil {
		return "", false, err
	}
	undo := form("review", between(page, `name="review" value="`, `"`), "mode", "more")
	counts, err := parallel(2, func(int) (int, error) {
		code, _, err := post(c, fmt.Sprintf("%s/sets/%d/study/undo", h.base, h.seedSet), undo)
		return code, err
	})
	if err != nil {
		return "", false, err
	}
	me, err := getBody(c, h.base+"/me")
	if err != nil {
		return "", false, err
	}
	code := strings.ReplaceAll(between(me, `data-testid="resume-code">`, "<"), "-", "")
	conn, err := sql.Open("sqlite3", "file:"+h.db+"?mode=ro")
	if err != nil {
		return "", false, err
	}
	defer conn.Close()
	var left int
	err = conn.QueryRow(`SELECT count(*) FROM reviews r JOIN learners l ON l.id = r.learner_id WHERE l.resume_code = ? AND r.source = 'study'`, code).Scan(&left)
	return fmt.Sprintf("two answers, two Undos at once (%v): %d answers left", counts, left), left == 1, err
}

// serveOnce runs factdrill serve on path, expecting it to refuse it; it
// returns what it printed.
func (h *harness) serveOnce(ctx context.Context, path string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, h.bin, "serve", "-db", path, "-addr", "127.0.0.1:0").CombinedOutput()
	if err == nil || ctx.Err() != nil {
		return string(out), fmt.Errorf("serve %s did not refuse it", path)
	}
	return strings.TrimSpace(string(out)), nil
}

func fileHash(path string) [32]byte {
	b, _ := os.ReadFile(path)
	return sha256.Sum256(b)
}

// attackForeign points the server at another application's database and
// at a newer factdrill's.
func attackForeign(ctx context.Context, h *harness) (string, bool, error) {
	dir := filepath.Join(h.dir, "foreign")
	os.MkdirAll(dir, 0o755)
	other := filepath.Join(dir, "places.sqlite")
	c, err := sql.Open("sqlite3", "file:"+other)
	if err != nil {
		return "", false, err
	}
	_, err = c.Exec("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org')")
	c.Close()
	if err != nil {
		return "", false, err
	}
	before := fileHash(other)
	out1, err := h.serveOnce(ctx, other)
	if err != nil {
		return out1, false, nil
	}
	unchanged := fileHash(other) == before

	newer := filepath.Join(dir, "newer.db")
	add := exec.CommandContext(ctx, h.bin, "teacher", "add", "-db", newer, "Someone")
	add.Stdin = strings.NewReader(teacherPass + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		return "", false, fmt.Errorf("teacher add: %v %s", err, out)
	}
	c, err = sql.Open("sqlite3", "file:"+newer)
	if err != nil {
		return "", false, err
	}
	_, err = c.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_from_the_future.sql', '2030-01-01 00:00:00')")
	c.Close()
	if err != nil {
		return "", false, err
	}
	out2, err := h.serveOnce(ctx, newer)
	if err != nil {
		return out2, false, nil
	}
	ok := unchanged && strings.Contains(out1, "not a factdrill database") && strings.Contains(out2, "newer factdrill")
	return fmt.Sprintf("another application's: %q (file unchanged: %v); a newer factdrill's: %q", lastLine(out1), unchanged, lastLine(out2)), ok, nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func attackReadOnly(ctx context.Context, h *harness) (string, bool, error) {
	dir := filepath.Join(h.dir, "ro")
	unmount, err := mount(dir, "16m")
	if err != nil {
		return "", false, err
	}
	defer unmount()
	path := filepath.Join(dir, "site.db")
	add := exec.CommandContext(ctx, h.bin, "teacher", "add", "-db", path, "Someone")
	add.Stdin = strings.NewReader(teacherPass + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		return "", false, fmt.Errorf("teacher add: %v %s", err, out)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		return "", false, err
	}
	out, err := h.serveOnce(ctx, path)
	if err != nil {
		return out, false, nil
	}
	return fmt.Sprintf("%q", lastLine(out)), strings.Contains(out, "read-only") && !strings.Contains(out, "no such file"), nil
}

// attackFullDisk runs a second server on a small file system, fills it,
// and answers a question: the learner must be told the answer was not
// saved, with the form keeping it; once there is room, it saves.
func attackFullDisk(ctx context.Context, h *harness) (string, bool, error) {
	dir := filepath.Join(h.dir, "full")
	unmount, err := mount(dir, "24m")
	if err != nil {
		return "", false, err
	}
	defer unmount()
	small := &harness{bin: h.bin, dir: dir, db: filepath.Join(dir, "site.db"), questionsDir: filepath.Join(dir, "q")}
	os.MkdirAll(small.questionsDir, 0o755)
	if err := small.startServer(ctx); err != nil {
		return "", false, err
	}
	defer small.stopServer()
	seed, err := small.setID("Workers")
	if err != nil {
		return "", false, err
	}
	c := client("127.0.23.1", true)
	code, loc, err := post(c, fmt.Sprintf("%s/sets/%d/attempts", small.base, seed), nil)
	if err != nil || code != http.StatusSeeOther {
		return "", false, fmt.Errorf("start = %d %v", code, err)
	}
	attempt := between(loc, "/attempts/", "/")
	var question string
	for n := 1; n < 100; n++ {
		u := fmt.Sprintf("%s/attempts/%s/questions/%d", small.base, attempt, n)
		page, err := getBody(c, u)
		if err != nil {
			return "", false, err
		}
		if k := between(page, `data-kind="`, `"`); k == "short_answer" || k == "cloze" {
			question = u
			break
		}
	}
	if question == "" {
		return "no question to type an answer to", false, nil
	}
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		return "", false, err
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	f.Close()
	typed := "an answer typed on a full disk " + strings.Repeat("and long ", 150)
	code, _, body, err := postBody(c, question, form("text", typed, "nav", "next"))
	if err != nil {
		return "", false, err
	}
	told := strings.Contains(body, "not saved") && strings.Contains(body, "an answer typed on a full disk")
	os.Remove(filler)
	again, _, err := post(c, question, form("text", typed, "nav", "next"))
	return fmt.Sprintf("on a full disk: %d, told and form kept: %v; once there is room: %d", code, told, again),
		code == http.StatusServiceUnavailable && told && again == http.StatusSeeOther, err
}
