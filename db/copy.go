package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TableCopy is what CopySite copied of one table, as verified: its rows,
// counted and checksummed on both sides.
type TableCopy struct {
	Table string
	Rows  int64
	// Checksum is SHA-256-based and independent of row order (see
	// tableSum); the same on both sides.
	Checksum string
}

// CopySite copies every row of every table of from into to, which must
// be empty and at the same schema version, in one transaction on to that
// commits only once each table's row count and checksum read back from to
// equal those read from from. from is read in one snapshot, so a site may
// be copied while it serves (what is written after the snapshot is not
// copied: stop the servers first to move a site). The engines may differ:
// this is how a SQLite site moves to PostgreSQL and back. On PostgreSQL
// the id sequences are set past the ids copied.
//
// Times are compared to the microsecond, which is what PostgreSQL keeps
// (factdrill's clock gives no finer times).
func CopySite(ctx context.Context, from, to *Store) ([]TableCopy, error) {
	var out []TableCopy
	err := from.inRead(ctx, func(src *sql.Tx) error {
		return to.inWrite(ctx, func(dst *sql.Tx) error {
			var err error
			out, err = copySite(ctx, from.engine, src, to.engine, dst)
			return err
		})
	})
	if err == nil {
		// The copied questions into SQLite's search index.
		err = to.openSearch(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("db: copy site: %w", err)
	}
	return out, nil
}

func copySite(ctx context.Context, fromEngine engine, src *sql.Tx, toEngine engine, dst *sql.Tx) ([]TableCopy, error) {
	a, err := queryAll(ctx, src, scanInt64, "SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, err
	}
	b, err := queryAll(ctx, dst, scanInt64, "SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, err
	}
	if !slices.Equal(a, b) {
		return nil, fmt.Errorf("the two databases are at different schema versions (%v and %v): open both with this factdrill first", a, b)
	}
	tables, err := catalog(ctx, fromEngine, src)
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		var n int64
		if err := dst.QueryRowContext(ctx, "SELECT count(*) FROM "+t.name).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, fmt.Errorf("the target is not empty: its table %s has %d rows; copy into a new database", t.name, n)
		}
	}
	order, deferred := insertOrder(tables)
	var out []TableCopy
	for _, t := range order {
		c, err := copyTable(ctx, t, deferred[t.name], src, dst)
		if err != nil {
			return nil, fmt.Errorf("table %s: %w", t.name, err)
		}
		out = append(out, c)
	}
	for _, t := range order {
		if err := fillDeferred(ctx, t, deferred[t.name], src, dst); err != nil {
			return nil, fmt.Errorf("table %s: %w", t.name, err)
		}
	}
	// Read back what the transaction wrote before it may commit.
	for i, c := range out {
		t := order[i]
		rows, sum, err := tableSum(ctx, t, dst)
		if err != nil {
			return nil, err
		}
		if rows != c.Rows || sum != c.Checksum {
			return nil, fmt.Errorf("table %s: the copy has %d rows (checksum %s), the original %d (%s)", t.name, rows, sum, c.Rows, c.Checksum)
		}
	}
	if toEngine == postgresEngine {
		for _, t := range order {
			if !t.identity {
				continue
			}
			if _, err := dst.ExecContext(ctx, "SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce((SELECT max(id) FROM "+t.name+"), 0) + 1, false)", t.name); err != nil {
				return nil, fmt.Errorf("table %s: set its id sequence: %w", t.name, err)
			}
		}
	}
	return out, nil
}

// table is a table as the catalog describes it.
type table struct {
	name    string
	columns []string
	// pk is the primary key's columns, the order rows are read in.
	pk []string
	// identity is whether the table's id is a generated integer.
	identity bool
	// refs are the foreign keys: column -> table, and whether the column
	// may be NULL.
	refs []ref
}

type ref struct {
	column, table string
	nullable      bool
}

