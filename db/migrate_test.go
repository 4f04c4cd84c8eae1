package db

import (
	"context"
	"testing"
)

// TestStore_MigrationForeignKeysOff checks the runner's foreign-keys-off
// marker: a migration that rebuilds a table others refer to keeps their
// rows, and one that leaves a reference broken is refused whole.
func TestStore_MigrationForeignKeysOff(t *testing.T) {
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
