package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"factdrill/questions"
)

// Writing in the app: a teacher adds a question of any kind to a set,
// edits one, duplicates, removes and moves questions, and reuses their
// questions in other sets (the question bank). A question belongs to the
// teacher who wrote or imported it (questions.owner_id); it may be in
// several of their sets, where an edit shows at once (a new version), and
// open attempts keep the version they started with. Every change here is
// one transaction that keeps a set's positions 0, 1, … and its counts by
// kind (set_kinds) true.

// countKindsTx sets the set's counts of questions by kind from its
// questions as they now are.
func countKindsTx(ctx context.Context, tx *sql.Tx, setID int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM set_kinds WHERE set_id = ?", setID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO set_kinds (set_id, kind, n)
		SELECT sq.set_id, v.kind, count(*) FROM set_questions sq
		JOIN questions q ON q.id = sq.question_id JOIN question_versions v ON v.id = q.version_id
		WHERE sq.set_id = ? GROUP BY sq.set_id, v.kind`, setID)
	return err
}

// SetKinds returns how many questions of each kind the set holds, from
// the counts kept with it (its cost does not grow with the set).
func (s *Store) SetKinds(ctx context.Context, setID int64) (map[questions.Kind]int, error) {
	return read(ctx, s, fmt.Sprintf("kinds of set %d", setID), func(tx *sql.Tx) (map[questions.Kind]int, error) {
		return setKindsTx(ctx, tx, setID)
	})
}

func setKindsTx(ctx context.Context, tx *sql.Tx, setID int64) (map[questions.Kind]int, error) {
	type kc struct {
		kind string
		n    int
	}
	rows, err := queryAll(ctx, tx, func(row scanner) (kc, error) {
		var k kc
		return k, row.Scan(&k.kind, &k.n)
	}, "SELECT kind, n FROM set_kinds WHERE set_id = ?", setID)
	out := map[questions.Kind]int{}
	for _, r := range rows {
		out[questions.Kind(r.kind)] = r.n
	}
	return out, err
}

// shiftTx moves the questions of the set at positions lo to hi (both
// included) by delta places. Positions are unique at every step: the rows
// go through negative positions first, which no row has.
func shiftTx(ctx context.Context, tx *sql.Tx, setID int64, lo, hi, delta int) error {
	if lo > hi {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE set_questions SET position = -(position + ?) - 2 WHERE set_id = ? AND position >= ? AND position <= ?",
		delta, setID, lo, hi); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE set_questions SET position = -position - 2 WHERE set_id = ? AND position < -1", setID)
	return err
}

// setSize is the number of questions in the set.
func setSize(ctx context.Context, tx *sql.Tx, setID int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM set_questions WHERE set_id = ?", setID).Scan(&n)
	return n, err
}

// placeOf returns the position of the question in the set, or
// questions.ErrNotFound.
func placeOf(ctx context.Context, tx *sql.Tx, setID, questionID int64) (int, error) {
	var pos int
	err := tx.QueryRowContext(ctx, "SELECT position FROM set_questions WHERE set_id = ? AND question_id = ?", setID, questionID).Scan(&pos)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, questions.ErrNotFound
	}
	return pos, err
}

// insertAtTx puts the question into the set at position pos (clamped to
// the set: -1 or beyond the end is the end).
func insertAtTx(ctx context.Context, tx *sql.Tx, setID, questionID int64, pos int) (int, error) {
	n, err := setSize(ctx, tx, setID)
	if err != nil {
		return 0, err
	}
	if n >= questions.MaxQuestions {
		return 0, invalid("a set holds at most %d questions", questions.MaxQuestions)
	}
	if pos < 0 || pos > n {
		pos = n
	}
	if err := shiftTx(ctx, tx, setID, pos, n-1, 1); err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO set_questions (set_id, position, question_id) VALUES (?, ?, ?)", setID, pos, questionID)
	return pos, err
}

// validQuestion checks a question written in the app as a question file's
// reader does, with the same messages.
func validQuestion(q questions.Question) error {
	if err := q.Validate(); err != nil {
		return invalidSet(err)
	}
	return nil
}

// touchSetTx marks the set changed now.
func touchSetTx(ctx context.Context, tx *sql.Tx, setID int64, now any) error {
	_, err := tx.ExecContext(ctx, "UPDATE sets SET updated_at = ? WHERE id = ?", now, setID)
	return err
}

// AddQuestion writes a new question of the teacher's into their set at
// position pos (-1: at the end) and returns its id. A question that is not
// valid is refused with the readers' messages.
func (s *Store) AddQuestion(ctx context.Context, teacherID, setID int64, q questions.Question, pos int) (int64, error) {
	now := s.now()
	if err := validQuestion(q); err != nil {
		return 0, fmt.Errorf("db: add a question to set %d: %w", setID, err)
	}
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		var err error
		if id, err = newQuestionTx(ctx, tx, teacherID, q, now); err != nil {
			return err
		}
		if _, err := insertAtTx(ctx, tx, setID, id, pos); err != nil {
			return err
		}
		if err := countKindsTx(ctx, tx, setID); err != nil {
			return err
		}
		return touchSetTx(ctx, tx, setID, now.UTC())
	})
	if err != nil {
		return 0, fmt.Errorf("db: add a question to set %d: %w", setID, err)
	}
	return id, nil
}

// QuestionUse is where a question is used: the sets that hold it, and the
// attempts that showed it (Open of them not finished: they keep the
// version they started with).
type QuestionUse struct {
	Sets           []SetInfo
	Attempts, Open int
}

// SetQuestion returns a question of the teacher's set, in its current
// version, with where it is used.
func (s *Store) SetQuestion(ctx context.Context, teacherID, setID, questionID int64) (StoredQuestion, QuestionUse, error) {
	var (
		q   StoredQuestion
		use QuestionUse
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if err := seeOwnSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		var err error
		if q, err = setQuestionTx(ctx, tx, setID, questionID); err != nil {
			return err
		}
		use, err = questionUseTx(ctx, tx, questionID)
		return err
	})
	if err != nil {
		return StoredQuestion{}, QuestionUse{}, fmt.Errorf("db: question %d of set %d: %w", questionID, setID, err)
	}
	return q, use, nil
}

// setQuestionTx reads one question of the set in its current version.
func setQuestionTx(ctx context.Context, tx *sql.Tx, setID, questionID int64) (StoredQuestion, error) {
	q := StoredQuestion{ID: questionID, SetID: setID}
	var body string
	err := tx.QueryRowContext(ctx, `SELECT sq.position, v.id, v.number, v.body
		FROM set_questions sq JOIN questions q ON q.id = sq.question_id JOIN question_versions v ON v.id = q.version_id
		WHERE sq.set_id = ? AND sq.question_id = ?`, setID, questionID).Scan(&q.Position, &q.VersionID, &q.Version, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return q, questions.ErrNotFound
	}
	if err != nil {
		return q, err
	}
	q.Question, err = decodeQuestion(q.VersionID, body)
	return q, err
}

func questionUseTx(ctx context.Context, tx *sql.Tx, questionID int64) (QuestionUse, error) {
	var use QuestionUse
	var err error
	if use.Sets, err = queryAll(ctx, tx, scanSet, setSelect+` JOIN set_questions sq ON sq.set_id = s.id
		WHERE sq.question_id = ? ORDER BY s.title, s.id`, questionID); err != nil {
		return use, err
	}
	err = tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(CASE WHEN a.finished_at IS NULL THEN 1 ELSE 0 END), 0)
		FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id WHERE aq.question_id = ?`, questionID).Scan(&use.Attempts, &use.Open)
	return use, err
}

