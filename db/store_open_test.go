package db

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigStore is a store with a few megabytes in it, so that copying it
// takes long enough to be interrupted.
func bigStore(t *testing.T) *Store {
	t.Helper()
	s := openStore(t)
	_, err := s.write.Exec(`CREATE TABLE filler (x BLOB);
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
		INSERT INTO filler SELECT randomblob(1000) FROM n`)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStore_BackupFailure checks that a backup that fails half-way leaves
// no file behind (on main, a partial file was left that opened as an
// empty, valid database, and a retry was refused because it existed), and
// that a retry then succeeds.
func TestStore_BackupFailure(t *testing.T) {
	sqliteOnly(t) // a SQLite file, its disk and its backup
	s := bigStore(t)
	dir := t.TempDir()
	dst := filepath.Join(dir, "copy.db")
	failed := false
	for _, after := range []time.Duration{time.Millisecond, 3 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), after)
		err := s.Backup(ctx, dst)
		cancel()
		if err == nil {
			os.Remove(dst)
			continue
		}
		failed = true
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			t.Errorf("a backup cancelled after %v (%v) left %s behind", after, err, e.Name())
		}
		break
	}
	if !failed {
		t.Skip("every backup finished before it could be cancelled")
	}
	if err := s.Backup(context.Background(), dst); err != nil {
		t.Fatalf("retry after a failed backup: %v", err)
	}
	var n int
	c, err := sql.Open("sqlite3", "file:"+dst+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.QueryRow("SELECT count(*) FROM filler").Scan(&n); err != nil || n != 20000 {
		t.Fatalf("the backup holds %d filler rows (%v), want 20000", n, err)
	}
	if err := s.Backup(context.Background(), dst); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("backup over an existing file: %v, want it refused", err)
	}
}

// TestStore_BackupToFullDisk checks a backup to a file system too small
// for it: it fails and leaves nothing, not even the copy's journal, and a
// retry once there is room works. It mounts a tmpfs: root only.
func TestStore_BackupToFullDisk(t *testing.T) {
	sqliteOnly(t) // a SQLite file, its disk and its backup
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k"); err != nil {
		t.Skipf("cannot mount a tmpfs (%v): needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	s := bigStore(t)
	dst := filepath.Join(dir, "copy.db")
	if err := s.Backup(context.Background(), dst); err == nil {
		t.Fatal("a backup of 20 MB to a 256 KB file system succeeded")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("the failed backup left %s behind", e.Name())
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT, "size=64m"); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(context.Background(), dst); err != nil {
		t.Fatalf("the retry once there is room: %v", err)
	}
}

// rawDB makes an SQLite file at path by running stmts, outside the store.
func rawDB(t *testing.T, path string, stmts ...string) {
	t.Helper()
	c, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, q := range stmts {
		if _, err := c.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestStore_OpenRefuses checks that the store leaves alone what is not
// its to migrate: another application's database (by its header's id or
// by its tables), a file that is not SQLite, and a factdrill database
// from a newer factdrill. On main each was migrated, or failed with
// SQLite's words.
func TestStore_OpenRefuses(t *testing.T) {
	cases := []struct {
		name  string
		make  func(t *testing.T, path string)
		wants string
	}{
		{"AnotherApplicationsID", func(t *testing.T, path string) {
			rawDB(t, path, "PRAGMA application_id = 1", "CREATE TABLE notes (body TEXT)")
		}, "belongs to another application"},
		{"AnotherApplicationsTables", func(t *testing.T, path string) {
			rawDB(t, path, "CREATE TABLE moz_places (url TEXT)")
		}, "another application's tables"},
		{"NotSQLite", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 400)), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "not an SQLite file"},
		{"NewerFactdrill", func(t *testing.T, path string) {
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			s.write.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (35, '0035_future.sql', ?)", t0)
			s.Close()
		}, "newer factdrill: it has migration 0035_future.sql"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			c.make(t, path)
			before, _ := os.ReadFile(path)
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatalf("Open succeeded, want it refused with %q", c.wants)
			}
			if !strings.Contains(err.Error(), c.wants) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open: %v, want the path and %q", err, c.wants)
			}
			if c.name != "NewerFactdrill" {
				if after, _ := os.ReadFile(path); string(after) != string(before) {
					t.Errorf("the refused file was changed")
				}
			}
		})
	}
}

// TestStore_OpenSetsApplicationID checks that a new database, and one of
// factdrill from before the id was set, carry factdrill's id once opened.
func TestStore_OpenSetsApplicationID(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	s, err := Open(context.Background(), old)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	rawDB(t, old, "PRAGMA application_id = 0")
	for _, path := range []string{filepath.Join(dir, "new.db"), old} {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("Open %s: %v", path, err)
		}
		var id int64
		if err := s.read.QueryRow("PRAGMA application_id").Scan(&id); err != nil || id != applicationID {
			t.Errorf("%s: application_id = %#x (%v), want %#x", path, id, err, applicationID)
		}
		s.Close()
	}
}

// TestStore_OpenReadOnlyFileSystem checks that a database on a read-only
// file system is reported as such (on main: "no such file or directory").
// It needs to mount a file system, so it runs as root only.
func TestStore_OpenReadOnlyFileSystem(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=8m"); err != nil {
		t.Skipf("cannot mount a tmpfs (%v): needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	path := filepath.Join(dir, "site.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Fatalf("remount read-only: %v", err)
	}
	for _, p := range []string{path, filepath.Join(dir, "new.db")} {
		_, err := Open(context.Background(), p)
		if err == nil || !strings.Contains(err.Error(), "read-only") || errors.Is(err, os.ErrNotExist) {
			t.Errorf("Open %s on a read-only file system: %v, want it said read-only", p, err)
		}
	}
}
