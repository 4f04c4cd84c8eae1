package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"factdrill/questions"
)

// SetInfo describes a stored set without its questions.
type SetInfo struct {
	ID          int64
	Title       string
	Description string
	Origin      string
	// Builtin names a set the server made itself ("seed"); empty otherwise.
	Builtin   string
	Published bool
	// OwnerID is the teacher the set belongs to; 0 for the built-in set
	// and sets from the questions folder, which every teacher may assign.
	OwnerID   int64
	Questions int
	// Spelling is the set's spelling tolerance (quiz.Rules); KeepOptionOrder
	// shows every question's options in the written order in quizzes.
	Spelling        int
	KeepOptionOrder bool
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// StoredQuestion is a question as stored: its id (the identity, which
// cards, reviews and responses refer to), the version shown, and its
// place in a set.
type StoredQuestion struct {
	ID int64
	// VersionID is the version the question is shown in, Version its
	// number (1, 2, ...): a set's questions are their current versions,
	// an attempt's the versions it was started with.
	VersionID int64
	Version   int
	// SetID and Position are the question's place in a set; for a
	// question of an attempt, the attempt's set and the place in it.
	SetID    int64
	Position int
	questions.Question
}

// CreateSet validates set and stores it with its questions, published.
// builtin names a set the server makes itself; pass "" for any other.
func (s *Store) CreateSet(ctx context.Context, set questions.Set, builtin string) (int64, error) {
	var b any
	if builtin != "" {
		b = builtin
	}
	return s.createSet(ctx, set, b, nil, true)
}

// createSet validates set and stores it with its questions, as the
// builtin set of that name and the teacher's (nil for none).
func (s *Store) createSet(ctx context.Context, set questions.Set, builtin, owner any, published bool) (int64, error) {
	now := s.now()
	if err := set.Validate(); err != nil {
		return 0, fmt.Errorf("db: create set: %w", invalidSet(err))
	}
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = createSetTx(ctx, tx, set, builtin, owner, published, now)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: create set %q: %w", set.Title, err)
	}
	return id, nil
}

// maxOrigin is the longest origin of a set kept, in characters ("generated
// from" and a file name).
const maxOrigin = 300

// createSetTx stores a validated set in tx (see createSet). Whatever the
// title's source, it is stored cut to questions.MaxTitleLen characters,
// and the origin to maxOrigin.
func createSetTx(ctx context.Context, tx *sql.Tx, set questions.Set, builtin, owner any, published bool, now time.Time) (int64, error) {
	set.Title, set.Origin = questions.ShortTitle(set.Title), questions.Shorten(set.Origin, maxOrigin)
	// A builtin set made meanwhile (by a server starting beside this one)
	// stands: the insert does nothing, and its id is returned.
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO sets (title, description, origin, builtin, published, owner_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		set.Title, set.Description, set.Origin, builtin, published, owner, now.UTC(), now.UTC()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) && builtin != nil {
		err = tx.QueryRowContext(ctx, "SELECT id FROM sets WHERE builtin = ?", builtin).Scan(&id)
		return id, err
	}
	if err != nil {
		return 0, err
	}
	if err := insertQuestions(ctx, tx, id, owner, set.Questions, now); err != nil {
		return 0, err
	}
	return id, putImported(ctx, tx, id, set, now)
}

// insertQuestions stores qs as new questions of owner (nil for none) and
// makes them the set's questions, in order.
func insertQuestions(ctx context.Context, tx *sql.Tx, setID int64, owner any, qs []questions.Question, now time.Time) error {
	ids := make([]int64, len(qs))
	for i, q := range qs {
		var err error
		if ids[i], err = newQuestionTx(ctx, tx, owner, q, now); err != nil {
			return err
		}
	}
	return placeQuestionsTx(ctx, tx, setID, ids)
}

// BuiltinSet returns the set the server made under the name builtin.
func (s *Store) BuiltinSet(ctx context.Context, builtin string) (SetInfo, error) {
	var info SetInfo
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		info, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.builtin = ?", builtin))
		return err
	})
	if err != nil {
		return SetInfo{}, fmt.Errorf("db: builtin set %q: %w", builtin, err)
	}
	return info, nil
}

