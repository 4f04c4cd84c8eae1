package document

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
)

// The content stream interpreter: it follows the text and graphics state
// far enough to know where each character is drawn, and nothing else.

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// char is one character drawn on a page, in page space.
type char struct {
	text       string
	x, y, w    float64 // baseline start, advance
	size       float64 // the size it appears at
	seq        int     // drawing order
	spaceAfter bool    // a large kerning gap or a space follows
}

type gstate struct {
	ctm                                     matrix
	font                                    *font
	size, charSp, wordSp, scale, lead, rise float64
}

type page struct {
	chars  []char
	images int
	width  float64
	height float64
}

type interp struct {
	f     *pdfFile
	p     *page
	depth int
}

// pages walks the page tree and reads each page's characters.
func (f *pdfFile) pages() ([]*page, error) {
	root := f.rootRef()
	cat := f.dict(root)
	if cat == nil {
		return nil, fmt.Errorf("the PDF has no document catalog; it is damaged")
	}
	var out []*page
	seen := map[any]bool{}
	var walk func(v any, res any, box []any, depth int) error
	walk = func(v any, res any, box []any, depth int) error {
		if depth > maxDepth || len(out) >= maxPages {
			return errLimit
		}
		if r, ok := v.(ref); ok {
			if seen[r] {
				return nil
			}
			seen[r] = true
		}
		d := f.dict(v)
		if d == nil {
			return nil
		}
		if r := d["Resources"]; r != nil {
			res = r
		}
		if b := f.array(d["MediaBox"]); len(b) == 4 {
			box = b
		}
		if kids := f.array(d["Kids"]); kids != nil && f.resolve(d["Type"]) != name("Page") {
			for _, k := range kids {
				if err := walk(k, res, box, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		p := &page{width: 612, height: 792}
		if len(box) == 4 {
			p.width = math.Abs(f.num(box[2]) - f.num(box[0]))
			p.height = math.Abs(f.num(box[3]) - f.num(box[1]))
		}
		var content []byte
		contents := f.resolve(d["Contents"])
		parts := []any{contents}
		if a, ok := contents.([]any); ok {
			parts = a
		}
		for _, c := range parts {
			if s, ok := f.resolve(c).(*stream); ok {
				data, err := f.decode(s)
				if errors.Is(err, errLimit) {
					return err
				}
				content = append(content, data...)
				content = append(content, '\n')
			}
		}
		in := &interp{f: f, p: p}
		if err := in.run(content, f.dict(res), identity); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	}
	if err := walk(cat["Pages"], nil, nil, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// rootRef finds the document catalog: the /Root of the last trailer or
// cross-reference stream, else an object of /Type /Catalog.
func (f *pdfFile) rootRef() any {
	if r := f.trailerRef("/Root"); r != nil {
		return r
	}
	for num := range f.offsets {
		if d := f.dict(ref{num, 0}); d != nil && d["Type"] == name("Catalog") {
			return ref{num, 0}
		}
	}
	return nil
}

// trailerRef returns the reference or dictionary that follows the last
// occurrence of key, as in a trailer or a cross-reference stream's
// dictionary (which the last update of a file writes last), or nil.
func (f *pdfFile) trailerRef(key string) any {
	data := f.data
	for n := 0; n < 64; n++ {
		i := bytes.LastIndex(data, []byte(key))
		if i < 0 {
			return nil
		}
		lx := &lexer{data: f.data, pos: i + len(key)}
		switch v := lx.value(0).(type) {
		case ref, dict:
			return v
		}
		data = data[:i]
	}
	return nil
}

// run interprets a content stream.
func (in *interp) run(content []byte, res dict, ctm matrix) error {
	f := in.f
	gs := gstate{ctm: ctm, scale: 1, font: &font{dw: 500, encoding: winAnsi}}
	var stack []gstate
	var tm, tlm matrix
	var ops []any
	lx := &lexer{data: content}
	fontOf := func(key name) *font {
		v := f.dict(res["Font"])[key]
		r, isRef := v.(ref)
		if fn, ok := f.fonts[r]; ok && isRef {
			return fn
		}
		fn := f.loadFont(v)
		if isRef {
			f.fonts[r] = fn
		}
		return fn
	}
	num := func(i int) float64 {
		if i < len(ops) {
			n, _ := ops[i].(float64)
			return n
		}
		return 0
	}
	show := func(s []byte) {
		for _, g := range gs.font.glyphs(s) {
			trm := matrix{gs.size * gs.scale, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm)
			adv := g.width / 1000 * gs.size
			tx := (adv + gs.charSp) * gs.scale
			if g.space {
				tx += gs.wordSp * gs.scale
			}
			size := math.Hypot(trm[2], trm[3])
			wdev := adv * gs.scale * math.Hypot(tm.mul(gs.ctm)[0], tm.mul(gs.ctm)[1])
			if len(in.p.chars) < maxGlyphsPage {
				in.p.chars = append(in.p.chars, char{text: g.text, x: trm[4], y: trm[5], w: wdev, size: size, seq: len(in.p.chars)})
			}
			tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
		}
	}
	for n := 0; ; n++ {
		if n > 1<<24 {
			return errLimit
		}
		t := lx.token()
		if t == nil {
			return nil
		}
		op, ok := t.(keyword)
		if !ok {
			if len(ops) < 64 {
				ops = append(ops, t)
			}
			continue
		}
		switch op {
		case "[":
			var arr []any
			for k := 0; k < 1<<16; k++ {
				x := lx.token()
				if x == nil || x == keyword("]") {
					break
				}
				arr = append(arr, x)
			}
			ops = append(ops, arr)
			continue
		case "<<":
			// An inline dictionary (of a marked-content operator): skip it.
			lx.pos -= 2
			lx.value(0)
			continue
		case "q":
			if len(stack) < 256 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if k, ok := firstName(ops); ok && len(ops) >= 2 {
				gs.font = fontOf(k)
				gs.size = num(1)
			}
		case "Tc":
			gs.charSp = num(0)
		case "Tw":
			gs.wordSp = num(0)
		case "Tz":
			gs.scale = num(0) / 100
		case "TL":
			gs.lead = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Td":
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "TD":
			gs.lead = -num(1)
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			tm = tlm
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.lead}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				if op == "\"" && len(ops) == 3 {
					gs.wordSp, gs.charSp = num(0), num(1)
				}
				tlm = matrix{1, 0, 0, 1, 0, -gs.lead}.mul(tlm)
				tm = tlm
			}
			if len(ops) > 0 {
				if s, ok := ops[len(ops)-1].([]byte); ok {
					show(s)
				}
			}
		case "TJ":
			if len(ops) > 0 {
				arr, _ := ops[0].([]any)
				for _, x := range arr {
					switch x := x.(type) {
					case []byte:
						show(x)
					case float64:
						tm = matrix{1, 0, 0, 1, -x / 1000 * gs.size * gs.scale, 0}.mul(tm)
						if x < -180 && len(in.p.chars) > 0 {
							in.p.chars[len(in.p.chars)-1].spaceAfter = true
						}
					}
				}
			}
		case "Do":
			if k, ok := firstName(ops); ok {
				if err := in.xobject(f.resolve(f.dict(res["XObject"])[k]), gs.ctm); err != nil {
					return err
				}
			}
		case "BI":
			// An inline image: skip its data up to EI.
			in.p.images++
			for lx.pos < len(lx.data) {
				if t := lx.token(); t == keyword("ID") {
					break
				}
			}
			if i := strings.Index(string(lx.data[lx.pos:]), "EI"); i >= 0 {
				lx.pos += i + 2
			} else {
				lx.pos = len(lx.data)
			}
		}
		ops = ops[:0]
	}
}

func firstName(ops []any) (name, bool) {
	if len(ops) == 0 {
		return "", false
	}
	n, ok := ops[0].(name)
	return n, ok
}

// xobject draws a form (its content, within its matrix) or counts an
// image. Only a broken limit is an error: a form that cannot be decoded
// loses its own text, as in a viewer.
func (in *interp) xobject(v any, ctm matrix) error {
	s, ok := v.(*stream)
	if !ok {
		return nil
	}
	switch in.f.resolve(s.d["Subtype"]) {
	case name("Image"):
		in.p.images++
	case name("Form"):
		if in.depth >= maxFormDepth {
			return nil
		}
		data, err := in.f.decode(s)
		if err != nil {
			if errors.Is(err, errLimit) {
				return err
			}
			return nil
		}
		m := identity
		if a := in.f.array(s.d["Matrix"]); len(a) == 6 {
			for i := range m {
				m[i] = in.f.num(a[i])
			}
		}
		sub := &interp{f: in.f, p: in.p, depth: in.depth + 1}
		return sub.run(data, in.f.dict(s.d["Resources"]), m.mul(ctm))
	}
	return nil
}
