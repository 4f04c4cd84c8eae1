package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/generate"
	"factdrill/quiz"
)

func TestLogin(t *testing.T) {
	e := newEnv(t)
	if _, err := e.store.CreateTeacher(context.Background(), "Rivera", testPassword); err != nil {
		t.Fatal(err)
	}
	b := e.browser()
	wrong := b.post("/login", url.Values{"name": {"Rivera"}, "password": {"not the password"}})
	unknown := b.post("/login", url.Values{"name": {"Nobody"}, "password": {testPassword}})
	if wrong.status != http.StatusUnauthorized || unknown.status != http.StatusUnauthorized {
		t.Fatalf("wrong password = %d, unknown name = %d, want 401 for both", wrong.status, unknown.status)
	}
	msg := "The name or the password is not right."
	mustContain(t, "wrong password", wrong.body, msg)
	mustContain(t, "unknown name", unknown.body, msg)

	// A student's session before login; the login gives a new token, and
	// the old one opens nothing.
	b.post("/me/name", url.Values{"name": {"Zoya"}})
	before := b.c.Jar.Cookies(mustURL(e.srv.URL))
	b.login("Rivera")
	after := b.c.Jar.Cookies(mustURL(e.srv.URL))
	if len(before) != 1 || len(after) != 1 || before[0].Value == after[0].Value {
		t.Fatalf("cookies before and after login = %v, %v; want the session cookie replaced", before, after)
	}
	old := e.browser()
	old.c.Jar.SetCookies(mustURL(e.srv.URL), before)
	if r := old.get("/teacher"); r.status == http.StatusOK {
		t.Fatal("the pre-login cookie opens the teacher's dashboard")
	}
	if r := b.get("/me"); !strings.Contains(r.body, `value="Zoya"`) {
		t.Error("the learner of the browser did not carry over into the teacher's session")
	}

	// Logout ends the session on the server: a copy of the cookie opens
	// nothing either.
	copied := e.browser()
	copied.c.Jar.SetCookies(mustURL(e.srv.URL), after)
	if r := copied.get("/teacher"); r.status != http.StatusOK {
		t.Fatalf("a copy of the teacher's cookie = %d before logout, want 200", r.status)
	}
	if r := b.post("/logout", nil); r.status != http.StatusSeeOther {
		t.Fatalf("logout = %d", r.status)
	}
	if r := copied.get("/teacher"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/login") {
		t.Fatalf("the copied cookie after logout = %d to %q, want 303 to /login", r.status, r.location)
	}

	t.Run("Next", func(t *testing.T) {
		b := e.browser()
		r := b.get("/teacher/sets/new")
		if r.location != "/login?next=%2Fteacher%2Fsets%2Fnew" {
			t.Fatalf("anonymous GET of a teacher page = %d to %q", r.status, r.location)
		}
		r = b.post("/login", url.Values{"name": {"Rivera"}, "password": {testPassword}, "next": {"https://evil.example/"}})
		if r.location != "/teacher?notice=logged-in" {
			t.Errorf("login with a foreign next = %q, want the dashboard", r.location)
		}
	})
}

func mustURL(s string) *url.URL { u, _ := url.Parse(s); return u }