// UpdateQuestion saves q as a question of the teacher's set: a new version
// if it changed (every set that holds it shows the new version; open
// attempts keep theirs), nothing if not. It reports whether a version was
// made. A question that is not valid is refused with the readers'
// messages; the question's kind cannot change.
func (s *Store) UpdateQuestion(ctx context.Context, teacherID, setID, questionID int64, q questions.Question) (bool, error) {
	now := s.now()
	if err := validQuestion(q); err != nil {
		return false, fmt.Errorf("db: save question %d: %w", questionID, err)
	}
	var revised bool
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		cur, err := setQuestionTx(ctx, tx, setID, questionID)
		if err != nil {
			return err
		}
		if cur.Kind != q.Kind {
			return invalid("a %s question cannot become a %s question: add a new question instead", cur.Kind.Label(), q.Kind.Label())
		}
		if revised, err = reviseQuestionTx(ctx, tx, questionID, q, now); err != nil || !revised {
			return err
		}
		sets, err := queryAll(ctx, tx, scanInt64, "SELECT set_id FROM set_questions WHERE question_id = ?", questionID)
		if err != nil {
			return err
		}
		for _, id := range sets {
			if err := touchSetTx(ctx, tx, id, now.UTC()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("db: save question %d: %w", questionID, err)
	}
	return revised, nil
}

// DuplicateQuestion copies a question of the teacher's set as a new
// question, placed right after it, and returns the copy's id.
func (s *Store) DuplicateQuestion(ctx context.Context, teacherID, setID, questionID int64) (int64, error) {
	now := s.now()
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		q, err := setQuestionTx(ctx, tx, setID, questionID)
		if err != nil {
			return err
		}
		if id, err = newQuestionTx(ctx, tx, teacherID, q.Question, now); err != nil {
			return err
		}
		if _, err := insertAtTx(ctx, tx, setID, id, q.Position+1); err != nil {
			return err
		}
		if err := countKindsTx(ctx, tx, setID); err != nil {
			return err
		}
		return touchSetTx(ctx, tx, setID, now.UTC())
	})
	if err != nil {
		return 0, fmt.Errorf("db: duplicate question %d: %w", questionID, err)
	}
	return id, nil
}

