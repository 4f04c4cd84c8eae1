package db

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/quiz"
)

// TestStore_DiskFull checks that a change the disk has no room for fails
// with ErrDiskFull (a busy-server code the pages can explain, not an
// internal error), saves nothing, and works once there is room. The
// disk is made full by capping the database's pages.
func TestStore_DiskFull(t *testing.T) {
	sqliteOnly(t) // a SQLite file, its disk and its backup
	s := openStore(t)
	ctx := context.Background()
	setID, _ := s.CreateSet(ctx, testSet, "")
	l, _ := s.CreateLearner(ctx)
	a, err := s.StartAttempt(ctx, l.ID, setID)
	if err != nil {
		t.Fatal(err)
	}
	var pages int
	s.write.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.write.Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	long := quiz.Answer{Text: strings.Repeat("Tokyo is the capital. ", 4000)}
	err = s.SaveAnswer(ctx, l.ID, a.ID, 2, long, 3)
	if !errors.Is(err, ErrDiskFull) || questions.ErrorCode(err) != questions.CodeUnavailable {
		t.Fatalf("SaveAnswer on a full disk: %v, want ErrDiskFull", err)
	}
	if st, _ := s.AttemptQuestion(ctx, l.ID, a.ID, 2); st.Response.Answered {
		t.Error("the answer that did not fit is stored")
	}
	if _, err := s.write.Exec("PRAGMA max_page_count = 1000000"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnswer(ctx, l.ID, a.ID, 2, long, 3); err != nil {
		t.Fatalf("SaveAnswer once there is room: %v", err)
	}
}
