// Package db is factdrill's SQLite store. One Store owns one database file:
// a single writer connection, through which every change goes in an
// immediate transaction (rolled back in a defer on any way out but a
// commit), and a pool of read-only connections. Each exported method runs
// in one transaction; a method that changes data returns only after its
// transaction has committed, so whatever the caller acknowledges is on disk
// (WAL with synchronous=FULL).
//
// The store decides nothing about learning: package quiz does (a grade, a
// card's next state, the study plan, when a quiz answer is a review), and
// a method reads the facts in its transaction, calls quiz, and stores what
// quiz decided. Time comes from the store's clock, time.Now unless a test
// sets another (SetClock). Errors are package questions' vocabulary.
//
// The schema is a list of numbered migrations in migrations/, embedded in
// the binary and applied once each, in order, when the store opens; one
// whose first line is the foreign-keys-off marker may rebuild a table.
// How questions, their versions and the attempts that pin them are stored
// is described in questions.go.
package db

import (
	"cmp"
	"context"
	"database/sql"
	"embed"
	"errors"
	"factdrill/questions"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// The store's errors are package questions' vocabulary: a missing row (or
// one that is not the caller's) is questions.ErrNotFound, a change that
// contradicts what is stored is questions.ErrConflict, and input that
// cannot be stored is a questions.Error of code CodeInvalid whose message
// is for the user. Anything else is internal.

func invalid(format string, args ...any) error {
	return questions.Errorf(questions.CodeInvalid, format, args...)
}

func conflict(format string, args ...any) error {
	return questions.Errorf(questions.CodeConflict, format, args...)
}

// invalidSet is a set's validation problems as one invalid-input error,
// one problem after another.
func invalidSet(err error) error {
	return invalid("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
}

// Store is the SQLite database of one factdrill server.
type Store struct {
	write *sql.DB
	read  *sql.DB
	path  string
	cache *cache
	// now is the store's clock: every method takes the time from it.
	now func() time.Time
}

// Open opens or creates the database file at path and brings its schema up
// to date. The store's clock is time.Now (see SetClock).
func Open(ctx context.Context, path string) (*Store, error) {
	// The pragmas are in the DSN so that every pooled connection gets them.
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_txlock", "immediate")
	// Keep prepared statements per connection: preparing a query costs
	// more than running most of ours.
	q.Set("_stmt_cache_size", "128")
	w, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	// One writer: SQLite serialises writers anyway, and queueing them here
	// instead of in busy_timeout keeps write latency fair.
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	s := &Store{write: w, path: path, cache: newCache(cacheBudget), now: time.Now}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	if err := s.openSearch(ctx); err != nil {
		w.Close()
		return nil, err
	}

	q.Set("mode", "ro")
	q.Set("_txlock", "deferred")
	q.Del("_journal_mode") // a read-only connection cannot change it
	r, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open %s for reading: %w", path, err)
	}
	r.SetMaxOpenConns(max(4, 2*runtime.NumCPU()))
	r.SetMaxIdleConns(max(4, 2*runtime.NumCPU()))
	s.read = r
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	return errors.Join(s.read.Close(), s.write.Close())
}

// SetClock replaces the store's clock, time.Now: tests move time with it.
// Set it before the store is shared; every method reads the time from it.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Now is the time by the store's clock, so that what serves the store
// (pages, limits) keeps the same time as it does.
func (s *Store) Now() time.Time { return s.now() }

// Path is the file the store was opened on.
func (s *Store) Path() string { return s.path }

// Backup writes a consistent copy of the whole database to dst (a file that
// must not exist yet), while the server keeps running.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if _, err := s.read.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("db: backup to %s: %w", dst, err)
	}
	return nil
}

// inWrite runs fn in an immediate write transaction and commits it. Once
// committed, the read cache is emptied: whatever fn changed, no page is
// served from what it was before.
func (s *Store) inWrite(ctx context.Context, fn func(tx *sql.Tx) error) error {
	err := s.inWriteKeep(ctx, fn)
	if err == nil {
		s.cache.bump()
	}
	return err
}

