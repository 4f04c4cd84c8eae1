package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// csvRows reads a CSV download.
func csvRows(t *testing.T, r response) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, r.body)
	}
	return rows
}

// TestGradingView: the teacher marks an essay in the grading view, going
// through each student's answer; scores, results and both CSVs take the
// mark; until then they say "needs grading".
func TestGradingView(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	// Student A and a second student answer the essay.
	other := w.browser()
	other.join(w.classA, "Boris")
	for _, b := range []*browser{w.sA, other} {
		id := attemptOf(t, b.post(fmt.Sprintf("/assignments/%d/attempts", w.assignA), nil))
		b.post(fmt.Sprintf("/attempts/%d/questions/7", id), url.Values{"text": {"Paris, by the Seine."}, "nav": {"finish"}})
		b.post(fmt.Sprintf("/attempts/%d/finish", id), nil)
	}
	scores := csvRows(t, w.tA.get(fmt.Sprintf("/teacher/classes/%d/scores.csv", w.classA.ID)))
	if !strings.Contains(strings.Join(scores[1], "|")+strings.Join(scores[2], "|"), "needs grading") {
		t.Errorf("scores.csv before marking = %q, want a score that needs grading", scores)
	}
	mustContain(t, "class page", w.tA.get(fmt.Sprintf("/teacher/classes/%d", w.classA.ID)).body, `data-testid="needs-grading"`)

	qid := w.questionAt(6)
	page := w.tA.get(fmt.Sprintf("/teacher/sets/%d/questions/%d/grading?n=0", w.setA, qid))
	if page.status != http.StatusOK {
		t.Fatalf("grading view = %d", page.status)
	}
	// By name: Boris, then student A's two attempts (the first left the
	// essay blank).
	mustContain(t, "grading view", page.body, "answer 1 of 3", "2 waiting for a mark", "Boris", "Paris, by the Seine.", `autofocus`, "needs grading")
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	form := doc.Find(`form[data-testid="grading-form"]`)
	action, _ := form.Attr("action")
	attempt, _ := form.Find(`input[name="attempt"]`).Attr("value")
	pos, _ := form.Find(`input[name="position"]`).Attr("value")

	// A mark out of range is refused beside its field, nothing saved.
	bad := w.tA.post(action, url.Values{"attempt": {attempt}, "position": {pos}, "mark": {"3"}, "go": {"next"}})
	if bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("a mark of 3 out of 1 = %d, want 422", bad.status)
	}
	mustContain(t, "refused mark", bad.body, "A mark is between 0 and 1.", `value="3"`)
	r := w.tA.post(action, url.Values{"attempt": {attempt}, "position": {pos}, "mark": {"0.5"}, "comment": {"Say why."}, "go": {"pending"}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, "n=2") {
		t.Fatalf("save a mark, next needing one = %d to %q, want the third answer (the second has none)", r.status, r.location)
	}
	next := w.tA.get(r.location)
	mustContain(t, "next answer", next.body, "answer 3 of 3", "1 waiting for a mark", "The mark is saved.", "Student A")
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(next.body))
	form = doc.Find(`form[data-testid="grading-form"]`)
	studentA, _ := form.Find(`input[name="attempt"]`).Attr("value")
	w.tA.post(action, url.Values{"attempt": {studentA}, "position": {pos}, "mark": {"1"}, "go": {"next"}})

	// Re-marking another kind of answer: the multiple choice of student A's
	// first attempt.
	q1 := w.questionAt(0)
	r = w.tA.post(fmt.Sprintf("/teacher/sets/%d/questions/%d/grading", w.setA, q1), url.Values{"attempt": {fmt.Sprint(w.attemptDone)}, "position": {"0"}, "mark": {"0"}, "comment": {"Not Paris."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("re-mark a graded answer = %d", r.status)
	}

	_, items, err := w.store.Grading(ctx, w.teacherA.ID, w.setA, qid)
	if err != nil || len(items) != 3 {
		t.Fatal(items, err)
	}
	if g := items[0].Response.Grade(); g.Fraction != 0.5 || g.Manual == nil || g.Manual.Comment != "Say why." {
		t.Errorf("Boris's essay after marking: %+v", g)
	}
	if items[2].Attempt.Score.NeedsGrading() || items[2].Response.Grade().Fraction != 1 {
		t.Errorf("student A's attempt after marking: score %+v, essay %+v", items[2].Attempt.Score, items[2].Response.Grade())
	}
	scores = csvRows(t, w.tA.get(fmt.Sprintf("/teacher/classes/%d/scores.csv", w.classA.ID)))
	if strings.Contains(fmt.Sprint(scores), "needs grading") {
		t.Errorf("scores.csv after marking = %q, want no score waiting", scores)
	}
	answers := csvRows(t, w.tA.get(fmt.Sprintf("/teacher/classes/%d/answers.csv", w.classA.ID)))
	found := false
	for _, row := range answers {
		if row[1] == "Boris" && row[8] == "7" {
			found = true
			if row[13] != "0.5" || row[15] != "teacher" || row[16] != "Say why." {
				t.Errorf("the marked essay's row = %q, want mark 0.5 by the teacher with the comment", row)
			}
		}
		if row[4] == fmt.Sprint(w.attemptDone) && row[8] == "1" && (row[13] != "0" || row[14] != "no") {
			t.Errorf("the re-marked answer's row = %q, want mark 0, not right", row)
		}
	}
	if !found {
		t.Errorf("answers.csv has no row for Boris's essay: %q", answers)
	}
	// The student sees the mark and the comment on their result.
	res := w.sA.get(fmt.Sprintf("/attempts/%d/result", w.attemptDone))
	mustContain(t, "student's result", res.body, "Not Paris.", "marked by your teacher")
}

// TestRegradeAndAccept: item analysis lists a common wrong answer, which
// the teacher accepts with one click; an edit then shows on the set's
// page as something to regrade, with a dry run before it is applied.
func TestRegradeAndAccept(t *testing.T) {
	w := newWorld(t)
	set := questions.Set{Title: "Names", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: "Who chaired the congress?", Answers: []questions.Choice{{Text: "Kiselyov", Weight: 100}}},
		{Kind: questions.ShortAnswer, Stem: "Which country has Tokyo?", Answers: []questions.Choice{{Text: "Nippon", Weight: 100}}},
	}}
	ctx := context.Background()
	setID, _ := w.store.CreateDraftSet(ctx, w.teacherA.ID, set)
	w.store.SetPublished(ctx, w.teacherA.ID, setID, true)
	g, _ := w.store.Assign(ctx, w.teacherA.ID, w.classA.ID, setID, db.QuizSettings{Feedback: db.FeedbackAfter})
	for i, name := range []string{"Ann", "Ben", "Cy"} { // Cy answers China
		b := w.browser()
		b.join(w.classA, name)
		id := attemptOf(t, b.post(fmt.Sprintf("/assignments/%d/attempts", g), nil))
		country := "Japan"
		if i == 2 {
			country = "China"
		}
		b.post(fmt.Sprintf("/attempts/%d/questions/1", id), url.Values{"text": {"Kiselev"}, "nav": {"next"}})
		b.post(fmt.Sprintf("/attempts/%d/questions/2", id), url.Values{"text": {country}, "nav": {"finish"}})
		b.post(fmt.Sprintf("/attempts/%d/finish", id), nil)
	}
	items := w.tA.get(fmt.Sprintf("/teacher/sets/%d/items", setID))
	mustContain(t, "item analysis", items.body, `data-testid="wrong-answers"`, "2 students typed <strong>“Japan”</strong>")
	if strings.Contains(items.body, "“Kiselev”") {
		t.Error("Kiselev, another romanisation of Kiselyov, is listed as a wrong answer")
	}
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(items.body))
	var action string
	doc.Find(`[data-testid="wrong-answers"] li`).Each(func(_ int, li *goquery.Selection) {
		if strings.Contains(li.Text(), "Japan") {
			action = li.Find("form").AttrOr("action", "")
		}
	})
	r := w.tA.post(action, url.Values{"text": {"Japan"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("accept Japan = %d\n%s", r.status, r.body)
	}
	mustContain(t, "after accepting", w.tA.get(r.location).body, "The answer is accepted")
	res, _ := w.store.ClassResults(ctx, w.teacherA.ID, w.classA.ID)
	for _, st := range res.Students {
		for i, a := range res.Assignments {
			if a.SetID == setID && st.Cells[i].Finished > 0 && st.Cells[i].Best != 100 && st.Learner.Name != "Cy" {
				t.Errorf("%s's best after accepting Japan = %d%%, want 100%%", st.Learner.Name, st.Cells[i].Best)
			}
		}
	}

	// The teacher now drops Nippon: the set's page offers a regrade, whose
	// dry run says what changes before it is applied.
	_, qs, _ := w.store.TeacherSet(ctx, w.teacherA.ID, setID)
	qs[1].Answers = qs[1].Answers[1:]
	qs[1].Answers = append(qs[1].Answers, questions.Choice{Text: "China", Weight: 50})
	if _, err := w.store.UpdateSet(ctx, w.teacherA.ID, setID, db.SetEdit{Title: "Names", Questions: qs, Publish: true}); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "set page", w.tA.get(fmt.Sprintf("/teacher/sets/%d", setID)).body, `data-testid="regrade-offer"`)
	preview := w.tA.get(fmt.Sprintf("/teacher/sets/%d/regrade", setID))
	doc, _ = goquery.NewDocumentFromReader(strings.NewReader(preview.body))
	if got := strings.TrimSpace(doc.Find(`[data-testid="regrade-changed"]`).Text()); got != "1" {
		t.Errorf("the dry run says %q marks change, want 1 (China, now worth half)\n%s", got, preview.body)
	}
	r = w.tA.post(fmt.Sprintf("/teacher/sets/%d/regrade", setID), nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("apply the regrade = %d", r.status)
	}
	after := w.tA.get(r.location)
	mustContain(t, "after the regrade", after.body, `data-testid="regrade-nothing"`, `data-testid="regrade-history"`, "accepted “Japan”")
}

