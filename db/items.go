package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"factdrill/quiz"
)

// ItemAnswers returns what item analysis (quiz.AnalyzeItems) reads of a
// set the teacher may see the attempts at (their own, or a published set
// of no teacher's): the set, its questions, and one row for each finished
// attempt at it in the teacher's classes, oldest first, holding the
// attempt's answers to questions still in the set, each with the index of
// its question in the list returned. A set the teacher may not see gives
// questions.ErrNotFound.
//
// It reads the answers and their marks, never the versions of the
// questions the attempts asked: with 10,000 attempts of 50 questions,
// decoding a question for each answer (as SetAttempts does) took seconds
// and hundreds of megabytes.
func (s *Store) ItemAnswers(ctx context.Context, teacherID, setID int64) (SetInfo, []StoredQuestion, [][]quiz.ItemAnswer, error) {
	var (
		info SetInfo
		qs   []StoredQuestion
		out  [][]quiz.ItemAnswer
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if info, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ? AND (s.owner_id = ? OR s.owner_id IS NULL AND s.learner_id IS NULL)", setID, teacherID)); err != nil {
			return err
		}
		if qs, err = setQuestions(ctx, tx, setID); err != nil {
			return err
		}
		index := make(map[int64]int, len(qs))
		for i, q := range qs {
			index[q.ID] = i
		}
		rows, err := tx.QueryContext(ctx, `SELECT a.id, aq.question_id, r.answer, r.fraction, r.manual_fraction
			FROM attempts a JOIN assignments g ON g.id = a.assignment_id JOIN classes c ON c.id = g.class_id
			JOIN attempt_questions aq ON aq.attempt_id = a.id
			LEFT JOIN responses r ON r.attempt_id = aq.attempt_id AND r.position = aq.position
			WHERE a.set_id = ? AND `+teaches+` AND a.finished_at IS NOT NULL
			ORDER BY a.id, aq.position`, setID, teacherID)
		if err != nil {
			return err
		}
		defer rows.Close()
		last := int64(0)
		for rows.Next() {
			var (
				attemptID, questionID int64
				answer                sql.NullString
				fraction, manual      sql.NullFloat64
			)
			if err := rows.Scan(&attemptID, &questionID, &answer, &fraction, &manual); err != nil {
				return err
			}
			if attemptID != last {
				out = append(out, nil)
				last = attemptID
			}
			i, ok := index[questionID]
			if !ok {
				continue // taken out of the set since
			}
			a := quiz.ItemAnswer{Question: i}
			if answer.Valid {
				a.Answered, a.Fraction = true, fraction.Float64
				if manual.Valid {
					// A teacher's mark stands for the automatic one
					// (quiz.Effective).
					a.Fraction = max(-1, min(1, manual.Float64))
				}
				if err := json.Unmarshal([]byte(answer.String), &a.Answer); err != nil {
					return fmt.Errorf("answer in attempt %d to question %d: %w", attemptID, questionID, err)
				}
			}
			out[len(out)-1] = append(out[len(out)-1], a)
		}
		return rows.Err()
	})
	if err != nil {
		return SetInfo{}, nil, nil, fmt.Errorf("db: item answers of set %d: %w", setID, err)
	}
	return info, qs, out, nil
}
