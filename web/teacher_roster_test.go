package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"factdrill/db"
)

func doc(t *testing.T, r response) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func texts(d *goquery.Document, sel string) []string {
	var out []string
	d.Find(sel).Each(func(_ int, s *goquery.Selection) { out = append(out, strings.TrimSpace(s.Text())) })
	return out
}

var codePattern = regexp.MustCompile(`^[0-9A-Z]{4}-[0-9A-Z]{4}$`)

// TestRoster_UploadSignInOneLearner is the roster's journey through HTTP:
// a roster uploaded with a mistake is refused by line and stores nothing;
// fixed, every student has a code, on the roster and on the printed
// sheet; a student signs in with theirs on two browsers and is one learner
// there, so the quiz's one attempt is one attempt.
func TestRoster_UploadSignInOneLearner(t *testing.T) {
	w := newWorld(t)
	rosterPath := fmt.Sprintf("/teacher/classes/%d/roster", w.classA.ID)
	ctx := context.Background()
	if _, err := w.store.Assign(ctx, w.teacherA.ID, w.classA.ID, w.setA, db.QuizSettings{MaxAttempts: 1, Feedback: db.FeedbackAfter}); err != nil {
		t.Fatal(err)
	}

	tmpl := w.tA.get("/teacher/roster-template.csv")
	if tmpl.status != http.StatusOK || !strings.HasPrefix(tmpl.header.Get("Content-Type"), "text/csv") || tmpl.body != db.RosterTemplate {
		t.Fatalf("template = %d %q\n%s", tmpl.status, tmpl.header.Get("Content-Type"), tmpl.body)
	}

	bad := "Name;School ID;Email\nAna Lima;S1;ana@example.org\nBo Chen;S2;bo@\nStudent A;S3;\n"
	r := w.tA.upload(rosterPath+"/upload", "file", "year8.csv", []byte(bad), nil)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad roster = %d, want 422\n%s", r.status, r.body)
	}
	problems := texts(doc(t, r), `[data-testid="roster-problems"] li`)
	want := []string{`Line 3, email: "bo@" is not an email address.`, `Line 4, name: A student named "Student A" is already on the class.`}
	if strings.Join(problems, "|") != strings.Join(want, "|") {
		t.Errorf("problems = %q, want %q", problems, want)
	}
	if c, _ := w.store.Class(ctx, w.teacherA.ID, w.classA.ID); c.Members != 1 {
		t.Fatalf("after a refused roster the class has %d members, want 1", c.Members)
	}

	good := "Name;School ID;Email\nAna Lima;S1;ana@example.org\nBo Chen;S2;bo@example.org\n"
	if r := w.tA.upload(rosterPath+"/upload", "file", "year8.csv", []byte(good), nil); r.status != http.StatusSeeOther {
		t.Fatalf("the roster = %d\n%s", r.status, r.body)
	}
	page := doc(t, w.tA.get(rosterPath))
	codes := texts(page, `[data-testid="member-code"]`)
	if len(codes) != 2 || !codePattern.MatchString(codes[0]) || codes[0] == codes[1] {
		t.Fatalf("codes on the roster = %q, want two different codes", codes)
	}
	sheet := doc(t, w.tA.get(fmt.Sprintf("/teacher/classes/%d/cards", w.classA.ID)))
	if got := texts(sheet, `[data-testid="signin-code"]`); strings.Join(got, ",") != strings.Join(codes, ",") {
		t.Errorf("codes on the sign-in sheet = %q, want the roster's %q", got, codes)
	}
	mustContain(t, "sign-in sheet", sheet.Find(`[data-testid="signin-card"]`).First().Text(), "Ana Lima", "/resume")

	laptop, phone := w.browser(), w.browser()
	for _, b := range []*browser{laptop, phone} {
		if r := b.post("/resume", url.Values{"code": {strings.ToLower(codes[0])}}); r.status != http.StatusSeeOther {
			t.Fatalf("signing in = %d\n%s", r.status, r.body)
		}
	}
	for _, b := range []*browser{laptop, phone} {
		me := doc(t, b.get("/me"))
		if code := strings.TrimSpace(me.Find(`[data-testid="resume-code"]`).Text()); code != codes[0] {
			t.Errorf("a signed-in browser shows code %q, want %q", code, codes[0])
		}
		home := b.get("/")
		mustContain(t, "home page", home.body, "Your classes", "Class of Teacher A")
	}
	a := w.assignmentOf(t, w.setA)
	start := laptop.post(fmt.Sprintf("/assignments/%d/attempts", a), nil)
	id := attemptOf(t, start)
	if r := laptop.post(fmt.Sprintf("/attempts/%d/finish", id), nil); r.status != http.StatusSeeOther {
		t.Fatalf("finish = %d", r.status)
	}
	if r := phone.post(fmt.Sprintf("/assignments/%d/attempts", a), nil); r.status == http.StatusSeeOther {
		t.Fatalf("the phone started a second attempt of a quiz allowing one: %q", r.location)
	}
}

