package db

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// This file is where SQLite and PostgreSQL differ; everything else in the
// package is one code path. The store's SQL is written once, in a dialect
// both engines read: `?` placeholders, RETURNING for new ids, ON CONFLICT
// for upserts, no engine's own functions, times passed from Go in UTC,
// booleans as 0 and 1 in integer columns. On PostgreSQL, a thin wrapper
// around pgx's database/sql driver renumbers the placeholders ($1, $2, …)
// and turns the lock markers below into locking clauses. What is left
// differs here: how a store opens, its migrations, how errors are told
// apart, and backups.

// engine names the database a store runs on.
type engine string

const (
	sqliteEngine   engine = "sqlite"
	postgresEngine engine = "postgres"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// migrations is the folder of the engine's numbered migrations. The two
// folders hold the same numbers and names, each migration written in its
// engine's dialect, so that both schemas agree (TestSchemasAgree).
func (e engine) migrations() fs.FS {
	dir, err := fs.Sub(migrations, "migrations/"+string(e))
	if err != nil {
		panic(err) // the folders are embedded: a name that is not is a bug
	}
	return dir
}

// IsPostgres reports whether source, as given to Open, names a PostgreSQL
// database rather than a SQLite file.
func IsPostgres(source string) bool {
	return strings.HasPrefix(source, "postgres://") || strings.HasPrefix(source, "postgresql://")
}

// Open opens the database that source names and brings its schema up to
// date: a postgres:// (or postgresql://) URL opens a PostgreSQL database;
// anything else is a SQLite file, created if missing, given as a path or
// as a file: URI. The store's clock is time.Now (see SetClock).
func Open(ctx context.Context, source string) (*Store, error) {
	if IsPostgres(source) {
		return openPostgres(ctx, source)
	}
	return openSQLite(ctx, source)
}

// openSQLite opens a SQLite file with one writer connection, through which
// every change goes in an immediate transaction, and a pool of read-only
// connections.
func openSQLite(ctx context.Context, source string) (*Store, error) {
	path := strings.TrimPrefix(source, "file:")
	path, _, _ = strings.Cut(path, "?")
	if err := checkFile(ctx, path); err != nil {
		return nil, openError(path, err)
	}
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
		return nil, openError(path, err)
	}
	s := &Store{engine: sqliteEngine, write: w, path: path, cache: newCache(cacheBudget), decks: newStudyCache(), batch: newBatcher(), now: clock,
		readTx: &sql.TxOptions{ReadOnly: true}, cacheMode: cacheLocal,
		hashes: make(chan struct{}, defaultHashSlots), hashWait: defaultHashWait}
	if err := s.migrate(ctx, s.engine.migrations()); err != nil {
		w.Close()
		return nil, openError(path, err)
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

// postgresConns is the size of a server's pool of PostgreSQL connections.
// Writers do not queue in the pool as on SQLite: PostgreSQL runs them side
// by side, locking rows, so the pool is as large as the work in flight.
var postgresConns = max(8, 4*runtime.NumCPU())

// openPostgres opens a pool of connections to a PostgreSQL database.
// Writes run in READ COMMITTED transactions; where a method reads what it
// then changes, it locks the rows it read (see forUpdate).
func openPostgres(ctx context.Context, source string) (*Store, error) {
	conns, mode, err := postgresOptions(source)
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", redact(source), err)
	}
	cfg, err := pgx.ParseConfig(conns)
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", redact(source), err)
	}
	// Times come back in UTC, as SQLite's do.
	utc := func(ctx context.Context, c *pgx.Conn) error {
		c.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
			Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
		return nil
	}
	pool := sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg, stdlib.OptionAfterConnect(utc))})
	pool.SetMaxOpenConns(postgresConns)
	pool.SetMaxIdleConns(postgresConns)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("db: open %s: %w", redact(source), err)
	}
	// A read transaction sees one snapshot, as on SQLite, rather than
	// READ COMMITTED's one per statement: an attempt and its answers are
	// read as of one moment.
	s := &Store{engine: postgresEngine, write: pool, read: pool, path: source, cache: newCache(cacheBudget), decks: newStudyCache(), batch: newBatcher(), now: clock,
		readTx: &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}, cacheMode: mode,
		hashes: make(chan struct{}, defaultHashSlots), hashWait: defaultHashWait}
	if err := s.migrate(ctx, s.engine.migrations()); err != nil {
		pool.Close()
		return nil, fmt.Errorf("db: open %s: %w", redact(source), err)
	}
	switch mode {
	case cacheOff:
		s.cache.setOff(true)
	case cacheNotify:
		// Off until the listener listens: what others wrote before then
		// would go unnoticed.
		s.cache.setOff(true)
		var b [8]byte
		rand.Read(b[:])
		s.serverID = hex.EncodeToString(b[:])
		lctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		s.stopListening = cancel
		s.listening = make(chan struct{})
		go s.listen(lctx, cfg)
	}
	return s, nil
}

// cacheMode is how a server's read cache (see cache) stays right while
// other processes write the database.
type cacheMode string

