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
	"crypto/rand"
	"database/sql"
	"errors"
	"factdrill/questions"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"
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
	// decks holds what study pages read (see cards_study.go); batch
	// commits flashcard answers in groups (see cards_batch.go).
	decks *studyCache
	batch *batcher
	// now is the store's clock: every method takes the time from it.
	now func() time.Time
	// hashes holds a token for each password hash running, hashWait is how
	// long a hash waits for room (see hashing).
	hashes   chan struct{}
	hashWait time.Duration
}

// openError says why the database file at path could not be opened, in
// the file system's words when it is the cause: SQLite reports a file it
// cannot write, or a folder it cannot create its -wal and -shm files in,
// as "unable to open database file", with whatever errno came last.
func openError(path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("db: open %s: %w", path, err) // ours: the schema's
	}
	if se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrPerm || se.Code == sqlite3.ErrIoErr {
		if cause := writable(path); cause != nil {
			return fmt.Errorf("db: open %s: %w", path, cause)
		}
	}
	if se.Code == sqlite3.ErrNotADB {
		return fmt.Errorf("db: open %s: this is not a factdrill database (not an SQLite file); factdrill leaves it alone", path)
	}
	return fmt.Errorf("db: open %s: %w", path, err)
}

// writable checks that the file at path can be written, or made, and
// explains why not: a read-only file system, a permission, a missing
// folder. nil when it can.
func writable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		// Make it as SQLite would, and take it away again.
		if f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
			f.Close()
			os.Remove(path)
		}
	} else if err == nil {
		f.Close()
		// The -wal and -shm files are made beside the database.
		if f, err = os.CreateTemp(filepath.Dir(path), ".factdrill-probe-*"); err == nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.EROFS):
		return errors.New("the file system is read-only: factdrill writes the database and its -wal and -shm files beside it; " +
			"put it on a writable file system (or copy it there with `factdrill backup`)")
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("permission denied: the user running factdrill cannot write %s or its folder (the -wal and -shm files go beside it)", path)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("the folder %s does not exist", filepath.Dir(path))
	}
	return err
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

// Backup writes a consistent copy of the whole database to dst (a file that
// must not exist yet), while the server keeps running. The copy is written
// under a temporary name beside dst, flushed to disk, and only then given
// its name: a backup that fails (a full disk, a cancelled context) leaves
// nothing behind, and can be tried again.
//
// On PostgreSQL it returns ErrBackupPostgres: pg_dump does this there.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if s.engine == postgresEngine {
		return ErrBackupPostgres
	}
	if err := s.backup(ctx, dst); err != nil {
		return fmt.Errorf("db: backup to %s: %w", dst, err)
	}
	return nil
}

func (s *Store) backup(ctx context.Context, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return invalid("%s already exists; choose a new file name", dst)
	}
	var b [8]byte
	rand.Read(b[:])
	tmp := filepath.Join(filepath.Dir(dst), fmt.Sprintf(".%s.partial-%x", filepath.Base(dst), b))
	defer func() {
		// SQLite leaves the copy's rollback journal when a write fails.
		for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
	}()
	if _, err := s.read.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return err
	}
	if err := syncPath(tmp); err != nil {
		return err
	}
	// A link, unlike a rename, never replaces a file made meanwhile.
	if err := os.Link(tmp, dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return invalid("%s already exists; choose a new file name", dst)
		}
		// A file system without hard links.
		if err := os.Rename(tmp, dst); err != nil {
			return err
		}
	}
	return syncPath(filepath.Dir(dst))
}

// syncPath flushes a file, or a folder's entries, to disk.
func syncPath(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err // some file systems cannot sync a folder: EINVAL
	}
	return nil
}

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
		return storageError(err)
	}
	return storageError(tx.Commit())
}

// ErrDiskFull answers a change the disk had no room for: nothing of it
// was saved, and the same change may work once there is room. Its code is
// questions.CodeUnavailable.
var ErrDiskFull = questions.Errorf(questions.CodeUnavailable, "the server's disk is full: what you sent was not saved")

// ErrReadOnly answers a change a PostgreSQL database refused as read-only
// (a standby, or a database set read-only): nothing of it was saved.
var ErrReadOnly = questions.Errorf(questions.CodeUnavailable, "the database is read-only just now: what you sent was not saved")

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

