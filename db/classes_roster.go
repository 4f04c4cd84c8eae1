package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"factdrill/questions"
)

// This file is a class's roster: the students a teacher adds by name (one
// by one or from a file), each with a personal sign-in code, and the rule
// of who may join with the class code. A learner's sign-in code is their
// resume code (Learner.ResumeCode): one code, whichever way the learner
// came, so that a student who signs in with it on any device is the same
// learner there, with their cards, attempts and settings.

// RosterEntry is a student as a roster gives them: a name, and, when
// known, the id and email the school's gradebook knows them by.
type RosterEntry struct {
	Name, SchoolID, Email string
	// Line is the entry's line in a roster file, for the problems found
	// with it; 0 for an entry typed in a form.
	Line int
}

// Limits of a roster entry's fields.
const (
	MaxSchoolIDLen = 64
	MaxEmailLen    = 254
)

// Fields of a roster entry, as forms and roster files name them.
const (
	RosterName     = "name"
	RosterSchoolID = "school_id"
	RosterEmail    = "email"
)

// Clean trims an entry's fields and checks them: a name (CleanName, not
// empty), a school id of at most MaxSchoolIDLen characters without
// control characters, and an email that looks like one. It returns the
// cleaned entry and, for each field that is wrong, what is wrong with it
// (nil when nothing is).
func (e RosterEntry) Clean() (RosterEntry, map[string]string) {
	p := map[string]string{}
	name, err := CleanName(e.Name)
	switch {
	case err != nil:
		p[RosterName] = questions.ErrorMessage(err)
	case name == "":
		p[RosterName] = "The student needs a name."
	}
	e.Name = name
	e.SchoolID = strings.TrimSpace(e.SchoolID)
	switch {
	case !utf8.ValidString(e.SchoolID):
		p[RosterSchoolID] = "The school id is not valid text."
	case utf8.RuneCountInString(e.SchoolID) > MaxSchoolIDLen:
		p[RosterSchoolID] = fmt.Sprintf("The school id is longer than %d characters.", MaxSchoolIDLen)
	case strings.ContainsFunc(e.SchoolID, isControl):
		p[RosterSchoolID] = "The school id has a control character."
	}
	e.Email = strings.TrimSpace(e.Email)
	if msg := emailProblem(e.Email); msg != "" {
		p[RosterEmail] = msg
	}
	if len(p) == 0 {
		return e, nil
	}
	return e, p
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }

// emailProblem says what is wrong with an email address as typed; "" for
// none (or an empty one). It checks the shape a gradebook can match on (one
// @, something on each side, a dot in the domain, no spaces), not whether
// mail would arrive.
func emailProblem(email string) string {
	if email == "" {
		return ""
	}
	local, domain, ok := strings.Cut(email, "@")
	switch {
	case len(email) > MaxEmailLen:
		return fmt.Sprintf("The email is longer than %d characters.", MaxEmailLen)
	case !utf8.ValidString(email) || strings.ContainsFunc(email, func(r rune) bool { return r <= ' ' || r == 0x7f }):
		return "The email has a space or a control character."
	case !ok || local == "" || domain == "" || strings.Contains(domain, "@") || !strings.Contains(domain, ".") ||
		strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, "."):
		return fmt.Sprintf("%q is not an email address.", email)
	}
	return ""
}

// Member is a student of a class as its teachers see them.
type Member struct {
	Learner
	// Rostered is true for a student a teacher added: the teachers of the
	// class may print and reset their sign-in code. A student who joined
	// with the class code keeps theirs to themselves.
	Rostered bool
	JoinedAt time.Time
}

// Page is a window of a long list: at most Size items after the first
// Offset.
type Page struct {
	Offset, Size int
}

// MaxPageSize bounds the items a page of a list may ask for.
const MaxPageSize = 500