// setSelect reads a set's number of questions from its counts by kind
// (set_kinds), kept with every change of its questions: a count that does
// not grow with the set.
const setSelect = `SELECT s.id, s.title, s.description, s.origin, coalesce(s.builtin, ''), s.published, coalesce(s.owner_id, 0),
	(SELECT coalesce(sum(k.n), 0) FROM set_kinds k WHERE k.set_id = s.id), s.spelling, s.keep_option_order, s.created_at, s.updated_at FROM sets s`

func scanSet(row scanner) (SetInfo, error) {
	var i SetInfo
	err := row.Scan(&i.ID, &i.Title, &i.Description, &i.Origin, &i.Builtin, &i.Published, &i.OwnerID, &i.Questions,
		&i.Spelling, &i.KeepOptionOrder, &i.CreatedAt, &i.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return SetInfo{}, questions.ErrNotFound
	}
	i.CreatedAt, i.UpdatedAt = i.CreatedAt.UTC(), i.UpdatedAt.UTC()
	return i, err
}

// PublishedSets lists the sets anyone can take from the home page, oldest
// first: published sets that belong to no teacher. A teacher's sets reach
// students only through their classes.
func (s *Store) PublishedSets(ctx context.Context) ([]SetInfo, error) {
	return s.listSets(ctx, " WHERE s.published = 1 AND s.owner_id IS NULL ORDER BY s.id")
}

// PublishedSet returns a set anyone can take, with its questions in order;
// questions.ErrNotFound if there is no such published set, or if it belongs to a
// teacher (whose sets are taken through classes).
func (s *Store) PublishedSet(ctx context.Context, id int64) (SetInfo, []StoredQuestion, error) {
	return s.setWhere(ctx, id, " AND s.published = 1 AND s.owner_id IS NULL")
}

// Set returns any set, published or not, with its questions in order: for
// its owner's pages and for export. questions.ErrNotFound if there is no such set.
func (s *Store) Set(ctx context.Context, id int64) (SetInfo, []StoredQuestion, error) {
	return s.setWhere(ctx, id, "")
}

// setWhere reads the set with the given id that also meets the condition
// and (the SQL after "WHERE s.id = ?"), with its questions, in one snapshot.
func (s *Store) setWhere(ctx context.Context, id int64, and string, args ...any) (SetInfo, []StoredQuestion, error) {
	var (
		info SetInfo
		qs   []StoredQuestion
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if info, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ?"+and, append([]any{id}, args...)...)); err != nil {
			return err
		}
		qs, err = setQuestions(ctx, tx, id)
		return err
	})
	if err != nil {
		return SetInfo{}, nil, fmt.Errorf("db: set %d: %w", id, err)
	}
	return info, qs, nil
}

// AsSet turns stored questions back into a questions.Set, as exports and
// editors need it.
func AsSet(info SetInfo, qs []StoredQuestion) questions.Set {
	set := questions.Set{Title: info.Title, Description: info.Description, Origin: info.Origin}
	for _, q := range qs {
		set.Questions = append(set.Questions, q.Question)
	}
	return set
}

// setQuestions returns the set's questions in order, each in its current
// version.
func setQuestions(ctx context.Context, tx *sql.Tx, setID int64) ([]StoredQuestion, error) {
	return queryAll(ctx, tx, func(row scanner) (StoredQuestion, error) {
		q := StoredQuestion{SetID: setID}
		var body string
		if err := row.Scan(&q.ID, &q.Position, &q.VersionID, &q.Version, &body); err != nil {
			return q, err
		}
		var err error
		q.Question, err = decodeQuestion(q.VersionID, body)
		return q, err
	}, `SELECT sq.question_id, sq.position, v.id, v.number, v.body
		FROM set_questions sq JOIN questions q ON q.id = sq.question_id JOIN question_versions v ON v.id = q.version_id
		WHERE sq.set_id = ? ORDER BY sq.position`, setID)
}
