package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"factdrill/questions"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Learner is a student, known by their session and their resume code.
type Learner struct {
	ID   int64
	Name string
	// ResumeCode lets the learner continue on another device; it is shown
	// as two groups of four characters ("K7QM-4ZPA").
	ResumeCode string
	// SchoolID and Email identify a rostered student in a school's
	// gradebook; "" when not known.
	SchoolID, Email string
	CreatedAt       time.Time
}

// DisplayName is the learner's name, or a stand-in built from their id.
func (l Learner) DisplayName() string {
	if l.Name != "" {
		return l.Name
	}
	return fmt.Sprintf("Learner %d", l.ID)
}

// MaxNameLen is the longest display name, in characters.
const MaxNameLen = 60

// codeAlphabet is Crockford's base 32: no I, L, O or U, so that a code read
// aloud or copied by hand is not mistaken.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// resumeCodeLen is the length of a resume code: 40 bits, with the guessing
// of codes slowed by the web layer's rate limit.
const resumeCodeLen = 8

// newCode returns n random characters of codeAlphabet.
func newCode(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[b[i]%32]
	}
	return string(b)
}

// normalizeCode turns a code of n characters as a person typed it into its
// stored form: upper case, without spaces or dashes, with O read as 0 and I
// and L as 1. It returns "" for text that cannot be such a code.
func normalizeCode(s string, n int) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch r {
		case ' ', '-', '\t':
			continue
		case 'O':
			r = '0'
		case 'I', 'L':
			r = '1'
		}
		if !strings.ContainsRune(codeAlphabet, r) {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() != n {
		return ""
	}
	return b.String()
}

// NormalizeResumeCode turns a resume code as typed into its stored form
// (see normalizeCode); "" for text that cannot be a code.
func NormalizeResumeCode(s string) string { return normalizeCode(s, resumeCodeLen) }

// FormatResumeCode shows a stored code in two groups of four.
func FormatResumeCode(code string) string {
	if len(code) != resumeCodeLen {
		return code
	}
	return code[:4] + "-" + code[4:]
}

// CreateLearner makes a new learner with a fresh resume code.
func (s *Store) CreateLearner(ctx context.Context) (Learner, error) {
	now := s.now()
	l := Learner{CreatedAt: now.UTC()}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var err error
		l.ID, l.ResumeCode, err = insertLearner(ctx, tx, now)
		return err
	})
	if err != nil {
		return Learner{}, fmt.Errorf("db: create learner: %w", err)
	}
	return l, nil
}

func insertLearner(ctx context.Context, tx *sql.Tx, now time.Time) (int64, string, error) {
	for {
		code := newCode(resumeCodeLen)
		// A code taken (by now, or by another server's learner made
		// meanwhile) inserts nothing, and another is drawn.
		var id int64
		err := tx.QueryRowContext(ctx, "INSERT INTO learners (resume_code, created_at) VALUES (?, ?) ON CONFLICT (resume_code) DO NOTHING RETURNING id",
			code, now.UTC()).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		return id, code, err
	}
}

// freeCode returns a new resume code that no learner has as tx reads
// them. Another transaction may give it to someone before tx commits: the
// unique index then refuses tx's write (see ResetSignInCode).
func freeCode(ctx context.Context, tx *sql.Tx) (string, error) {
	for {
		code := newCode(resumeCodeLen)
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM learners WHERE resume_code = ?", code).Scan(&taken); err != nil {
			return "", err
		}
		if taken == 0 {
			return code, nil
		}
	}
}

// lockLearnerTx makes tx the one writer of the learner's cards, review
// log and attempts until it ends, so that what tx read of them (a card's
// state, whether an attempt is open, the attempts used) is still true
// when it writes. SQLite's one writer is alone anyway; on PostgreSQL this
// locks the learner's row, and a second writer for the same learner waits
// for the first to commit, then reads what it wrote. A missing learner
// gives ErrNotFound.
func lockLearnerTx(ctx context.Context, tx *sql.Tx, learnerID int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM learners WHERE id = ?"+forUpdate, learnerID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return questions.ErrNotFound
	}
	return err
}

const learnerSelect = "SELECT id, name, resume_code, school_id, email, created_at FROM learners"

func scanLearner(row scanner) (Learner, error) {
	var l Learner
	err := row.Scan(&l.ID, &l.Name, &l.ResumeCode, &l.SchoolID, &l.Email, &l.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Learner{}, questions.ErrNotFound
	}
	l.CreatedAt = l.CreatedAt.UTC()
	return l, err
}

