package questions

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The XML formats (Moodle XML, QTI, SVG) are read whole into a small tree
// by parseXML, which refuses what a hostile file could use against the
// reader: entity declarations (the "billion laughs"), nesting deep enough
// to exhaust the stack of whatever walks the tree, and more elements than
// any question file holds. encoding/xml never fetches external entities and
// expands only the five predefined ones, so a DOCTYPE without entity
// declarations (QTI files from IMS carry one) is harmless and allowed.

// Limits of parseXML.
const (
	maxXMLDepth = 100     // elements inside one another
	maxXMLNodes = 1000000 // elements and runs of text in one document
)

// xmlNode is an element of a parsed document, or a run of its text (a node
// with an empty Name.Local).
type xmlNode struct {
	Name xml.Name
	Attr []xml.Attr
	Kids []*xmlNode
	Text string // a text node's text, CDATA included
	Line int    // the line the element or text starts on
}

// elems returns the element children of n.
func (n *xmlNode) elems() []*xmlNode {
	if n == nil {
		return nil
	}
	var out []*xmlNode
	for _, k := range n.Kids {
		if k.Name.Local != "" {
			out = append(out, k)
		}
	}
	return out
}

// child returns the first child element of n with the given local name, or
// nil; it is safe on a nil node, so that paths read as n.child("a").child("b").
func (n *xmlNode) child(local string) *xmlNode {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Name.Local == local {
			return k
		}
	}
	return nil
}

// children returns the child elements of n with the given local name.
func (n *xmlNode) children(local string) []*xmlNode {
	if n == nil {
		return nil
	}
	var out []*xmlNode
	for _, k := range n.Kids {
		if k.Name.Local == local {
			out = append(out, k)
		}
	}
	return out
}

// has reports whether n has a child element with the given local name.
func (n *xmlNode) has(local string) bool { return n.child(local) != nil }

// attr returns the value of n's attribute with the given local name.
func (n *xmlNode) attr(local string) string {
	v, _ := n.lookupAttr(local)
	return v
}

// lookupAttr returns the value of n's attribute with the given local name
// and whether it is there.
func (n *xmlNode) lookupAttr(local string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// text returns the text directly inside n (not inside its child elements).
func (n *xmlNode) text() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, k := range n.Kids {
		if k.Name.Local == "" {
			b.WriteString(k.Text)
		}
	}
	return b.String()
}

// line returns the line n starts on, or 0 for a nil node.
func (n *xmlNode) line() int {
	if n == nil {
		return 0
	}
	return n.Line
}

// innerXML writes n's content back as markup: text escaped, child elements
// with their local names and attributes. QTI puts HTML in <mattext> either
// escaped (text) or as elements; both come back as the same HTML.
func (n *xmlNode) innerXML() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, k := range n.Kids {
		k.writeXML(&b)
	}
	return b.String()
}

func (n *xmlNode) writeXML(b *strings.Builder) {
	if n.Name.Local == "" {
		b.WriteString(escapeXMLText(n.Text))
		return
	}
	b.WriteString("<" + n.Name.Local)
	for _, a := range n.Attr {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		b.WriteString(" " + a.Name.Local + `="` + escapeXMLAttr(a.Value) + `"`)
	}
	if len(n.Kids) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteString(">")
	for _, k := range n.Kids {
		k.writeXML(b)
	}
	b.WriteString("</" + n.Name.Local + ">")
}

var (
	xmlTextEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	xmlAttrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
		"\n", "&#10;", "\r", "&#13;", "\t", "&#9;")
)

// escapeXMLText escapes text for element content, keeping line breaks as
// they are (encoding/xml's EscapeText writes them as &#xA;).
func escapeXMLText(s string) string { return xmlTextEscaper.Replace(validXMLChars(s)) }

// escapeXMLAttr escapes text for a double-quoted attribute value.
func escapeXMLAttr(s string) string { return xmlAttrEscaper.Replace(validXMLChars(s)) }

// validXMLChars replaces the characters XML 1.0 cannot hold (control
// characters other than tab and line breaks) with U+FFFD.
func validXMLChars(s string) string {
	for _, r := range s {
		if !isXMLChar(r) {
			return strings.Map(func(r rune) rune {
				if isXMLChar(r) {
					return r
				}
				return utf8.RuneError
			}, s)
		}
	}
	return s
}

