package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"factdrill/questions"
	"factdrill/quiz"
)

// A teacher's set reaches students through the assignments of their
// classes, as a quiz and as flashcards. The flashcards show every right
// answer, so a student may study them only once quiz.FlashcardsOpen says
// so for every assignment of the set in their classes.

// errFlashcardsClosed answers a student who asks for the flashcards of a
// set whose quiz they still have to take.
var errFlashcardsClosed = questions.Errorf(questions.CodeForbidden,
	"the flashcards of this set show its answers, so they open once you have handed in your attempts at its quiz (or when your teacher opens them)")

// quizProgressTx lists the learner's progress with each assignment of the
// set in their classes.
func quizProgressTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64) ([]quiz.QuizProgress, error) {
	return queryAll(ctx, tx, func(row scanner) (quiz.QuizProgress, error) {
		var p quiz.QuizProgress
		err := row.Scan(&p.MaxAttempts, &p.FlashcardsAllowed, &p.Used, &p.Finished, &p.Open)
		return p, err
	}, `SELECT g.max_attempts, g.flashcards = 1,
			(SELECT count(*) FROM attempts a WHERE a.assignment_id = g.id AND a.learner_id = m.learner_id),
			(SELECT count(*) FROM attempts a WHERE a.assignment_id = g.id AND a.learner_id = m.learner_id AND a.finished_at IS NOT NULL),
			EXISTS (SELECT 1 FROM attempts a WHERE a.assignment_id = g.id AND a.learner_id = m.learner_id AND a.finished_at IS NULL)
		FROM assignments g JOIN class_members m ON m.class_id = g.class_id
		WHERE m.learner_id = ? AND g.set_id = ?`, learnerID, setID)
}

// flashcardsOpenTx says whether the learner may study the set's
// flashcards, as far as its assignments go: errFlashcardsClosed if not.
func flashcardsOpenTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64) error {
	ps, err := quizProgressTx(ctx, tx, learnerID, setID)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if !p.FlashcardsOpen() {
			return errFlashcardsClosed
		}
	}
	return nil
}

// FlashcardsOpen reports, for each of the sets assigned to the learner's
// classes, whether the learner may study its flashcards.
func (s *Store) FlashcardsOpen(ctx context.Context, learnerID int64) (map[int64]bool, error) {
	return read(ctx, s, fmt.Sprintf("flashcards of learner %d", learnerID), func(tx *sql.Tx) (map[int64]bool, error) {
		sets, err := queryAll(ctx, tx, scanInt64, `SELECT DISTINCT g.set_id FROM assignments g
			JOIN class_members m ON m.class_id = g.class_id WHERE m.learner_id = ?`, learnerID)
		if err != nil {
			return nil, err
		}
		open := map[int64]bool{}
		for _, id := range sets {
			err := flashcardsOpenTx(ctx, tx, learnerID, id)
			if err != nil && !errors.Is(err, errFlashcardsClosed) {
				return nil, err
			}
			open[id] = err == nil
		}
		return open, nil
	})
}

// SetAssignmentFlashcards opens the flashcards of an assignment of a class
// the teacher teaches (as its owner or a co-teacher) to the class before
// they are done with the quiz, or closes them again.
func (s *Store) SetAssignmentFlashcards(ctx context.Context, teacherID, assignmentID int64, open bool) error {
	v := 0
	if open {
		v = 1
	}
	return s.changeOne(ctx, fmt.Sprintf("flashcards of assignment %d", assignmentID), `UPDATE assignments SET flashcards = ?
		WHERE id = ? AND class_id IN (SELECT class_id FROM class_teachers WHERE teacher_id = ?)`, v, assignmentID, teacherID)
}

// AssignmentFlashcards reports, for each assignment of a class the
// teacher teaches, whether its flashcards are open before the quiz is done.
func (s *Store) AssignmentFlashcards(ctx context.Context, teacherID, classID int64) (map[int64]bool, error) {
	return read(ctx, s, fmt.Sprintf("flashcards of class %d", classID), func(tx *sql.Tx) (map[int64]bool, error) {
		type row struct {
			id   int64
			open bool
		}
		rows, err := queryAll(ctx, tx, func(sc scanner) (row, error) {
			var r row
			err := sc.Scan(&r.id, &r.open)
			return r, err
		}, `SELECT g.id, g.flashcards = 1 FROM assignments g
			WHERE g.class_id = ? AND g.class_id IN (SELECT class_id FROM class_teachers WHERE teacher_id = ?)`, classID, teacherID)
		out := map[int64]bool{}
		for _, r := range rows {
			out[r.id] = r.open
		}
		return out, err
	})
}
