package apkg

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/klauspost/compress/zstd"

	"factdrill/questions"
	"factdrill/questions/internal/ziplimit"
)

// Limits on what the reader takes from one package. A package beyond them
// is refused whole, before its members are unpacked.
var limits = struct {
	zip        ziplimit.Limits
	collection int64 // bytes of the SQLite collection, once unpacked
	mediaList  int64 // bytes of the media list
	media      int64 // bytes of all the images read
}{
	zip: ziplimit.Limits{
		Entries:    100000,
		Entry:      1 << 30,
		Total:      4 << 30,
		Ratio:      200,
		RatioFloor: 1 << 20,
	},
	collection: 512 << 20,
	mediaList:  64 << 20,
	media:      1 << 30,
}

// Limits on the collection's rows: a set holds at most
// questions.MaxQuestions questions, and notes that give none (skipped ones)
// are bounded too.
const (
	maxNotes   = 100000
	maxCards   = 200000
	maxReviews = 2000000
)

// The package format versions of Anki's meta member.
const (
	legacy1 = 1 // collection.anki2
	legacy2 = 2 // collection.anki21
	latest  = 3 // zstd collection.anki21b, protobuf media list, zstd media
)

var (
	zipMagic    = []byte("PK\x03\x04")
	sqliteMagic = []byte("SQLite format 3\x00")
	zstdMagic   = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// userError is a problem with the file, told to the person who gave it.
type userError struct{ msg string }

func (e userError) Error() string { return e.msg }

func userErr(format string, args ...any) error { return userError{fmt.Sprintf(format, args...)} }

// Read reads an Anki package (.apkg or .colpkg) or a bare collection
// (.anki2), of any version Anki writes: schema 11 collection.anki2 and
// collection.anki21, and the zstd-compressed schema 18 collection.anki21b
// with its protobuf media list. name is used in messages and, when the
// cards are in more than one deck, for the set's title.
//
// A file that is not a package, is corrupt or breaks a limit is refused
// with a questions.ErrorList holding one message for the user, and nothing
// is returned. A package that can be read but whose notes all fail to map
// is refused the same way, with the reasons.
func Read(ctx context.Context, name string, r io.ReaderAt, size int64) (Deck, error) {
	d, err := read(ctx, name, r, size)
	if err != nil {
		var ue userError
		if errors.As(err, &ue) {
			return Deck{}, questions.ErrorList{{File: name, Msg: ue.msg}}
		}
		return Deck{}, err
	}
	return d, nil
}

func read(ctx context.Context, name string, r io.ReaderAt, size int64) (Deck, error) {
	head := make([]byte, len(sqliteMagic))
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	var (
		colData []byte
		pkg     *pkgFiles
		err     error
	)
	switch {
	case bytes.HasPrefix(head, zipMagic):
		pkg, colData, err = openPackage(r, size)
		if err != nil {
			return Deck{}, err
		}
	case bytes.Equal(head, sqliteMagic):
		if size > limits.collection {
			return Deck{}, userErr("the collection is %d bytes; the limit is %d", size, limits.collection)
		}
		colData = make([]byte, size)
		if _, err := r.ReadAt(colData, 0); err != nil && !errors.Is(err, io.EOF) {
			return Deck{}, fmt.Errorf("apkg: read %s: %w", name, err)
		}
		pkg = &pkgFiles{}
	case size == 0:
		return Deck{}, userErr("the file is empty; expected an Anki package (.apkg)")
	default:
		return Deck{}, userErr("the file is not an Anki package: an .apkg is a zip archive, and this file starts with %q", head)
	}

	file, cleanup, err := writeTemp(colData)
	if err != nil {
		return Deck{}, err
	}
	defer cleanup()
	col, err := readCollection(ctx, file)
	if err != nil {
		return Deck{}, err
	}
	return convert(name, col, pkg)
}

// pkgFiles is the package's media: what each file is called and where the
// archive keeps it.
type pkgFiles struct {
	zip     *zip.Reader
	byName  map[string]string // file name in notes -> archive member
	version int
	read    int64 // bytes of media read so far
}

// openPackage checks the archive, picks its collection and reads its media
// list.
func openPackage(r io.ReaderAt, size int64) (*pkgFiles, []byte, error) {
	z, err := ziplimit.Open(r, size, limits.zip)
	if err != nil {
		return nil, nil, userErr("%s", err)
	}
	p := &pkgFiles{zip: z, byName: map[string]string{}, version: legacy1}
	if f := ziplimit.Find(z, "meta"); f != nil {
		data, err := ziplimit.Read(f)
		if err != nil {
			return nil, nil, userErr("%s", err)
		}
		fields, err := protoFields(data)
		if err != nil {
			return nil, nil, userErr("the package's meta member is malformed")
		}
		for _, f := range fields {
			if f.num == 1 && f.wire == 0 {
				p.version = int(f.varint)
			}
		}
	} else if ziplimit.Find(z, "collection.anki21") != nil {
		p.version = legacy2
	}
	if p.version < legacy1 || p.version > latest {
		return nil, nil, userErr("the package is of version %d, newer than any Anki factdrill knows", p.version)
	}

	var col []byte
	switch f21b, f21, f2 := ziplimit.Find(z, "collection.anki21b"), ziplimit.Find(z, "collection.anki21"), ziplimit.Find(z, "collection.anki2"); {
	case f21b != nil:
		data, err := ziplimit.Read(f21b)
		if err != nil {
			return nil, nil, userErr("%s", err)
		}
		if col, err = unzstd(data, limits.collection); err != nil {
			return nil, nil, userErr("the package's collection.anki21b cannot be decompressed: %v", err)
		}
	case p.version == latest:
		return nil, nil, userErr("the package says it is of Anki's latest format but has no collection.anki21b")
	case f21 != nil:
		col, err = ziplimit.Read(f21)
	case f2 != nil:
		col, err = ziplimit.Read(f2)
	default:
		return nil, nil, userErr("the archive holds no Anki collection (collection.anki2, .anki21 or .anki21b); it is not an Anki package")
	}
	if err != nil {
		return nil, nil, userErr("%s", err)
	}
	if int64(len(col)) > limits.collection {
		return nil, nil, userErr("the collection unpacks to %d bytes; the limit is %d", len(col), limits.collection)
	}
	if err := p.readMediaList(); err != nil {
		return nil, nil, err
	}
	return p, col, nil
}

// readMediaList reads the media member: JSON {"0": "name.jpg"} in legacy
// packages, zstd-compressed MediaEntries in the latest ones.
func (p *pkgFiles) readMediaList() error {
	f := ziplimit.Find(p.zip, "media")
	if f == nil {
		return nil
	}
	if f.UncompressedSize64 > uint64(limits.mediaList) {
		return userErr("the package's media list is %d bytes; the limit is %d", f.UncompressedSize64, limits.mediaList)
	}
	data, err := ziplimit.Read(f)
	if err != nil {
		return userErr("%s", err)
	}
	if !bytes.HasPrefix(data, zstdMagic) {
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			return userErr("the package's media list is not valid JSON: %v", err)
		}
		for member, name := range m {
			p.byName[name] = member
		}
		return nil
	}
	data, err = unzstd(data, limits.mediaList)
	if err != nil {
		return userErr("the package's media list cannot be decompressed: %v", err)
	}
	entries, err := protoFields(data)
	if err != nil {
		return userErr("the package's media list is malformed")
	}
	for i, e := range entries {
		if e.num != 1 || e.wire != 2 {
			continue
		}
		fields, err := protoFields(e.bytes)
		if err != nil {
			return userErr("the package's media list is malformed")
		}
		name, member := "", strconv.Itoa(i)
		for _, f := range fields {
			switch {
			case f.num == 1 && f.wire == 2:
				name = string(f.bytes)
			case f.num == 255 && f.wire == 0:
				member = strconv.FormatUint(f.varint, 10)
			}
		}
		if name != "" {
			p.byName[name] = member
		}
	}
	return nil
}