// inWriteKeep is inWrite for a change that keeps the read cache right by
// itself (see cache.answered): it leaves the cache alone.
func (s *Store) inWriteKeep(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// After a commit, rolling back does nothing; on any other way out,
	// panics included, it ends the transaction.
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// read runs fn in a read transaction and returns what it read; an error
// is wrapped as "db: what: …".
func read[T any](ctx context.Context, s *Store, what string, fn func(tx *sql.Tx) (T, error)) (T, error) {
	var v T
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		v, err = fn(tx)
		return err
	})
	if err != nil {
		var zero T
		return zero, fmt.Errorf("db: %s: %w", what, err)
	}
	return v, nil
}

// changeOne runs one statement in a write transaction; a statement that
// changes no row (a row that is not there, or not the caller's) gives
// ErrNotFound. An error is wrapped as "db: what: …".
func (s *Store) changeOne(ctx context.Context, what, query string, args ...any) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error { return execOne(ctx, tx, query, args...) })
	if err != nil {
		return fmt.Errorf("db: %s: %w", what, err)
	}
	return nil
}

// execOne runs one statement in tx; a statement that changes no row gives
// ErrNotFound.
func execOne(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmp.Or(err, error(questions.ErrNotFound))
	}
	return nil
}

// inRead runs fn in a read transaction, so that it sees one snapshot.
func (s *Store) inRead(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)`); err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		base := path.Base(name)
		num, _, _ := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if err != nil {
			return fmt.Errorf("db: migration %s has no number", base)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("db: migrate: %w", err)
		}
		if err := s.applyMigration(ctx, version, base, string(body)); err != nil {
			return fmt.Errorf("db: migration %s: %w", base, err)
		}
	}
	return nil
}

// foreignKeysOff is the first line of a migration that rebuilds a table
// (create the new one, copy, drop the old, rename): SQLite cannot turn
// foreign keys off inside a transaction, and with them on, dropping the
// old table would cascade into the tables that refer to it.
const foreignKeysOff = "-- factdrill: foreign-keys-off"

// applyMigration applies one migration, unless it is recorded already, in
// one transaction with its record. A migration marked foreignKeysOff runs
// with foreign keys off on its connection, and commits only if
// PRAGMA foreign_key_check then finds every reference whole.
func (s *Store) applyMigration(ctx context.Context, version int, name, body string) (err error) {
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	fkOff := strings.HasPrefix(body, foreignKeysOff+"\n")
	if fkOff {
		if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
			return err
		}
		// Back on before the connection returns to the pool, whatever
		// happened to the migration.
		defer func() {
			_, onErr := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
			err = errors.Join(err, onErr)
		}()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", version).Scan(&n); err != nil || n > 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if fkOff {
		rows, err := queryAll(ctx, tx, func(row scanner) (string, error) {
			var table, parent string
			var rowid sql.NullInt64
			var fk int
			err := row.Scan(&table, &rowid, &parent, &fk)
			return fmt.Sprintf("%s row %d refers to a missing %s", table, rowid.Int64, parent), err
		}, "PRAGMA foreign_key_check")
		if err != nil {
			return err
		}
		if len(rows) > 0 {
			return fmt.Errorf("broken references: %s", strings.Join(rows[:min(len(rows), 5)], "; "))
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", version, name, s.now().UTC()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.cache.bump()
	return nil
}

// scanner is a row to scan: *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// queryAll runs a query in tx and returns its rows, each read by scan,
// checking rows.Err: the one scan loop of the package.
func queryAll[T any](ctx context.Context, tx *sql.Tx, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// scanInt64 reads a row of one integer.
func scanInt64(row scanner) (int64, error) {
	var v int64
	err := row.Scan(&v)
	return v, err
}

// nullTime turns a zero time into SQL NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// timeOf returns the time of a nullable column, zero for NULL.
func timeOf(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// boolInt is a boolean as the 0 or 1 an INTEGER column stores, which
// every SQL engine reads the same way.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
