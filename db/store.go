// Package db is factdrill's store, on SQLite or PostgreSQL. On SQLite, one
// Store owns one database file: a single writer connection, through which
// every change goes in an immediate transaction (rolled back in a defer on
// any way out but a commit), and a pool of read-only connections. On
// PostgreSQL, any number of servers' Stores share one database, each with
// a pool of connections; writers that read what they change lock the rows
// they read. Engine differences live in engine.go. Each exported method
// runs in one transaction; a method that changes data returns only after
// its transaction has committed, so whatever the caller acknowledges is on
// disk (WAL with synchronous=FULL on SQLite).
//
// The store decides nothing about learning: package quiz does (a grade, a
// card's next state, the study plan, when a quiz answer is a review), and
// a method reads the facts in its transaction, calls quiz, and stores what
// quiz decided. Time comes from the store's clock, time.Now unless a test
// sets another (SetClock). Errors are package questions' vocabulary.
//
// The schema is a list of numbered migrations for each engine, in
// migrations/sqlite and migrations/postgres, embedded in the binary and
// applied once each, in order, when the store opens; a SQLite one whose
// first line is the foreign-keys-off marker may rebuild a table.
// How questions, their versions and the attempts that pin them are stored
// is described in questions.go.
package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"factdrill/questions"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

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

// Store is the database of one factdrill site: a SQLite file, or a
// PostgreSQL database that any number of servers share (see engine.go).
type Store struct {
	engine engine
	// write is the pool writes go through: one connection on SQLite, the
	// pool on PostgreSQL; read is the pool of read-only transactions.
	write *sql.DB
	read  *sql.DB
	// readTx is how read transactions begin: each sees one snapshot.
	readTx *sql.TxOptions
	path   string
	cache  *cache
	// cacheMode says how the cache stays right (see engine.go); in
	// cacheNotify mode, serverID tells this server's notices from the
	// others', and the listener runs until stopListening.
	cacheMode     cacheMode
	serverID      string
	stopListening context.CancelFunc
	listening     chan struct{}
	// now is the store's clock: every method takes the time from it.
	now func() time.Time
}

// Close closes the database.
func (s *Store) Close() error {
	if s.stopListening != nil {
		s.stopListening()
		<-s.listening
	}
	if s.read == s.write {
		return s.write.Close()
	}
	return errors.Join(s.read.Close(), s.write.Close())
}

// SetClock replaces the store's clock, time.Now: tests move time with it.
// Set it before the store is shared; every method reads the time from it.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Now is the time by the store's clock, so that what serves the store
// (pages, limits) keeps the same time as it does.
func (s *Store) Now() time.Time { return s.now() }

// Path is the file the store was opened on, or on PostgreSQL the URL.
func (s *Store) Path() string { return s.path }

// inWrite runs fn in an immediate write transaction and commits it. Once
// committed, the read cache is emptied, and other servers' too when they
// are told (see tell): whatever fn changed, no page is served from what it
// was before.
func (s *Store) inWrite(ctx context.Context, fn func(tx *sql.Tx) error) error {
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return s.tell(ctx, tx, "*")
	})
	if err == nil {
		s.cache.bump()
	}
	return err
}

// inWriteKeep is inWrite for a change that keeps the read cache right by
// itself (see cache.answered): it leaves the cache alone.
//
// On PostgreSQL, a transaction that the database ended to resolve a
// deadlock or a serialisation failure runs again from the start, so fn
// must leave nothing behind but what it does in tx and the variables it
// sets.
func (s *Store) inWriteKeep(ctx context.Context, fn func(tx *sql.Tx) error) error {
	for try := 1; ; try++ {
		err := s.tryWrite(ctx, fn)
		if err == nil || try == maxWriteTries || !isRetryable(err) {
			return err
		}
	}
}

// maxWriteTries bounds the runs of one write transaction (see inWriteKeep).
const maxWriteTries = 5

func (s *Store) tryWrite(ctx context.Context, fn func(tx *sql.Tx) error) error {
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
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or(err, error(questions.ErrNotFound))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: %s: %w", what, err)
	}
	return nil
}

// inRead runs fn in a read transaction, so that it sees one snapshot.
func (s *Store) inRead(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, s.readTx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// migrate applies the engine's migrations that are not recorded yet, in
// number order.
func (s *Store) migrate(ctx context.Context) error {
	create := `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)`
	if s.engine == postgresEngine {
		create = strings.Replace(create, "DATETIME", "TIMESTAMPTZ", 1)
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := s.lockMigrations(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, create)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: migrate: %w", err)
	}
	dir := s.engine.migrationDir()
	names, err := fs.Glob(migrations, dir+"/*.sql")
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

// migrationLock is the PostgreSQL advisory lock that servers starting on
// one database at once take in turn to migrate it: the first applies each
// migration, the others then find it recorded.
const migrationLock = 0x66616374 // "fact"

// lockMigrations makes tx the only migrating transaction until it ends.
// SQLite's immediate transaction is alone already.
func (s *Store) lockMigrations(ctx context.Context, tx *sql.Tx) error {
	if s.engine != postgresEngine {
		return nil
	}
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", migrationLock)
	return err
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
	fkOff := s.engine == sqliteEngine && strings.HasPrefix(body, foreignKeysOff+"\n")
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
	if err := s.lockMigrations(ctx, tx); err != nil {
		return err
	}
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