// TestAssignmentSettings: every setting can be changed on the
// assignment's page, which says what a change does to attempts made; a
// bad date is shown beside its field and nothing is saved.
func TestAssignmentSettings(t *testing.T) {
	w := newWorld(t)
	editURL := fmt.Sprintf("/teacher/assignments/%d/edit", w.assignA)
	page := w.tA.get(editURL)
	mustContain(t, "assignment page", page.body, `data-testid="effects"`, "attempts started from now on", "their deadline moves",
		`name="review-closed-right"`, `name="time_limit"`, "Student A")
	form := url.Values{"feedback": {"after"}, "draw": {"0"}, "attempts": {"3"}, "time_limit": {"25"}, "due": {"2026-12-24 10:00"}, "review": {"1"}}
	bad := w.tA.post(editURL, form)
	if bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad date = %d, want 422", bad.status)
	}
	mustContain(t, "bad date", bad.body, "Give a date and a time", `value="2026-12-24 10:00"`)
	form.Set("due", "2026-12-24T10:00")
	form.Set(fmt.Sprintf("review-%s-%s", "closed", "right"), "1")
	form.Set("review-after-mark", "1")
	r := w.tA.post(editURL, form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("save the settings = %d\n%s", r.status, r.body)
	}
	a, _ := w.store.Assignment(context.Background(), w.teacherA.ID, w.assignA)
	if a.MaxAttempts != 3 || a.TimeLimit.Minutes() != 25 || a.Due.Format(dateLayout) != "2026-12-24T10:00" {
		t.Errorf("saved settings = %+v", a.QuizSettings)
	}
	rv := a.Review()
	if !rv.At(1).Mark || rv.At(1).Right || !rv.At(2).Right || rv.At(0).Mark {
		t.Errorf("saved review rules = %v", rv)
	}
}

