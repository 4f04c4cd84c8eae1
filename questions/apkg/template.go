package apkg

import (
	"strings"

	"factdrill/questions"
)

// Anki's card templates are a small Mustache: {{Field}}, {{filter:Field}},
// sections {{#Field}}…{{/Field}} shown when the field is not empty,
// inverted sections {{^Field}}…{{/Field}}, {{cN}} sections shown on the
// card of deletion N, and {{=<% %>=}} to change the delimiters. The reader
// renders a card's front to get the question's text and notes which fields
// each side shows, which is how it tells the answer from the question
// without trusting field names.

// tnode is one piece of a parsed template.
type tnode struct {
	kind    tkind
	text    string   // literal text, or the field or section name
	filters []string // for a field: its filters, outermost first
}

type tkind int

const (
	tText tkind = iota
	tField
	tOpen     // {{#name}}
	tInverted // {{^name}}
	tClose    // {{/name}}
)

// parseTemplate splits a template into text and tags. An unclosed tag is
// kept as text, as Anki shows it.
func parseTemplate(s string) []tnode {
	var out []tnode
	open, close := "{{", "}}"
	for s != "" {
		i := strings.Index(s, open)
		if i < 0 {
			out = append(out, tnode{kind: tText, text: s})
			break
		}
		j := strings.Index(s[i+len(open):], close)
		if j < 0 {
			out = append(out, tnode{kind: tText, text: s})
			break
		}
		if i > 0 {
			out = append(out, tnode{kind: tText, text: s[:i]})
		}
		tag := strings.TrimSpace(s[i+len(open) : i+len(open)+j])
		s = s[i+len(open)+j+len(close):]
		switch {
		case len(tag) >= 2 && tag[0] == '=' && tag[len(tag)-1] == '=':
			if d := strings.Fields(tag[1 : len(tag)-1]); len(d) == 2 {
				open, close = d[0], d[1]
			}
		case tag == "":
		case tag[0] == '!':
			// A comment.
		case tag[0] == '#':
			out = append(out, tnode{kind: tOpen, text: strings.TrimSpace(tag[1:])})
		case tag[0] == '^':
			out = append(out, tnode{kind: tInverted, text: strings.TrimSpace(tag[1:])})
		case tag[0] == '/':
			out = append(out, tnode{kind: tClose, text: strings.TrimSpace(tag[1:])})
		default:
			parts := strings.Split(tag, ":")
			n := tnode{kind: tField, text: strings.TrimSpace(parts[len(parts)-1])}
			for _, f := range parts[:len(parts)-1] {
				n.filters = append(n.filters, strings.ToLower(strings.TrimSpace(f)))
			}
			out = append(out, n)
		}
	}
	return out
}

// card is what rendering one side of a card needs and finds.
type render struct {
	note  *note
	nt    *notetype
	tmpl  string // the template's name, for {{Card}}
	deck  string
	front string // the rendered front, for {{FrontSide}} on the back

	cloze int // the card's deletion number; 0 for a standard card
	place int // which place of that number becomes the blank; -1 for none

	// Found while rendering.
	shown  []string // fields shown, in order, each once
	typed  string   // the field of {{type:…}}
	seen   int      // places of the card's deletion met so far
	answer string   // the answer and hint at the blank
	hint   string
	nested bool // a deletion held another one
}

// run renders a parsed template.
func (r *render) run(nodes []tnode) string {
	var b strings.Builder
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		switch n.kind {
		case tText:
			b.WriteString(n.text)
		case tOpen, tInverted:
			if r.truthy(n.text) != (n.kind == tOpen) {
				i = skipSection(nodes, i)
			}
		case tClose:
		case tField:
			b.WriteString(r.field(n))
		}
	}
	return b.String()
}