// clamp keeps a page within bounds: 50 items when none was asked for.
func (p Page) clamp() Page {
	if p.Size <= 0 {
		p.Size = 50
	}
	p.Size = min(p.Size, MaxPageSize)
	p.Offset = max(p.Offset, 0)
	return p
}

// All is a page of every item, for exports and sheets that list them all.
var All = Page{Size: -1}

// limit is the SQL LIMIT and OFFSET of the page (All: none).
func (p Page) limit() (string, []any) {
	if p.Size < 0 {
		return "", nil
	}
	p = p.clamp()
	return " LIMIT ? OFFSET ?", []any{p.Size, p.Offset}
}

const memberSelect = `SELECT l.id, l.name, l.resume_code, l.school_id, l.email, l.created_at, m.rostered, m.joined_at
	FROM class_members m JOIN learners l ON l.id = m.learner_id`

func scanMember(row scanner) (Member, error) {
	var m Member
	err := row.Scan(&m.ID, &m.Name, &m.ResumeCode, &m.SchoolID, &m.Email, &m.CreatedAt, &m.Rostered, &m.JoinedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Member{}, questions.ErrNotFound
	}
	m.CreatedAt, m.JoinedAt = m.CreatedAt.UTC(), m.JoinedAt.UTC()
	return m, err
}

// taughtClass returns the class with the given id if the teacher teaches
// it; else questions.ErrNotFound.
func taughtClass(ctx context.Context, tx *sql.Tx, teacherID, classID int64) (Class, error) {
	return scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.id = ? AND "+teaches, classID, teacherID))
}

// lockClassTx makes tx the one writer of the class's members until it
// ends: a roster added, a student's name changed and a join by code each
// check the names on the class before they write one, and on PostgreSQL
// two of them at once (two servers) would each pass the check. SQLite's
// one writer is alone anyway.
func lockClassTx(ctx context.Context, tx *sql.Tx, classID int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM classes WHERE id = ?"+forUpdate, classID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return questions.ErrNotFound
	}
	return err
}

// lockTeacherTx makes tx the one writer of the teacher's rostered
// learners until it ends: a roster matches its entries to the learners
// the teacher rostered in other classes (by school id or email), and two
// rosters at once must not each make a new learner for one student.
func lockTeacherTx(ctx context.Context, tx *sql.Tx, teacherID int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM teachers WHERE id = ?"+forUpdate, teacherID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return questions.ErrNotFound
	}
	return err
}

// ClassMembers returns a page of the students of a class the teacher
// teaches, by name, and how many there are in all.
func (s *Store) ClassMembers(ctx context.Context, teacherID, classID int64, page Page) ([]Member, int, error) {
	var (
		out   []Member
		total int
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		c, err := taughtClass(ctx, tx, teacherID, classID)
		if err != nil {
			return err
		}
		total = c.Members
		lim, args := page.limit()
		out, err = queryAll(ctx, tx, scanMember, memberSelect+` WHERE m.class_id = ?
			ORDER BY lower(l.name), l.id`+lim, append([]any{classID}, args...)...)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("db: members of class %d: %w", classID, err)
	}
	return out, total, nil
}

// ClassMember returns one student of a class the teacher teaches.
func (s *Store) ClassMember(ctx context.Context, teacherID, classID, learnerID int64) (Member, error) {
	return read(ctx, s, fmt.Sprintf("member %d of class %d", learnerID, classID), func(tx *sql.Tx) (Member, error) {
		if _, err := taughtClass(ctx, tx, teacherID, classID); err != nil {
			return Member{}, err
		}
		return scanMember(tx.QueryRowContext(ctx, memberSelect+" WHERE m.class_id = ? AND m.learner_id = ?", classID, learnerID))
	})
}

// RosterProblem is what is wrong with one entry of a roster: the entry's
// line in its file (0 for a form's entry or the roster as a whole), the
// field ("" for the entry as a whole) and the message, a sentence for the
// person who typed it.
type RosterProblem struct {
	Line    int
	Field   string
	Message string
}

