package db

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"factdrill/questions"
)

var readRosterTests = []struct {
	name string
	file string
	want []RosterEntry
	// probs are the problems' lines and a part of their messages.
	probs map[int]string
}{
	{name: "template", file: RosterTemplate, want: []RosterEntry{
		{Name: "Ana Lima", SchoolID: "S1001", Email: "ana.lima@example.org", Line: 2},
		{Name: "Tomás Ferreira", SchoolID: "S1002", Line: 3},
		{Name: "Kiri Walker", Email: "kiri.walker@example.org", Line: 4},
	}},
	{name: "no header", file: "Ana Lima,S1,ana@example.org\n\nBo Chen\n", want: []RosterEntry{
		{Name: "Ana Lima", SchoolID: "S1", Email: "ana@example.org", Line: 1},
		{Name: "Bo Chen", Line: 3},
	}},
	{name: "moodle's export header, semicolons, byte-order mark",
		file: "\uFEFFFirst name;Surname;ID number;Institution;Email address\r\nAna;Lima;S1;North High;ana@example.org\r\n",
		want: []RosterEntry{{Name: "Ana Lima", SchoolID: "S1", Email: "ana@example.org", Line: 2}}},
	{name: "canvas's export header: SIS User ID wins over ID",
		file: "Student,ID,SIS User ID,SIS Login ID,Section\n\"Lima, Ana\",4711,S1,alima,Period 1\n",
		want: []RosterEntry{{Name: "Lima, Ana", SchoolID: "S1", Line: 2}}},
	{name: "tabs, columns in another order", file: "email\tname\nbo@example.org\tBo Chen\n",
		want: []RosterEntry{{Name: "Bo Chen", Email: "bo@example.org", Line: 2}}},
	{name: "a quoted field with a line break keeps its first line",
		file: "Name,School ID\n\"Ana\nLima\",S1\nBo,S2\n",
		want: []RosterEntry{{Name: "Ana\nLima", SchoolID: "S1", Line: 2}, {Name: "Bo", SchoolID: "S2", Line: 4}}},
	{name: "bad quote", file: "Name\nAna \"the\" Lima\"x\nBo\n", probs: map[int]string{2: "quote"}},
	{name: "header without a name column", file: "Email,School ID\nana@example.org,S1\n", probs: map[int]string{1: "names no column"}},
	{name: "not UTF-8", file: "Name\nAna\nJos\xe9\n", probs: map[int]string{3: "UTF-8"}},
	{name: "empty", file: "Name,Email\n\n", probs: map[int]string{0: "no students"}},
}

func TestReadRoster(t *testing.T) {
	for _, tt := range readRosterTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadRoster([]byte(tt.file))
			if tt.probs == nil {
				if err != nil || !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("ReadRoster = %+v, %v; want %+v", got, err, tt.want)
				}
				return
			}
			var re RosterError
			if !errors.As(err, &re) || !errors.Is(err, questions.ErrInvalid) || got != nil {
				t.Fatalf("ReadRoster = %+v, %v; want a RosterError", got, err)
			}
			for _, p := range re {
				if want, ok := tt.probs[p.Line]; !ok || !strings.Contains(p.Message, want) {
					t.Errorf("problem at line %d: %q; want one of %v", p.Line, p.Message, tt.probs)
				}
			}
		})
	}
}

// rosterWorld is two teachers, each with a class.
type rosterWorld struct {
	s      *Store
	ctx    context.Context
	a, b   Teacher
	ca, cb Class
}