// skipSection returns the index of the tag that closes the section opened
// at i, or the last index when it is never closed.
func skipSection(nodes []tnode, i int) int {
	depth := 0
	for j := i; j < len(nodes); j++ {
		switch nodes[j].kind {
		case tOpen, tInverted:
			depth++
		case tClose:
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return len(nodes) - 1
}

// truthy says whether a section on name is shown: a non-empty field, or the
// card's own deletion number for {{#cN}}.
func (r *render) truthy(name string) bool {
	if n, ok := clozeNumber(name); ok {
		return n == r.cloze
	}
	v, _ := r.value(name)
	return !blankHTML(v)
}

func clozeNumber(name string) (int, bool) {
	if len(name) < 2 || (name[0] != 'c' && name[0] != 'C') {
		return 0, false
	}
	n := 0
	for _, c := range name[1:] {
		if c < '0' || c > '9' || n > 1e6 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// value is a field's content, or a special field's.
func (r *render) value(name string) (string, bool) {
	for i, f := range r.nt.fields {
		if strings.EqualFold(f, name) && i < len(r.note.fields) {
			return r.note.fields[i], true
		}
	}
	switch name {
	case "Tags":
		return strings.Join(r.note.tags, " "), false
	case "Type":
		return r.nt.name, false
	case "Deck":
		return r.deck, false
	case "Subdeck":
		return r.deck[strings.LastIndex(r.deck, "::")+1:], false
	case "Card":
		return r.tmpl, false
	case "FrontSide":
		return r.front, false
	}
	return "", false
}

// field renders {{filters:name}}.
func (r *render) field(n tnode) string {
	v, isField := r.value(n.text)
	cloze, typed := false, false
	for _, f := range n.filters {
		switch f {
		case "cloze", "cloze-only":
			cloze = true
		case "type":
			typed = true
		}
	}
	if isField && !typed {
		r.show(n.text)
	}
	switch {
	case typed:
		// What a learner types is the answer, not part of the question.
		if r.typed == "" {
			r.typed = n.text
		}
		return ""
	case cloze:
		return r.clozeText(v)
	}
	for _, f := range n.filters {
		if f == "text" {
			v = stripTags(v)
		}
	}
	return v
}

func (r *render) show(name string) {
	for _, s := range r.shown {
		if strings.EqualFold(s, name) {
			return
		}
	}
	r.shown = append(r.shown, name)
}

// clozeText renders a cloze field for the card's deletion: the place being
// asked becomes the blank, every other deletion shows its answer.
func (r *render) clozeText(s string) string {
	var b strings.Builder
	for {
		d, ok := nextDeletion(s)
		if !ok {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:d.start])
		r.nested = r.nested || d.nested
		if d.n == r.cloze && r.place >= 0 {
			if r.seen == r.place {
				b.WriteString(questions.Blank)
				if d.hint != "" {
					b.WriteString(" (" + d.hint + ")")
				}
				r.answer, r.hint = d.answer, d.hint
			} else {
				b.WriteString(d.answer)
			}
			r.seen++
		} else {
			b.WriteString(d.answer)
		}
		s = s[d.end:]
	}
}

// deletion is one {{cN::answer::hint}} at [start, end) of a text.
type deletion struct {
	start, end   int
	n            int
	answer, hint string
	nested       bool // the answer holds another deletion
}

// nextDeletion finds the first deletion of s, matching braces so that a
// nested deletion is seen as one (and flagged).
func nextDeletion(s string) (deletion, bool) {
	for off := 0; ; {
		i := strings.Index(s[off:], "{{c")
		if i < 0 {
			return deletion{}, false
		}
		start := off + i
		k := start + 3
		for k < len(s) && s[k] >= '0' && s[k] <= '9' && k-start < 10 {
			k++
		}
		if k == start+3 || !strings.HasPrefix(s[k:], "::") {
			off = start + 3
			continue
		}
		n, _ := clozeNumber("c" + s[start+3:k])
		body := k + 2
		depth, j := 1, body
		for j < len(s) && depth > 0 {
			switch {
			case strings.HasPrefix(s[j:], "{{"):
				depth++
				j += 2
			case strings.HasPrefix(s[j:], "}}"):
				depth--
				j += 2
			default:
				j++
			}
		}
		if depth > 0 {
			return deletion{}, false
		}
		inner := s[body : j-2]
		d := deletion{start: start, end: j, n: n, nested: strings.Contains(inner, "{{c")}
		d.answer, d.hint, _ = strings.Cut(inner, "::")
		d.hint = strings.TrimSpace(d.hint)
		return d, true
	}
}