// RemoveQuestion takes a question out of the teacher's set. It stays in
// the teacher's other sets and in the attempts that showed it; a question
// left in no set and no attempt is deleted.
func (s *Store) RemoveQuestion(ctx context.Context, teacherID, setID, questionID int64) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		pos, err := placeOf(ctx, tx, setID, questionID)
		if err != nil {
			return err
		}
		n, err := setSize(ctx, tx, setID)
		if err != nil {
			return err
		}
		if n == 1 {
			return invalid("a set keeps at least one question: delete the set from its page instead")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM set_questions WHERE set_id = ? AND question_id = ?", setID, questionID); err != nil {
			return err
		}
		if err := shiftTx(ctx, tx, setID, pos+1, n-1, -1); err != nil {
			return err
		}
		if err := countKindsTx(ctx, tx, setID); err != nil {
			return err
		}
		if err := touchSetTx(ctx, tx, setID, now.UTC()); err != nil {
			return err
		}
		return dropOrphansTx(ctx, tx, []int64{questionID})
	})
	if err != nil {
		return fmt.Errorf("db: remove question %d from set %d: %w", questionID, setID, err)
	}
	return nil
}

// MoveQuestion moves a question of the teacher's set to position to
// (clamped to the set); the questions between close up.
func (s *Store) MoveQuestion(ctx context.Context, teacherID, setID, questionID int64, to int) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		from, err := placeOf(ctx, tx, setID, questionID)
		if err != nil {
			return err
		}
		n, err := setSize(ctx, tx, setID)
		if err != nil {
			return err
		}
		to = min(max(to, 0), n-1)
		if to == from {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE set_questions SET position = -1 WHERE set_id = ? AND question_id = ?", setID, questionID); err != nil {
			return err
		}
		if from < to {
			err = shiftTx(ctx, tx, setID, from+1, to, -1)
		} else {
			err = shiftTx(ctx, tx, setID, to, from-1, 1)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE set_questions SET position = ? WHERE set_id = ? AND question_id = ?", to, setID, questionID); err != nil {
			return err
		}
		return touchSetTx(ctx, tx, setID, now.UTC())
	})
	if err != nil {
		return fmt.Errorf("db: move question %d of set %d: %w", questionID, setID, err)
	}
	return nil
}

