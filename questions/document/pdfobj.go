package document

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// A focused PDF reader: enough of the file structure (objects, object
// streams, the page tree, stream filters) to reach each page's content and
// fonts. It does not trust the cross-reference table, which is often
// broken: it finds objects by scanning the file for "N G obj", later
// definitions winning as incremental updates intend, and then indexes the
// objects of object streams. Every limit below is there because a crafted
// file would otherwise cost unbounded time or memory.

const (
	maxStream     = 32 << 20  // bytes of one decoded stream
	maxDecoded    = 256 << 20 // bytes of all decoded streams of a file
	maxDepth      = 64        // nesting of arrays, dictionaries and references
	maxObjects    = 1 << 20   // objects in a file
	maxPages      = 5000
	maxFormDepth  = 8 // forms drawn inside forms
	maxGlyphsPage = 1 << 20
)

var errLimit = errors.New("the PDF is too complex to read safely")

// pdf values: nil, bool, float64 (every number), name, string (as bytes),
// []any, dict, ref, *stream.
type (
	name string
	dict map[name]any
	ref  struct{ num, gen int }
)

type stream struct {
	d    dict
	data []byte // raw, still encoded
}

type pdfFile struct {
	data    []byte
	offsets map[int]int    // object number -> offset of "N G obj"
	inStm   map[int][2]int // object number -> object stream number, index
	cache   map[int]any    // resolved objects
	stms    map[int][]int  // object stream -> offsets of its objects in decoded data
	stmData map[int][]byte // decoded object streams
	busy    map[int]bool   // objects being resolved, against cycles
	decoded int            // bytes decoded so far
	fonts   map[ref]*font  // fonts loaded, by their object
}

// objHeader reads "N G obj" backwards from the "obj" at i, returning N and
// where the header starts.
func objHeader(data []byte, i int) (num, start int, ok bool) {
	if i+3 < len(data) && !isSpace(data[i+3]) && !isDelim(data[i+3]) {
		return 0, 0, false // "objects", "endobj" is caught below
	}
	j := i
	digits := func() (int, bool) {
		k := j
		for k > 0 && isSpace(data[k-1]) {
			k--
		}
		end := k
		for k > 0 && data[k-1] >= '0' && data[k-1] <= '9' && end-k < 10 {
			k--
		}
		if k == end || end == j {
			return 0, false
		}
		n, err := strconv.Atoi(string(data[k:end]))
		j = k
		return n, err == nil
	}
	if _, ok := digits(); !ok {
		return 0, 0, false
	}
	n, ok := digits()
	if !ok || j > 0 && !isSpace(data[j-1]) && !isDelim(data[j-1]) {
		return 0, 0, false
	}
	return n, j, true
}

func openPDF(data []byte) (*pdfFile, error) {
	f := &pdfFile{data: data, offsets: map[int]int{}, inStm: map[int][2]int{}, cache: map[int]any{},
		stms: map[int][]int{}, stmData: map[int][]byte{}, busy: map[int]bool{}, fonts: map[ref]*font{}}
	for off := 0; len(f.offsets) <= maxObjects; {
		i := bytes.Index(data[off:], []byte("obj"))
		if i < 0 {
			break
		}
		at := off + i
		off = at + 3
		if num, start, ok := objHeader(data, at); ok {
			f.offsets[num] = start
		}
	}
	if len(f.offsets) > maxObjects {
		return nil, errLimit
	}
	if len(f.offsets) == 0 {
		return nil, errors.New("the file holds no PDF objects; it is damaged")
	}
	// Index the objects kept inside object streams.
	for num := range f.offsets {
		s, ok := f.object(num).(*stream)
		if !ok || s.d["Type"] != name("ObjStm") {
			continue
		}
		n, _ := s.d["N"].(float64)
		if n <= 0 || n > maxObjects {
			continue
		}
		raw, err := f.decode(s)
		if err != nil {
			continue
		}
		lx := &lexer{data: raw}
		first, _ := s.d["First"].(float64)
		var offs []int
		for i := 0; i < int(n); i++ {
			on, ok1 := lx.next().(float64)
			off, ok2 := lx.next().(float64)
			if !ok1 || !ok2 {
				break
			}
			if _, direct := f.offsets[int(on)]; !direct {
				f.inStm[int(on)] = [2]int{num, i}
			}
			offs = append(offs, int(first)+int(off))
		}
		f.stms[num] = offs
		f.stmData[num] = raw
	}
	return f, nil
}