// file returns the content of a media file by the name notes use, or why
// it cannot.
func (p *pkgFiles) file(name string) ([]byte, error) {
	member, ok := p.byName[name]
	if !ok || p.zip == nil {
		return nil, errors.New("it is not in the package")
	}
	f := ziplimit.Find(p.zip, member)
	if f == nil {
		return nil, errors.New("the package lists it but does not hold it")
	}
	if p.read += int64(f.UncompressedSize64); p.read > limits.media {
		return nil, fmt.Errorf("the package's images add up to more than %d bytes", limits.media)
	}
	if f.UncompressedSize64 > 4*questions.MaxMediaBytes {
		return nil, fmt.Errorf("it is %d bytes; images may be at most %d MB", f.UncompressedSize64, questions.MaxMediaBytes>>20)
	}
	data, err := ziplimit.Read(f)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, zstdMagic) {
		return unzstd(data, questions.MaxMediaBytes+1)
	}
	return data, nil
}

// unzstd decompresses a zstd stream of at most limit bytes.
func unzstd(data []byte, limit int64) ([]byte, error) {
	window := uint64(min(limit, 1<<27))
	window = max(window, zstd.MinWindowSize)
	dec, err := zstd.NewReader(bytes.NewReader(data),
		zstd.WithDecoderConcurrency(1),
		zstd.WithDecoderLowmem(true),
		zstd.WithDecoderMaxMemory(uint64(limit)+1),
		zstd.WithDecoderMaxWindow(window))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	out, err := io.ReadAll(io.LimitReader(dec, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("it unpacks to more than %d bytes", limit)
	}
	return out, nil
}