func TestLoginThrottle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.store.CreateTeacher(ctx, "Rivera", testPassword)
	e.store.CreateTeacher(ctx, "Okafor", testPassword)
	b := e.browser()
	try := func(name, pw string) response {
		return b.post("/login", url.Values{"name": {name}, "password": {pw}})
	}
	for i := 0; i < 5; i++ {
		if r := try("Rivera", "guess"); r.status != http.StatusUnauthorized {
			t.Fatalf("failed login %d = %d, want 401", i+1, r.status)
		}
	}
	r := try("Rivera", testPassword)
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
		t.Fatalf("login after 5 failures = %d (Retry-After %q), want 429 with Retry-After", r.status, r.header.Get("Retry-After"))
	}
	mustContain(t, "throttled", r.body, "Too many failed tries")
	// Another teacher at the same address (a school behind one router) is
	// not slowed down.
	if r := b.post("/login", url.Values{"name": {"Okafor"}, "password": {testPassword}}); r.status != http.StatusSeeOther {
		t.Fatalf("another teacher from the same address = %d, want 303", r.status)
	}
	// The wait is short: a second later the right password works.
	e.clock.add(2 * time.Second)
	b2 := e.browser()
	if r := b2.post("/login", url.Values{"name": {"Rivera"}, "password": {testPassword}}); r.status != http.StatusSeeOther {
		t.Fatalf("login after the backoff = %d, want 303", r.status)
	}
	// And the success cleared the count.
	if r := b2.post("/login", url.Values{"name": {"Rivera"}, "password": {"guess"}}); r.status != http.StatusUnauthorized {
		t.Fatalf("a failure after a success = %d, want 401", r.status)
	}
}

func TestTeacherSessionTimeouts(t *testing.T) {
	e := newEnv(t)
	e.store.CreateTeacher(context.Background(), "Rivera", testPassword)
	b := e.browser()
	b.login("Rivera")
	// Active every hour: still logged in at 11 hours.
	for i := 0; i < 11; i++ {
		e.clock.add(time.Hour)
		if r := b.get("/teacher"); r.status != http.StatusOK {
			t.Fatalf("after %d active hours: GET /teacher = %d, want 200", i+1, r.status)
		}
	}
	e.clock.add(time.Hour)
	if r := b.get("/teacher"); r.status != http.StatusSeeOther {
		t.Fatalf("after 12 hours: GET /teacher = %d, want 303 to the login", r.status)
	}
	b.login("Rivera")
	e.clock.add(2*time.Hour + time.Minute)
	if r := b.get("/teacher"); r.status != http.StatusSeeOther {
		t.Fatalf("after 2 idle hours: GET /teacher = %d, want 303 to the login", r.status)
	}
}

