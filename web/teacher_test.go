package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"factdrill/db"
)

const testPassword = "correct horse battery"

// testGIFT is a small GIFT file, with a question carrying markup that must
// reach no page as markup.
const testGIFT = `::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}

::Rome:: Rome is the capital of Italy. {T}

::Script:: Which tag runs code? <script>alert(1)</script> {=script ~style ~em}
`

// testDocument is a short text the generator can write questions from.
const testDocument = `The Workers' Opposition was a faction of the Russian Communist Party that emerged in 1920. ` +
	`It was led by Alexander Shlyapnikov, Alexandra Kollontai and Sergei Medvedev. ` +
	`The group demanded that the trade unions run the national economy. ` +
	`Lenin condemned the faction at the Tenth Party Congress in March 1921. ` +
	`The congress banned factions inside the party. ` +
	`Shlyapnikov was born in Murom in 1885. ` +
	`Kollontai later served as the Soviet ambassador to Sweden from 1930 to 1945. ` +
	`Medvedev was expelled from the party in 1933.`

// world is the fixture of the teacher tests: two teachers, each with a
// published set and a class; student A in class A with a finished class
// attempt and an open public attempt; student B in class B.
type world struct {
	*env
	teacherA, teacherB db.Teacher
	anon, sA, sB       *browser
	tA, tB             *browser
	setA, setB         int64
	classA, classB     db.Class
	assignA, assignB   int64
	learnerA           int64
	attemptDone        int64 // student A's finished class attempt
	attemptOpen        int64 // student A's open attempt at the public set
	deckA              int64 // student A's own deck
}

func newWorld(t *testing.T) *world {
	t.Helper()
	e := newEnv(t)
	ctx := context.Background()
	w := &world{env: e, anon: e.browser(), sA: e.browser(), sB: e.browser(), tA: e.browser(), tB: e.browser()}
	var err error
	if w.teacherA, err = e.store.CreateTeacher(ctx, "Teacher A", testPassword); err != nil {
		t.Fatal(err)
	}
	if w.teacherB, err = e.store.CreateTeacher(ctx, "Teacher B", testPassword); err != nil {
		t.Fatal(err)
	}
	w.tA.login("Teacher A")
	w.tB.login("Teacher B")
	for _, s := range []struct {
		tc  db.Teacher
		set *int64
		cl  *db.Class
		as  *int64
		fb  string
	}{{w.teacherA, &w.setA, &w.classA, &w.assignA, db.FeedbackDuring}, {w.teacherB, &w.setB, &w.classB, &w.assignB, db.FeedbackAfter}} {
		if *s.set, err = e.store.CreateDraftSet(ctx, s.tc.ID, testSet); err != nil {
			t.Fatal(err)
		}
		if err := e.store.SetPublished(ctx, s.tc.ID, *s.set, true); err != nil {
			t.Fatal(err)
		}
		if *s.cl, err = e.store.CreateClass(ctx, s.tc.ID, "Class of "+s.tc.Name); err != nil {
			t.Fatal(err)
		}
		if *s.as, err = e.store.Assign(ctx, s.tc.ID, s.cl.ID, *s.set, db.QuizSettings{Feedback: s.fb}); err != nil {
			t.Fatal(err)
		}
	}
	w.sA.join(w.classA, "Student A")
	w.sB.join(w.classB, "Student B")
	r := w.sA.post(fmt.Sprintf("/assignments/%d/attempts", w.assignA), nil)
	w.attemptDone = attemptOf(t, r)
	w.sA.post(fmt.Sprintf("/attempts/%d/questions/1", w.attemptDone), url.Values{"choice": {"1"}, "nav": {"next"}})
	if r := w.sA.post(fmt.Sprintf("/attempts/%d/finish", w.attemptDone), nil); r.status != http.StatusSeeOther {
		t.Fatalf("finish the class attempt = %d", r.status)
	}
	w.attemptOpen = attemptOf(t, w.sA.post(fmt.Sprintf("/sets/%d/attempts", e.setID), nil))
	res, err := e.store.ClassResults(ctx, w.teacherA.ID, w.classA.ID)
	if err != nil || len(res.Students) != 1 {
		t.Fatalf("class A results = %+v, %v", res, err)
	}
	w.learnerA = res.Students[0].Learner.ID
	if w.deckA, err = e.store.ImportDeck(ctx, w.learnerA, testDeckSet, nil); err != nil {
		t.Fatal(err)
	}
	return w
}

var attemptPath = regexp.MustCompile(`^/attempts/(\d+)/`)

func attemptOf(t *testing.T, r response) int64 {
	t.Helper()
	m := attemptPath.FindStringSubmatch(r.location)
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("start attempt = %d to %q, want 303 to an attempt", r.status, r.location)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// login logs the browser in as the teacher.
func (b *browser) login(name string) {
	b.e.t.Helper()
	r := b.post("/login", url.Values{"name": {name}, "password": {testPassword}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/teacher") {
		b.e.t.Fatalf("login %s = %d to %q\n%s", name, r.status, r.location, r.body)
	}
}

// join joins the class with its code and a name.
func (b *browser) join(c db.Class, name string) {
	b.e.t.Helper()
	r := b.post("/join", url.Values{"code": {db.FormatJoinCode(c.JoinCode)}, "name": {name}})
	if r.status != http.StatusSeeOther || r.location != fmt.Sprintf("/classes/%d", c.ID) {
		b.e.t.Fatalf("join %s = %d to %q\n%s", c.Name, r.status, r.location, r.body)
	}
}

// upload posts a file to a multipart route, with extra form fields.
func (b *browser) upload(path, field, name string, data []byte, fields url.Values) response {
	b.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if name != "" {
		fw, _ := mw.CreateFormFile(field, name)
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", b.e.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.do(req)
}

// waitJob follows a generation job until it has finished, and returns
// where it leads.
func (b *browser) waitJob(jobURL string) response {
	b.e.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		r := b.get(jobURL)
		if r.status != http.StatusOK || !strings.Contains(r.body, `http-equiv="refresh"`) {
			return r
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.e.t.Fatalf("job %s did not finish in 30s", jobURL)
	return response{}
}

func countSets(t *testing.T, s *db.Store) int {
	t.Helper()
	var n int
	for _, id := range []int64{1, 2} {
		sets, err := s.TeacherSets(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		n += len(sets)
	}
	return n
}