func newRosterWorld(t *testing.T) *rosterWorld {
	t.Helper()
	s := openStore(t)
	w := &rosterWorld{s: s, ctx: context.Background(), a: mustTeacher(t, s, "A"), b: mustTeacher(t, s, "B")}
	var err error
	if w.ca, err = s.CreateClass(w.ctx, w.a.ID, "Year 8"); err != nil {
		t.Fatal(err)
	}
	if w.cb, err = s.CreateClass(w.ctx, w.b.ID, "Year 9"); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *rosterWorld) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := w.s.write.QueryRowContext(w.ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStore_AddToRoster(t *testing.T) {
	w := newRosterWorld(t)
	s, ctx := w.s, w.ctx
	entries, err := ReadRoster([]byte(RosterTemplate))
	if err != nil {
		t.Fatal(err)
	}
	ls, err := s.AddToRoster(ctx, w.a.ID, w.ca.ID, entries)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for i, l := range ls {
		if l.Name != entries[i].Name || l.SchoolID != entries[i].SchoolID || l.Email != entries[i].Email || NormalizeResumeCode(l.ResumeCode) != l.ResumeCode {
			t.Errorf("learner %d = %+v, want %+v with a code", i, l, entries[i])
		}
		codes[l.ResumeCode] = true
	}
	if len(codes) != 3 {
		t.Errorf("codes %v: want 3 different ones", codes)
	}
	ms, total, err := s.ClassMembers(ctx, w.a.ID, w.ca.ID, Page{})
	if err != nil || total != 3 || len(ms) != 3 || !ms[0].Rostered || ms[0].Name != "Ana Lima" {
		t.Fatalf("ClassMembers = %+v, %d, %v", ms, total, err)
	}

	t.Run("ErrorsByLineNothingStored", func(t *testing.T) {
		learners, members := w.count(t, "learners"), w.count(t, "class_members")
		bad := "Name,School ID,Email\n" +
			"Bo Chen,S2001,bo@example.org\n" +
			"ana lima,S2002,\n" + // on the class already
			"Cy Diaz,S2003,not-an-email\n" +
			"Bo Chen,S2004,\n" + // twice in the file
			",S2005,\n" + // no name
			"Di Eze,S2001,\n" // school id twice
		entries, err := ReadRoster([]byte(bad))
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.AddToRoster(ctx, w.a.ID, w.ca.ID, entries)
		var re RosterError
		if !errors.As(err, &re) {
			t.Fatalf("AddToRoster = %v, want a RosterError", err)
		}
		want := map[int]string{3: "already on the class", 4: "not an email", 5: "also on line 2", 6: "needs a name", 7: "also on line 2"}
		got := map[int]string{}
		for _, p := range re {
			got[p.Line] += p.Message
		}
		for line, msg := range want {
			if !strings.Contains(got[line], msg) {
				t.Errorf("line %d: %q, want it to say %q", line, got[line], msg)
			}
		}
		if len(got) != len(want) {
			t.Errorf("problems at lines %v, want %v", got, want)
		}
		if l, m := w.count(t, "learners"), w.count(t, "class_members"); l != learners || m != members {
			t.Errorf("after a refused roster: %d learners and %d members, want %d and %d", l, m, learners, members)
		}
	})

	t.Run("SameStudentInTheTeachersOtherClass", func(t *testing.T) {
		other, err := s.CreateClass(ctx, w.a.ID, "Year 8 Science")
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.AddToRoster(ctx, w.a.ID, other.ID, []RosterEntry{{Name: "Ana Lima", SchoolID: "S1001"}, {Name: "Kiri Walker", Email: "KIRI.walker@example.org"}})
		if err != nil {
			t.Fatal(err)
		}
		if again[0].ID != ls[0].ID || again[0].ResumeCode != ls[0].ResumeCode || again[1].ID != ls[2].ID {
			t.Errorf("the same students in A's other class = %+v, want learners %d and %d", again, ls[0].ID, ls[2].ID)
		}
		// Another teacher's roster never finds A's students.
		theirs, err := s.AddToRoster(ctx, w.b.ID, w.cb.ID, []RosterEntry{{Name: "Ana Lima", SchoolID: "S1001"}})
		if err != nil {
			t.Fatal(err)
		}
		if theirs[0].ID == ls[0].ID {
			t.Errorf("teacher B's roster took teacher A's learner %d", ls[0].ID)
		}
	})

	t.Run("OnlyTheClassesTeachers", func(t *testing.T) {
		if _, err := s.AddToRoster(ctx, w.b.ID, w.ca.ID, []RosterEntry{{Name: "Intruder"}}); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("teacher B adding to A's roster = %v, want questions.ErrNotFound", err)
		}
		if _, _, err := s.ClassMembers(ctx, w.b.ID, w.ca.ID, Page{}); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("teacher B reading A's roster = %v, want questions.ErrNotFound", err)
		}
	})

	t.Run("UpdateRosterEntry", func(t *testing.T) {
		if err := s.UpdateRosterEntry(ctx, w.a.ID, w.ca.ID, ls[1].ID, RosterEntry{Name: "Kiri Walker"}); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("renaming to another member's name = %v, want questions.ErrInvalid", err)
		}
		if err := s.UpdateRosterEntry(ctx, w.a.ID, w.ca.ID, ls[1].ID, RosterEntry{Name: "Tomás Ferreira", SchoolID: "S1002", Email: "tf@example.org"}); err != nil {
			t.Fatal(err)
		}
		if l, _ := s.Learner(ctx, ls[1].ID); l.Email != "tf@example.org" {
			t.Errorf("email after the change = %q", l.Email)
		}
	})
}

