package apkg

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// A collection is Anki's SQLite database. The reader opens it through its
// own driver, whose connections have tight limits and never trust the
// file's schema, so that a crafted file can neither run code through views
// or triggers nor make one query cost unbounded memory.
const driverName = "factdrill-apkg"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		// Anki's schema 15 and later declare names COLLATE unicase.
		if err := c.RegisterCollation("unicase", unicase); err != nil {
			return fmt.Errorf("apkg: register collation: %w", err)
		}
		c.SetLimit(sqlite3.SQLITE_LIMIT_LENGTH, 32<<20)
		c.SetLimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 1<<16)
		c.SetLimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 64)
		c.SetLimit(sqlite3.SQLITE_LIMIT_COMPOUND_SELECT, 4)
		c.SetLimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
		c.SetLimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 1)
		c.SetLimit(sqlite3.SQLITE_LIMIT_FUNCTION_ARG, 8)
		for _, p := range []string{
			"PRAGMA trusted_schema = OFF",
			"PRAGMA cell_size_check = ON",
			"PRAGMA mmap_size = 0",
			"PRAGMA query_only = ON",
		} {
			if _, err := c.Exec(p, nil); err != nil {
				return fmt.Errorf("apkg: %s: %w", p, err)
			}
		}
		return nil
	}})
}

// unicase compares as Anki's collation of that name: ignoring case.
func unicase(a, b string) int {
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}

// Anki opens collections of schema 11 to 18; so does the reader.
const (
	minSchema = 11
	maxSchema = 18
)

// notetype is a note type: its kind, fields and card templates.
type notetype struct {
	id        int64
	name      string
	cloze     bool
	fields    []string
	templates []template
}

type template struct {
	name, qfmt, afmt string
}

type note struct {
	id     int64
	guid   string
	mid    int64
	tags   []string
	fields []string
}

type card struct {
	id, nid, did int64
	ord          int
}

type revlog struct {
	id, cid                  int64
	ease, ivl, lastIvl, kind int64
	factor, taken            int64
}

// collection is what the reader takes from the database.
type collection struct {
	schema    int
	notetypes map[int64]*notetype
	decks     map[int64]string // names with :: between levels
	notes     []note
	cards     map[int64][]card // by note id, in template order
	revlog    []revlog
}

// readCollection opens the SQLite file at path and reads it. The file must
// be the reader's own temporary copy.
func readCollection(ctx context.Context, file string) (*collection, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("apkg: collection path: %w", err)
	}
	db, err := sql.Open(driverName, "file:"+abs+"?mode=ro&immutable=1")
	if err != nil {
		return nil, fmt.Errorf("apkg: open collection: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	if err := quickCheck(ctx, db); err != nil {
		return nil, err
	}
	for _, t := range []string{"col", "notes", "cards", "revlog"} {
		var typ string
		err := db.QueryRowContext(ctx, "SELECT type FROM sqlite_master WHERE name = ?", t).Scan(&typ)
		if err != nil || typ != "table" {
			return nil, userErr("the collection has no %s table; it is not an Anki collection", t)
		}
	}
	c := &collection{notetypes: map[int64]*notetype{}, decks: map[int64]string{}, cards: map[int64][]card{}}
	if err := db.QueryRowContext(ctx, "SELECT ver FROM col").Scan(&c.schema); err != nil {
		return nil, userErr("the collection's col table cannot be read: %v", err)
	}
	switch {
	case c.schema < minSchema:
		return nil, userErr("the collection is of schema %d, from an Anki before 2.1; open it in a current Anki and export it again", c.schema)
	case c.schema > maxSchema:
		return nil, userErr("the collection is of schema %d, newer than any Anki factdrill knows (up to %d)", c.schema, maxSchema)
	case c.schema >= 15:
		err = c.readTables(ctx, db)
	default:
		err = c.readJSON(ctx, db)
	}
	if err != nil {
		return nil, err
	}
	if err := c.readNotes(ctx, db); err != nil {
		return nil, err
	}
	return c, nil
}