const dateLayout = "2006-01-02T15:04"

// TestRemoveAssignment: an assignment with attempts is removed only on a
// second request that names how many attempts go.
func TestRemoveAssignment(t *testing.T) {
	w := newWorld(t)
	url := fmt.Sprintf("/teacher/assignments/%d/delete", w.assignA)
	first := w.tA.post(url, nil)
	if first.status != http.StatusOK {
		t.Fatalf("first removal = %d, want the question (200)", first.status)
	}
	mustContain(t, "confirmation", first.body, `data-testid="remove-confirm"`, "1 attempt", "1 student")
	if _, err := w.store.Assignment(context.Background(), w.teacherA.ID, w.assignA); err != nil {
		t.Fatalf("the first request removed the assignment: %v", err)
	}
	if r := w.tA.post(url, map[string][]string{"confirm": {"5"}}); r.status != http.StatusOK {
		t.Errorf("a confirmation naming the wrong count = %d, want the question again", r.status)
	}
	if r := w.tA.post(url, map[string][]string{"confirm": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("confirmed removal = %d", r.status)
	}
	if _, err := w.store.Assignment(context.Background(), w.teacherA.ID, w.assignA); err == nil {
		t.Error("the confirmed removal left the assignment")
	}
}

// TestOverrideHandler: extra time and an extra attempt given to one
// student on the assignment's page let them try again after their last
// allowed attempt, with the longer time limit; a value that is not a
// number saves nothing.
func TestOverrideHandler(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.reassign(t, db.QuizSettings{MaxAttempts: 1, TimeLimit: 10 * time.Minute}) // student A used theirs
	result := fmt.Sprintf("/attempts/%d/result", w.attemptDone)
	if strings.Contains(w.sA.get(result).body, `data-testid="try-again"`) {
		t.Fatal("the result offers Try again after the last allowed attempt")
	}
	extra := fmt.Sprintf("/teacher/assignments/%d/overrides/%d", w.assignA, w.learnerA)
	if r := w.tA.post(extra, url.Values{"minutes": {"five"}, "attempts": {"1"}}); r.status != http.StatusBadRequest {
		t.Errorf("extra minutes of %q = %d, want 400", "five", r.status)
	}
	if o, _ := w.store.Overrides(ctx, w.teacherA.ID, w.assignA); o[w.learnerA] != (db.Override{}) {
		t.Errorf("a refused override saved %+v", o[w.learnerA])
	}
	r := w.tA.post(extra, url.Values{"minutes": {"5"}, "attempts": {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save the override = %d\n%s", r.status, r.body)
	}
	page := w.tA.get(fmt.Sprintf("/teacher/assignments/%d/edit", w.assignA))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	if got := doc.Find(`[data-testid="overrides"] input[name="minutes"]`).First().AttrOr("value", ""); got != "5" {
		t.Errorf("the page shows %q extra minutes, want 5", got)
	}
	if !strings.Contains(w.sA.get(result).body, `data-testid="try-again"`) {
		t.Fatal("the result does not offer the extra attempt")
	}
	id := w.startA(t)
	a, err := w.store.Attempt(ctx, w.learnerA, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Deadline.Sub(a.StartedAt); got != 15*time.Minute {
		t.Errorf("the extra attempt's time = %v, want 15m (10 + 5 extra)", got)
	}
}

// TestStudentViewShownOrder: the teacher's view of a student's attempt
// lists a multiple-choice question's options in the order the attempt
// showed them, with the student's choice marked.
func TestStudentViewShownOrder(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	var want []string
	// An order may come out as written by chance; take attempts until one
	// does not, so the test tells the two apart.
	for range 20 {
		id := w.startA(t)
		n := w.positionOf(t, id, testSet.Questions[0].Stem)
		w.sA.post(fmt.Sprintf("/attempts/%d/questions/%d", id, n), url.Values{"choice": {"1"}, "nav": {"next"}})
		w.sA.post(fmt.Sprintf("/attempts/%d/finish", id), nil)
		st, err := w.store.AttemptQuestion(ctx, w.learnerA, id, n-1)
		if err != nil {
			t.Fatal(err)
		}
		q := st.Response.Question.Question
		want = want[:0]
		for _, k := range quiz.ChoicesShown(q, st.Response.Options) {
			want = append(want, q.Choices[k].Text)
		}
		if strings.Join(want, ",") != "Lyon,Paris,Nice" {
			break
		}
	}
	if strings.Join(want, ",") == "Lyon,Paris,Nice" {
		t.Fatal("20 attempts showed the options as written: are they shuffled?")
	}
	page := w.tA.get(fmt.Sprintf("/teacher/classes/%d/students/%d", w.classA.ID, w.learnerA))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	var got []string
	var chosen string
	doc.Find(`[data-testid="student-attempt"]`).First().Find(`[data-testid="shown-options"]`).Each(func(_ int, s *goquery.Selection) {
		if !strings.Contains(s.Text(), "Paris") || got != nil {
			return
		}
		s.Find("li").Each(func(_ int, li *goquery.Selection) {
			text := strings.Fields(li.Text())[0]
			got = append(got, text)
			if li.HasClass("chosen") {
				chosen = text
			}
		})
	})
	if strings.Join(got, ",") != strings.Join(want, ",") || chosen != "Paris" {
		t.Errorf("the teacher sees options %v with %q chosen, want the attempt's order %v with Paris chosen", got, chosen, want)
	}
}

// TestAnswersCSV_LargeClass downloads the answers of a class with more
// attempts than the store reads at a time: every attempt's every question
// has its row exactly once, across the batches the download streams.
func TestAnswersCSV_LargeClass(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	entries := make([]db.RosterEntry, 70)
	for i := range entries {
		entries[i] = db.RosterEntry{Name: fmt.Sprintf("Student %02d", i)}
	}
	ls, err := w.store.AddToRoster(ctx, w.teacherA.ID, w.classA.ID, entries)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{} // attempt → its questions
	for i := range 3 * len(ls) / 2 {
		l := ls[i%len(ls)]
		a, err := w.store.StartClassAttempt(ctx, l.ID, w.assignA)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.store.FinishAttempt(ctx, l.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		want[strconv.FormatInt(a.ID, 10)] = a.Count
	}
	want[strconv.FormatInt(w.attemptDone, 10)] = len(testSet.Questions)
	rows := csvRows(t, w.tA.get(fmt.Sprintf("/teacher/classes/%d/answers.csv", w.classA.ID)))
	seen := map[[2]string]int{}
	for _, row := range rows[1:] {
		seen[[2]string{row[4], row[8]}]++
	}
	total := 0
	for id, n := range want {
		for q := 1; q <= n; q++ {
			if k := seen[[2]string{id, strconv.Itoa(q)}]; k != 1 {
				t.Errorf("attempt %s question %d has %d rows, want 1", id, q, k)
			}
		}
		total += n
	}
	if len(rows)-1 != total {
		t.Errorf("%d rows, want %d (each question of %d attempts once)", len(rows)-1, total, len(want))
	}
}
