// Package ziplimit opens zip archives that come from users (Anki packages,
// Word and OpenDocument files) without trusting them: it refuses an archive
// whose entries are too many, too big, too highly compressed (zip bombs) or
// named to escape a folder (path traversal), before anything is
// decompressed, and reads each entry within its declared size.
//
// Its messages are written for the person who uploaded the file.
package ziplimit

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits bound what an archive may hold.
type Limits struct {
	// Entries is the most entries (files and folders) an archive may have.
	Entries int
	// Entry is the largest uncompressed size of any one entry, in bytes.
	Entry int64
	// Total is the largest uncompressed size of all entries together.
	Total int64
	// Ratio is the highest ratio of uncompressed to compressed size an
	// entry may have once it is bigger than RatioFloor bytes; ordinary
	// files stay far below 100, bombs go far beyond 1000.
	Ratio      int64
	RatioFloor int64
}

// Open reads the archive's directory and checks every entry against l. It
// returns the archive, or an error saying what is wrong with it.
func Open(r io.ReaderAt, size int64, l Limits) (*zip.Reader, error) {
	z, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("the file is not a valid zip archive")
		}
		return nil, fmt.Errorf("the zip archive cannot be read: %w", err)
	}
	if len(z.File) > l.Entries {
		return nil, fmt.Errorf("the archive holds %d files; at most %d are accepted", len(z.File), l.Entries)
	}
	var total int64
	seen := make(map[string]bool, len(z.File))
	for _, f := range z.File {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
		if seen[f.Name] {
			return nil, fmt.Errorf("the archive holds %q twice", f.Name)
		}
		seen[f.Name] = true
		u, c := f.UncompressedSize64, f.CompressedSize64
		if u > uint64(l.Entry) {
			return nil, fmt.Errorf("%q unpacks to %d bytes; the limit is %d", f.Name, u, l.Entry)
		}
		if int64(u) > l.RatioFloor && u/max(c, 1) > uint64(l.Ratio) {
			return nil, fmt.Errorf("%q is compressed %d to 1, far more than real files are; refused as a zip bomb", f.Name, u/max(c, 1))
		}
		if total += int64(u); total > l.Total {
			return nil, fmt.Errorf("the archive unpacks to more than %d bytes; the limit is %d", l.Total, l.Total)
		}
	}
	return z, nil
}

// checkName refuses entry names that would leave the folder an archive is
// unpacked into, or that no ordinary tool writes.
func checkName(name string) error {
	bad := name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") ||
		(len(name) >= 2 && name[1] == ':')
	for _, part := range strings.Split(name, "/") {
		bad = bad || part == ".."
	}
	if bad {
		return fmt.Errorf("the archive holds an entry named %q, which points outside it; refused", name)
	}
	return nil
}

// Find returns the entry with the given name, or nil.
func Find(z *zip.Reader, name string) *zip.File {
	for _, f := range z.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Read reads an entry whole. Open has already bounded its declared size,
// and archive/zip refuses an entry that unpacks to more than it declares.
func Read(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%q cannot be unpacked: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if err != nil {
		return nil, fmt.Errorf("%q cannot be unpacked: %w", f.Name, err)
	}
	if uint64(len(data)) > f.UncompressedSize64 {
		return nil, fmt.Errorf("%q unpacks to more than it declares; refused", f.Name)
	}
	return data, nil
}