// quickCheck runs SQLite's own consistency check, so that a corrupt or
// crafted file is refused before anything is read from it.
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return userErr("the package's collection is not a valid SQLite database (%v)", sqliteReason(err))
	}
	defer rows.Close()
	var first string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return userErr("the package's collection cannot be checked: %v", sqliteReason(err))
		}
		if first == "" {
			first = s
		}
	}
	if err := rows.Err(); err != nil {
		return userErr("the package's collection is not a valid SQLite database (%v)", sqliteReason(err))
	}
	if first != "ok" {
		return userErr("the package's collection is corrupt (SQLite says: %s)", first)
	}
	return nil
}

// sqliteReason is SQLite's own words for an error, without the driver's.
func sqliteReason(err error) string {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Error()
	}
	return err.Error()
}

// readJSON reads the note types and decks of schema 11 to 14, kept as JSON
// in the col table.
func (c *collection) readJSON(ctx context.Context, db *sql.DB) error {
	var models, decks string
	if err := db.QueryRowContext(ctx, "SELECT models, decks FROM col").Scan(&models, &decks); err != nil {
		return userErr("the collection's note types cannot be read: %v", sqliteReason(err))
	}
	var m map[string]struct {
		Name string `json:"name"`
		Type int    `json:"type"`
		Flds []struct {
			Name string `json:"name"`
			Ord  int    `json:"ord"`
		} `json:"flds"`
		Tmpls []struct {
			Name string `json:"name"`
			Ord  int    `json:"ord"`
			Qfmt string `json:"qfmt"`
			Afmt string `json:"afmt"`
		} `json:"tmpls"`
	}
	if err := json.Unmarshal([]byte(models), &m); err != nil {
		return userErr("the collection's note types are not valid JSON: %v", err)
	}
	for key, v := range m {
		id, err := strconv.ParseInt(key, 10, 64)
		if err != nil {
			return userErr("the collection has a note type with id %q, which is not a number", key)
		}
		nt := &notetype{id: id, name: v.Name, cloze: v.Type == 1, fields: make([]string, len(v.Flds)), templates: make([]template, len(v.Tmpls))}
		for _, f := range v.Flds {
			if f.Ord < 0 || f.Ord >= len(nt.fields) {
				return userErr("note type %q has a field numbered %d of %d", v.Name, f.Ord, len(nt.fields))
			}
			nt.fields[f.Ord] = f.Name
		}
		for _, t := range v.Tmpls {
			if t.Ord < 0 || t.Ord >= len(nt.templates) {
				return userErr("note type %q has a template numbered %d of %d", v.Name, t.Ord, len(nt.templates))
			}
			nt.templates[t.Ord] = template{name: t.Name, qfmt: t.Qfmt, afmt: t.Afmt}
		}
		c.notetypes[id] = nt
	}
	var d map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(decks), &d); err != nil {
		return userErr("the collection's decks are not valid JSON: %v", err)
	}
	for key, v := range d {
		if id, err := strconv.ParseInt(key, 10, 64); err == nil {
			c.decks[id] = v.Name
		}
	}
	return nil
}

