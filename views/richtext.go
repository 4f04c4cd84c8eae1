package views

import (
	"bytes"
	"html"
	"io"
	"net/url"
	"regexp"
	"strings"

	xhtml "golang.org/x/net/html"

	"factdrill/questions"
)

// allowedTags is the formatting a question's HTML may keep. Everything else
// is dropped, its text kept; script and style lose their text too.
var allowedTags = map[string]bool{
	"a": true, "b": true, "blockquote": true, "br": true, "code": true, "em": true,
	"i": true, "li": true, "ol": true, "p": true, "pre": true, "s": true, "small": true,
	"span": true, "strong": true, "sub": true, "sup": true, "u": true, "ul": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "td": true, "th": true,
	"h3": true, "h4": true, "hr": true, "del": true, "ins": true, "mark": true,
	"img": true,
}

// droppedWithText are elements whose content is not text for people.
var droppedWithText = map[string]bool{
	"script": true, "style": true, "iframe": true, "object": true, "embed": true,
	"template": true, "noscript": true, "textarea": true, "select": true, "svg": true, "math": true,
}

// voidTags have no end tag.
var voidTags = map[string]bool{"br": true, "hr": true, "img": true}

// mediaSrcRE is the only address an image may have: one of the server's
// own stored images (questions.MediaPath), which are served with a strict
// content type. Any other address could be a tracker or a page.
var mediaSrcRE = regexp.MustCompile(`^/media/[0-9a-f]{64}$`)

// SanitizeHTML keeps only allowed formatting of s: the tags above, with no
// attributes except a link's href, and that only for http, https and
// mailto, and an image's src and alt. An image is kept only when its
// address is one of the server's stored images (/media/HASH), and always
// with an alt (empty when it had none, so that screen readers pass over
// it rather than read its address); any other image leaves its alt text
// behind. The result is safe to put in a page as it is.
func SanitizeHTML(s string) string {
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var open []string // allowed elements open, to close them at the end
	skip := 0         // depth inside dropped elements
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if z.Err() != io.EOF {
				return html.EscapeString(s)
			}
			for i := len(open) - 1; i >= 0; i-- {
				b.WriteString("</" + open[i] + ">")
			}
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				b.WriteString(html.EscapeString(string(z.Text())))
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			t := z.Token()
			if droppedWithText[t.Data] {
				if tt == xhtml.StartTagToken {
					skip++
				}
				continue
			}
			if skip > 0 || !allowedTags[t.Data] {
				continue
			}
			if t.Data == "img" {
				writeImage(&b, t)
				continue
			}
			b.WriteString("<" + t.Data)
			if t.Data == "a" {
				for _, a := range t.Attr {
					if a.Key == "href" && safeLink(a.Val) {
						b.WriteString(` href="` + html.EscapeString(a.Val) + `" rel="nofollow noopener noreferrer"`)
					}
				}
			}
			b.WriteString(">")
			switch {
			case voidTags[t.Data]:
			case tt == xhtml.StartTagToken:
				open = append(open, t.Data)
			default:
				// <b/> is no empty element in HTML but an open one: left
				// as it is it would run over the rest of the page.
				b.WriteString("</" + t.Data + ">")
			}
		case xhtml.EndTagToken:
			t := z.Token()
			if droppedWithText[t.Data] {
				if skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 || !allowedTags[t.Data] || voidTags[t.Data] {
				continue
			}
			// Close only an element that is open, and whatever was left
			// open inside it, so the output is always well nested.
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == t.Data {
					for j := len(open) - 1; j >= i; j-- {
						b.WriteString("</" + open[j] + ">")
					}
					open = open[:i]
					break
				}
			}
		}
	}
}

// writeImage writes an <img> with its src and alt, or, when its address
// is not a stored image's, its alt text alone.
func writeImage(b *strings.Builder, t xhtml.Token) {
	var src, alt string
	for _, a := range t.Attr {
		switch a.Key {
		case "src":
			src = strings.TrimSpace(a.Val)
		case "alt":
			alt = strings.Join(strings.Fields(a.Val), " ")
		}
	}
	if !mediaSrcRE.MatchString(src) {
		b.WriteString(html.EscapeString(alt))
		return
	}
	b.WriteString(`<img src="` + src + `" alt="` + html.EscapeString(alt) + `">`)
}

func safeLink(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// RichText renders a question's text in its format as safe HTML: HTML
// through SanitizeHTML, Markdown's emphasis, code and paragraphs, and plain
// (or Moodle auto-format) text with its line breaks kept.
func RichText(s string, f questions.Format) string {
	switch f {
	case questions.HTML:
		return SanitizeHTML(s)
	case questions.Markdown:
		return markdown(s)
	}
	return plainText(s)
}

func plainText(s string) string {
	paras := splitParagraphs(s)
	if len(paras) == 1 {
		return strings.ReplaceAll(html.EscapeString(paras[0]), "\n", "<br>")
	}
	var b strings.Builder
	for _, p := range paras {
		b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(p), "\n", "<br>") + "</p>")
	}
	return b.String()
}

func splitParagraphs(s string) []string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// markdown renders the inline Markdown a question uses: **strong**,
// *emphasis* or _emphasis_, `code`, images of the server's own
// (![alt](/media/HASH)), and paragraphs. Anything else stays text; no
// HTML in the source gets through.
func markdown(s string) string {
	paras := splitParagraphs(s)
	var b bytes.Buffer
	for _, p := range paras {
		if len(paras) > 1 {
			b.WriteString("<p>")
		}
		b.WriteString(strings.ReplaceAll(inlineMarkdown(p), "\n", "<br>"))
		if len(paras) > 1 {
			b.WriteString("</p>")
		}
	}
	return b.String()
}

// markdownImageRE is a Markdown image of a stored image, at the start of
// the text.
var markdownImageRE = regexp.MustCompile(`^!\[([^\]\n]*)\]\((/media/[0-9a-f]{64})\)`)

func inlineMarkdown(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case s[0] == '\\' && len(s) > 1:
			b.WriteString(html.EscapeString(s[1:2]))
			s = s[2:]
			continue
		case s[0] == '`':
			if end := strings.IndexByte(s[1:], '`'); end >= 0 {
				b.WriteString("<code>" + html.EscapeString(s[1:1+end]) + "</code>")
				s = s[end+2:]
				continue
			}
		case strings.HasPrefix(s, "!["):
			if m := markdownImageRE.FindStringSubmatch(s); m != nil {
				b.WriteString(`<img src="` + m[2] + `" alt="` + html.EscapeString(strings.Join(strings.Fields(m[1]), " ")) + `">`)
				s = s[len(m[0]):]
				continue
			}
		case strings.HasPrefix(s, "**"):
			if end := strings.Index(s[2:], "**"); end > 0 {
				b.WriteString("<strong>" + inlineMarkdown(s[2:2+end]) + "</strong>")
				s = s[end+4:]
				continue
			}
		case s[0] == '*' || s[0] == '_':
			if end := strings.IndexByte(s[1:], s[0]); end > 0 && s[1] != ' ' {
				b.WriteString("<em>" + inlineMarkdown(s[1:1+end]) + "</em>")
				s = s[end+2:]
				continue
			}
		}
		b.WriteString(html.EscapeString(s[:1]))
		s = s[1:]
	}
	return b.String()
}