// object returns object num, resolved from the file, or nil.
func (f *pdfFile) object(num int) any {
	if v, ok := f.cache[num]; ok {
		return v
	}
	if f.busy[num] {
		return nil // a reference cycle
	}
	f.busy[num] = true
	defer delete(f.busy, num)
	var v any
	if off, ok := f.offsets[num]; ok {
		lx := &lexer{data: f.data, pos: off}
		lx.next() // number
		lx.next() // generation
		lx.next() // obj
		v = lx.value(0)
		if d, ok := v.(dict); ok {
			if s := lx.streamAfter(d, f); s != nil {
				v = s
			}
		}
	} else if at, ok := f.inStm[num]; ok {
		if offs := f.stms[at[0]]; at[1] < len(offs) {
			raw := f.stmData[at[0]]
			if o := offs[at[1]]; o >= 0 && o < len(raw) {
				v = (&lexer{data: raw, pos: o}).value(0)
			}
		}
	}
	f.cache[num] = v
	return v
}

// resolve follows references.
func (f *pdfFile) resolve(v any) any {
	for i := 0; i < maxDepth; i++ {
		r, ok := v.(ref)
		if !ok {
			return v
		}
		v = f.object(r.num)
	}
	return nil
}

func (f *pdfFile) dict(v any) dict {
	switch x := f.resolve(v).(type) {
	case dict:
		return x
	case *stream:
		return x.d
	}
	return nil
}

func (f *pdfFile) num(v any) float64 {
	n, _ := f.resolve(v).(float64)
	return n
}

func (f *pdfFile) array(v any) []any {
	a, _ := f.resolve(v).([]any)
	return a
}

// decode applies a stream's filters within the file's budgets.
func (f *pdfFile) decode(s *stream) ([]byte, error) {
	data := s.data
	var filters []any
	switch x := f.resolve(s.d["Filter"]).(type) {
	case name:
		filters = []any{x}
	case []any:
		filters = x
	}
	for _, fl := range filters {
		var err error
		switch f.resolve(fl) {
		case name("FlateDecode"), name("Fl"):
			data, err = inflate(data, maxStream)
		case name("ASCIIHexDecode"), name("AHx"):
			data, err = asciiHex(data)
		case name("ASCII85Decode"), name("A85"):
			data, err = ascii85(data)
		default:
			return nil, fmt.Errorf("unsupported filter %v", fl)
		}
		if err != nil {
			return nil, err
		}
	}
	if f.decoded += len(data); f.decoded > maxDecoded {
		return nil, errLimit
	}
	return data, nil
}

// inflate decompresses zlib data (or raw deflate, which some writers
// produce), refusing more than limit bytes. A stream cut short keeps what
// came out of it, as viewers do.
func inflate(data []byte, limit int64) ([]byte, error) {
	var r io.Reader
	if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(data))
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(out)) > limit {
		return nil, errLimit
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil
}

func asciiHex(data []byte) ([]byte, error) {
	var clean []byte
	for _, c := range data {
		if c == '>' {
			break
		}
		if !isSpace(c) {
			clean = append(clean, c)
		}
	}
	if len(clean)%2 == 1 {
		clean = append(clean, '0')
	}
	return hex.DecodeString(string(clean))
}

func ascii85(data []byte) ([]byte, error) {
	var out []byte
	var group [5]byte
	n := 0
	flush := func(k int) {
		var v uint32
		for i := 0; i < 5; i++ {
			c := byte('u')
			if i < k {
				c = group[i]
			}
			v = v*85 + uint32(c-'!')
		}
		b := []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		out = append(out, b[:k-1]...)
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '~':
			if n > 0 {
				flush(n)
			}
			return out, nil
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
		case c >= '!' && c <= 'u':
			group[n] = c
			if n++; n == 5 {
				flush(5)
				n = 0
			}
		case isSpace(c):
		default:
			return nil, errors.New("bad ASCII85 data")
		}
	}
	if n > 0 {
		flush(n)
	}
	return out, nil
}

