package questions

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
)

// Media is an image a question shows: the bytes of one file, named by the
// SHA-256 of its content so that the same picture in two questions, sets or
// files is stored once.
//
// A question refers to an image from its rich text (Format HTML or
// Markdown) by MediaPath(hash), for example
// <img src="/media/9f86…" alt="A pressure gauge">. Readers that meet a file
// (Moodle XML's <file>, an .apkg's media, a GIFT [html] <img>) add it to the
// set's Media and rewrite the reference; writers turn the path back into
// their format's own reference. The path is also where the server serves
// the image, so pages show the text as it is stored.
type Media struct {
	// Hash is the SHA-256 of Data in lowercase hex.
	Hash string `json:"hash"`
	// Name is the file name the image came with ("gauge.png"), for
	// exports that need one; it does not identify the image.
	Name string `json:"name,omitempty"`
	// Type is the MIME type, one of MediaTypes.
	Type string `json:"type"`
	Data []byte `json:"data"`
}

// MaxMediaBytes is the largest image a set may carry.
const MaxMediaBytes = 5 << 20

// MediaTypes are the image types questions may carry: PNG, JPEG, GIF, WebP,
// and SVG once sanitised.
var MediaTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"}

// mediaPrefix starts the path of every image in question text.
const mediaPrefix = "/media/"

// MediaPath is where an image is referred to from question text and served.
func MediaPath(hash string) string { return mediaPrefix + hash }

// mediaPathRE matches a reference to an image in question text.
var mediaPathRE = regexp.MustCompile(`/media/([0-9a-f]{64})`)

// MediaRefs returns the hashes of the images text refers to, in the order
// they first appear.
func MediaRefs(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range mediaPathRE.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// NewMedia checks an image's size and type, telling the type from the
// content (never from the name), and returns it with its hash. An SVG file
// must already be sanitised by the caller; a file of any other type is
// refused with a message for the user.
func NewMedia(name string, data []byte) (Media, error) {
	if len(data) == 0 {
		return Media{}, fmt.Errorf("image %q is empty", name)
	}
	if len(data) > MaxMediaBytes {
		return Media{}, fmt.Errorf("image %q is %d bytes; images may be at most %d MB", name, len(data), MaxMediaBytes>>20)
	}
	typ := SniffImage(data)
	if typ == "" {
		return Media{}, fmt.Errorf("%q is not a PNG, JPEG, GIF, WebP or SVG image", name)
	}
	sum := sha256.Sum256(data)
	return Media{Hash: hex.EncodeToString(sum[:]), Name: name, Type: typ, Data: data}, nil
}

// SniffImage tells an image's MIME type from its first bytes, or returns ""
// when it is none of MediaTypes.
func SniffImage(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "image/gif"
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "image/webp"
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	s := strings.TrimSpace(strings.TrimPrefix(string(head), "\uFEFF"))
	if strings.HasPrefix(s, "<") && strings.Contains(s, "<svg") {
		return "image/svg+xml"
	}
	return ""
}

// Check reports whether m is what NewMedia makes: a non-empty image within
// MaxMediaBytes whose content is of its Type and whose Hash is the SHA-256
// of its Data. A store calls it before keeping an image it did not read
// itself.
func (m Media) Check() error {
	switch {
	case len(m.Data) == 0:
		return fmt.Errorf("image %s is empty", m.Hash)
	case len(m.Data) > MaxMediaBytes:
		return fmt.Errorf("image %s is %d bytes; images may be at most %d MB", m.Hash, len(m.Data), MaxMediaBytes>>20)
	}
	if typ := SniffImage(m.Data); typ == "" || typ != m.Type {
		return fmt.Errorf("image %s is said to be %q but its content is %q", m.Hash, m.Type, typ)
	}
	if sum := sha256.Sum256(m.Data); hex.EncodeToString(sum[:]) != m.Hash {
		return fmt.Errorf("image %s: the hash is not the SHA-256 of its content", m.Hash)
	}
	return nil
}

// MediaRefs returns the hashes of the images the set's questions show, in
// every text a person reads (stems, options, answers, feedback, hints), in
// the order they first appear.
func (s Set) MediaRefs() []string {
	var out []string
	seen := map[string]bool{}
	for _, q := range s.Questions {
		for _, t := range q.texts() {
			for _, h := range MediaRefs(t) {
				if !seen[h] {
					seen[h] = true
					out = append(out, h)
				}
			}
		}
	}
	return out
}

// WithImage returns q showing the image at the end of its stem, described
// by alt (for people who cannot see it). A question in HTML gets an <img>
// paragraph, one in Markdown a ![alt](…) line. A question in plain text (or
// Moodle's auto-format) becomes HTML first: the texts pages show as rich
// text (stem, options, feedback, hints) are escaped, their paragraphs and
// line breaks kept, so that they read as before; accepted answers and
// matching pairs, which are matched and shown as typed, stay as they are.
func (q Question) WithImage(m Media, alt string) Question {
	alt = strings.Join(strings.Fields(alt), " ")
	switch q.Format {
	case Markdown:
		alt = strings.NewReplacer("]", " ", "[", " ", `\`, " ").Replace(alt)
		q.Stem = strings.TrimRight(q.Stem, "\n") + "\n\n![" + alt + "](" + MediaPath(m.Hash) + ")"
		return q
	case HTML:
	default:
		q = q.asHTML()
	}
	q.Stem += `<p><img src="` + MediaPath(m.Hash) + `" alt="` + html.EscapeString(alt) + `"></p>`
	return q
}

// asHTML is a plain-text question written as HTML that reads the same.
func (q Question) asHTML() Question {
	q.Format = HTML
	q.Stem = plainHTML(q.Stem)
	for _, p := range []*string{&q.Feedback, &q.TrueFeedback, &q.FalseFeedback, &q.CorrectFeedback, &q.PartialFeedback, &q.IncorrectFeedback} {
		*p = plainHTML(*p)
	}
	q.Choices = slices.Clone(q.Choices)
	for i := range q.Choices {
		q.Choices[i].Text, q.Choices[i].Feedback = plainHTML(q.Choices[i].Text), plainHTML(q.Choices[i].Feedback)
	}
	q.Answers = slices.Clone(q.Answers)
	for i := range q.Answers {
		q.Answers[i].Feedback = plainHTML(q.Answers[i].Feedback)
	}
	q.Numbers = slices.Clone(q.Numbers)
	for i := range q.Numbers {
		q.Numbers[i].Feedback = plainHTML(q.Numbers[i].Feedback)
	}
	q.Hints = slices.Clone(q.Hints)
	for i := range q.Hints {
		q.Hints[i].Text = plainHTML(q.Hints[i].Text)
	}
	return q
}

// plainHTML writes plain text as HTML, as pages show plain text: escaped,
// line breaks kept, and a paragraph for each block separated by a blank
// line when there are several (so that a one-line option stays as it was
// unless it holds < > or &).
func plainHTML(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if !strings.Contains(s, "\n\n") {
		return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
	}
	var b strings.Builder
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(p), "\n", "<br>") + "</p>")
		}
	}
	return b.String()
}
