// Package formats reads and writes question files of every format
// factdrill knows, choosing the reader or the writer: the formats of
// package questions (GIFT, Aiken, CSV/TSV, Anki text, Moodle XML, Canvas
// QTI) and Anki's packages (package apkg). It is the one place that decides
// which reader reads a file and which writer writes a format, so that the
// upload page and `factdrill import`, the export links and `factdrill
// export`, take and give the same files and say the same things about
// them.
package formats

import (
	"context"
	"fmt"
	"io"

	"factdrill/questions"
	"factdrill/questions/apkg"
)

// MaxSize is the largest file Read takes: questions.MaxPackageSize, the
// limit of the formats that carry images. Text formats have their own
// smaller limit (questions.MaxFileSize), which their readers check.
const MaxSize = questions.MaxPackageSize

// Read reads the question file name, of size bytes, told by its name and
// content (apkg.IsPackage, then questions.DetectFormat). A file that
// cannot be read is refused whole with a questions.ErrorList saying why,
// each problem at its line. What a reader left out is in Set.Warnings: an
// Anki package's cards that do not map, sounds and the like, each a
// warning without a line. A package's review history is not read here: a
// teacher's set has none (see apkg.Read for a learner's deck).
func Read(ctx context.Context, name string, r io.ReaderAt, size int64) (questions.Set, error) {
	if size > MaxSize {
		return questions.Set{}, questions.ErrorList{{File: name,
			Msg: fmt.Sprintf("the file is %d MB; the limit is %d MB", size>>20, MaxSize>>20)}}
	}
	if apkg.IsPackage(name, r, size) {
		return readDeck(ctx, name, r, size)
	}
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return questions.Set{}, fmt.Errorf("formats: read %s: %w", name, err)
	}
	return questions.Read(name, data)
}

// readDeck reads an Anki package as a set of questions; the cards and
// files the package reader left out become the set's warnings.
func readDeck(ctx context.Context, name string, r io.ReaderAt, size int64) (questions.Set, error) {
	d, err := apkg.Read(ctx, name, r, size)
	if err != nil {
		return questions.Set{}, err
	}
	set := d.Set
	set.Warnings = Skipped(name, d.Skipped)
	return set, nil
}

// Skipped turns what the package reader left out into warnings of the file.
func Skipped(name string, skipped []string) questions.ErrorList {
	var warns questions.ErrorList
	for _, s := range skipped {
		warns = append(warns, questions.FileError{File: name, Msg: s})
	}
	return warns
}