// lexer reads PDF tokens and values.
type lexer struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

// keyword is a bare word: an operator, obj, R, true, null …
type keyword string

// token returns the next token: a number, name, string, keyword or one of
// the delimiters "[", "]", "<<", ">>"; nil at the end.
func (l *lexer) token() any {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(l.data) {
		return nil
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
			l.pos++
		}
		return name(unescapeName(l.data[start:l.pos]))
	case c == '(':
		return l.literal()
	case c == '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return keyword("<<")
		}
		l.pos++
		start := l.pos
		for l.pos < len(l.data) && l.data[l.pos] != '>' {
			l.pos++
		}
		b, _ := asciiHex(l.data[start:l.pos])
		l.pos++
		return b
	case c == '>':
		l.pos++
		if l.pos < len(l.data) && l.data[l.pos] == '>' {
			l.pos++
		}
		return keyword(">>")
	case c == '[' || c == ']' || c == '{' || c == '}':
		l.pos++
		return keyword(string(c))
	case c == ')':
		l.pos++
		return l.token()
	}
	start := l.pos
	for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	w := string(l.data[start:l.pos])
	if n, err := strconv.ParseFloat(w, 64); err == nil {
		return n
	}
	if w == "" {
		l.pos++
		return keyword(string(c))
	}
	return keyword(w)
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// literal reads a (string) with its escapes and balanced parentheses.
func (l *lexer) literal() []byte {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.data) {
				return out
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						v = v*8 + int(l.data[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// value reads one value; references "N G R" become ref.
func (l *lexer) value(depth int) any {
	if depth > maxDepth {
		l.token() // skip, so that the callers' loops move on
		return nil
	}
	t := l.token()
	switch t := t.(type) {
	case keyword:
		switch t {
		case "[":
			var a []any
			for {
				save := l.pos
				if k, ok := l.token().(keyword); ok && k == "]" || l.pos >= len(l.data) {
					return a
				}
				l.pos = save
				a = append(a, l.value(depth+1))
			}
		case "<<":
			d := dict{}
			for {
				k := l.token()
				if k == nil {
					return d
				}
				if kw, ok := k.(keyword); ok && kw == ">>" {
					return d
				}
				key, ok := k.(name)
				if !ok {
					continue
				}
				d[key] = l.value(depth + 1)
			}
		case "true":
			return true
		case "false":
			return false
		}
		return nil
	case float64:
		// Look ahead for "G R".
		save := l.pos
		if g, ok := l.token().(float64); ok {
			if k, ok := l.token().(keyword); ok && k == "R" && t == float64(int(t)) && t >= 0 {
				return ref{int(t), int(g)}
			}
		}
		l.pos = save
		return t
	}
	return t
}

// next reads a value, for streams of plain values.
func (l *lexer) next() any { return l.value(0) }

// streamAfter reads the stream data following a stream dictionary.
func (l *lexer) streamAfter(d dict, f *pdfFile) *stream {
	save := l.pos
	if k, ok := l.token().(keyword); !ok || k != "stream" {
		l.pos = save
		return nil
	}
	if l.pos < len(l.data) && l.data[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(l.data) && l.data[l.pos] == '\n' {
		l.pos++
	}
	start := l.pos
	length := -1
	if n, ok := d["Length"].(float64); ok {
		length = int(n)
	} else if r, ok := d["Length"].(ref); ok && !f.busy[r.num] {
		if n, ok := f.resolve(r).(float64); ok {
			length = int(n)
		}
	}
	end := start + length
	if length < 0 || end > len(l.data) || !bytes.HasPrefix(bytes.TrimLeft(l.data[end:min(end+20, len(l.data))], " \r\n"), []byte("endstream")) {
		// A wrong length: find the end marker instead.
		i := bytes.Index(l.data[start:], []byte("endstream"))
		if i < 0 {
			return &stream{d: d, data: l.data[start:]}
		}
		end = start + i
	}
	return &stream{d: d, data: l.data[start:end]}
}