// catalog lists the site's tables (all but schema_migrations), with
// their columns, keys and foreign keys, from the engine's catalog.
func catalog(ctx context.Context, e engine, tx *sql.Tx) ([]table, error) {
	// SQLite's virtual tables (the FTS5 search index) and their shadow
	// tables are left out: the index is made again from the questions
	// (see openSearch).
	names := `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`
	if e == postgresEngine {
		names = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
			AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name`
	}
	list, err := queryAll(ctx, tx, scanString, names)
	if err != nil {
		return nil, err
	}
	type column struct {
		name     string
		pk       int
		nullable bool
	}
	scanColumn := func(row scanner) (column, error) {
		var c column
		err := row.Scan(&c.name, &c.pk, &c.nullable)
		return c, err
	}
	var out []table
	for _, name := range list {
		t := table{name: name}
		var cols []column
		if e == postgresEngine {
			cols, err = queryAll(ctx, tx, scanColumn, `SELECT c.column_name,
				coalesce((SELECT array_position(i.indkey::int2[], a.attnum) + 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
					WHERE i.indrelid = (current_schema() || '.' || c.table_name)::regclass AND i.indisprimary AND a.attname = c.column_name), 0),
				CASE WHEN c.is_nullable = 'YES' THEN 1 ELSE 0 END
				FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name = ? ORDER BY c.ordinal_position`, name)
		} else {
			cols, err = queryAll(ctx, tx, scanColumn, `SELECT name, pk, CASE WHEN "notnull" = 0 AND pk = 0 THEN 1 ELSE 0 END
				FROM pragma_table_info(?) ORDER BY cid`, name)
		}
		if err != nil {
			return nil, err
		}
		// Columns by name: the engines' column orders differ where a
		// migration added a column on one and rebuilt the table on the
		// other, and checksums read values in this order.
		slices.SortFunc(cols, func(a, b column) int { return strings.Compare(a.name, b.name) })
		nullable := map[string]bool{}
		for _, c := range cols {
			t.columns = append(t.columns, c.name)
			nullable[c.name] = c.nullable
		}
		slices.SortFunc(cols, func(a, b column) int { return a.pk - b.pk })
		for _, c := range cols {
			if c.pk > 0 {
				t.pk = append(t.pk, c.name)
			}
		}
		if len(t.pk) == 0 {
			t.pk = t.columns // no key: every column orders the rows
		}
		t.identity = len(t.pk) == 1 && t.pk[0] == "id"
		fks := "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)"
		if e == postgresEngine {
			fks = `SELECT a.attname, r.relname FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid
				JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
				WHERE c.contype = 'f' AND c.conrelid = (current_schema() || '.' || ?)::regclass`
		}
		t.refs, err = queryAll(ctx, tx, func(row scanner) (ref, error) {
			var r ref
			err := row.Scan(&r.column, &r.table)
			r.nullable = nullable[r.column]
			return r, err
		}, fks, name)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func scanString(row scanner) (string, error) {
	var s string
	err := row.Scan(&s)
	return s, err
}

// insertOrder orders the tables so that each comes after those it refers
// to. Where references go round in a circle (a question refers to its
// current version, the version to its question), a nullable column of the
// circle is deferred: copied as NULL, and filled in once every table is.
func insertOrder(tables []table) ([]table, map[string][]string) {
	done := map[string]bool{}
	deferred := map[string][]string{}
	var order []table
	for len(order) < len(tables) {
		progress := false
		for _, t := range tables {
			if done[t.name] {
				continue
			}
			ready := true
			for _, r := range t.refs {
				if r.table != t.name && !done[r.table] && !slices.Contains(deferred[t.name], r.column) {
					ready = false
				}
			}
			if ready {
				order, done[t.name], progress = append(order, t), true, true
			}
		}
		if progress {
			continue
		}
		// A circle: defer the first nullable reference still waiting.
		cut := false
		for _, t := range tables {
			for _, r := range t.refs {
				if !cut && !done[t.name] && !done[r.table] && r.nullable && !slices.Contains(deferred[t.name], r.column) {
					deferred[t.name] = append(deferred[t.name], r.column)
					cut = true
				}
			}
		}
		if !cut {
			panic("db: the schema's foreign keys go round a circle of NOT NULL columns")
		}
	}
	for _, t := range tables {
		for _, r := range t.refs {
			if r.table == t.name && r.nullable && !slices.Contains(deferred[t.name], r.column) {
				deferred[t.name] = append(deferred[t.name], r.column)
			}
		}
	}
	return order, deferred
}

// copyTable copies t's rows from src to dst in multi-row inserts, deferred
// columns as NULL, and returns the count and checksum of the original.
func copyTable(ctx context.Context, t table, deferred []string, src, dst *sql.Tx) (TableCopy, error) {
	rows, err := src.QueryContext(ctx, "SELECT "+strings.Join(t.columns, ", ")+" FROM "+t.name+" ORDER BY "+strings.Join(t.pk, ", "))
	if err != nil {
		return TableCopy{}, err
	}
	defer rows.Close()
	perBatch := max(1, min(500, 30000/len(t.columns)))
	var (
		batch []any
		n     int
		sum   rowSum
	)
	flush := func() error {
		if n == 0 {
			return nil
		}
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", ") + ")"
		q := "INSERT INTO " + t.name + " (" + strings.Join(t.columns, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
		_, err := dst.ExecContext(ctx, q, batch...)
		batch, n = batch[:0], 0
		return err
	}
	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return TableCopy{}, err
		}
		sum.add(vals)
		for i, v := range vals {
			if slices.Contains(deferred, t.columns[i]) {
				v = nil
			}
			batch = append(batch, portable(v))
		}
		if n++; n == perBatch {
			if err := flush(); err != nil {
				return TableCopy{}, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return TableCopy{}, err
	}
	if err := flush(); err != nil {
		return TableCopy{}, err
	}
	return TableCopy{Table: t.name, Rows: sum.rows, Checksum: sum.String()}, nil
}

// fillDeferred sets the deferred columns of t's copied rows.
func fillDeferred(ctx context.Context, t table, deferred []string, src, dst *sql.Tx) error {
	for _, col := range deferred {
		key := strings.Join(t.pk, ", ")
		vals, err := queryAll(ctx, src, func(row scanner) ([]any, error) {
			v := make([]any, len(t.pk)+1)
			ptrs := make([]any, len(v))
			for i := range v {
				ptrs[i] = &v[i]
			}
			err := row.Scan(ptrs...)
			for i := range v {
				v[i] = portable(v[i])
			}
			return v, err
		}, "SELECT "+col+", "+key+" FROM "+t.name+" WHERE "+col+" IS NOT NULL")
		if err != nil {
			return err
		}
		q := "UPDATE " + t.name + " SET " + col + " = ? WHERE " + strings.Join(t.pk, " = ? AND ") + " = ?"
		for _, v := range vals {
			if _, err := dst.ExecContext(ctx, q, v...); err != nil {
				return err
			}
		}
	}
	return nil
}

// portable is a value read from one engine as the other stores it: text
// as a string (SQLite's driver may give bytes), times in UTC.
func portable(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.UTC()
	}
	return v
}

// tableSum counts t's rows in tx and checksums them.
func tableSum(ctx context.Context, t table, tx *sql.Tx) (int64, string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+strings.Join(t.columns, ", ")+" FROM "+t.name)
	if err != nil {
		return 0, "", err
	}
	defer rows.Close()
	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var sum rowSum
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, "", err
		}
		sum.add(vals)
	}
	return sum.rows, sum.String(), rows.Err()
}

// rowSum is a checksum of a table's rows that does not depend on the
// order they are read in (engines sort text keys differently): the
// SHA-256 of each row, in a canonical text form that both engines' values
// give alike, added up as four 64-bit lanes.
type rowSum struct {
	rows  int64
	lanes [4]uint64
}

func (s *rowSum) add(vals []any) {
	h := sha256.New()
	for _, v := range vals {
		h.Write([]byte(canonical(v)))
		h.Write([]byte{0})
	}
	d := h.Sum(nil)
	for i := range s.lanes {
		s.lanes[i] += binary.BigEndian.Uint64(d[8*i:])
	}
	s.rows++
}

func (s *rowSum) String() string {
	var b [32]byte
	for i, l := range s.lanes {
		binary.BigEndian.PutUint64(b[8*i:], l)
	}
	return hex.EncodeToString(b[:])
}

// canonical is a value as text, alike from either engine: NULL apart
// from every string, numbers in Go's shortest exact form, bytes and text
// alike (SQLite's driver reads some text as bytes), times in UTC to the
// microsecond.
func canonical(v any) string {
	switch v := v.(type) {
	case nil:
		return "\x00null"
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return strconv.FormatInt(int64(v), 10)
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.Itoa(boolInt(v))
	case []byte:
		return string(v)
	case string:
		return v
	case time.Time:
		return v.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}
