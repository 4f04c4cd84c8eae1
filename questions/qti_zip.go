package questions

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// A QTI package is a zip, and a zip from outside can be a weapon: a small
// file that expands to gigabytes (a zip bomb), names that climb out of the
// folder it is unpacked in (../../etc/passwd), thousands of entries.
// zipPackage reads one in memory, never onto disk, and refuses it whole,
// with a message, at the first sign of any of these.

// Limits of a zip package.
const (
	maxZipEntries = 5000      // files in one package
	maxZipFile    = 32 << 20  // bytes one file may expand to
	maxZipTotal   = 128 << 20 // bytes all the files read may expand to
)

// zipMagic starts every zip file (a local file header), or an empty one.
var zipMagic = [][]byte{[]byte("PK\x03\x04"), []byte("PK\x05\x06")}

// isZip reports whether data starts as a zip file does.
func isZip(data []byte) bool {
	for _, m := range zipMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	return false
}

// zipPackage is a zip read into memory lazily, within the limits.
type zipPackage struct {
	name  string // the package's file name, for messages
	files map[string]*zip.File
	order []string // names in the zip's order
	read  int64    // bytes expanded so far
}

// openZip checks a zip's directory: the number of entries, their names
// (no absolute paths, no .., no backslashes, no duplicates) and their
// declared sizes.
func openZip(name string, data []byte) (*zipPackage, error) {
	fail := func(format string, args ...any) error {
		return ErrorList{{File: name, Msg: fmt.Sprintf(format, args...)}}
	}
	if !isZip(data) {
		return nil, fail("the file is not a zip archive (it does not start with PK); expected a QTI package exported from Canvas or another LMS")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fail("the zip archive cannot be read: %v", err)
	}
	if zr == nil {
		return nil, fail("the zip archive cannot be read: %v", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fail("the zip archive holds %d files; a question package may hold at most %d", len(zr.File), maxZipEntries)
	}
	p := &zipPackage{name: name, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		if msg := unsafeZipName(f.Name); msg != "" {
			return nil, fail("the zip archive holds a file named %q, which %s; the package is refused", f.Name, msg)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue // a folder
		}
		if _, dup := p.files[f.Name]; dup {
			return nil, fail("the zip archive holds two files named %q; the package is refused", f.Name)
		}
		if f.UncompressedSize64 > maxZipFile {
			return nil, fail("%q in the zip archive expands to %d MB; files in a package may be at most %d MB", f.Name, f.UncompressedSize64>>20, maxZipFile>>20)
		}
		p.files[f.Name] = f
		p.order = append(p.order, f.Name)
	}
	return p, nil
}

// unsafeZipName says what is wrong with a name in a zip, or "".
func unsafeZipName(name string) string {
	switch {
	case name == "":
		return "is empty"
	case strings.ContainsRune(name, 0):
		return "holds a NUL byte"
	case strings.Contains(name, `\`):
		return "uses backslashes, which could name a place outside the package"
	case strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':'):
		return "is an absolute path"
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return "climbs out of the package with .."
		}
	}
	return ""
}

// readFile expands one file of the package, refusing it when it expands
// beyond limit or the package beyond maxZipTotal, whatever its header says.
func (p *zipPackage) readFile(name string, limit int64) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, fmt.Errorf("%s is not in the package", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s in the zip archive cannot be read: %v", name, err)
	}
	defer rc.Close()
	limit = min(limit, maxZipTotal-p.read)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s in the zip archive cannot be read: %v", name, err)
	}
	p.read += int64(len(data))
	if int64(len(data)) > limit {
		if p.read > maxZipTotal {
			return nil, fmt.Errorf("the files of the zip archive expand to more than %d MB; the package is refused", maxZipTotal>>20)
		}
		return nil, fmt.Errorf("%s in the zip archive expands to more than %d MB; the package is refused", name, limit>>20)
	}
	return data, nil
}

// find returns the package's name for a path, matched exactly or, as
// Windows zips and links in HTML vary, without regard to case.
func (p *zipPackage) find(name string) (string, bool) {
	name = path.Clean(strings.TrimPrefix(name, "./"))
	if _, ok := p.files[name]; ok {
		return name, true
	}
	for _, n := range p.order {
		if strings.EqualFold(n, name) {
			return n, true
		}
	}
	return "", false
}

// manifestName finds the package's imsmanifest.xml: at the top, or in the
// one folder a zip tool wrapped the package in.
func (p *zipPackage) manifestName() (string, bool) {
	best := ""
	for _, n := range p.order {
		if strings.EqualFold(path.Base(n), "imsmanifest.xml") && strings.Count(n, "/") <= 1 &&
			(best == "" || strings.Count(n, "/") < strings.Count(best, "/")) {
			best = n
		}
	}
	return best, best != ""
}

// zipHasQTI reports whether data is a zip holding an imsmanifest.xml that
// names QTI resources.
func zipHasQTI(data []byte) bool {
	p, err := openZip("", data)
	if err != nil {
		return false
	}
	m, ok := p.manifestName()
	if !ok {
		return false
	}
	manifest, err := p.readFile(m, maxZipFile)
	return err == nil && (bytes.Contains(manifest, []byte("imsqti_xmlv1p2")) || bytes.Contains(manifest, []byte("non_cc_assessments/")))
}

// zipNotQTI says why a zip is not a QTI package.
func zipNotQTI(data []byte) string {
	p, err := openZip("", data)
	if err != nil {
		var list ErrorList
		if errors.As(err, &list) {
			return list[0].Msg
		}
		return err.Error()
	}
	m, ok := p.manifestName()
	if !ok {
		return "the zip archive holds no imsmanifest.xml, so it is not a QTI package; expected a quiz exported from Canvas as QTI"
	}
	if _, err := p.readFile(m, maxZipFile); err != nil {
		return err.Error()
	}
	return "the zip archive's imsmanifest.xml names no QTI assessment (imsqti_xmlv1p2); expected a quiz exported from Canvas as QTI"
}