// ReuseQuestion puts one of the teacher's questions (from the bank) into
// another of their sets, at the end: the same question, so that an edit
// shows in both. A question already in the set is an invalid input.
func (s *Store) ReuseQuestion(ctx context.Context, teacherID, setID, questionID int64) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM questions WHERE id = ? AND owner_id = ?", questionID, teacherID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return questions.ErrNotFound
		}
		if _, err := placeOf(ctx, tx, setID, questionID); err == nil {
			return invalid("the question is in this set already")
		} else if !errors.Is(err, questions.ErrNotFound) {
			return err
		}
		if _, err := insertAtTx(ctx, tx, setID, questionID, -1); err != nil {
			return err
		}
		if err := countKindsTx(ctx, tx, setID); err != nil {
			return err
		}
		return touchSetTx(ctx, tx, setID, now.UTC())
	})
	if err != nil {
		return fmt.Errorf("db: reuse question %d in set %d: %w", questionID, setID, err)
	}
	return nil
}

// SetQuestionsPage returns the set (one the teacher may see: theirs, or of
// no teacher's) with a page of its questions in order, those matching
// search when it is not empty, and how many match in all.
func (s *Store) SetQuestionsPage(ctx context.Context, teacherID, setID int64, search string, page Page) (SetInfo, []StoredQuestion, int, error) {
	var (
		info  SetInfo
		qs    []StoredQuestion
		total int
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if info, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ? AND (s.owner_id = ? OR s.owner_id IS NULL AND s.learner_id IS NULL)", setID, teacherID)); err != nil {
			return err
		}
		from := `FROM set_questions sq JOIN questions q ON q.id = sq.question_id
			JOIN question_versions v ON v.id = q.version_id WHERE sq.set_id = ?`
		args := []any{setID}
		if len(searchTerms(search)) == 0 && page.Size >= 0 {
			// Positions are 0, 1, …: a page is a range of them, found in
			// the index whatever its place in the set.
			page = page.clamp()
			from += " AND sq.position >= ? AND sq.position < ?"
			args = append(args, page.Offset, page.Offset+page.Size)
			page.Offset = 0
		}
		qs, total, err = pageQuestions(ctx, tx, s.SearchIndexed(), from, args, "sq.position", "sq.position", search, page)
		if len(searchTerms(search)) == 0 {
			total = info.Questions
		}
		for i := range qs {
			qs[i].SetID = setID
		}
		return err
	})
	if err != nil {
		return SetInfo{}, nil, 0, fmt.Errorf("db: questions of set %d: %w", setID, err)
	}
	return info, qs, total, nil
}

// SetQuestionsOfKinds returns the questions of the given kinds in a set
// the teacher may see, in order, reading only those (by the kind kept
// beside each version), so that asking which questions of a large set are
// essays costs what the essays do.
func (s *Store) SetQuestionsOfKinds(ctx context.Context, teacherID, setID int64, kinds ...questions.Kind) ([]StoredQuestion, error) {
	var qs []StoredQuestion
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if _, err := scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ? AND (s.owner_id = ? OR s.owner_id IS NULL AND s.learner_id IS NULL)", setID, teacherID)); err != nil {
			return err
		}
		if len(kinds) == 0 {
			return nil
		}
		args := []any{setID}
		for _, k := range kinds {
			args = append(args, string(k))
		}
		// The set's counts by kind say how many there are: none (the
		// usual answer) reads nothing more, and the scan in order stops
		// at the last one.
		in := "(?" + strings.Repeat(", ?", len(kinds)-1) + ")"
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(sum(n), 0) FROM set_kinds WHERE set_id = ? AND kind IN "+in, args...).Scan(&n); err != nil || n == 0 {
			return err
		}
		from := `FROM set_questions sq JOIN questions q ON q.id = sq.question_id
			JOIN question_versions v ON v.id = q.version_id WHERE sq.set_id = ? AND v.kind IN ` + in
		page := All
		if n <= MaxPageSize {
			page = Page{Size: n}
		}
		var err error
		qs, _, err = pageQuestions(ctx, tx, s.SearchIndexed(), from, args, "sq.position", "sq.position", "", page)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: questions of set %d by kind: %w", setID, err)
	}
	return qs, nil
}