func TestSetup(t *testing.T) {
	e := newEnv(t)
	token, err := e.store.CreateSetupToken(context.Background(), 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	b := e.browser()
	if r := b.get("/setup/" + token); r.status != http.StatusOK {
		t.Fatalf("GET setup = %d", r.status)
	}
	r := b.post("/setup/"+token, url.Values{"name": {"Rivera"}, "password": {testPassword}, "password2": {"something else"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("setup with different passwords = %d, want 422", r.status)
	}
	mustContain(t, "setup", r.body, "not the same", `value="Rivera"`)
	r = b.post("/setup/"+token, url.Values{"name": {"Rivera"}, "password": {"short"}, "password2": {"short"}})
	mustContain(t, "setup", r.body, "at least 10 characters")
	r = b.post("/setup/"+token, url.Values{"name": {"Rivera"}, "password": {testPassword}, "password2": {testPassword}})
	if r.status != http.StatusSeeOther || r.location != "/teacher?notice=welcome" {
		t.Fatalf("setup = %d to %q", r.status, r.location)
	}
	if r := b.get("/teacher"); r.status != http.StatusOK {
		t.Fatalf("dashboard after setup = %d, want 200 (logged in)", r.status)
	}
	other := e.browser()
	r = other.post("/setup/"+token, url.Values{"name": {"Mallory"}, "password": {testPassword}, "password2": {testPassword}})
	if r.status != http.StatusNotFound {
		t.Fatalf("the setup link used again = %d, want 404", r.status)
	}
	if n, _ := e.store.TeacherCount(context.Background()); n != 1 {
		t.Fatalf("%d teachers after setup, want 1", n)
	}
	t.Run("Expired", func(t *testing.T) {
		e := newEnv(t)
		token, _ := e.store.CreateSetupToken(context.Background(), 24*time.Hour)
		e.clock.add(24 * time.Hour)
		if r := e.browser().get("/setup/" + token); r.status != http.StatusNotFound {
			t.Fatalf("an expired setup link = %d, want 404", r.status)
		}
	})
}

func TestGenerateHostile(t *testing.T) {
	w := newWorld(t)
	before := countSets(t, w.store)
	for _, c := range []struct {
		fields url.Values
		file   []byte
		status int
		want   string
	}{
		{url.Values{"text": {"  "}}, nil, http.StatusUnprocessableEntity, "Paste a text"},
		{url.Values{"text": {"abc\xffdef"}}, nil, http.StatusUnprocessableEntity, "not UTF-8"},
		{nil, []byte("PK\x03\x04\x00\x00binary"), http.StatusUnprocessableEntity, "zip archive but not a Word"},
		{nil, []byte("\x7fELF\x02\x01\x01\x00binary"), http.StatusUnprocessableEntity, "not a document factdrill reads"},
		{url.Values{"text": {testDocument}, "count": {"0"}}, nil, http.StatusUnprocessableEntity, "Ask for 1 to 200"},
		{nil, bytes.Repeat([]byte("word "), maxDocumentBytes/5+10), http.StatusRequestEntityTooLarge, "larger than 2 MB"},
	} {
		name := ""
		if c.file != nil {
			name = "doc.txt"
		}
		r := w.tA.upload("/teacher/sets/generate", "document", name, c.file, c.fields)
		if r.status != c.status {
			t.Errorf("generate %q = %d, want %d", c.want, r.status, c.status)
			continue
		}
		mustContain(t, "generate", r.body, c.want)
	}
	if after := countSets(t, w.store); after != before {
		t.Errorf("after the refused documents there are %d sets, want %d", after, before)
	}
	// A text with no facts: the job ends with a clear message.
	r := w.tA.upload("/teacher/sets/generate", "document", "", nil, url.Values{"text": {"hello hello hello"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("generate = %d", r.status)
	}
	mustContain(t, "job", w.tA.waitJob(r.location).body, "No question could be written")
}

func TestGenerateAndEdit(t *testing.T) {
	w := newWorld(t)
	r := w.tA.upload("/teacher/sets/generate", "document", "history.md", []byte(testDocument), url.Values{"count": {"6"}, "title": {"Opposition"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("generate = %d\n%s", r.status, r.body)
	}
	done := w.tA.waitJob(r.location)
	// (Fewer than the 6 asked may be written: the editor then says so.)
	if done.status != http.StatusSeeOther || !strings.Contains(done.location, "/edit?notice=generated") {
		t.Fatalf("finished job = %d to %q\n%s", done.status, done.location, done.body)
	}
	editURL := strings.Split(done.location, "?")[0]
	page := w.tA.get(editURL)
	mustContain(t, "editor", page.body, "From sentence", `value="Opposition"`)
	mustContain(t, "set page", w.tA.get(strings.TrimSuffix(editURL, "/edit")).body, "generated from history.md", "draft")
	sets, _ := w.store.TeacherSets(context.Background(), w.teacherA.ID)
	info := sets[0]
	_, qs, _ := w.store.TeacherSet(context.Background(), w.teacherA.ID, info.ID)
	if info.Published || len(qs) == 0 || qs[0].Source == nil {
		t.Fatalf("generated set = %+v with %d questions; want a draft whose questions keep their source", info, len(qs))
	}
	// Keep all but the first; the second's stem edited.
	form := editForm("Opposition, checked", qs, func(i int) bool { return i > 0 })
	form.Set("q1-stem", "An edited stem?")
	if qs[1].Kind == questions.Cloze {
		form.Set("q1-stem", "An edited "+questions.Blank+" stem.")
	}
	// First an invalid edit: an empty stem is refused, and nothing saved.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("q2-stem", "")
	r = w.tA.post(editURL, bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("an edit with an empty stem = %d, want 422", r.status)
	}
	mustContain(t, "invalid edit", r.body, "1 question to correct; nothing was saved", "has no text")
	if _, again, _ := w.store.TeacherSet(context.Background(), w.teacherA.ID, info.ID); len(again) != len(qs) {
		t.Fatalf("a refused edit changed the set: %d questions, want %d", len(again), len(qs))
	}
	r = w.tA.post(editURL, form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("save = %d\n%s", r.status, r.body)
	}
	got, gotQs, _ := w.store.TeacherSet(context.Background(), w.teacherA.ID, info.ID)
	if !got.Published || got.Title != "Opposition, checked" || len(gotQs) != len(qs)-1 || gotQs[0].ID != qs[1].ID || !strings.HasPrefix(gotQs[0].Stem, "An edited") {
		t.Fatalf("after saving: %+v, %d questions, first %q (id %d); want published, renamed, one fewer, the edited one first",
			got, len(gotQs), gotQs[0].Stem, gotQs[0].ID)
	}
}

func TestScoresCSV(t *testing.T) {
	w := newWorld(t)
	hostile := []string{"=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "Zoë", hostileName}
	for _, name := range hostile {
		b := w.browser()
		b.join(w.classA, name)
	}
	r := w.tA.get(fmt.Sprintf("/teacher/classes/%d/scores.csv", w.classA.ID))
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("scores.csv = %d %q", r.status, r.header.Get("Content-Type"))
	}
	body := strings.TrimPrefix(r.body, "\uFEFF")
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, body)
	}
	if want := []string{"Student", "Student ID", "School ID", "Email", "Class", "Capitals (%)"}; strings.Join(rows[0], "|") != strings.Join(want, "|") {
		t.Errorf("header = %q, want %q", rows[0], want)
	}
	names := map[string][]string{}
	for _, row := range rows[1:] {
		names[row[0]] = row
	}
	// Student A answered 1 of the 7 questions right (the essay, unanswered,
	// counts in a class quiz): 14%.
	if row := names["Student A"]; row == nil || row[4] != "Class of Teacher A" || row[5] != "14" {
		t.Errorf("student A's row = %q, want class A and a score of 14", row)
	}
	for _, want := range []string{"'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "Zoë", "Bob;'=cmd|' /C calc'!A0;x"} {
		if names[want] == nil {
			t.Errorf("no row named %q (the neutralised name); rows %q", want, rows)
		}
	}
	if len(rows) != 1+1+len(hostile) {
		t.Errorf("%d rows, want a header and %d students", len(rows), 1+len(hostile))
	}
	if !strings.Contains(r.body, "\r\n") {
		t.Error("the CSV lines do not end in CRLF")
	}
	checkCSVCells(t, r.body)
	// The detailed export: one row per attempt and question.
	r = w.tA.get(fmt.Sprintf("/teacher/classes/%d/answers.csv", w.classA.ID))
	checkCSVCells(t, r.body)
	rows, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 1+len(testSet.Questions) || rows[1][1] != "Student A" || rows[1][11] != "Paris" {
		t.Errorf("answers.csv = %q, %v; want a header and one row per question of student A's attempt", rows, err)
	}
}

// TestClassQuizSettings takes a class quiz with questions drawn, a limit
// of attempts and feedback after each answer.
func TestClassQuizSettings(t *testing.T) {
	w := newWorld(t)
	r := w.tA.post(fmt.Sprintf("/teacher/classes/%d/assignments", w.classA.ID),
		url.Values{"set": {fmt.Sprint(w.setID)}, "draw": {"3"}, "attempts": {"1"}, "shuffle": {"1"}, "feedback": {"during"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("assign = %d\n%s", r.status, r.body)
	}
	as, _ := w.store.ClassAssignments(context.Background(), w.teacherA.ID, w.classA.ID)
	g := as[len(as)-1]
	if g.Draw != 3 || !g.Shuffle || g.MaxAttempts != 1 || g.Feedback != db.FeedbackDuring {
		t.Fatalf("assignment = %+v", g)
	}
	page := w.sA.get(fmt.Sprintf("/classes/%d", w.classA.ID))
	mustContain(t, "class page", page.body, "Capitals", "3 questions", "1 attempt left")
	base := fmt.Sprintf("/attempts/%d", attemptOf(t, w.sA.post(fmt.Sprintf("/assignments/%d/attempts", g.ID), nil)))
	q := w.sA.get(base + "/questions/1")
	mustContain(t, "question 1", q.body, "Question 1 of 3")
	// An answer goes to the feedback page, which says whether it is right.
	// The questions are drawn at random: answer the first graded one.
	id := mustAttemptID(base)
	var st db.Step
	n := 0
	for pos := 0; pos < 3; pos++ {
		st, _ = w.store.AttemptQuestion(context.Background(), w.learnerA, id, pos)
		if st.Response.Question.Kind.Graded() {
			n = pos + 1
			break
		}
	}
	if n == 0 {
		t.Skip("the three questions drawn are not graded")
	}
	form := rightForm(st.Response.Question.Question)
	form.Set("nav", "next")
	qURL := fmt.Sprintf("%s/questions/%d", base, n)
	r = w.sA.post(qURL, form)
	if r.location != qURL+"/feedback" {
		t.Fatalf("answer with feedback during = %d to %q, want the feedback page", r.status, r.location)
	}
	fb := w.sA.get(r.location)
	mustContain(t, "feedback", fb.body, "Right answer", `data-testid="continue"`)
	// The question checked shows its feedback again, not the form.
	if r := w.sA.get(qURL); r.location != qURL+"/feedback" {
		t.Errorf("GET a checked question = %d to %q, want its feedback page", r.status, r.location)
	}
	// The answer seen checked cannot be changed.
	wrong := url.Values{"choice": {"0", "2"}, "truth": {fmt.Sprint(!st.Response.Question.Truth)}, "text": {"zzz"}, "nav": {"next"}}
	for i := 0; i < 5; i++ {
		wrong.Add(fmt.Sprintf("match%d", i), "")
	}
	w.sA.post(qURL, wrong)
	st2, _ := w.store.AttemptQuestion(context.Background(), w.learnerA, id, n-1)
	if !st2.Response.Grade().Right() {
		t.Errorf("after a second, wrong answer the first (right) one no longer stands: %+v", st2.Response)
	}
	w.sA.post(base+"/finish", nil)
	r = w.sA.post(fmt.Sprintf("/assignments/%d/attempts", g.ID), nil)
	if r.status != http.StatusBadRequest {
		t.Fatalf("a second attempt of 1 allowed = %d, want 400", r.status)
	}
	mustContain(t, "second attempt", r.body, "used all 1 attempts")
}

func mustAttemptID(base string) int64 {
	var id int64
	fmt.Sscanf(base, "/attempts/%d", &id)
	return id
}

// rightForm is the form that answers q right.
func rightForm(q questions.Question) url.Values {
	f := url.Values{}
	switch q.Kind {
	case questions.MultipleChoice:
		for _, i := range q.RightChoices() {
			f.Add("choice", fmt.Sprint(i))
		}
	case questions.TrueFalse:
		f.Set("truth", fmt.Sprint(q.Truth))
	case questions.Numerical:
		f.Set("text", fmt.Sprint(q.Numbers[0].Value))
	case questions.Matching:
		for i, p := range q.Prompts() {
			f.Set(fmt.Sprintf("match%d", i), p.Answer)
		}
	default:
		if len(q.Answers) > 0 {
			f.Set("text", q.Answers[0].Text)
		} else {
			f.Set("text", "an essay")
		}
	}
	return f
}

// TestItemAnalysisFlags answers a set in a way that makes one question
// mislead, and checks that the page flags it first with a link to edit it.
func TestItemAnalysisFlags(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	_, qs, _ := w.store.TeacherSet(ctx, w.teacherA.ID, w.setA)
	// Six students: the strong ones answer everything right but pick Lyon
	// for question 1; the weak ones get question 1 right and the rest wrong.
	for i := 0; i < 6; i++ {
		l, _ := w.store.CreateLearner(ctx)
		w.store.JoinClass(ctx, l.ID, w.classA.JoinCode, fmt.Sprintf("S%d", i))
		a, err := w.store.StartClassAttempt(ctx, l.ID, w.assignA)
		if err != nil {
			t.Fatal(err)
		}
		strong := i < 4
		for pos, q := range qs {
			ans := quiz.Answer{Text: "wrong"}
			switch {
			case pos == 0 && strong:
				ans = quiz.Answer{Choices: []int{0}} // Lyon
			case pos == 0:
				ans = quiz.Answer{Choices: []int{1}} // Paris
			case strong:
				ans = answerOf(q.Question)
			}
			w.store.SaveAnswer(ctx, l.ID, a.ID, pos, ans, pos+1)
		}
		w.store.FinishAttempt(ctx, l.ID, a.ID)
	}
	r := w.tA.get(fmt.Sprintf("/teacher/sets/%d/items", w.setA))
	if r.status != http.StatusOK {
		t.Fatalf("items = %d", r.status)
	}
	mustContain(t, "item analysis", r.body, "7 finished attempts", "may mislead students",
		string(quiz.FlagNegative), string(quiz.FlagDistractor), fmt.Sprintf(`href="/teacher/sets/%d/edit#q0"`, w.setA))
	first := r.body[strings.Index(r.body, `data-testid="item"`):]
	first = first[:strings.Index(first, "</li>")]
	mustContain(t, "first item", first, "Capital of France?", string(quiz.FlagDistractor))
	// Teacher B sees none of class A's answers, even on a shared set.
	if r := w.tB.get(fmt.Sprintf("/teacher/sets/%d/items", w.setID)); !strings.Contains(r.body, "From 0 finished attempts") {
		t.Errorf("teacher B's item analysis of the shared set counts other classes' attempts")
	}
}

func answerOf(q questions.Question) quiz.Answer {
	var a quiz.Answer
	switch q.Kind {
	case questions.MultipleChoice:
		a.Choices = q.RightChoices()
	case questions.TrueFalse:
		a.True = &q.Truth
	case questions.Numerical:
		a.Text = fmt.Sprint(q.Numbers[0].Value)
	case questions.Matching:
		for _, p := range q.Prompts() {
			a.Matches = append(a.Matches, p.Answer)
		}
	default:
		if len(q.Answers) > 0 {
			a.Text = q.Answers[0].Text
		} else {
			a.Text = "an essay"
		}
	}
	return a
}

func TestJoin(t *testing.T) {
	w := newWorld(t)
	b := w.browser()
	for _, c := range []struct {
		code, name string
		want       string
	}{
		{"nope", "Ada", "6 letters and digits"},
		{"ZZZ-ZZ9", "Ada", "No class has this code"},
		{db.FormatJoinCode(w.classA.JoinCode), "  ", "Type your name"},
		{db.FormatJoinCode(w.classA.JoinCode), strings.Repeat("x", 61), "longer than 60"},
	} {
		if c.code == "ZZZ-ZZ9" && (w.classA.JoinCode == "ZZZZZ9" || w.classB.JoinCode == "ZZZZZ9") {
			continue
		}
		r := b.post("/join", url.Values{"code": {c.code}, "name": {c.name}})
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("join %q as %q = %d, want 422", c.code, c.name, r.status)
		}
		mustContain(t, "join", r.body, c.want)
	}
	if r := b.get("/me"); strings.Contains(r.body, "resume-code") {
		t.Error("a refused join made a learner")
	}
	b.join(w.classA, "Ada")
	mustContain(t, "classes page", b.get("/join").body, "Your classes", "Class of Teacher A")
	// A whole class joins at once from one address: right codes are never
	// slowed down.
	for i := 0; i < 40; i++ {
		w.browser().join(w.classB, fmt.Sprintf("Student %d", i))
	}
	// Guessing codes is: after 20 wrong codes in a minute, even a right
	// one waits for the minute to pass.
	var last int
	for i := 0; i < 21; i++ {
		last = w.browser().post("/join", url.Values{"code": {"AAA-AAA"}, "name": {"x"}}).status
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("the 21st wrong code in a minute = %d, want 429", last)
	}
	if r := w.browser().post("/join", url.Values{"code": {w.classA.JoinCode}, "name": {"x"}}); r.status != http.StatusTooManyRequests {
		t.Errorf("a right code after 20 wrong ones = %d, want 429", r.status)
	}
	w.clock.add(time.Minute)
	w.browser().join(w.classA, "Latecomer")
}

func TestTeacherPagesRender(t *testing.T) {
	w := newWorld(t)
	for _, p := range []string{"/teacher", "/teacher/sets/new", fmt.Sprintf("/teacher/sets/%d", w.setA), fmt.Sprintf("/teacher/sets/%d/edit", w.setA),
		fmt.Sprintf("/teacher/sets/%d/items", w.setA), fmt.Sprintf("/teacher/classes/%d", w.classA.ID),
		fmt.Sprintf("/teacher/classes/%d/students/%d", w.classA.ID, w.learnerA)} {
		r := w.tA.get(p)
		if r.status != http.StatusOK {
			t.Errorf("GET %s = %d", p, r.status)
			continue
		}
		if strings.Contains(r.body, "<script>") || strings.Contains(r.body, " style=") {
			t.Errorf("GET %s has inline script or style, which the CSP blocks", p)
		}
		mustContain(t, p, r.body, "Log out Teacher A", `teacher.js`)
	}
	// The shared (built-in) set is read-only for teachers.
	if r := w.tA.get(fmt.Sprintf("/teacher/sets/%d/edit", w.setID)); r.status != http.StatusForbidden {
		t.Errorf("editing the shared set = %d, want 403", r.status)
	}
}

// TestTeacherTakesQuiz: a teacher who starts a quiz gets a learner in the
// same session and stays logged in.
func TestTeacherTakesQuiz(t *testing.T) {
	w := newWorld(t)
	base := w.tA.startQuiz()
	if r := w.tA.get(base + "/questions/1"); r.status != http.StatusOK {
		t.Fatalf("the teacher's quiz = %d", r.status)
	}
	if r := w.tA.get("/teacher"); r.status != http.StatusOK {
		t.Fatalf("after starting a quiz the teacher's dashboard = %d, want 200 (still logged in)", r.status)
	}
}

// TestGenerateDefaultCount: the form asks for no number, and a document sent
// without one gets the set the generator chooses (the items it is surest
// of), not a fixed count.
func TestGenerateDefaultCount(t *testing.T) {
	w := newWorld(t)
	mustContain(t, "new set page", w.tA.get("/teacher/sets/new").body, `name="count" min="1" max="200" value=""`, "surest of")
	r := w.tA.upload("/teacher/sets/generate", "document", "", nil, url.Values{"text": {testDocument}, "count": {""}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("generate = %d\n%s", r.status, r.body)
	}
	done := w.tA.waitJob(r.location)
	var id int64
	if _, err := fmt.Sscanf(done.location, "/teacher/sets/%d/edit", &id); err != nil {
		t.Fatalf("finished job sends to %q: %v", done.location, err)
	}
	want, err := generate.Generate(testDocument, generate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, qs, _ := w.store.TeacherSet(context.Background(), w.teacherA.ID, id)
	if len(qs) != len(want.Questions) {
		t.Errorf("generated without a count: %d questions, want the generator's choice of %d", len(qs), len(want.Questions))
	}
}
