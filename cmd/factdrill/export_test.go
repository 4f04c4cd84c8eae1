package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"factdrill/db"
	"factdrill/questions"
)

// TestRun_ExportCSVFormulas is issue 14's fifth defect for the command
// line: `factdrill export -format csv` wrote formulas raw. Texts that a
// spreadsheet would run are quoted and neutralised, and read back as they
// were; `factdrill scores` does the same to a display name.
func TestRun_ExportCSVFormulas(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	const hostile = "Bob;=cmd|' /C calc'!A0;x"
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	set := questions.Set{Title: "Formulas", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: hostile, Answers: []questions.Choice{{Text: "+1", Weight: 100}}},
	}}
	teacher, err := store.CreateTeacher(ctx, "Rivera", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	setID, err := store.CreateDraftSet(ctx, teacher.ID, set)
	if err == nil {
		err = store.SetPublished(ctx, teacher.ID, setID, true)
	}
	if err != nil {
		t.Fatal(err)
	}
	class, err := store.CreateClass(ctx, teacher.ID, "7B")
	if err != nil {
		t.Fatal(err)
	}
	l, err := store.CreateLearner(ctx)
	if err == nil {
		_, err = store.JoinClass(ctx, l.ID, class.JoinCode, hostile)
	}
	if err == nil {
		_, err = store.Assign(ctx, teacher.ID, class.ID, setID, db.QuizSettings{Feedback: db.FeedbackAfter})
	}
	store.Close()
	if err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	if err := run(ctx, []string{"export", "-db", path, "-set", "1", "-format", "csv"}, emptyEnv, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if want := `"Bob;'=cmd|' /C calc'!A0;x",'+1`; !strings.Contains(out.String(), want) {
		t.Errorf("export -format csv wrote %q, want it to hold %q", out.String(), want)
	}
	back, err := questions.ReadCSV("back.csv", &out)
	if err != nil || len(back.Questions) != 1 || back.Questions[0].Stem != hostile || back.Questions[0].Answers[0].Text != "+1" {
		t.Errorf("the export reads back as %+v, %v; want the texts as they were", back.Questions, err)
	}

	out.Reset()
	if err := run(ctx, []string{"scores", "-db", path}, emptyEnv, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if want := `"Bob;'=cmd|' /C calc'!A0;x",`; !strings.Contains(out.String(), want) {
		t.Errorf("scores wrote %q, want the name as %q", out.String(), want)
	}
}