// RosterError is every problem of a roster that was refused; nothing of
// it was stored. It is an invalid-input error (questions.ErrInvalid
// matches it).
type RosterError []RosterProblem

func (e RosterError) Error() string {
	msgs := make([]string, len(e))
	for i, p := range e {
		msgs[i] = p.Message
		if p.Line > 0 {
			msgs[i] = fmt.Sprintf("line %d: %s", p.Line, p.Message)
		}
	}
	return strings.Join(msgs, "; ")
}

// Is makes a RosterError an invalid-input error for errors.Is.
func (e RosterError) Is(target error) bool { return target == questions.ErrInvalid }

// MaxRoster bounds the students added at once.
const MaxRoster = 2000

// AddToRoster adds students to a class the teacher teaches, all of them or
// none: an entry with a problem (a bad field, a name already on the class
// or twice in the entries, a school id or email twice in the entries)
// refuses the whole roster with a RosterError, and nothing is stored.
//
// A student whose school id (or, without one, email) is that of a student
// the teacher rostered in another of their classes is that same learner,
// with the same sign-in code: one student, one code, in all their classes.
// Anyone else becomes a new learner with a fresh code. It returns the
// learners added, in the order given.
func (s *Store) AddToRoster(ctx context.Context, teacherID, classID int64, entries []RosterEntry) ([]Learner, error) {
	now := s.now()
	var probs RosterError
	if len(entries) == 0 {
		probs = append(probs, RosterProblem{Message: "The roster has no students."})
	}
	if len(entries) > MaxRoster {
		probs = append(probs, RosterProblem{Line: entries[MaxRoster].Line, Message: fmt.Sprintf("A roster holds at most %d students at once.", MaxRoster)})
		entries = entries[:MaxRoster]
	}
	clean := make([]RosterEntry, len(entries))
	seen := map[string]map[string]int{RosterName: {}, RosterSchoolID: {}, RosterEmail: {}}
	for i, e := range entries {
		var p map[string]string
		clean[i], p = e.Clean()
		for _, f := range []string{RosterName, RosterSchoolID, RosterEmail} {
			if msg, ok := p[f]; ok {
				probs = append(probs, RosterProblem{Line: e.Line, Field: f, Message: msg})
			}
		}
		for f, v := range map[string]string{RosterName: clean[i].Name, RosterSchoolID: clean[i].SchoolID, RosterEmail: clean[i].Email} {
			if v == "" || p[f] != "" {
				continue
			}
			k := strings.ToLower(v)
			if j, ok := seen[f][k]; ok {
				msg := fmt.Sprintf("%q is twice in the roster.", v)
				if entries[j].Line > 0 {
					msg = fmt.Sprintf("%q is also on line %d.", v, entries[j].Line)
				}
				probs = append(probs, RosterProblem{Line: e.Line, Field: f, Message: msg})
				continue
			}
			seen[f][k] = i
		}
	}
	out := make([]Learner, len(clean))
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if _, err := taughtClass(ctx, tx, teacherID, classID); err != nil {
			return err
		}
		if err := lockTeacherTx(ctx, tx, teacherID); err != nil {
			return err
		}
		if err := lockClassTx(ctx, tx, classID); err != nil {
			return err
		}
		names, err := memberNames(ctx, tx, classID, false)
		if err != nil {
			return err
		}
		for _, e := range clean {
			if _, taken := names[nameKey(e.Name)]; taken && e.Name != "" {
				probs = append(probs, RosterProblem{Line: e.Line, Field: RosterName, Message: fmt.Sprintf("A student named %q is already on the class.", e.Name)})
			}
		}
		if len(probs) > 0 {
			return nil
		}
		for i, e := range clean {
			if out[i], err = rosterLearner(ctx, tx, teacherID, e, now); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO class_members (class_id, learner_id, joined_at, rostered) VALUES (?, ?, ?, 1)
				ON CONFLICT (class_id, learner_id) DO UPDATE SET rostered = 1`, classID, out[i].ID, now.UTC())
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && len(probs) > 0 {
		slices.SortStableFunc(probs, func(a, b RosterProblem) int { return cmp.Compare(a.Line, b.Line) })
		err = probs
	}
	if err != nil {
		return nil, fmt.Errorf("db: roster of class %d: %w", classID, err)
	}
	return out, nil
}

// nameKey is what two names that are the same name have in common: the
// name in lower case (names are stored cleaned, see CleanName).
func nameKey(name string) string { return strings.ToLower(name) }

// memberNames returns the members of a class (only those rostered, if
// rosteredOnly) by the nameKey of their names.
func memberNames(ctx context.Context, tx *sql.Tx, classID int64, rosteredOnly bool) (map[string]int64, error) {
	type member struct {
		id   int64
		name string
	}
	ms, err := queryAll(ctx, tx, func(row scanner) (member, error) {
		var m member
		err := row.Scan(&m.id, &m.name)
		return m, err
	}, `SELECT l.id, l.name FROM class_members m JOIN learners l ON l.id = m.learner_id
		WHERE m.class_id = ? AND l.name <> '' AND (? = 0 OR m.rostered = 1) ORDER BY l.id`, classID, boolInt(rosteredOnly))
	names := map[string]int64{}
	for _, m := range ms {
		if _, ok := names[nameKey(m.name)]; !ok {
			names[nameKey(m.name)] = m.id
		}
	}
	return names, err
}

// rosterLearner returns the learner a roster entry stands for: the one
// the teacher rostered in another class with the same school id (or
// email, when the entry has no school id), brought up to date with the
// entry; or a new learner.
func rosterLearner(ctx context.Context, tx *sql.Tx, teacherID int64, e RosterEntry, now time.Time) (Learner, error) {
	key, value := "l.school_id", e.SchoolID
	if value == "" {
		key, value = "lower(l.email)", strings.ToLower(e.Email)
	}
	if value != "" {
		l, err := scanLearner(tx.QueryRowContext(ctx, `SELECT l.id, l.name, l.resume_code, l.school_id, l.email, l.created_at
			FROM learners l WHERE `+key+` = ? AND l.id IN (SELECT m.learner_id FROM class_members m
				JOIN class_teachers ct ON ct.class_id = m.class_id
				WHERE m.rostered = 1 AND ct.teacher_id = ? AND ct.role = 'owner')
			ORDER BY l.id LIMIT 1`, value, teacherID))
		if err == nil {
			l.Name, l.SchoolID = e.Name, cmpOr(e.SchoolID, l.SchoolID)
			l.Email = cmpOr(e.Email, l.Email)
			_, err = tx.ExecContext(ctx, "UPDATE learners SET name = ?, school_id = ?, email = ? WHERE id = ?", l.Name, l.SchoolID, l.Email, l.ID)
			return l, err
		}
		if !errors.Is(err, questions.ErrNotFound) {
			return Learner{}, err
		}
	}
	id, code, err := insertLearner(ctx, tx, now)
	if err != nil {
		return Learner{}, err
	}
	_, err = tx.ExecContext(ctx, "UPDATE learners SET name = ?, school_id = ?, email = ? WHERE id = ?", e.Name, e.SchoolID, e.Email, id)
	return Learner{ID: id, Name: e.Name, ResumeCode: code, SchoolID: e.SchoolID, Email: e.Email, CreatedAt: now.UTC()}, err
}

// cmpOr is the first of its arguments that is not "".
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// UpdateRosterEntry changes the name, school id and email of a student the
// teachers of the class rostered. A name another member of the class has
// is refused, as are bad fields (a RosterError).
func (s *Store) UpdateRosterEntry(ctx context.Context, teacherID, classID, learnerID int64, e RosterEntry) error {
	e, p := e.Clean()
	var probs RosterError
	for _, f := range []string{RosterName, RosterSchoolID, RosterEmail} {
		if msg, ok := p[f]; ok {
			probs = append(probs, RosterProblem{Field: f, Message: msg})
		}
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		m, err := rosteredMember(ctx, tx, teacherID, classID, learnerID)
		if err != nil || len(probs) > 0 {
			return err
		}
		if err := lockClassTx(ctx, tx, classID); err != nil {
			return err
		}
		names, err := memberNames(ctx, tx, classID, false)
		if err != nil {
			return err
		}
		if id, taken := names[nameKey(e.Name)]; taken && id != m.ID {
			probs = append(probs, RosterProblem{Field: RosterName, Message: fmt.Sprintf("A student named %q is already on the class.", e.Name)})
			return nil
		}
		_, err = tx.ExecContext(ctx, "UPDATE learners SET name = ?, school_id = ?, email = ? WHERE id = ?", e.Name, e.SchoolID, e.Email, m.ID)
		return err
	})
	if err == nil && len(probs) > 0 {
		err = probs
	}
	if err != nil {
		return fmt.Errorf("db: change student %d of class %d: %w", learnerID, classID, err)
	}
	return nil
}

// rosteredMember returns a member of a class the teacher teaches whom the
// teachers rostered; anyone else is questions.ErrNotFound.
func rosteredMember(ctx context.Context, tx *sql.Tx, teacherID, classID, learnerID int64) (Member, error) {
	if _, err := taughtClass(ctx, tx, teacherID, classID); err != nil {
		return Member{}, err
	}
	return scanMember(tx.QueryRowContext(ctx, memberSelect+" WHERE m.class_id = ? AND m.learner_id = ? AND m.rostered = 1", classID, learnerID))
}

// ResetSignInCode gives a student the teachers of the class rostered a new
// sign-in code. The old code stops working, and the student is signed out
// everywhere (a lost card opens nothing): they sign in again with the new
// code. It returns the learner with the new code.
func (s *Store) ResetSignInCode(ctx context.Context, teacherID, classID, learnerID int64) (Learner, error) {
	var l Learner
	err := s.retryOnTaken(ctx, func(tx *sql.Tx) error {
		m, err := rosteredMember(ctx, tx, teacherID, classID, learnerID)
		if err != nil {
			return err
		}
		l = m.Learner
		if l.ResumeCode, err = freeCode(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE learners SET resume_code = ? WHERE id = ?", l.ResumeCode, l.ID); err != nil {
			return err
		}
		return signOutLearner(ctx, tx, l.ID)
	})
	if err != nil {
		return Learner{}, fmt.Errorf("db: reset the sign-in code of learner %d: %w", learnerID, err)
	}
	return l, nil
}

// retryOnTaken is inWrite for a transaction that draws a new code: a code
// that another transaction gave someone between fn's check and its write
// (possible on PostgreSQL, where writers run side by side) is refused by
// the unique index, and fn runs again with a fresh draw.
func (s *Store) retryOnTaken(ctx context.Context, fn func(tx *sql.Tx) error) error {
	for try := 1; ; try++ {
		err := s.inWrite(ctx, fn)
		if try == maxWriteTries || !isUniqueViolation(err) {
			return err
		}
	}
}

// signOutLearner ends the learner's sessions; a session where a teacher is
// logged in loses only its learner part.
func signOutLearner(ctx context.Context, tx *sql.Tx, learnerID int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE learner_id = ? AND teacher_id IS NULL", learnerID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE sessions SET learner_id = NULL WHERE learner_id = ?", learnerID)
	return err
}

// SetClassOpen opens a class the teacher teaches to joining with its code
// (open), or keeps it to its roster.
func (s *Store) SetClassOpen(ctx context.Context, teacherID, classID int64, open bool) error {
	return s.changeOne(ctx, fmt.Sprintf("open class %d", classID), "UPDATE classes SET open = ? WHERE id = ? AND id IN (SELECT class_id FROM class_teachers WHERE teacher_id = ?)",
		boolInt(open), classID, teacherID)
}
