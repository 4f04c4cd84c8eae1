package db

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"factdrill/internal/dbtest"
	"factdrill/questions"
	"factdrill/quiz"
)

// fillSite gives s a little of everything a site holds: teachers and their
// sessions, sets with edited questions (two versions) and an image, a
// class with an assignment, learners with attempts, answers, flashcard
// reviews, settings and a deck of their own with Anki history.
func fillSite(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	tc := mustTeacher(t, s, "Ada Teacher")
	_, err := s.CreateTeacherSession(ctx, tc.ID, 0, time.Hour, TeacherLogin{Idle: time.Hour, MaxAge: 2 * time.Hour})
	must(err)
	seed, err := s.CreateSet(ctx, testSet, "seed")
	must(err)
	own, err := s.CreateDraftSet(ctx, tc.ID, testSet)
	must(err)
	_, qs, err := s.TeacherSet(ctx, tc.ID, own)
	must(err)
	qs[0].Stem = "Capital of France? (édité, 日本)"
	_, err = s.UpdateSet(ctx, tc.ID, own, SetEdit{Title: "Capitals, 'edited'", Questions: qs, Publish: true})
	must(err)
	img, err := questions.NewMedia("dot.png", pngDot)
	must(err)
	must(s.AddQuestionImage(ctx, tc.ID, qs[1].ID, img, "a dot"))
	c, err := s.CreateClass(ctx, tc.ID, "Year 7")
	must(err)
	g, err := s.Assign(ctx, tc.ID, c.ID, own, QuizSettings{Draw: 2, Shuffle: true, MaxAttempts: 3, Feedback: FeedbackDuring})
	must(err)
	for i := range 3 {
		l, err := at(s, t0.Add(time.Duration(i)*time.Minute)).CreateLearner(ctx)
		must(err)
		_, err = s.CreateSession(ctx, l.ID, 24*time.Hour)
		must(err)
		_, err = s.JoinClass(ctx, l.ID, c.JoinCode, []string{"Zoë", "O'Brien", ""}[i])
		must(err)
		a, err := s.StartClassAttempt(ctx, l.ID, g)
		must(err)
		must(s.SaveAnswer(ctx, l.ID, a.ID, 0, quiz.Answer{Text: "Paris", Choices: []int{1}}, 1))
		if i > 0 {
			_, err = s.FinishAttempt(ctx, l.ID, a.ID)
			must(err)
		}
		b, err := s.StartAttempt(ctx, l.ID, seed)
		must(err)
		must(s.SaveAnswer(ctx, l.ID, b.ID, 2, quiz.Answer{Text: "Tokyo"}, 3))
		_, seedQs, err := s.Set(ctx, seed)
		must(err)
		_, err = at(s, t0.Add(time.Hour)).Review(ctx, ReviewInput{LearnerID: l.ID, SetID: seed, QuestionID: seedQs[1].ID,
			Rating: quiz.RatingHard, Reps: -1, Taken: 1500 * time.Millisecond})
		must(err)
		st := DefaultStudySettings()
		st.TimeZone, st.NewPerDay = "Europe/Paris", 7+i
		must(s.SaveStudySettings(ctx, l.ID, st))
		_, err = s.ImportDeck(ctx, l.ID, questions.Set{Title: "My deck", Questions: testSet.Questions[:2]},
			[]DeckReview{{Question: 0, Time: t0.Add(-48 * time.Hour), Rating: quiz.RatingGood, Taken: -1},
				{Question: 0, Time: t0.Add(-24 * time.Hour), Rating: quiz.RatingEasy, Taken: 3 * time.Second}})
		must(err)
	}
	_, err = s.SettingOrInit(ctx, "session keys", func() []byte { return []byte{0, 1, 2, 0xff} })
	must(err)
}

// pngDot is a 1x1 PNG.
var pngDot = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

// siteSums reads every table's row count and checksum.
func siteSums(t *testing.T, s *Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		tables, err := catalog(ctx, s.engine, tx)
		if err != nil {
			return err
		}
		for _, tb := range tables {
			n, sum, err := tableSum(ctx, tb, tx)
			if err != nil {
				return err
			}
			out[tb.name] = fmt.Sprintf("%d rows, %s", n, sum)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCopySite copies a site from the engine under test to a new SQLite
// file and, when PostgreSQL is there, SQLite -> PostgreSQL -> SQLite, and
// checks every table comes back the same, row for row.
func TestCopySite(t *testing.T) {
	ctx := context.Background()
	orig := openStore(t)
	fillSite(t, orig)
	want := siteSums(t, orig)
	if len(want) < 15 || want["reviews"] == "" {
		t.Fatalf("the filled site has tables %v: the test copies too little", slices.Sorted(maps.Keys(want)))
	}
	hops := []string{filepath.Join(t.TempDir(), "copy.db")}
	if os.Getenv("FACTDRILL_TEST_POSTGRES") != "" {
		hops = []string{dbtest.PostgresSchema(t), filepath.Join(t.TempDir(), "back.db")}
	}
	from := orig
	for _, source := range hops {
		to, err := Open(ctx, source)
		if err != nil {
			t.Fatal(err)
		}
		defer to.Close()
		copied, err := CopySite(ctx, from, to)
		if err != nil {
			t.Fatalf("copy %s -> %s: %v", from.engine, to.engine, err)
		}
		if len(copied) != len(want) {
			t.Errorf("copy %s -> %s copied %d tables, want %d", from.engine, to.engine, len(copied), len(want))
		}
		got := siteSums(t, to)
		for table, sum := range want {
			if got[table] != sum {
				t.Errorf("after copying %s -> %s, table %s reads %s, want %s", from.engine, to.engine, table, got[table], sum)
			}
		}
		// The copy is a site: its pages read, and new rows get new ids.
		if _, err := to.PublishedSets(ctx); err != nil {
			t.Fatal(err)
		}
		l, err := to.CreateLearner(ctx)
		if err != nil || l.ID <= 3 {
			t.Fatalf("a learner made on the %s copy = %+v, %v; want an id past those copied", to.engine, l, err)
		}
		if _, err := to.CreateSet(ctx, testSet, ""); err != nil {
			t.Fatalf("a set made on the %s copy: %v", to.engine, err)
		}
		if err := copyAgain(ctx, from, to); err == nil || !strings.Contains(err.Error(), "not empty") {
			t.Fatalf("copying into the filled %s copy = %v, want it refused as not empty", to.engine, err)
		}
		from = to
		want = siteSums(t, to)
	}
}

func copyAgain(ctx context.Context, from, to *Store) error {
	_, err := CopySite(ctx, from, to)
	return err
}

func TestCopySite_EmptyTargetOnly(t *testing.T) {
	ctx := context.Background()
	a := openStore(t)
	fillSite(t, a)
	b := openStore(t)
	if _, err := b.CreateLearner(ctx); err != nil {
		t.Fatal(err)
	}
	before := siteSums(t, b)
	if _, err := CopySite(ctx, a, b); err == nil {
		t.Fatal("a copy into a database with a learner was made, want it refused")
	}
	if after := siteSums(t, b); !maps.Equal(before, after) {
		t.Fatal("a refused copy changed the target")
	}
}