func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// xmlDeclRE matches a well-formed XML declaration; group 1 is the encoding.
var xmlDeclRE = regexp.MustCompile(`^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*["']1\.[0-9]+["']` +
	`(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][A-Za-z0-9._-]*)["'])?` +
	`(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*["'](?:yes|no)["'])?[ \t\r\n]*\?>`)

// parseXML reads a whole XML document into a tree. It returns the root
// element, or an ErrorList naming the file, the line and what is wrong:
// not well-formed XML (a malformed declaration included), an entity
// declaration, an encoding other than UTF-8, ISO-8859-1, Windows-1252 or
// US-ASCII, nesting deeper than maxXMLDepth or more than maxXMLNodes nodes.
func parseXML(name string, data []byte) (*xmlNode, error) {
	fail := func(line int, format string, args ...any) error {
		return ErrorList{{File: name, Line: line, Msg: fmt.Sprintf(format, args...)}}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, fail(0, "the file is UTF-16 text; save it as UTF-8 and upload it again")
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.HasPrefix(data, []byte("<?xml")) && (len(data) == 5 || isXMLSpace(data[5])) {
		end := bytes.Index(data, []byte("?>"))
		if end < 0 {
			return nil, fail(1, "the XML declaration <?xml … ?> is never closed")
		}
		m := xmlDeclRE.FindSubmatch(data[:end+2])
		if m == nil {
			return nil, fail(1, "the XML declaration %q is malformed; expected <?xml version=\"1.0\" encoding=\"UTF-8\"?>", excerpt(string(data[:end+2])))
		}
		conv, err := toUTF8(string(m[1]), data)
		if err != nil {
			return nil, fail(1, "%s", err)
		}
		data = conv
	}

	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// The bytes are UTF-8 by now, whatever the declaration says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }

	var root *xmlNode
	var stack []*xmlNode
	nodes := 0
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fail(se.Line, "the file is not well-formed XML: %s", se.Msg)
			}
			return nil, fail(line, "the file is not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			nodes++
			if nodes > maxXMLNodes {
				return nil, fail(line, "the file has more than %d elements; it is not a question file", maxXMLNodes)
			}
			if len(stack) >= maxXMLDepth {
				return nil, fail(line, "elements are nested more than %d deep; the file is refused", maxXMLDepth)
			}
			n := &xmlNode{Name: t.Name, Attr: t.Attr, Line: line}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue // white space around the root
			}
			p := stack[len(stack)-1]
			if k := len(p.Kids); k > 0 && p.Kids[k-1].Name.Local == "" {
				p.Kids[k-1].Text += string(t) // text, then CDATA, then text
				continue
			}
			nodes++
			if nodes > maxXMLNodes {
				return nil, fail(line, "the file has more than %d elements; it is not a question file", maxXMLNodes)
			}
			p.Kids = append(p.Kids, &xmlNode{Text: string(t), Line: line})
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("<!ENTITY")) {
				return nil, fail(line, "the file declares XML entities (<!ENTITY …>); such files are refused, as entities can expand without end")
			}
		}
	}
	if root == nil {
		return nil, fail(0, "the file holds no XML element")
	}
	return root, nil
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// toUTF8 converts a document in the declared encoding to UTF-8.
func toUTF8(encoding string, data []byte) ([]byte, error) {
	switch strings.ToLower(encoding) {
	case "", "utf-8", "utf8":
		return data, nil
	case "us-ascii", "ascii":
		for i, c := range data {
			if c >= 0x80 {
				return nil, fmt.Errorf("the file says it is US-ASCII but holds byte 0x%02X at offset %d; save it as UTF-8", c, i)
			}
		}
		return data, nil
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252":
		win := strings.HasPrefix(strings.ToLower(encoding), "windows") || strings.ToLower(encoding) == "cp1252"
		var b bytes.Buffer
		b.Grow(len(data) + len(data)/8)
		for _, c := range data {
			r := rune(c)
			if win && c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0 {
				r = cp1252[c-0x80]
			}
			b.WriteRune(r)
		}
		return b.Bytes(), nil
	}
	return nil, fmt.Errorf("the file is in the %s encoding; save it as UTF-8 and upload it again", encoding)
}

// cp1252 maps bytes 0x80-0x9F of Windows-1252 to Unicode (0: undefined,
// kept as the C1 control of the same number).
var cp1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}