// Learner returns the learner with the given id.
func (s *Store) Learner(ctx context.Context, id int64) (Learner, error) {
	return read(ctx, s, fmt.Sprintf("learner %d", id), func(tx *sql.Tx) (Learner, error) {
		return scanLearner(tx.QueryRowContext(ctx, learnerSelect+" WHERE id = ?", id))
	})
}

// LearnerByResumeCode returns the learner whose code is code, as typed.
func (s *Store) LearnerByResumeCode(ctx context.Context, code string) (Learner, error) {
	code = NormalizeResumeCode(code)
	if code == "" {
		return Learner{}, fmt.Errorf("db: resume code: %w", questions.ErrNotFound)
	}
	return read(ctx, s, "resume code", func(tx *sql.Tx) (Learner, error) {
		return scanLearner(tx.QueryRowContext(ctx, learnerSelect+" WHERE resume_code = ?", code))
	})
}

// CleanName trims a display name as typed and checks it: at most
// MaxNameLen characters of valid text, without control characters.
func CleanName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case !utf8.ValidString(name):
		return "", invalid("the name is not valid text")
	case utf8.RuneCountInString(name) > MaxNameLen:
		return "", invalid("the name is longer than %d characters", MaxNameLen)
	}
	for _, r := range name {
		if r < ' ' || r == 0x7f {
			return "", invalid("the name has a control character")
		}
	}
	return name, nil
}

// RenameLearner sets the learner's display name (see CleanName).
func (s *Store) RenameLearner(ctx context.Context, id int64, name string) error {
	name, err := CleanName(name)
	if err != nil {
		return fmt.Errorf("db: rename learner %d: %w", id, err)
	}
	return s.changeOne(ctx, fmt.Sprintf("rename learner %d", id), "UPDATE learners SET name = ? WHERE id = ?", name, id)
}

// sweepBatch is how many learners one transaction of DeleteIdleLearners
// deletes, so that a large sweep never holds the writer for long.
const sweepBatch = 500

// DeleteIdleLearners deletes the learners made more than idle ago who
// have given no answer (no quiz response, no flashcard review), belong to
// no class, own no deck (see ImportDeck), and have no session used within
// idle; their sessions, empty
// attempts and settings go with them. Such a learner has nothing to
// lose: this is what keeps anonymous visits from filling the database. It
// returns how many went.
func (s *Store) DeleteIdleLearners(ctx context.Context, idle time.Duration) (int64, error) {
	before := s.now().Add(-idle).UTC()
	var total int64
	for {
		var found int
		var deleted int64
		err := s.inWrite(ctx, func(tx *sql.Tx) error {
			// The learners found are locked first, then checked again by
			// the delete, which sees what was committed meanwhile: on
			// PostgreSQL a learner may answer on another server at this
			// moment, and an answer committed before the lock keeps them,
			// one after it waits and finds them gone. (Learners an answer
			// in flight has locked are passed over.)
			ids, err := queryAll(ctx, tx, scanInt64, "SELECT l.id FROM learners l WHERE "+idleLearner+" ORDER BY l.id LIMIT ?"+forUpdateSkipLocked,
				before, before, sweepBatch)
			found = len(ids)
			if err != nil || found == 0 {
				return err
			}
			args := []any{before, before}
			for _, id := range ids {
				args = append(args, id)
			}
			res, err := tx.ExecContext(ctx, "DELETE FROM learners WHERE id IN (SELECT l.id FROM learners l WHERE "+idleLearner+
				" AND l.id IN (?"+strings.Repeat(", ?", found-1)+"))", args...)
			if err != nil {
				return err
			}
			deleted, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return total, fmt.Errorf("db: delete idle learners: %w", err)
		}
		total += deleted
		if found < sweepBatch {
			return total, nil
		}
	}
}

// idleLearner is the condition on learners l that DeleteIdleLearners
// deletes by, with two arguments: the time before which the learner was
// made, and before which their sessions were last used.
const idleLearner = `l.created_at < ?
	AND NOT EXISTS (SELECT 1 FROM attempts a JOIN responses r ON r.attempt_id = a.id WHERE a.learner_id = l.id)
	AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.learner_id = l.id)
	AND NOT EXISTS (SELECT 1 FROM class_members m WHERE m.learner_id = l.id)
	AND NOT EXISTS (SELECT 1 FROM sets d WHERE d.learner_id = l.id)
	AND NOT EXISTS (SELECT 1 FROM sessions x WHERE x.learner_id = l.id AND x.last_seen_at >= ?)`
