//go:build !sqlite_fts5

package db

// searchFTS is false: this build has no FTS5 (it was built without the
// sqlite_fts5 tag that the Makefile passes), and searches scan the
// questions' text instead. They find the same questions, more slowly.
const searchFTS = false