// readTables reads the note types and decks of schema 15 and later, kept
// in tables with protobuf configurations.
func (c *collection) readTables(ctx context.Context, db *sql.DB) error {
	err := eachRow(ctx, db, "SELECT id, name, config FROM notetypes", func(rows *sql.Rows) error {
		nt := &notetype{}
		var config []byte
		if err := rows.Scan(&nt.id, &nt.name, &config); err != nil {
			return err
		}
		fields, err := protoFields(config)
		if err != nil {
			return userErr("note type %q has a malformed configuration", nt.name)
		}
		for _, f := range fields {
			if f.num == 1 && f.wire == 0 {
				nt.cloze = f.varint == 1
			}
		}
		c.notetypes[nt.id] = nt
		return nil
	})
	if err != nil {
		return err
	}
	err = eachRow(ctx, db, "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord", func(rows *sql.Rows) error {
		var ntid int64
		var ord int
		var name string
		if err := rows.Scan(&ntid, &ord, &name); err != nil {
			return err
		}
		if nt := c.notetypes[ntid]; nt != nil {
			if ord != len(nt.fields) {
				return userErr("note type %q has its fields numbered out of order", nt.name)
			}
			nt.fields = append(nt.fields, name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = eachRow(ctx, db, "SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord", func(rows *sql.Rows) error {
		var ntid int64
		var ord int
		var t template
		var config []byte
		if err := rows.Scan(&ntid, &ord, &t.name, &config); err != nil {
			return err
		}
		nt := c.notetypes[ntid]
		if nt == nil {
			return nil
		}
		if ord != len(nt.templates) {
			return userErr("note type %q has its templates numbered out of order", nt.name)
		}
		fields, err := protoFields(config)
		if err != nil {
			return userErr("template %q of note type %q has a malformed configuration", t.name, nt.name)
		}
		for _, f := range fields {
			switch {
			case f.num == 1 && f.wire == 2:
				t.qfmt = string(f.bytes)
			case f.num == 2 && f.wire == 2:
				t.afmt = string(f.bytes)
			}
		}
		nt.templates = append(nt.templates, t)
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, db, "SELECT id, name FROM decks", func(rows *sql.Rows) error {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		c.decks[id] = strings.ReplaceAll(name, "\x1f", "::")
		return nil
	})
}

// readNotes reads the notes, their cards and the review history.
func (c *collection) readNotes(ctx context.Context, db *sql.DB) error {
	err := eachRow(ctx, db, "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id", func(rows *sql.Rows) error {
		var n note
		var tags, flds string
		if err := rows.Scan(&n.id, &n.guid, &n.mid, &tags, &flds); err != nil {
			return err
		}
		if len(c.notes) == maxNotes {
			return userErr("the collection has more than %d notes; the limit is %d", maxNotes, maxNotes)
		}
		if t := strings.Fields(tags); len(t) > 0 {
			n.tags = t
		}
		n.fields = strings.Split(flds, "\x1f")
		c.notes = append(c.notes, n)
		return nil
	})
	if err != nil {
		return err
	}
	ncards := 0
	err = eachRow(ctx, db, "SELECT id, nid, CASE WHEN odid != 0 THEN odid ELSE did END, ord FROM cards ORDER BY nid, ord, id", func(rows *sql.Rows) error {
		var k card
		if err := rows.Scan(&k.id, &k.nid, &k.did, &k.ord); err != nil {
			return err
		}
		if ncards++; ncards > maxCards {
			return userErr("the collection has more than %d cards; the limit is %d", maxCards, maxCards)
		}
		c.cards[k.nid] = append(c.cards[k.nid], k)
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, db, "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id", func(rows *sql.Rows) error {
		var r revlog
		if err := rows.Scan(&r.id, &r.cid, &r.ease, &r.ivl, &r.lastIvl, &r.factor, &r.taken, &r.kind); err != nil {
			return err
		}
		if len(c.revlog) == maxReviews {
			return userErr("the collection has more than %d reviews; the limit is %d", maxReviews, maxReviews)
		}
		c.revlog = append(c.revlog, r)
		return nil
	})
}

// eachRow runs a query and calls fn for each row. A failure is the user's:
// the file is not what Anki writes.
func eachRow(ctx context.Context, db *sql.DB, query string, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		_, table, _ := strings.Cut(query, " FROM ")
		table, _, _ = strings.Cut(table, " ")
		return userErr("the collection's %s table cannot be read: %s", table, sqliteReason(err))
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			var ue userError
			if errors.As(err, &ue) {
				return err
			}
			return userErr("the collection holds a value Anki never writes: %s", sqliteReason(err))
		}
	}
	if err := rows.Err(); err != nil {
		return userErr("the collection cannot be read: %s", sqliteReason(err))
	}
	return nil
}

// writeTemp copies the collection to a temporary file the reader owns and
// returns its path and a function that removes it.
func writeTemp(data []byte) (string, func(), error) {
	f, err := os.CreateTemp("", "factdrill-apkg-*.sqlite")
	if err != nil {
		return "", nil, fmt.Errorf("apkg: temporary collection: %w", err)
	}
	cleanup := func() { os.Remove(f.Name()) }
	if _, err := f.Write(data); err != nil {
		f.Close()
		cleanup()
		return "", nil, fmt.Errorf("apkg: temporary collection: %w", err)
	}
	if err := f.Close(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("apkg: temporary collection: %w", err)
	}
	return f.Name(), cleanup, nil
}