// BankQuestion is one of a teacher's questions in their bank, with the
// sets that hold it.
type BankQuestion struct {
	StoredQuestion
	// Sets are the teacher's sets the question is in, by title.
	Sets []SetInfo
}

// BankQuestions returns a page of the teacher's questions (those they
// wrote or imported), newest first, matching search when it is not empty,
// with the sets each is in, and how many match in all.
func (s *Store) BankQuestions(ctx context.Context, teacherID int64, search string, page Page) ([]BankQuestion, int, error) {
	var (
		out   []BankQuestion
		total int
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		from := "FROM questions q JOIN question_versions v ON v.id = q.version_id WHERE q.owner_id = ?"
		qs, n, err := pageQuestions(ctx, tx, s.SearchIndexed(), from, []any{teacherID}, "0", "q.id DESC", search, page)
		if err != nil {
			return err
		}
		total = n
		if len(searchTerms(search)) == 0 {
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM questions WHERE owner_id = ?", teacherID).Scan(&total); err != nil {
				return err
			}
		}
		out = make([]BankQuestion, len(qs))
		for i, q := range qs {
			out[i].StoredQuestion = q
		}
		for i := range out {
			if out[i].Sets, err = queryAll(ctx, tx, scanSet, setSelect+` JOIN set_questions sq ON sq.set_id = s.id
				WHERE sq.question_id = ? ORDER BY s.title, s.id`, out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("db: question bank of teacher %d: %w", teacherID, err)
	}
	return out, total, nil
}

// TeacherSetsPage returns a page of the teacher's own sets, newest first,
// those whose title matches search when it is not empty, and how many
// match in all.
func (s *Store) TeacherSetsPage(ctx context.Context, teacherID int64, search string, page Page) ([]SetInfo, int, error) {
	var (
		out   []SetInfo
		total int
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		where := " WHERE s.owner_id = ?"
		args := []any{teacherID}
		for _, w := range searchTerms(search) {
			where += " AND lower(s.title) LIKE ?"
			args = append(args, "%"+strings.ToLower(w)+"%")
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sets s"+where, args...).Scan(&total); err != nil {
			return err
		}
		lim, largs := page.limit()
		var err error
		out, err = queryAll(ctx, tx, scanSet, setSelect+where+" ORDER BY s.id DESC"+lim, append(args, largs...)...)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("db: sets of teacher %d: %w", teacherID, err)
	}
	return out, total, nil
}

// PublishedSetKinds returns a set anyone can take (see PublishedSet) with
// how many questions of each kind it holds, without reading them: what a
// set's page shows, at the same cost whatever its size.
func (s *Store) PublishedSetKinds(ctx context.Context, id int64) (SetInfo, map[questions.Kind]int, error) {
	var (
		info  SetInfo
		kinds map[questions.Kind]int
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if info, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ? AND s.published = 1 AND s.owner_id IS NULL", id)); err != nil {
			return err
		}
		kinds, err = setKindsTx(ctx, tx, id)
		return err
	})
	if err != nil {
		return SetInfo{}, nil, fmt.Errorf("db: set %d: %w", id, err)
	}
	return info, kinds, nil
}
