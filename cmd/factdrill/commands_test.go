package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"factdrill/db"
	"factdrill/questions"
)

func emptyEnv(string) string { return "" }

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRun_Generate(t *testing.T) {
	doc := writeFile(t, "workers-opposition.txt", seedDocument)
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"generate", "-format", "json", doc}, emptyEnv, nil, &out, &errOut); err != nil {
		t.Fatalf("generate -format json: %v\n%s", err, errOut.String())
	}
	var set questions.Set
	if err := json.Unmarshal(out.Bytes(), &set); err != nil {
		t.Fatalf("output is not the JSON form of a set: %v\n%s", err, out.String())
	}
	if len(set.Questions) < 15 || set.Origin != "generated from workers-opposition.txt" {
		t.Fatalf("generated %d questions with origin %q, want at least 15 from workers-opposition.txt", len(set.Questions), set.Origin)
	}
	for i, q := range set.Questions {
		if q.Source == nil || q.Source.Sentence == "" {
			t.Fatalf("question %d (%s) has no source sentence", i+1, q.Name())
		}
	}

	out.Reset()
	if err := run(context.Background(), []string{"generate", "-n", "5", doc}, emptyEnv, nil, &out, &errOut); err != nil {
		t.Fatalf("generate -n 5: %v", err)
	}
	gift, err := questions.ReadGIFT("out.gift", &out)
	if err != nil {
		t.Fatalf("the GIFT output does not read back: %v", err)
	}
	if len(gift.Questions) != 5 {
		t.Fatalf("generate -n 5 wrote %d questions", len(gift.Questions))
	}

	if err := run(context.Background(), []string{"generate", "-format", "pdf", doc}, emptyEnv, nil, io.Discard, io.Discard); err != errUsage {
		t.Fatalf("generate -format pdf = %v, want errUsage", err)
	}
}

const goodGIFT = `::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}

::Sky:: The sky is blue. {T}
`

const badGIFT = `::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}

::Broken:: This question never closes its answers {=yes ~no
`

func setCount(t *testing.T, path string) int {
	t.Helper()
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sets, err := s.PublishedSets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(sets)
}

func TestRun_Import(t *testing.T) {
	path := tempDB(t)
	good := writeFile(t, "week1.gift", goodGIFT)
	bad := writeFile(t, "week2.gift", badGIFT)

	t.Run("DryRunJSON", func(t *testing.T) {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"import", "-db", path, "-dry-run", "-format", "json", good}, emptyEnv, nil, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		var set questions.Set
		if err := json.Unmarshal(out.Bytes(), &set); err != nil || len(set.Questions) != 2 || set.Questions[1].Kind != questions.TrueFalse {
			t.Fatalf("dry run printed %s (%v), want the two questions as JSON", out.String(), err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatal("a dry run created the database")
		}
	})
	t.Run("BrokenFileImportsNothing", func(t *testing.T) {
		var errOut bytes.Buffer
		err := run(context.Background(), []string{"import", "-db", path, good, bad}, emptyEnv, nil, io.Discard, &errOut)
		if err == nil || !strings.Contains(err.Error(), "nothing was imported") {
			t.Fatalf("import with a broken file = %v, want an error saying nothing was imported", err)
		}
		if !strings.Contains(errOut.String(), bad+":3:") {
			t.Fatalf("stderr %q does not point at %s:3", errOut.String(), bad)
		}
		if _, err := os.Stat(path); err == nil && setCount(t, path) != 0 {
			t.Fatal("a failed import stored sets")
		}
	})
	t.Run("Import", func(t *testing.T) {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"import", "-db", path, "-set", "Week one", good, good}, emptyEnv, nil, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), `imported "Week one" as set 1: 4 questions`) {
			t.Fatalf("import printed %q", out.String())
		}
		if n := setCount(t, path); n != 1 {
			t.Fatalf("the database has %d sets, want 1", n)
		}
	})
	t.Run("Export", func(t *testing.T) {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"export", "-db", path, "-set", "1"}, emptyEnv, nil, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		set, err := questions.ReadGIFT("export.gift", &out)
		if err != nil || len(set.Questions) != 4 || set.Questions[0].Choices[0].Text != "Paris" {
			t.Fatalf("export read back as %+v, %v", set, err)
		}
		for _, f := range []string{"csv", "anki", "json"} {
			out.Reset()
			if err := run(context.Background(), []string{"export", "-db", path, "-set", "1", "-format", f}, emptyEnv, nil, &out, io.Discard); err != nil || out.Len() == 0 {
				t.Fatalf("export -format %s: %v, %d bytes", f, err, out.Len())
			}
		}
		if err := run(context.Background(), []string{"export", "-db", path, "-set", "99"}, emptyEnv, nil, io.Discard, io.Discard); err == nil {
			t.Fatal("export of a missing set succeeded")
		}
	})
}