const (
	// cacheLocal: the server is the database's only writer (SQLite), and
	// its own writes empty its cache.
	cacheLocal cacheMode = "local"
	// cacheOff: no cache; every page reads the database. The default on
	// PostgreSQL: no other way is right the moment another server commits
	// (see BENCHMARKS.md for what it costs).
	cacheOff cacheMode = "off"
	// cacheNotify: every write tells the other servers, through
	// PostgreSQL's NOTIFY, what to drop; a server's listener drops it when
	// told. A server may serve what another changed for the moment the
	// notice takes to arrive.
	cacheNotify cacheMode = "notify"
)

// postgresOptions takes factdrill's own parameter out of a PostgreSQL URL:
// factdrill_cache=off|notify (see cacheMode). The rest is pgx's.
func postgresOptions(source string) (string, cacheMode, error) {
	u, err := url.Parse(source)
	if err != nil {
		return "", "", err
	}
	q := u.Query()
	mode := cacheMode(cmp.Or(q.Get("factdrill_cache"), string(cacheOff)))
	if mode != cacheOff && mode != cacheNotify {
		return "", "", fmt.Errorf("factdrill_cache=%s: want off or notify", mode)
	}
	q.Del("factdrill_cache")
	u.RawQuery = q.Encode()
	return u.String(), mode, nil
}

// cacheChannel is the PostgreSQL channel servers tell each other on.
const cacheChannel = "factdrill_cache"

// tell has the other servers drop, once tx commits, what it changed: what
// is "*" for anything, "a" and an id for one attempt. It does nothing but
// in cacheNotify mode. NOTIFY is transactional: a rolled-back change
// tells no one.
func (s *Store) tell(ctx context.Context, tx *sql.Tx, what string) error {
	if s.cacheMode != cacheNotify {
		return nil
	}
	_, err := tx.ExecContext(ctx, "SELECT pg_notify(?, ?)", cacheChannel, s.serverID+" "+what)
	return err
}

// listen keeps a connection listening on cacheChannel until ctx ends,
// dropping from the cache what other servers say they changed. While it
// is not listening (a lost connection), the cache is off.
func (s *Store) listen(ctx context.Context, cfg *pgx.ConnConfig) {
	defer close(s.listening)
	for {
		err := s.listenOnce(ctx, cfg)
		s.cache.setOff(true)
		if ctx.Err() != nil {
			return
		}
		_ = err // the cache stays off until the next connection listens
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, cfg *pgx.ConnConfig) error {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+cacheChannel); err != nil {
		return err
	}
	s.cache.setOff(false)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		from, what, _ := strings.Cut(n.Payload, " ")
		if from == s.serverID {
			continue
		}
		if a, ok := strings.CutPrefix(what, "a"); ok {
			if id, err := strconv.ParseInt(a, 10, 64); err == nil {
				s.cache.forget(id)
				continue
			}
		}
		s.cache.bump()
	}
}

// Redacted is source as Open takes it, fit to print: a PostgreSQL URL's
// password is hidden.
func Redacted(source string) string {
	if !IsPostgres(source) {
		return source
	}
	return redact(source)
}

// redact is a PostgreSQL URL with its password hidden, for messages.
func redact(source string) string {
	u, err := url.Parse(source)
	if err != nil {
		return "the PostgreSQL URL"
	}
	return u.Redacted()
}

// The lock markers end a SELECT whose rows the transaction goes on to
// change, or whose state it relies on. PostgreSQL runs writers side by
// side in READ COMMITTED, so there they lock the rows read until the
// transaction ends (a second writer waits, then reads what the first
// committed); SQLite's one writer holds the whole database already, and
// reads them as the comments they are.
const (
	// forUpdate locks the rows the SELECT reads.
	forUpdate = " /*factdrill:lock*/"
	// forUpdateSkipLocked locks the rows the SELECT reads, passing over
	// rows another transaction has locked: for claiming one of many.
	forUpdateSkipLocked = " /*factdrill:lock-skip*/"
	// forDelete locks the rows the SELECT reads against everything,
	// inserts that refer to them included (FOR UPDATE): for rows the
	// transaction deletes once it has checked nothing refers to them.
	forDelete = " /*factdrill:lock-delete*/"
)

// sqliteOnlyStmt starts a statement that keeps something only SQLite has (the
// FTS5 index of question text, see questions_search.go): SQLite runs it,
// and on PostgreSQL it is not sent, changing nothing.
const sqliteOnlyStmt = "/*factdrill:sqlite-only*/ "

// The lock taken is PostgreSQL's NO KEY UPDATE: the store never changes a
// key, and this lock, unlike FOR UPDATE, lets other transactions insert
// rows that refer to the locked one (a review of a locked learner).
var lockClauses = map[string]string{
	strings.TrimSpace(forUpdate):           "FOR NO KEY UPDATE",
	strings.TrimSpace(forUpdateSkipLocked): "FOR NO KEY UPDATE SKIP LOCKED",
	strings.TrimSpace(forDelete):           "FOR UPDATE",
}