// deleteRows runs a DELETE in a write transaction of inWrite or
// inWriteKeep (for rows the read cache does not hold) and says how many
// rows went; an error is wrapped as "db: what: …".
func (s *Store) deleteRows(ctx context.Context, in func(context.Context, func(*sql.Tx) error) error, what, query string, args ...any) (int64, error) {
	var n int64
	err := in(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: %s: %w", what, err)
	}
	return n, nil
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

// applicationID is factdrill's mark in the database header (PRAGMA
// application_id): the bytes "FDrl". A file with another application's
// mark, or tables of its own and no mark, is not factdrill's to migrate.
const applicationID = 0x4644726c

// foreignKeysOff is the first line of a migration that rebuilds a table
// (create the new one, copy, drop the old, rename): SQLite cannot turn
// foreign keys off inside a transaction, so the runner turns them off
// around it and runs PRAGMA foreign_key_check before the commit.
const foreignKeysOff = "-- factdrill: foreign-keys-off"

// migration is one numbered file of an engine's migrations.
type migration struct {
	version int
	name    string
	body    string
}

// readMigrations lists the migrations of dir (its *.sql files) in number
// order.
func readMigrations(dir fs.FS) ([]migration, error) {
	names, err := fs.Glob(dir, "*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, _ := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s has no number", base)
		}
		body, err := fs.ReadFile(dir, name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version, base, string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate brings the schema up to date with the migrations of dir (the
// engine's, see engine.migrations): on SQLite it marks the file as
// factdrill's; it refuses a schema with a migration this binary does not
// know (a newer factdrill wrote it), and applies every migration not yet
// recorded, in number order, each in its own transaction. (On SQLite,
// Open has checked, before, that the file is factdrill's: see checkFile.)
func (s *Store) migrate(ctx context.Context, dir fs.FS) error {
	all, err := readMigrations(dir)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	create := `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)`
	if s.engine == postgresEngine {
		create = strings.Replace(create, "DATETIME", "TIMESTAMPTZ", 1)
	}
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := s.lockMigrations(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return err
		}
		if s.engine != sqliteEngine {
			return nil
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID))
		return err
	})
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied, err := appliedMigrations(ctx, s.write)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	known := map[int]bool{}
	for _, m := range all {
		known[m.version] = true
	}
	for _, m := range applied {
		if !known[m.version] {
			return fmt.Errorf("the database was written by a newer factdrill: it has migration %s, which this factdrill does not know; "+
				"run the newer factdrill (or restore a backup made by this one)", m.name)
		}
	}
	for _, m := range all {
		if err := s.applyMigration(ctx, m.version, m.name, m.body); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
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

// appliedMigrations lists the migrations the database records.
func appliedMigrations(ctx context.Context, db *sql.DB) ([]migration, error) {
	rows, err := db.QueryContext(ctx, "SELECT version, name FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []migration
	for rows.Next() {
		var m migration
		if err := rows.Scan(&m.version, &m.name); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

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
			return fmt.Errorf("foreign key check: broken references: %s", strings.Join(rows[:min(len(rows), 5)], "; "))
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

// checkFile refuses a file at path that is not a factdrill database (see
// checkApplication) before the store opens it for writing, which would
// turn it to WAL mode. A file that is not there, or empty, is a new
// database.
func checkFile(ctx context.Context, path string) error {
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return nil
	}
	c, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer c.Close()
	return checkApplication(ctx, c)
}

// checkApplication refuses a database that is not factdrill's: one whose
// header carries another application's id, or one with tables but neither
// factdrill's id nor factdrill's migrations (a database of factdrill from
// before the id was set has them, and is adopted).
func checkApplication(ctx context.Context, conn *sql.DB) error {
	var id int64
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return fmt.Errorf("read the database header: %w", err)
	}
	switch {
	case id == applicationID:
		return nil
	case id != 0:
		return fmt.Errorf("this is not a factdrill database: it belongs to another application (application id %#x); factdrill leaves it alone", id)
	}
	var tables, ours int
	err := conn.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(CASE WHEN name = 'schema_migrations' THEN 1 ELSE 0 END), 0)
		FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &ours)
	if err != nil {
		return fmt.Errorf("read the database's tables: %w", err)
	}
	if tables == 0 {
		return nil
	}
	if ours == 1 {
		var first int
		err := conn.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = 1 AND name = '0001_init.sql'").Scan(&first)
		if err == nil && first == 1 {
			return nil
		}
	}
	return errors.New("this is not a factdrill database: it holds another application's tables; factdrill leaves it alone")
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
