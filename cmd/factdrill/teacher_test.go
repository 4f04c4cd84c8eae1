package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

var noenv = func(string) string { return "" }

// lines collects what a server prints, for tests that read more than its
// address.
type lines struct {
	mu  sync.Mutex
	all []string
}

func (l *lines) add(s string) { l.mu.Lock(); l.all = append(l.all, s); l.mu.Unlock() }

// wait returns the first line matching re, waiting up to 60 s for it.
func (l *lines) wait(t *testing.T, re *regexp.Regexp) []string {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		l.mu.Lock()
		for _, s := range l.all {
			if m := re.FindStringSubmatch(s); m != nil {
				l.mu.Unlock()
				return m
			}
		}
		l.mu.Unlock()
	}
	t.Fatalf("the server printed no line matching %s; it printed %q", re, l.all)
	return nil
}

var addrLine = regexp.MustCompile(` on (http://[^ ]+)/$`)

// startServerArgs runs `factdrill serve` with extra flags and returns the
// server and what it prints. It stops when the test ends.
func startServerArgs(t *testing.T, dbPath string, extra ...string) (*testServer, *lines) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	s := &testServer{DB: dbPath, cancel: cancel, done: make(chan error, 1)}
	out := &lines{}
	getenv := func(k string) string {
		if k == "FACTDRILL_LOG_LEVEL" {
			return "warn"
		}
		return ""
	}
	args := append([]string{"serve", "-addr", "127.0.0.1:0", "-db", dbPath}, extra...)
	go func() {
		err := run(ctx, args, getenv, nil, pw, os.Stderr)
		pw.CloseWithError(io.EOF)
		s.done <- err
	}()
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			out.add(sc.Text())
		}
		io.Copy(io.Discard, pr)
	}()
	s.URL = out.wait(t, addrLine)[1]
	t.Cleanup(func() { s.stop(t) })
	return s, out
}

var setupLine = regexp.MustCompile(`Create the first teacher account: (http://\S+/setup/[0-9a-f]{64}) `)

func TestRun_SetupLink(t *testing.T) {
	path := tempDB(t)
	s, out := startServerArgs(t, path)
	link := out.wait(t, setupLine)[1]
	if !strings.HasPrefix(link, s.URL+"/setup/") {
		t.Fatalf("setup link %q is not on the server's address %s", link, s.URL)
	}
	if code, _ := get(t, link); code != 200 {
		t.Fatalf("GET setup link = %d, want 200", code)
	}
	s.stop(t)

	// Once a teacher exists, no link is printed.
	var stdout bytes.Buffer
	err := run(context.Background(), []string{"teacher", "add", "-db", path, "Ms", "Rivera"}, noenv, strings.NewReader(testPassword+"\n"), &stdout, io.Discard)
	if err != nil || !strings.Contains(stdout.String(), `"Ms Rivera"`) {
		t.Fatalf("teacher add = %v, %q", err, stdout.String())
	}
	old := s.URL
	s, out = startServerArgs(t, path)
	if code, _ := get(t, strings.Replace(link, old, s.URL, 1)); code != 404 {
		t.Errorf("the setup link once a teacher exists = %d, want 404", code)
	}
	out.mu.Lock()
	defer out.mu.Unlock()
	for _, l := range out.all {
		if strings.Contains(l, "/setup/") {
			t.Fatalf("with a teacher, serve printed %q", l)
		}
	}
}

const testPassword = "correct horse battery"

func TestRun_TeacherAdd(t *testing.T) {
	path := tempDB(t)
	add := func(stdin string, args ...string) error {
		return run(context.Background(), append([]string{"teacher", "add", "-db", path}, args...), noenv, strings.NewReader(stdin), io.Discard, io.Discard)
	}
	if err := add(testPassword+"\r\n", "Rivera"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		stdin, name, want string
	}{
		{testPassword + "\n", "rivera", "already exists"},
		{"short\n", "Other", "at least 10 characters"},
		{"", "Other", "no password"},
	} {
		if err := add(c.stdin, c.name); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("teacher add %q with %q = %v, want an error saying %q", c.name, c.stdin, err, c.want)
		}
	}
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Authenticate(context.Background(), "Rivera", testPassword); err != nil {
		t.Fatalf("log in with the password given on stdin: %v", err)
	}
	err = run(context.Background(), []string{"teacher", "password", "-db", path, "Rivera"}, noenv, strings.NewReader("a brand new password\n"), io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Authenticate(context.Background(), "Rivera", "a brand new password"); err != nil {
		t.Fatalf("log in with the new password: %v", err)
	}
}

func TestRun_Scores(t *testing.T) {
	path := tempDB(t)
	ctx := context.Background()
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	now := start
	store.SetClock(func() time.Time { return now })
	tc, _ := store.CreateTeacher(ctx, "Rivera", testPassword)
	set := questions.Set{Title: "Capitals", Questions: []questions.Question{
		{Kind: questions.TrueFalse, Stem: "Rome is the capital of Italy.", Truth: true},
		{Kind: questions.TrueFalse, Stem: "Lyon is the capital of France.", Truth: false},
	}}
	setID, _ := store.CreateDraftSet(ctx, tc.ID, set)
	store.SetPublished(ctx, tc.ID, setID, true)
	class, _ := store.CreateClass(ctx, tc.ID, "7B")
	g, _ := store.Assign(ctx, tc.ID, class.ID, setID, db.QuizSettings{Feedback: db.FeedbackAfter})
	for _, st := range []struct {
		name  string
		right int
	}{{"=HYPERLINK(\"http://evil\")", 1}, {"Zoë Ångström", 2}} {
		now = start
		l, _ := store.CreateLearner(ctx)
		store.JoinClass(ctx, l.ID, class.JoinCode, st.name)
		a, err := store.StartClassAttempt(ctx, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		yes, no := true, false
		store.SaveAnswer(ctx, l.ID, a.ID, 0, quiz.Answer{True: &yes}, 1)
		ans := &yes
		if st.right == 2 {
			ans = &no
		}
		store.SaveAnswer(ctx, l.ID, a.ID, 1, quiz.Answer{True: ans}, 1)
		now = start.Add(time.Minute)
		store.FinishAttempt(ctx, l.ID, a.ID)
	}
	store.Close()

	var out bytes.Buffer
	if err := run(ctx, []string{"scores", "-db", path, "-class", strings.ToLower(db.FormatJoinCode(class.JoinCode))}, noenv, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatalf("scores output is not CSV: %v\n%s", err, out.String())
	}
	want := [][]string{
		{"Student", "Student ID", "School ID", "Email", "Class", "Capitals (%)"},
		{"'=HYPERLINK(\"http://evil\")", "1", "", "", "7B", "50"},
		{"Zoë Ångström", "2", "", "", "7B", "100"},
	}
	if len(rows) != len(want) {
		t.Fatalf("scores = %q, want %q", rows, want)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	out.Reset()
	if err := run(ctx, []string{"scores", "-db", path, "-answers"}, noenv, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if rows, _ := csv.NewReader(&out).ReadAll(); len(rows) != 5 || rows[2][13] != "0" || rows[2][14] != "no" || rows[4][14] != "yes" {
		t.Errorf("detailed scores = %q, want a header and 4 answers, the second wrong", rows)
	}
	if err := run(ctx, []string{"scores", "-db", path, "-class", "ZZZ-ZZZ"}, noenv, nil, io.Discard, io.Discard); err == nil {
		t.Error("scores for an unknown class code succeeded")
	}
}
