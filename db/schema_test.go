package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"factdrill/internal/dbtest"
)

// schema is what two engines' schemas must agree on, each part as sorted
// lines: tables and columns (with a type class and whether NULL is
// allowed), named indexes, unique and primary keys, and foreign keys.
type schema struct {
	columns, indexes, keys, foreignKeys []string
}

// typeClass reads either engine's column type as the kind of value it
// holds.
func typeClass(t string) string {
	switch t = strings.ToLower(t); {
	case t == "integer" || t == "bigint" || t == "smallint":
		return "integer"
	case t == "real" || t == "double precision":
		return "real"
	case t == "datetime" || t == "timestamp with time zone":
		return "time"
	case t == "blob" || t == "bytea":
		return "bytes"
	case t == "text":
		return "text"
	}
	return "unknown " + t
}

// engineOnlyIndexes are the indexes one engine has in place of something
// the other says another way: SQLite's teachers.name is UNIQUE COLLATE
// NOCASE, which PostgreSQL says as a unique index on lower(name).
var engineOnlyIndexes = map[string]bool{"teachers_name_lower": true}

// sqliteIndexCols reads the columns of a CREATE INDEX statement.
var sqliteIndexCols = regexp.MustCompile(`(?s) ON \w+ \((.*?)\)(?:\s+WHERE |$)`)

