package apkg

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"

	xhtml "golang.org/x/net/html"

	"factdrill/questions"
)

// Anki's notes refer to media by file name: <img src="name.jpg"> for
// images, [sound:name.mp3] for sound and video. The reader keeps the images
// (as questions.Media, the <img> pointing at questions.MediaPath) and
// leaves out everything else, saying so.

var (
	imgRE   = regexp.MustCompile(`(?is)<img\b[^>]*>`)
	srcRE   = regexp.MustCompile(`(?is)\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
	altRE   = regexp.MustCompile(`(?is)\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
	soundRE = regexp.MustCompile(`\[sound:([^\]]*)\]`)
)

// mediaCache turns file names into media, reading each file once.
type mediaCache struct {
	pkg    *pkgFiles
	byName map[string]mediaResult
	media  []questions.Media
	noAlt  int
}

type mediaResult struct {
	hash string
	why  string // why the file was left out
}

// rewrite replaces the media references of a question's text, and returns
// what it had to leave out, and whether that was an image.
func (c *mediaCache) rewrite(text string) (_ string, out []string, lostImage bool) {
	text = soundRE.ReplaceAllStringFunc(text, func(m string) string {
		out = append(out, fmt.Sprintf("sound %q left out: factdrill plays no sound or video", soundRE.FindStringSubmatch(m)[1]))
		return ""
	})
	text = imgRE.ReplaceAllStringFunc(text, func(tag string) string {
		name := html.UnescapeString(attr(srcRE, tag))
		if name == "" {
			out = append(out, "an image with no file name left out")
			lostImage = true
			return ""
		}
		r := c.load(name)
		if r.why != "" {
			out = append(out, fmt.Sprintf("image %q left out: %s", name, r.why))
			lostImage = true
			return ""
		}
		alt := html.UnescapeString(attr(altRE, tag))
		if strings.TrimSpace(alt) == "" {
			c.noAlt++
		}
		return fmt.Sprintf(`<img src="%s" alt="%s">`, questions.MediaPath(r.hash), html.EscapeString(alt))
	})
	return text, out, lostImage
}

func attr(re *regexp.Regexp, tag string) string {
	m := re.FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	return m[1] + m[2] + m[3]
}

// load reads a file named in a note, checking it is an image.
func (c *mediaCache) load(name string) mediaResult {
	if r, ok := c.byName[name]; ok {
		return r
	}
	r := c.loadNew(name)
	c.byName[name] = r
	return r
}

func (c *mediaCache) loadNew(name string) mediaResult {
	if _, ok := c.pkg.byName[name]; !ok {
		if u, err := url.PathUnescape(name); err == nil {
			if _, ok := c.pkg.byName[u]; ok {
				name = u
			}
		}
	}
	data, err := c.pkg.file(name)
	if err != nil {
		return mediaResult{why: err.Error()}
	}
	if questions.SniffImage(data) == "image/svg+xml" {
		// SVG can carry scripts: it comes in only rebuilt from the
		// allow-list of questions.SanitizeSVG.
		clean, err := questions.SanitizeSVG(data)
		if err != nil {
			return mediaResult{why: err.Error()}
		}
		data = clean
	}
	m, err := questions.NewMedia(name, data)
	if err != nil {
		return mediaResult{why: err.Error()}
	}
	for _, old := range c.media {
		if old.Hash == m.Hash {
			return mediaResult{hash: m.Hash}
		}
	}
	c.media = append(c.media, m)
	return mediaResult{hash: m.Hash}
}

// htmlText is the text a person reads in an HTML field: tags dropped (a
// line break for <br> and block ends), entities decoded, spaces collapsed
// within each line. It is what a learner types as an answer.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			var lines []string
			for l := range strings.Lines(b.String()) {
				if l = strings.Join(strings.Fields(l), " "); l != "" {
					lines = append(lines, l)
				}
			}
			return strings.Join(lines, "\n")
		case xhtml.TextToken:
			b.WriteString(strings.ReplaceAll(string(z.Text()), "\u00a0", " "))
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6":
				b.WriteByte('\n')
			}
		}
	}
}

// stripTags drops the tags of HTML and keeps its text as it is written
// (Anki's text: filter).
func stripTags(s string) string {
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			b.WriteString(html.EscapeString(string(z.Text())))
		}
	}
}

// blankHTML reports whether HTML shows nothing: no text and no image.
func blankHTML(s string) bool {
	return htmlText(s) == "" && !strings.Contains(strings.ToLower(s), "<img")
}
