package web

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"factdrill/db"
)

// rosterFixture is what the rows of the roster and account routes need
// beyond the world: a student teacher A rostered in class A, a third
// teacher class A is shared with, and an invitation and a password link
// of teacher A's.
type rosterFixture struct {
	rostered, coteacher, teacherB int64
	invite, reset                 string
	// question is the first question of set A, setA2 another set of
	// teacher A's.
	question, setA2 int64
}

var rosterOf = map[*world]rosterFixture{}

func (w *world) rosterFixture() {
	w.t.Helper()
	ctx := context.Background()
	var f rosterFixture
	ls, err := w.store.AddToRoster(ctx, w.teacherA.ID, w.classA.ID, []db.RosterEntry{{Name: "Rostered Student", SchoolID: "R1"}})
	if err != nil {
		w.t.Fatal(err)
	}
	f.rostered = ls[0].ID
	c, err := w.store.CreateTeacher(ctx, "Teacher C", testPassword)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.store.ShareClass(ctx, w.teacherA.ID, w.classA.ID, c.Name); err != nil {
		w.t.Fatal(err)
	}
	f.coteacher, f.teacherB = c.ID, w.teacherB.ID
	if f.invite, err = w.store.CreateInvitation(ctx, w.teacherA.ID, ""); err != nil {
		w.t.Fatal(err)
	}
	if f.reset, err = w.store.CreateResetLink(ctx, w.teacherA.ID, w.teacherB.ID); err != nil {
		w.t.Fatal(err)
	}
	_, qs, _, err := w.store.SetQuestionsPage(ctx, w.teacherA.ID, w.setA, "", db.Page{Size: 1})
	if err != nil {
		w.t.Fatal(err)
	}
	f.question = qs[0].ID
	if f.setA2, err = w.store.CreateDraftSet(ctx, w.teacherA.ID, testSet); err != nil {
		w.t.Fatal(err)
	}
	rosterOf[w] = f
}

func (f rosterFixture) fill(path string) string {
	return strings.NewReplacer(
		"{rostered}", strconv.FormatInt(f.rostered, 10),
		"{coteacher}", strconv.FormatInt(f.coteacher, 10),
		"{teacherB}", strconv.FormatInt(f.teacherB, 10),
		"{invite}", f.invite,
		"{reset}", f.reset,
		"{question}", strconv.FormatInt(f.question, 10),
		"{setA2}", strconv.FormatInt(f.setA2, 10),
	).Replace(path)
}

// TestCoTeacherMatrix asks every teacher page of the authorisation table
// as a co-teacher of class A: a class page (anything under the class or
// its assignments) answers as it does teacher A, its owner, and any other
// page of teacher A's things (their set, their job, another class) as if
// it did not exist. Only the owner renames, deletes or shares the class.
func TestCoTeacherMatrix(t *testing.T) {
	w := newWorld(t)
	w.startJob()
	w.rosterFixture()
	other, err := w.store.CreateClass(context.Background(), w.teacherA.ID, "A's other class")
	if err != nil {
		t.Fatal(err)
	}
	c := w.browser()
	c.login("Teacher C")
	classScoped := []string{"{class}", "{assign}"}
	ownerOnly := map[string]bool{
		"POST /teacher/classes/{id}/rename":   true,
		"POST /teacher/classes/{id}/delete":   true,
		"POST /teacher/classes/{id}/teachers": true,
	}
	checked := 0
	for _, row := range authzTable {
		if !strings.Contains(row.pattern, " /teacher/") {
			continue
		}
		var want int
		switch {
		case ownerOnly[row.pattern]:
			want = nf
		case containsAny(row.path, classScoped...):
			want = row.want[4]
			if strings.HasSuffix(row.pattern, "/teachers/{teacher}/remove") {
				want = see // the co-teacher here is C: leaving is theirs to do
			}
		case containsAny(row.path, "{set}", "{job}"):
			want = nf
		default:
			continue
		}
		ww, cc := w, c
		if strings.HasPrefix(row.pattern, "POST") {
			// A fresh world for each change, with C logged in there.
			ww = newWorld(t)
			ww.startJob()
			ww.rosterFixture()
			cc = ww.browser()
			cc.login("Teacher C")
		}
		if got := ww.ask(cc, row); got != want {
			t.Errorf("%s (%s) as the co-teacher = %d, want %d", row.pattern, ww.fill(row.path), got, want)
		}
		checked++
	}
	if checked < 25 {
		t.Errorf("checked %d teacher routes as the co-teacher, want every class and set route", checked)
	}
	if r := c.get(fmt.Sprintf("/teacher/classes/%d", other.ID)); r.status != nf {
		t.Errorf("teacher A's other class as the co-teacher = %d, want %d", r.status, nf)
	}
	home := c.get("/teacher")
	mustContain(t, "the co-teacher's dashboard", home.body, fmt.Sprintf(`href="/teacher/classes/%d"`, w.classA.ID))
	for _, hidden := range []string{fmt.Sprintf(`/teacher/sets/%d"`, w.setA), fmt.Sprintf(`/teacher/classes/%d"`, other.ID), "A&#39;s other class"} {
		if strings.Contains(home.body, hidden) {
			t.Errorf("the co-teacher's dashboard shows %q of teacher A's", hidden)
		}
	}
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
