package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"factdrill/db"
)

func TestRun_QuestionsFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("week1.gift", "::A:: Rome is the capital of Italy. {T}\n\n::B:: How much is 2 and 2? {#4}\n")
	write("broken.gift", "::A:: Rome is the capital of Italy. {T}\n\n::B:: What is missing? {=answer\n")
	write("notes.md", "not a question file")
	os.Mkdir(filepath.Join(dir, "unit2"), 0o755)
	write("unit2/capitals.csv", "question,answer\nCapital of France?,Paris\nCapital of Peru?,Lima\n")

	path := tempDB(t)
	ctx := context.Background()
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var stdout, stderr bytes.Buffer
	if err := importFolder(ctx, store, dir, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "2 imported, 0 updated, 0 unchanged, 1 not imported") {
		t.Errorf("first import said %q", stdout.String())
	}
	if !regexp.MustCompile(`broken\.gift:\d+(:\d+)?: `).MatchString(stderr.String()) {
		t.Errorf("the broken file's report = %q, want FILE:LINE problems", stderr.String())
	}
	sets, _ := store.PublishedSets(ctx)
	if len(sets) != 2 {
		t.Fatalf("after the import there are %d public sets, want 2: %+v", len(sets), sets)
	}

	// A second start skips what did not change; a changed file updates its set.
	write("week1.gift", "::A:: Rome is the capital of Italy. {T}\n\n::B:: How much is 2 and 2? {#4}\n\n::C:: Paris is in France. {T}\n")
	stdout.Reset()
	stderr.Reset()
	if err := importFolder(ctx, store, dir, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "0 imported, 1 updated, 1 unchanged, 1 not imported") {
		t.Errorf("second import said %q", stdout.String())
	}
	sets, _ = store.PublishedSets(ctx)
	if len(sets) != 2 || sets[0].Questions+sets[1].Questions != 5 {
		t.Errorf("after the update: %+v, want 2 sets with 3 and 2 questions", sets)
	}
	if err := importFolder(ctx, store, filepath.Join(dir, "nope"), io.Discard, io.Discard); err == nil {
		t.Error("importing a missing folder succeeded")
	}
}

// TestRun_ServeQuestionsFolder starts serve with -questions: the folder is
// imported before the site answers, and the sets are on the home page.
func TestRun_ServeQuestionsFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "week1.gift"), []byte("::A:: Rome is the capital of Italy. {T}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, out := startServerArgs(t, tempDB(t), "-questions", dir)
	out.wait(t, regexp.MustCompile(`questions folder .*: 1 imported, 0 updated, 0 unchanged, 0 not imported`))
	if code, body := get(t, s.URL+"/"); code != 200 || !strings.Contains(body, "week1") || !strings.Contains(body, "imported from week1.gift") {
		t.Fatalf("GET / = %d, want the imported set listed\n%s", code, body)
	}
}
