package apkg

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
)

// IsPackage reports whether a file is one Read takes, by its name (.apkg,
// .colpkg, .anki2, .anki21) or, whatever its name, by its content: a zip
// archive holding an Anki collection, or a bare SQLite file. It reads only
// the first bytes and a zip's directory, so that callers can route a file
// before reading it whole.
func IsPackage(name string, r io.ReaderAt, size int64) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".apkg", ".colpkg", ".anki2", ".anki21":
		return true
	}
	head := make([]byte, len(sqliteMagic))
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.Equal(head, sqliteMagic):
		return true
	case !bytes.HasPrefix(head, zipMagic):
		return false
	}
	z, err := zip.NewReader(r, size)
	if err != nil {
		return false
	}
	for _, f := range z.File {
		switch f.Name {
		case "collection.anki2", "collection.anki21", "collection.anki21b":
			return true
		}
	}
	return false
}
