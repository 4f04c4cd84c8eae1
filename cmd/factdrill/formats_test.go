package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"factdrill/questions/formats"
)

// TestRun_GenerateDocuments generates from a PDF, a Word and an
// OpenDocument file, and refuses a scanned PDF with the reason.
func TestRun_GenerateDocuments(t *testing.T) {
	for _, name := range []string{"chapter.pdf", "chapter.docx", "chapter.odt"} {
		var out, errOut bytes.Buffer
		doc := "../../questions/document/testdata/" + name
		if err := run(context.Background(), []string{"generate", "-n", "5", doc}, emptyEnv, nil, &out, &errOut); err != nil {
			t.Fatalf("generate %s: %v\n%s", name, err, errOut.String())
		}
		set, err := formats.Read(context.Background(), "out.gift", bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil || len(set.Questions) == 0 {
			t.Errorf("generate %s wrote %d questions (%v)", name, len(set.Questions), err)
		}
		if !strings.Contains(errOut.String(), doc+": ") || !strings.Contains(errOut.String(), "left out") {
			t.Errorf("generate %s said %q on stderr, want what reading it left out", name, errOut.String())
		}
	}
	err := run(context.Background(), []string{"generate", "../../questions/document/testdata/scanned.pdf"}, emptyEnv, nil, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "text recognition (OCR)") {
		t.Errorf("generate from a scanned PDF = %v, want the reader's message", err)
	}
}

// TestRun_ImportExportFormats imports a Moodle XML bank with images and an
// Anki deck, printing what their readers left out, and exports the bank
// in every format, images included, saying what a format leaves out.
func TestRun_ImportExportFormats(t *testing.T) {
	path := tempDB(t)
	bank := "../../questions/testdata/moodle-xml/format-xml/multichoice.xml"
	deck := "../../questions/apkg/testdata/eikowagenknecht-srs-converter/mixed-legacy-2.apkg"
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"import", "-db", path, bank, deck}, emptyEnv, nil, &out, &errOut); err != nil {
		t.Fatalf("import: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "as set 1") || !strings.Contains(out.String(), "as set 2: 11 questions") {
		t.Errorf("import printed %q", out.String())
	}
	if !strings.Contains(errOut.String(), bank+":") || !strings.Contains(errOut.String(), ": warning: ") || !strings.Contains(errOut.String(), deck+": warning: ") {
		t.Errorf("import printed warnings %q, want the bank's at their lines and the deck's", errOut.String())
	}
	want, err := formats.Read(context.Background(), "bank.xml", bytes.NewReader(readTestFile(t, bank)), int64(len(readTestFile(t, bank))))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range formats.Formats {
		out.Reset()
		errOut.Reset()
		if err := run(context.Background(), []string{"export", "-db", path, "-set", "1", "-format", f.Name}, emptyEnv, nil, &out, &errOut); err != nil {
			t.Errorf("export -format %s: %v", f.Name, err)
			continue
		}
		if f.Name == "json" {
			continue
		}
		back, err := formats.Read(context.Background(), "back."+f.Ext, bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil {
			t.Errorf("export -format %s does not read back: %v", f.Name, err)
			continue
		}
		if f.Media && !f.Cards && len(back.Media) != len(want.Media) {
			t.Errorf("export -format %s carries %d images, want %d", f.Name, len(back.Media), len(want.Media))
		}
	}
	// The deck's set has an essay-free mix; a set with an essay says what
	// CSV leaves out.
	essay := writeFile(t, "essay.gift", "::Q:: Capital of France? {=Paris ~Lyon}\n\n::E:: Describe Paris. {}\n")
	if err := run(context.Background(), []string{"import", "-db", path, essay}, emptyEnv, nil, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	errOut.Reset()
	if err := run(context.Background(), []string{"export", "-db", path, "-set", "3", "-format", "csv"}, emptyEnv, nil, io.Discard, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "question 2 (essay) “E”: an essay has no answer to learn") {
		t.Errorf("export -format csv said %q on stderr, want the essay left out", errOut.String())
	}
	if err := run(context.Background(), []string{"export", "-db", path, "-set", "1", "-format", "docx"}, emptyEnv, nil, io.Discard, io.Discard); err != errUsage {
		t.Errorf("export -format docx = %v, want errUsage", err)
	}
}

func readTestFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