func sqliteSchema(t *testing.T, db *sql.DB) schema {
	t.Helper()
	var sc schema
	// Virtual tables (the FTS5 search index, SQLite's alone) and their
	// shadow tables are not the schema both engines share.
	tables := queryStrings(t, db, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
	for _, table := range tables {
		rows, err := db.Query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name, typ string
			var notNull, pk int
			if err := rows.Scan(&name, &typ, &notNull, &pk); err != nil {
				t.Fatal(err)
			}
			sc.columns = append(sc.columns, column(table, name, typ, notNull == 1 || pk > 0))
		}
		rows.Close()
		if table == "teachers" {
			// The NOCASE unique name (see engineOnlyIndexes).
			sc.keys = append(sc.keys, "teachers unique (name)")
		}
		for _, ix := range queryStrings(t, db, "SELECT name || '|' || \"unique\" || '|' || origin || '|' || partial FROM pragma_index_list(?)", table) {
			f := strings.Split(ix, "|")
			cols := strings.Join(queryStrings(t, db, "SELECT coalesce(name, '?') FROM pragma_index_info(?) ORDER BY seqno", f[0]), ", ")
			if strings.Contains(cols, "?") {
				// An index on an expression (lower(email)): its columns as
				// CREATE INDEX wrote them, as PostgreSQL gives them.
				def := queryStrings(t, db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", f[0])
				if m := sqliteIndexCols.FindStringSubmatch(strings.Join(def, "")); m != nil {
					cols = m[1]
				}
			}
			switch {
			case f[2] == "c":
				sc.indexes = append(sc.indexes, index(f[0], table, cols, f[1] == "1", f[3] == "1"))
			case f[2] == "u" && table == "teachers" && cols == "name":
			case f[2] == "u":
				sc.keys = append(sc.keys, table+" unique ("+cols+")")
			case f[2] == "pk":
				sc.keys = append(sc.keys, table+" primary key ("+cols+")")
			}
		}
		// A rowid primary key has no index of its own.
		if pk := queryStrings(t, db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table); len(pk) == 1 &&
			!slices.Contains(sc.keys, table+" primary key ("+pk[0]+")") {
			sc.keys = append(sc.keys, table+" primary key ("+pk[0]+")")
		}
		for _, fk := range queryStrings(t, db, "SELECT \"from\" || '|' || \"table\" || '|' || coalesce(\"to\", '') || '|' || on_delete FROM pragma_foreign_key_list(?)", table) {
			f := strings.Split(fk, "|")
			to := f[2]
			if to == "" {
				to = "id"
			}
			sc.foreignKeys = append(sc.foreignKeys, foreignKey(table, f[0], f[1], to, f[3]))
		}
	}
	return sc.sorted()
}

var (
	pgIndexDef = regexp.MustCompile(`^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING btree \((.*?)\)( WHERE .*)?$`)
	pgKeyDef   = regexp.MustCompile(`^(PRIMARY KEY|UNIQUE) \((.*)\)$`)
	pgFKDef    = regexp.MustCompile(`^FOREIGN KEY \((\w+)\) REFERENCES (\w+)\((\w+)\)(?: ON DELETE (CASCADE|SET NULL))?$`)
)

func postgresSchema(t *testing.T, db *sql.DB) schema {
	t.Helper()
	var sc schema
	for _, c := range queryStrings(t, db, `SELECT table_name || '|' || column_name || '|' || data_type || '|' || is_nullable
		FROM information_schema.columns WHERE table_schema = current_schema()`) {
		f := strings.Split(c, "|")
		sc.columns = append(sc.columns, column(f[0], f[1], f[2], f[3] == "NO"))
	}
	for _, ix := range queryStrings(t, db, `SELECT i.indexname || '|' || i.tablename || '|' || i.indexdef FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`) {
		f := strings.SplitN(ix, "|", 3)
		if engineOnlyIndexes[f[0]] {
			sc.keys = append(sc.keys, "teachers unique (name)")
			continue
		}
		m := pgIndexDef.FindStringSubmatch(f[2])
		if m == nil {
			t.Fatalf("index %s: cannot read %q", f[0], f[2])
		}
		sc.indexes = append(sc.indexes, index(f[0], f[1], unquote(m[2]), m[1] != "", m[3] != ""))
	}
	for _, k := range queryStrings(t, db, `SELECT c.contype::text || '|' || r.relname || '|' || pg_get_constraintdef(c.oid) FROM pg_constraint c
		JOIN pg_class r ON r.oid = c.conrelid WHERE c.connamespace = current_schema()::regnamespace AND c.contype IN ('p', 'u', 'f')`) {
		f := strings.SplitN(k, "|", 3)
		if f[0] == "f" {
			m := pgFKDef.FindStringSubmatch(f[2])
			if m == nil {
				t.Fatalf("foreign key of %s: cannot read %q", f[1], f[2])
			}
			sc.foreignKeys = append(sc.foreignKeys, foreignKey(f[1], m[1], m[2], m[3], m[4]))
			continue
		}
		m := pgKeyDef.FindStringSubmatch(f[2])
		if m == nil {
			t.Fatalf("key of %s: cannot read %q", f[1], f[2])
		}
		sc.keys = append(sc.keys, f[1]+" "+strings.ToLower(m[1])+" ("+unquote(m[2])+")")
	}
	return sc.sorted()
}

// unquote drops the quotes PostgreSQL puts around names that are also
// keywords ("position").
func unquote(cols string) string { return strings.ReplaceAll(cols, `"`, "") }

func column(table, name, typ string, notNull bool) string {
	null := "null"
	if notNull {
		null = "not null"
	}
	return fmt.Sprintf("%s.%s %s %s", table, name, typeClass(typ), null)
}

func index(name, table, cols string, unique, partial bool) string {
	return fmt.Sprintf("%s on %s (%s) unique=%v partial=%v", name, table, cols, unique, partial)
}

func foreignKey(table, from, to, toCol, onDelete string) string {
	onDelete = strings.ToUpper(onDelete)
	if onDelete == "" || onDelete == "NO ACTION" {
		onDelete = "NO ACTION"
	}
	return fmt.Sprintf("%s.%s -> %s.%s on delete %s", table, from, to, toCol, onDelete)
}

func (sc schema) sorted() schema {
	for _, l := range []*[]string{&sc.columns, &sc.indexes, &sc.keys, &sc.foreignKeys} {
		slices.Sort(*l)
	}
	return sc
}

func queryStrings(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSchemasAgree migrates a SQLite file and a PostgreSQL schema and
// checks they have the same tables, columns (of the same kinds and
// nullability), indexes, keys and foreign keys: the two folders of
// migrations describe one schema.
func TestSchemasAgree(t *testing.T) {
	if testEngine != sqliteEngine {
		t.Skip("runs once, in the SQLite run")
	}
	if os.Getenv("FACTDRILL_TEST_POSTGRES") == "" {
		t.Skip("FACTDRILL_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	lite, err := Open(ctx, filepath.Join(t.TempDir(), "schema.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg, err := Open(ctx, dbtest.PostgresSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	a, b := sqliteSchema(t, lite.read), postgresSchema(t, pg.read)
	for _, part := range []struct {
		name string
		a, b []string
	}{{"columns", a.columns, b.columns}, {"indexes", a.indexes, b.indexes}, {"keys", a.keys, b.keys}, {"foreign keys", a.foreignKeys, b.foreignKeys}} {
		if len(part.a) == 0 {
			t.Errorf("SQLite has no %s: the test reads nothing", part.name)
		}
		for _, l := range part.a {
			if !slices.Contains(part.b, l) {
				t.Errorf("%s: SQLite has %q, PostgreSQL does not", part.name, l)
			}
		}
		for _, l := range part.b {
			if !slices.Contains(part.a, l) {
				t.Errorf("%s: PostgreSQL has %q, SQLite does not", part.name, l)
			}
		}
	}
}
