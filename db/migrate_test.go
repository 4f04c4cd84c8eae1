package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"testing"

	"factdrill/questions"
	"factdrill/quiz"
)

// TestStore_MigrationForeignKeysOff checks the runner's foreign-keys-off
// marker: a migration that rebuilds a table others refer to keeps their
// rows, and one that leaves a reference broken is refused whole.
func TestStore_MigrationForeignKeysOff(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	s := openStore(t)
	setup := `CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
		CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE);
		INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b');
		INSERT INTO child (parent_id) VALUES (1), (2), (2);`
	if err := s.applyMigration(ctx, 9001, "9001_setup.sql", setup); err != nil {
		t.Fatal(err)
	}
	rebuild := `CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
		INSERT INTO parent_new (id, name) SELECT id, name FROM parent;
		DROP TABLE parent;
		ALTER TABLE parent_new RENAME TO parent;`
	count := func(q string) int {
		t.Helper()
		var n int
		if err := s.write.QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	t.Run("RebuildKeepsReferringRows", func(t *testing.T) {
		if err := s.applyMigration(ctx, 9002, "9002_rebuild.sql", foreignKeysOff+"\n"+rebuild); err != nil {
			t.Fatal(err)
		}
		if got := count("SELECT count(*) FROM child"); got != 3 {
			t.Errorf("after rebuilding parent, child has %d rows, want 3", got)
		}
		if got := count("PRAGMA foreign_keys"); got != 1 {
			t.Errorf("after the migration, foreign_keys = %d, want 1", got)
		}
		if _, err := s.write.ExecContext(ctx, "INSERT INTO child (parent_id) VALUES (99)"); err == nil {
			t.Error("a child of a missing parent was accepted after the migration, want foreign keys enforced")
		}
	})
	t.Run("BrokenReferenceRefused", func(t *testing.T) {
		broken := foreignKeysOff + "\nDELETE FROM parent WHERE id = 1;\nCREATE TABLE marker (x INTEGER);"
		if err := s.applyMigration(ctx, 9003, "9003_broken.sql", broken); err == nil {
			t.Fatal("a migration that left a child without its parent was applied, want an error")
		}
		if got := count("SELECT count(*) FROM parent"); got != 2 {
			t.Errorf("after the refused migration parent has %d rows, want 2", got)
		}
		if got := count("SELECT count(*) FROM schema_migrations WHERE version = 9003"); got != 0 {
			t.Errorf("the refused migration was recorded")
		}
		if got := count("SELECT count(*) FROM sqlite_master WHERE name = 'marker'"); got != 0 {
			t.Errorf("the refused migration's table was created")
		}
	})
	t.Run("AppliedOnce", func(t *testing.T) {
		if err := s.applyMigration(ctx, 9001, "9001_setup.sql", setup); err != nil {
			t.Fatalf("applying a recorded migration again = %v, want it skipped", err)
		}
	})
}

// TestMigration_QuestionVersions opens a database made by the schema
// before question versions, with a set, an attempt with answers, and a
// flashcard with its log, and checks that migrating keeps all of it: each
// question becomes version 1 of itself under the same id, in its set at
// its place, and attempts, answers and cards keep referring to it.
func TestMigration_QuestionVersions(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := old.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)`)
	for v, name := range []string{"0001_init.sql", "0002_flashcards.sql", "0003_teachers.sql", "0004_foreign_key_indexes.sql"} {
		body, err := migrations.ReadFile("migrations/sqlite/" + name)
		if err != nil {
			t.Fatal(err)
		}
		mustExec(string(body))
		mustExec("INSERT INTO schema_migrations VALUES (?, ?, ?)", v+1, name, t0)
	}
	bodies := []string{
		`{"kind":"multiple_choice","stem":"Capital of France?","choices":[{"text":"Lyon","weight":0},{"text":"Paris","weight":100}]}`,
		`{"kind":"true_false","stem":"Rome is the capital of Italy.","truth":true}`,
		`{"kind":"short_answer","stem":"Capital of Japan?","answers":[{"text":"Tokyo","weight":100}]}`,
	}
	mustExec("INSERT INTO sets (id, title, created_at, updated_at) VALUES (7, 'Capitals', ?, ?)", t0, t0)
	for i, b := range bodies {
		var kind struct{ Kind string }
		json.Unmarshal([]byte(b), &kind)
		// Ids out of order with positions, as edits leave them.
		mustExec("INSERT INTO questions (id, set_id, position, kind, body) VALUES (?, 7, ?, ?, ?)", 30-10*i, i, kind.Kind, b)
	}
	mustExec("INSERT INTO learners (id, name, resume_code, created_at) VALUES (3, 'Zoya', 'ABCD2345', ?)", t0)
	mustExec("INSERT INTO attempts (id, learner_id, set_id, started_at) VALUES (5, 3, 7, ?)", t0)
	for i := range bodies {
		mustExec("INSERT INTO attempt_questions (attempt_id, position, question_id) VALUES (5, ?, ?)", i, 30-10*i)
	}
	mustExec(`INSERT INTO responses (attempt_id, position, question_id, answer, fraction, answered_at) VALUES (5, 0, 30, '{"choices":[1]}', 1, ?)`, t0)
	mustExec(`INSERT INTO cards (learner_id, question_id, state, reps, due) VALUES (3, 20, 2, 4, ?)`, t0)
	mustExec(`INSERT INTO reviews (learner_id, question_id, rating, reviewed_at, source, state_before, step_before, stability_before,
		difficulty_before, reps_before, lapses_before, scheduled_days_before, model_before, scheduled_days)
		VALUES (3, 20, 3, ?, 'study', 0, 0, 0, 0, 0, 0, 0, '', 1)`, t0)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	info, qs, err := s.Set(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if info.Questions != 3 || len(qs) != 3 {
		t.Fatalf("the migrated set has %d (%d) questions, want 3", info.Questions, len(qs))
	}
	for i, q := range qs {
		if want := int64(30 - 10*i); q.ID != want || q.VersionID != want || q.Version != 1 || q.Position != i {
			t.Errorf("question %d: id %d version %d (number %d) at %d; want id and version %d, number 1, at %d",
				i, q.ID, q.VersionID, q.Version, q.Position, want, i)
		}
		var want questions.Question
		json.Unmarshal([]byte(bodies[i]), &want)
		if q.Stem != want.Stem || q.Kind != want.Kind {
			t.Errorf("question %d = %q (%s), want %q (%s)", i, q.Stem, q.Kind, want.Stem, want.Kind)
		}
	}
	a, rs, err := s.Responses(ctx, 3, 5)
	if err != nil {
		t.Fatal(err)
	}
	if a.Count != 3 || len(rs) != 3 || !rs[0].Answered || rs[0].Fraction != 1 || rs[0].Question.Stem != "Capital of France?" || rs[1].Answered {
		t.Errorf("the migrated attempt: %d questions, first answered=%v (%v) %q; want 3, the first answered right",
			a.Count, rs[0].Answered, rs[0].Fraction, rs[0].Question.Stem)
	}
	c, err := s.Card(ctx, 3, 20)
	if err != nil || c.Card.Reps != 4 || c.Question.Stem != "Rome is the capital of Italy." || c.Question.SetID != 7 {
		t.Errorf("the migrated card = %+v, %v; want 4 reps on question 20 of set 7", c, err)
	}
	var reviews int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM reviews WHERE question_id = 20").Scan(&reviews); err != nil || reviews != 1 {
		t.Errorf("the migrated log has %d reviews of question 20 (%v), want 1", reviews, err)
	}
	// The attempt can go on after the migration, against the version it
	// showed.
	if err := s.SaveAnswer(ctx, 3, 5, 2, quiz.Answer{Text: "tokyo"}, 2); err != nil {
		t.Fatal(err)
	}
	if a, err := s.FinishAttempt(ctx, 3, 5); err != nil || a.Score.Right != 2 || a.Score.Max != 3 {
		t.Errorf("finishing the migrated attempt = %+v, %v; want 2 of 3 right", a.Score, err)
	}
}
