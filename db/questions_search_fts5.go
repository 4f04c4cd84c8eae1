//go:build sqlite_fts5

package db

// searchFTS is true: this build has SQLite's FTS5 (the sqlite_fts5 tag),
// and searches use the question_search index.
const searchFTS = true