// lockNames makes tx the one transaction holding each of the named locks
// until it ends: for a check followed by an insert, where there is no row
// to lock yet (the tries under a limit, the queue of jobs). On PostgreSQL
// each is a transaction-scoped advisory lock on a hash of its name, taken
// in order of name so that two transactions taking the same locks cannot
// deadlock; SQLite's one writer holds them all already.
func (s *Store) lockNames(ctx context.Context, tx *sql.Tx, names ...string) error {
	if s.engine != postgresEngine {
		return nil
	}
	names = slices.Clone(names)
	slices.Sort(names)
	for _, name := range slices.Compact(names) {
		h := sha256.Sum256([]byte("factdrill lock " + name))
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", int64(binary.BigEndian.Uint64(h[:8]))); err != nil {
			return err
		}
	}
	return nil
}

// rebound caches rebind's answers: the package's queries are constants,
// so each is rewritten once per process.
var rebound sync.Map

// rebind rewrites a query for PostgreSQL: each ? placeholder becomes $1,
// $2, … in order, and each lock marker its locking clause. String
// literals, quoted names and other comments are copied as they are.
func rebind(query string) string {
	if v, ok := rebound.Load(query); ok {
		return v.(string)
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(query[i+1:], c)
			if end < 0 {
				end = len(query) - i - 1
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
		case c == '-' && strings.HasPrefix(query[i:], "--"):
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				end = len(query) - i
			}
			b.WriteString(query[i : i+end])
			i += end - 1
		case c == '/' && strings.HasPrefix(query[i:], "/*"):
			end := strings.Index(query[i:], "*/")
			if end < 0 {
				end = len(query) - i - 2
			}
			comment := query[i : i+end+2]
			if clause, ok := lockClauses[comment]; ok {
				b.WriteString(clause)
			} else {
				b.WriteString(comment)
			}
			i += end + 1
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	out := b.String()
	rebound.Store(query, out)
	return out
}

// pgConnector makes the connections of pgx's database/sql driver read the
// store's queries (see rebind).
type pgConnector struct{ driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return pgConn{conn.(*stdlib.Conn)}, nil
}

// pgConn is a pgx connection that rebinds every query it is given; the
// rest of what it does (transactions, pings, resets) is pgx's own.
type pgConn struct{ *stdlib.Conn }

func (c pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.Conn.PrepareContext(ctx, rebind(query))
	if err != nil {
		return nil, err
	}
	return pgStmt{st.(*stdlib.Stmt)}, nil
}

// pgStmt is a prepared statement that passes booleans as pgConn does.
type pgStmt struct{ *stdlib.Stmt }

func (s pgStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.Stmt.ExecContext(ctx, boolsAsInts(args))
}

func (s pgStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.Stmt.QueryContext(ctx, boolsAsInts(args))
}

func (c pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if strings.HasPrefix(query, sqliteOnlyStmt) {
		return driver.RowsAffected(0), nil
	}
	return c.Conn.ExecContext(ctx, rebind(query), boolsAsInts(args))
}

func (c pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(query), boolsAsInts(args))
}

// boolsAsInts passes Go booleans as the 0 and 1 that the schema's boolean
// columns hold on both engines (SQLite's driver does this by itself;
// PostgreSQL will not put a boolean in an integer column).
func boolsAsInts(args []driver.NamedValue) []driver.NamedValue {
	for i, a := range args {
		if b, ok := a.Value.(bool); ok {
			args[i].Value = int64(boolInt(b))
		}
	}
	return args
}

// isUniqueViolation reports whether err is a write refused by a unique
// index or primary key.
func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// storageError tells a full disk (SQLite's SQLITE_FULL, or a write that
// failed with ENOSPC; PostgreSQL's disk_full) by ErrDiskFull, and a
// PostgreSQL database that refuses writes (read_only_sql_transaction: a
// standby) by ErrReadOnly, keeping the engine's words for the log; other
// errors are returned as they are.
func storageError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrFull || errors.Is(se.SystemErrno, syscall.ENOSPC)) {
		return fmt.Errorf("%w (%v)", ErrDiskFull, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "53100": // disk_full
			return fmt.Errorf("%w (%v)", ErrDiskFull, err)
		case "25006": // read_only_sql_transaction
			return fmt.Errorf("%w (%v)", ErrReadOnly, err)
		}
	}
	return err
}

// isRetryable reports whether err ended a PostgreSQL transaction that is
// worth running again from the start: a serialisation failure or a
// deadlock, which PostgreSQL resolves by cancelling one of the writers.
func isRetryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// ErrBackupPostgres is Backup's answer on PostgreSQL, whose own tools back
// a database up while it runs.
var ErrBackupPostgres = errors.New("db: backup: the database is PostgreSQL; back it up with pg_dump (see README)")

// Engine names the database the store runs on: "sqlite" or "postgres".
func (s *Store) Engine() string { return string(s.engine) }

// clock is the stores' time unless a test sets another: time.Now to the
// microsecond, the finest time PostgreSQL keeps, so that a time stored on
// either engine reads back, and copies from one to the other, unchanged.
func clock() time.Time { return time.Now().Truncate(time.Microsecond) }