// assignmentOf is class A's assignment of the set.
func (w *world) assignmentOf(t *testing.T, setID int64) int64 {
	t.Helper()
	as, err := w.store.ClassAssignments(context.Background(), w.teacherA.ID, w.classA.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if a.SetID == setID {
			return a.ID
		}
	}
	t.Fatalf("set %d is not assigned to class A", setID)
	return 0
}

// TestRoster_SignInLimited: sign-in codes are guessed no faster than
// resume codes are (they are the same codes).
func TestRoster_SignInLimited(t *testing.T) {
	w := newWorld(t)
	b := w.browser()
	var last response
	for i := 0; i < resumeTries+1; i++ {
		last = b.post("/resume", url.Values{"code": {fmt.Sprintf("ZZZZ-%04d", i)}})
	}
	if last.status != http.StatusTooManyRequests {
		t.Errorf("try %d of a sign-in code = %d, want 429", resumeTries+1, last.status)
	}
}

// TestRoster_JoinRulesAndMerge: a name on the roster cannot join with the
// class code; one who joined twice is shown to the teacher, who merges
// the two; a class kept to its roster refuses the class code.
func TestRoster_JoinRulesAndMerge(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	rosterPath := fmt.Sprintf("/teacher/classes/%d/roster", w.classA.ID)
	if r := w.tA.post(rosterPath, url.Values{"name": {"Ana Lima"}, "email": {"not-mail"}}); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("adding with a bad email = %d", r.status)
	} else if got := strings.TrimSpace(doc(t, r).Find(`[data-testid="email-error"]`).Text()); !strings.Contains(got, "not an email") {
		t.Errorf("the email's problem = %q", got)
	}
	if r := w.tA.post(rosterPath, url.Values{"name": {"Ana Lima"}, "school_id": {"S1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("adding a student = %d\n%s", r.status, r.body)
	}
	code := db.FormatJoinCode(w.classA.JoinCode)
	r := w.browser().post("/join", url.Values{"code": {code}, "name": {"ana lima"}})
	if r.status != http.StatusConflict {
		t.Errorf("joining under a rostered name = %d, want 409", r.status)
	}
	mustContain(t, "joining under a rostered name", r.body, "sign in with the code your teacher gave you")

	laptop, phone := w.browser(), w.browser()
	laptop.join(w.classA, "Bo Chen")
	phone.join(w.classA, "Bo Chen")
	page := doc(t, w.tA.get(rosterPath))
	if n := page.Find(`[data-testid="duplicates"] .dup-list li`).Length(); n != 2 {
		t.Fatalf("duplicates listed = %d, want the two Bo Chens\n%s", n, page.Text())
	}
	form := page.Find(`[data-testid="duplicates"] form`).First()
	into, _ := form.Find(`input[name="into"]`).Attr("value")
	from, _ := form.Find(`input[name="from"]`).Attr("value")
	if r := w.tA.post(fmt.Sprintf("/teacher/classes/%d/merge", w.classA.ID), url.Values{"into": {into}, "from": {from}}); r.status != http.StatusSeeOther {
		t.Fatalf("merge = %d\n%s", r.status, r.body)
	}
	if c, _ := w.store.Class(ctx, w.teacherA.ID, w.classA.ID); c.Members != 3 {
		t.Errorf("members after the merge = %d, want 3 (student A, Ana, one Bo)", c.Members)
	}
	// Both browsers are the one Bo now.
	for _, b := range []*browser{laptop, phone} {
		if got := strings.TrimSpace(doc(t, b.get("/me")).Find(`[data-testid="resume-code"]`).Text()); got == "" {
			t.Error("a merged browser lost its learner")
		}
	}
	if a, b := doc(t, laptop.get("/me")).Find(`[data-testid="resume-code"]`).Text(), doc(t, phone.get("/me")).Find(`[data-testid="resume-code"]`).Text(); a != b {
		t.Errorf("after the merge the browsers have codes %q and %q, want one learner", a, b)
	}
	admin := w.tA.get("/teacher/admin")
	mustContain(t, "audit log", admin.body, "merge learners", "Bo Chen")

	if r := w.tA.post(fmt.Sprintf("/teacher/classes/%d/joining", w.classA.ID), url.Values{"open": {"0"}}); r.status != http.StatusSeeOther {
		t.Fatalf("closing the class = %d", r.status)
	}
	r = w.browser().post("/join", url.Values{"code": {code}, "name": {"Cy Diaz"}})
	if r.status != http.StatusForbidden {
		t.Errorf("joining a class kept to its roster = %d, want 403", r.status)
	}
	mustContain(t, "joining a closed class", r.body, "personal sign-in code")
}

// TestRoster_ResetCode: a new code signs the student out everywhere.
func TestRoster_ResetCode(t *testing.T) {
	w := newWorld(t)
	ls, err := w.store.AddToRoster(context.Background(), w.teacherA.ID, w.classA.ID, []db.RosterEntry{{Name: "Ana Lima"}})
	if err != nil {
		t.Fatal(err)
	}
	b := w.browser()
	b.post("/resume", url.Values{"code": {ls[0].ResumeCode}})
	studentPath := fmt.Sprintf("/teacher/classes/%d/students/%d", w.classA.ID, ls[0].ID)
	old := strings.TrimSpace(doc(t, w.tA.get(studentPath)).Find(`[data-testid="student-code"]`).Text())
	if old != db.FormatResumeCode(ls[0].ResumeCode) {
		t.Fatalf("the student's page shows code %q, want %q", old, db.FormatResumeCode(ls[0].ResumeCode))
	}
	if r := w.tA.post(studentPath+"/code", nil); r.status != http.StatusSeeOther {
		t.Fatalf("reset = %d", r.status)
	}
	now := strings.TrimSpace(doc(t, w.tA.get(studentPath)).Find(`[data-testid="student-code"]`).Text())
	if now == old || !codePattern.MatchString(now) {
		t.Errorf("code after the reset = %q (was %q)", now, old)
	}
	if strings.Contains(b.get("/me").body, old) {
		t.Error("the student's browser is still signed in after the reset")
	}
	if r := w.browser().post("/resume", url.Values{"code": {old}}); r.status == http.StatusSeeOther {
		t.Error("the old code still signs in")
	}
}

// TestGradebookDownloads: each file comes as CSV without a byte-order
// mark, with the target's header.
func TestGradebookDownloads(t *testing.T) {
	w := newWorld(t)
	if _, err := w.store.AddToRoster(context.Background(), w.teacherA.ID, w.classA.ID, []db.RosterEntry{{Name: "Ana Lima", SchoolID: "S1", Email: "ana@example.org"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, first string }{
		{"moodle.csv?by=idnumber", "ID number"},
		{"moodle.csv?by=email", "Email address"},
		{"canvas.csv", "Student"},
	} {
		r := w.tA.get(fmt.Sprintf("/teacher/classes/%d/%s", w.classA.ID, c.path))
		if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") || strings.HasPrefix(r.body, "\uFEFF") {
			t.Fatalf("%s = %d %q, want CSV without a byte-order mark\n%q", c.path, r.status, r.header.Get("Content-Type"), r.body)
		}
		rows, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
		if err != nil || rows[0][0] != c.first {
			t.Errorf("%s: %q, %v; want a header starting %q", c.path, rows, err, c.first)
		}
	}
	page := w.tA.get(fmt.Sprintf("/teacher/classes/%d", w.classA.ID))
	mustContain(t, "class page", page.body, "leaves out 1 student without a school ID", `data-testid="canvas"`)
	left := doc(t, page).Find(`[data-testid="no-school-id"] li a`)
	if left.Length() != 1 || !strings.HasPrefix(left.AttrOr("href", ""), fmt.Sprintf("/teacher/classes/%d/students/", w.classA.ID)) {
		t.Errorf("the students Moodle's file by ID number leaves out: %d links (%q), want the one student, linked to their page", left.Length(), left.AttrOr("href", ""))
	}
}
