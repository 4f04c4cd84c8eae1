package db

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path"
	"strconv"
	"testing"
	"time"

	"factdrill/questions"
)

func TestStore_TeacherAdmin(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	admin, other := mustTeacher(t, s, "First"), mustTeacher(t, s, "Second")
	if !admin.Admin || other.Admin {
		t.Fatalf("first teacher admin %v, second %v: want only the first", admin.Admin, other.Admin)
	}

	t.Run("OnlyAdmins", func(t *testing.T) {
		if _, err := s.CreateInvitation(ctx, other.ID, ""); !errors.Is(err, questions.ErrForbidden) {
			t.Errorf("an invitation by a teacher who is no admin = %v, want questions.ErrForbidden", err)
		}
		if err := s.SetTeacherDisabled(ctx, other.ID, admin.ID, true); !errors.Is(err, questions.ErrForbidden) {
			t.Errorf("disabling by a teacher who is no admin = %v, want questions.ErrForbidden", err)
		}
		if _, err := s.CreateResetLink(ctx, other.ID, admin.ID); !errors.Is(err, questions.ErrForbidden) {
			t.Errorf("a password link by a teacher who is no admin = %v, want questions.ErrForbidden", err)
		}
		if _, _, err := s.AuditLog(ctx, other.ID, Page{}); !errors.Is(err, questions.ErrForbidden) {
			t.Errorf("the audit log read by a teacher who is no admin = %v, want questions.ErrForbidden", err)
		}
	})

	t.Run("Invitation", func(t *testing.T) {
		token, err := s.CreateInvitation(ctx, admin.ID, "Ms Okafor")
		if err != nil {
			t.Fatal(err)
		}
		l, err := s.TeacherLink(ctx, token)
		if err != nil || !l.Invite || l.Note != "Ms Okafor" {
			t.Fatalf("TeacherLink = %+v, %v", l, err)
		}
		if _, err := s.ResetPassword(ctx, token, "a new password!"); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("an invitation used as a password link = %v, want questions.ErrNotFound", err)
		}
		if _, err := s.AcceptInvitation(ctx, token, "Second", "long enough password"); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("accepting with a name taken = %v, want questions.ErrInvalid", err)
		}
		tc, err := s.AcceptInvitation(ctx, token, "Okafor", "long enough password")
		if err != nil || tc.Admin {
			t.Fatalf("AcceptInvitation = %+v, %v", tc, err)
		}
		if _, err := s.Authenticate(ctx, "Okafor", "long enough password"); err != nil {
			t.Errorf("logging in as the invited teacher = %v", err)
		}
		if _, err := s.AcceptInvitation(ctx, token, "Okafor 2", "long enough password"); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("an invitation used twice = %v, want questions.ErrNotFound", err)
		}
		late, _ := s.CreateInvitation(ctx, admin.ID, "")
		if _, err := at(s, t0.Add(LinkTTL)).TeacherLink(ctx, late); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("an invitation after %v = %v, want questions.ErrNotFound", LinkTTL, err)
		}
		at(s, t0)
	})

	t.Run("DisableAndEnable", func(t *testing.T) {
		token, err := s.CreateTeacherSession(ctx, other.ID, 0, time.Hour, TeacherLogin{Idle: time.Hour, MaxAge: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetTeacherDisabled(ctx, admin.ID, admin.ID, true); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("an admin disabling themselves = %v, want questions.ErrInvalid", err)
		}
		if err := s.SetTeacherDisabled(ctx, admin.ID, other.ID, true); err != nil {
			t.Fatal(err)
		}
		if sess, err := s.Session(ctx, token, time.Hour); err != nil || sess.Teacher.ID != 0 {
			t.Errorf("the disabled teacher's session = %+v, %v; want them logged out", sess, err)
		}
		if _, err := s.Authenticate(ctx, "Second", "correct horse battery"); !errors.Is(err, ErrDisabled) {
			t.Errorf("logging in disabled = %v, want ErrDisabled", err)
		}
		if _, err := s.Authenticate(ctx, "Second", "wrong password!"); !errors.Is(err, questions.ErrUnauthorized) {
			t.Errorf("a wrong password for a disabled account = %v, want questions.ErrUnauthorized (nothing told)", err)
		}
		if err := s.SetTeacherDisabled(ctx, admin.ID, other.ID, false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Authenticate(ctx, "Second", "correct horse battery"); err != nil {
			t.Errorf("logging in enabled again = %v", err)
		}
	})

	t.Run("ResetLink", func(t *testing.T) {
		token, err := s.CreateResetLink(ctx, admin.ID, other.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l, err := s.TeacherLink(ctx, token); err != nil || l.Invite || l.Teacher.ID != other.ID {
			t.Fatalf("TeacherLink = %+v, %v", l, err)
		}
		if _, err := s.ResetPassword(ctx, token, "short"); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("a short new password = %v, want questions.ErrInvalid", err)
		}
		if _, err := s.ResetPassword(ctx, token, "brand new password"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Authenticate(ctx, "Second", "brand new password"); err != nil {
			t.Errorf("logging in with the new password = %v", err)
		}
		if _, err := s.ResetPassword(ctx, token, "another new password"); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("a password link used twice = %v, want questions.ErrNotFound", err)
		}
	})

	t.Run("AdminRole", func(t *testing.T) {
		if err := s.SetTeacherAdmin(ctx, admin.ID, admin.ID, false); !errors.Is(err, questions.ErrInvalid) {
			t.Errorf("an admin revoking their own role = %v, want questions.ErrInvalid", err)
		}
		if err := s.SetTeacherAdmin(ctx, admin.ID, other.ID, true); err != nil {
			t.Fatal(err)
		}
		if ok, err := s.IsAdmin(ctx, other.ID); err != nil || !ok {
			t.Errorf("IsAdmin after making an admin = %v, %v", ok, err)
		}
	})

	// Every action above is in the log, newest first, with its actor.
	entries, total, err := s.AuditLog(ctx, admin.ID, Page{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action+" by "+e.Actor+": "+e.Target)
	}
	want := []string{
		"make admin by First: Second",
		"password reset by Second: Second",
		"password reset link by First: Second",
		"enable by First: Second",
		"disable by First: Second",
		"invite by First: a new teacher",
		"invitation accepted by Okafor: Okafor",
		"invite by First: Ms Okafor",
	}
	if total != len(want) || len(actions) != len(want) {
		t.Fatalf("audit log (%d in all):\n%q\nwant\n%q", total, actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Errorf("audit entry %d = %q, want %q", i, actions[i], want[i])
		}
	}
}

func TestStore_ShareClass(t *testing.T) {
	w := newRosterWorld(t)
	s, ctx := w.s, w.ctx
	c := mustTeacher(t, s, "C")
	hidden, err := s.CreateClass(ctx, w.a.ID, "A's other class")
	if err != nil {
		t.Fatal(err)
	}
	setA, err := s.CreateDraftSet(ctx, w.a.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ShareClass(ctx, w.b.ID, w.ca.ID, "C"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B sharing A's class = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.ShareClass(ctx, w.a.ID, w.ca.ID, "Nobody"); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("sharing with an unknown name = %v, want questions.ErrInvalid", err)
	}
	if _, err := s.ShareClass(ctx, w.a.ID, w.ca.ID, " c "); err != nil {
		t.Fatal(err)
	}

	// The co-teacher sees the shared class, and nothing else of A's.
	cs, err := s.TeacherClasses(ctx, c.ID)
	if err != nil || len(cs) != 1 || cs[0].ID != w.ca.ID || cs[0].Owner != "A" {
		t.Errorf("the co-teacher's classes = %+v, %v; want only %q, owned by A", cs, err, w.ca.Name)
	}
	if _, err := s.ClassResults(ctx, c.ID, w.ca.ID); err != nil {
		t.Errorf("the co-teacher reading the shared class's results = %v", err)
	}
	if _, err := s.ClassResults(ctx, c.ID, hidden.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the co-teacher reading A's other class = %v, want questions.ErrNotFound", err)
	}
	if _, _, err := s.TeacherSet(ctx, c.ID, setA); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the co-teacher reading A's set = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.Assign(ctx, c.ID, w.ca.ID, setA, QuizSettings{Feedback: FeedbackAfter}); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the co-teacher assigning A's set = %v, want questions.ErrNotFound", err)
	}
	setC, _ := s.CreateDraftSet(ctx, c.ID, testSet)
	if _, err := s.Assign(ctx, c.ID, w.ca.ID, setC, QuizSettings{Feedback: FeedbackAfter}); err != nil {
		t.Errorf("the co-teacher assigning their own set to the shared class = %v", err)
	}
	if _, err := s.AddToRoster(ctx, c.ID, w.ca.ID, []RosterEntry{{Name: "Ana Lima"}}); err != nil {
		t.Errorf("the co-teacher adding to the roster = %v", err)
	}
	// Only the owner deletes, renames or shares it.
	if err := s.DeleteClass(ctx, c.ID, w.ca.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the co-teacher deleting the class = %v, want questions.ErrNotFound", err)
	}
	if err := s.RenameClass(ctx, c.ID, w.ca.ID, "Mine"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the co-teacher renaming the class = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.ShareClass(ctx, c.ID, w.ca.ID, "B"); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the co-teacher sharing the class on = %v, want questions.ErrNotFound", err)
	}
	ts, err := s.ClassTeachers(ctx, c.ID, w.ca.ID)
	if err != nil || len(ts) != 2 || !ts[0].Owner || ts[0].ID != w.a.ID || ts[1].ID != c.ID {
		t.Errorf("ClassTeachers = %+v, %v", ts, err)
	}
	// A co-teacher may leave; then the class is A's alone again.
	if err := s.UnshareClass(ctx, c.ID, w.ca.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Class(ctx, c.ID, w.ca.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the class after its co-teacher left = %v, want questions.ErrNotFound", err)
	}
}

// TestMigrate_RosterOnExistingData opens a database made before rosters:
// its classes get their owner as a teacher, stay open to joining, and its
// first teacher becomes the admin.
func TestMigrate_RosterOnExistingData(t *testing.T) {
	sqliteOnly(t) // a SQLite file made before rosters
	ctx := context.Background()
	file := t.TempDir() + "/old.db"
	old, err := sql.Open("sqlite3", "file:"+file+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if _, err := old.ExecContext(ctx, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(migrations, "migrations/sqlite/*.sql")
	for _, name := range names {
		if path.Base(name) >= "0030" {
			break
		}
		body, _ := migrations.ReadFile(name)
		if _, err := old.ExecContext(ctx, string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		version, _ := strconv.Atoi(path.Base(name)[:4])
		if _, err := old.ExecContext(ctx, "INSERT INTO schema_migrations VALUES (?, ?, ?)", version, path.Base(name), t0); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		"INSERT INTO teachers (id, name, password_hash, created_at) VALUES (7, 'Rivera', 'x', '2026-01-01'), (9, 'Okafor', 'x', '2026-01-02')",
		"INSERT INTO classes (id, teacher_id, name, join_code, created_at) VALUES (3, 9, 'Year 8', 'ABC123', '2026-01-03')",
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Class(ctx, 9, 3)
	if err != nil || !c.Open || c.Owner != "Okafor" {
		t.Errorf("the old class = %+v, %v; want it open, taught by its owner Okafor", c, err)
	}
	for id, want := range map[int64]bool{7: true, 9: false} {
		if got, err := s.IsAdmin(ctx, id); err != nil || got != want {
			t.Errorf("teacher %d admin = %v, %v; want %v", id, got, err, want)
		}
	}
}
