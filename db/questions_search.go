package db

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"factdrill/questions"
	"factdrill/quiz"
)

// Searching question text. Built with the sqlite_fts5 tag (as the
// Makefile, CI and the README's commands build), the store keeps an FTS5
// index of each question's current text (question_search: its rowid is
// the question's id), kept up to date by every new version, and a search
// is an indexed MATCH: words in any order, each also as the start of a
// longer word, accents and case ignored (FTS5's unicode61 tokenizer).
// Built without the tag, and always on PostgreSQL, the same searches fall
// back to reading the questions searched and matching their text here, by
// the same rule: right, but in proportion to the questions searched (a
// set, or one teacher's bank); the store says which it does
// (Store.SearchIndexed).

// maxSearchTerms bounds the words of one search.
const maxSearchTerms = 8

// searchTerms splits a search as typed into its words: letters and digits
// only, so that nothing typed is read as FTS5's query syntax.
func searchTerms(query string) []string {
	words := strings.FieldsFunc(strings.ToLower(query), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > maxSearchTerms {
		words = words[:maxSearchTerms]
	}
	return words
}

// ftsQuery is the FTS5 query of the words: each a quoted prefix, all of
// them required.
func ftsQuery(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"*`
	}
	return strings.Join(q, " ")
}

// pageQuestions lists questions and their current versions: from is the
// FROM and WHERE of a query on questions q joined to their version v (and
// whatever else it joins, with args), pos the SQL of a question's position
// ("0" when none), order its ORDER BY. It returns the page of those that
// match the words of search, decoded, and, for a search, how many match in
// all (0 without one: the caller knows). With the index, matching is a
// MATCH in the query; without it, the questions are read and matched
// here, by the same rule (see matchesWords).
func pageQuestions(ctx context.Context, tx *sql.Tx, indexed bool, from string, args []any, pos, order, search string, page Page) ([]StoredQuestion, int, error) {
	words := searchTerms(search)
	if len(words) > 0 && indexed {
		from += " AND q.id IN (SELECT rowid FROM question_search WHERE question_search MATCH ?)"
		args = append(args, ftsQuery(words))
	}
	var total int
	if len(words) > 0 {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) "+from, args...).Scan(&total); err != nil {
			return nil, 0, err
		}
	}
	query := "SELECT q.id, " + pos + ", v.id, v.number, v.body " + from + " ORDER BY " + order
	scan := len(words) > 0 && !indexed
	if !scan {
		lim, largs := page.limit()
		query += lim
		args = append(args, largs...)
	}
	qs, err := queryAll(ctx, tx, func(row scanner) (StoredQuestion, error) {
		var q StoredQuestion
		var body string
		if err := row.Scan(&q.ID, &q.Position, &q.VersionID, &q.Version, &body); err != nil {
			return q, err
		}
		var err error
		q.Question, err = decodeQuestion(q.VersionID, body)
		return q, err
	}, query, args...)
	if err != nil || !scan {
		return qs, total, err
	}
	var found []StoredQuestion
	for _, q := range qs {
		if matchesWords(searchText(q.Question), words) {
			found = append(found, q)
		}
	}
	total = len(found)
	if page.Size >= 0 {
		page = page.clamp()
		found = found[min(page.Offset, len(found)):min(page.Offset+page.Size, len(found))]
	}
	return found, total, nil
}

// matchesWords reports whether every word starts a word of text, case
// and accents aside: FTS5's rule for the queries ftsQuery makes.
func matchesWords(text string, words []string) bool {
	have := strings.Fields(quiz.Normalize(text))
	for _, w := range words {
		w = quiz.Normalize(w)
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// SearchIndexed reports whether the store's searches use the FTS5 index
// (on SQLite, in a binary built with the sqlite_fts5 tag) rather than
// scanning. PostgreSQL always scans: the search is the same on both
// engines, word for word, and a set or a bank is small enough to read.
func (s *Store) SearchIndexed() bool { return searchFTS && s.engine == sqliteEngine }

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// searchText is what a question is found by: its title, text, options,
// accepted answers, pairs and feedback, markup left out.
func searchText(q questions.Question) string {
	parts := []string{q.Title, q.Stem, q.Feedback, q.TrueFeedback, q.FalseFeedback, q.CorrectFeedback, q.PartialFeedback, q.IncorrectFeedback}
	for _, c := range append(q.Choices, q.Answers...) {
		parts = append(parts, c.Text, c.Feedback)
	}
	for _, p := range q.Pairs {
		parts = append(parts, p.Prompt, p.Answer)
	}
	parts = append(parts, q.Tags...)
	return tagPattern.ReplaceAllString(strings.Join(parts, " \n"), " ")
}

// indexQuestionTx puts the question's text, as q, in the search index.
// The index is SQLite's: on PostgreSQL its statements are skipped (see
// sqliteOnlyStmt).
func indexQuestionTx(ctx context.Context, tx *sql.Tx, questionID int64, q questions.Question) error {
	if !searchFTS {
		return nil
	}
	if _, err := tx.ExecContext(ctx, sqliteOnlyStmt+"DELETE FROM question_search WHERE rowid = ?", questionID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, sqliteOnlyStmt+"INSERT INTO question_search (rowid, text) VALUES (?, ?)", questionID, searchText(q))
	return err
}

// openSearch makes the search index if it is not there, and brings it up
// to date with the questions there are: those deleted leave it (deleting
// a question does not touch the index), and those it lacks (made before
// it, or by a build without it) are indexed in their current version.
func (s *Store) openSearch(ctx context.Context) error {
	if !s.SearchIndexed() {
		return nil
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "CREATE VIRTUAL TABLE IF NOT EXISTS question_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM question_search WHERE rowid NOT IN (SELECT id FROM questions)"); err != nil {
			return err
		}
		type version struct {
			id, qid int64
			body    string
		}
		vs, err := queryAll(ctx, tx, func(row scanner) (version, error) {
			var v version
			return v, row.Scan(&v.id, &v.qid, &v.body)
		}, `SELECT v.id, q.id, v.body FROM questions q JOIN question_versions v ON v.id = q.version_id
			WHERE q.id NOT IN (SELECT rowid FROM question_search)`)
		if err != nil {
			return err
		}
		for _, v := range vs {
			q, err := decodeQuestion(v.id, v.body)
			if err != nil {
				return err
			}
			if err := indexQuestionTx(ctx, tx, v.qid, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: search index: %w", err)
	}
	return nil
}