func TestStore_SignInCode(t *testing.T) {
	w := newRosterWorld(t)
	s, ctx := w.s, w.ctx
	ls, err := s.AddToRoster(ctx, w.a.ID, w.ca.ID, []RosterEntry{{Name: "Ana Lima"}})
	if err != nil {
		t.Fatal(err)
	}
	ana := ls[0]
	got, err := s.LearnerByResumeCode(ctx, strings.ToLower(FormatResumeCode(ana.ResumeCode)))
	if err != nil || got.ID != ana.ID {
		t.Fatalf("signing in with %q = %+v, %v; want learner %d", ana.ResumeCode, got, err, ana.ID)
	}
	token, err := s.CreateSession(ctx, ana.ID, 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}

	// A student who joined by themselves is not the teachers' to reset.
	self, _ := s.CreateLearner(ctx)
	if _, err := s.JoinClass(ctx, self.ID, w.ca.JoinCode, "Bo Chen"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResetSignInCode(ctx, w.a.ID, w.ca.ID, self.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("resetting a self-joined student's code = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.ResetSignInCode(ctx, w.b.ID, w.ca.ID, ana.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B resetting A's student's code = %v, want questions.ErrNotFound", err)
	}

	reset, err := s.ResetSignInCode(ctx, w.a.ID, w.ca.ID, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if reset.ResumeCode == ana.ResumeCode {
		t.Fatal("the code did not change")
	}
	if _, err := s.LearnerByResumeCode(ctx, ana.ResumeCode); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the old code after a reset = %v, want questions.ErrNotFound", err)
	}
	if got, err := s.LearnerByResumeCode(ctx, reset.ResumeCode); err != nil || got.ID != ana.ID {
		t.Errorf("the new code = %+v, %v; want learner %d", got, err, ana.ID)
	}
	if _, err := s.Session(ctx, token, 24*time.Hour); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the student's session after a reset = %v, want it ended", err)
	}
}

func TestStore_JoinRules(t *testing.T) {
	w := newRosterWorld(t)
	s, ctx := w.s, w.ctx
	if _, err := s.AddToRoster(ctx, w.a.ID, w.ca.ID, []RosterEntry{{Name: "Ana Lima"}}); err != nil {
		t.Fatal(err)
	}
	join := func(name string) (Learner, error) {
		l, err := s.CreateLearner(ctx)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.JoinClass(ctx, l.ID, w.ca.JoinCode, name)
		return l, err
	}
	if _, err := join("ANA LIMA"); !errors.Is(err, ErrOnRoster) {
		t.Errorf("joining under a rostered student's name = %v, want ErrOnRoster", err)
	}
	b1, err := join("Bo Chen")
	if err != nil {
		t.Fatal(err)
	}
	b2, err := join("bo chen")
	if err != nil {
		t.Fatalf("an open class refused a second Bo Chen: %v", err)
	}
	dups, err := s.DuplicateMembers(ctx, w.a.ID, w.ca.ID)
	if err != nil || len(dups) != 1 || len(dups[0]) != 2 || dups[0][0].ID != b1.ID || dups[0][1].ID != b2.ID {
		t.Fatalf("DuplicateMembers = %+v, %v; want Bo Chen twice", dups, err)
	}

	if err := s.SetClassOpen(ctx, w.b.ID, w.ca.ID, false); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B closing A's class = %v, want questions.ErrNotFound", err)
	}
	if err := s.SetClassOpen(ctx, w.a.ID, w.ca.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := join("Cy Diaz"); !errors.Is(err, ErrRosterOnly) {
		t.Errorf("joining a class kept to its roster = %v, want ErrRosterOnly", err)
	}
	// A member coming back is no newcomer.
	if _, err := s.JoinClass(ctx, b1.ID, w.ca.JoinCode, ""); err != nil {
		t.Errorf("a member joining again = %v, want no error", err)
	}
}
