package questions

import (
	"encoding/base64"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// Files in question files: Moodle XML embeds them as base64 <file>
// elements, a QTI package as files in the zip. Images become the set's
// Media; anything else is left out with a warning that says what it was.

// mediaSet collects a set's images, each once.
type mediaSet struct {
	list   []Media
	byHash map[string]int
}

func newMediaSet() mediaSet { return mediaSet{byHash: map[string]int{}} }

// add turns a file into an image of the set (an SVG sanitised first) and
// returns it; the same picture added twice is kept once.
func (m *mediaSet) add(name string, data []byte) (Media, error) {
	md, err := fileMedia(name, data)
	if err != nil {
		return Media{}, err
	}
	if i, ok := m.byHash[md.Hash]; ok {
		return m.list[i], nil
	}
	m.byHash[md.Hash] = len(m.list)
	m.list = append(m.list, md)
	return md, nil
}

// fileKind names what a file is, for messages about files left out, from
// its extension: "audio file", "video file", "image" or "file".
func fileKind(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".mp3", ".ogg", ".oga", ".wav", ".m4a", ".aac", ".flac", ".opus", ".wma":
		return "audio file"
	case ".mp4", ".webm", ".mov", ".avi", ".ogv", ".m4v", ".mkv", ".wmv", ".flv":
		return "video file"
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff", ".ico", ".heic":
		return "image"
	}
	return "file"
}

// notAnImage is the message for a file that is not an image factdrill
// takes.
func notAnImage(name string) string {
	if kind := fileKind(name); kind != "image" {
		return fmt.Sprintf("%s %q is not supported and was left out", kind, name)
	}
	return fmt.Sprintf("image %q is not a PNG, JPEG, GIF, WebP or SVG image and was left out", name)
}

// moodleFile is a file embedded in a Moodle XML text.
type moodleFile struct {
	path string // "/" or "/folder/"
	name string
	b64  string // base64, white space included
	line int
}

// full is the path a text refers to the file by: "/folder/name".
func (f moodleFile) full() string { return f.path + f.name }

// head decodes the start of the file, enough to tell its type.
func (f moodleFile) head() []byte {
	s := stripSpace(f.b64, 2048)
	s = s[:len(s)/4*4]
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil
	}
	return b
}

// decode decodes the whole file, refusing one whose decoded size would be
// over limit before decoding it.
func (f moodleFile) decode(limit int) ([]byte, error) {
	s := stripSpace(f.b64, -1)
	if n := base64.StdEncoding.DecodedLen(len(s)); n > limit+2 {
		return nil, fmt.Errorf("%s %q is %d bytes; images may be at most %d MB", fileKind(f.name), f.name, n, limit>>20)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	}
	if err != nil {
		return nil, fmt.Errorf("%s %q is not valid base64: %v", fileKind(f.name), f.name, err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%s %q is %d bytes; images may be at most %d MB", fileKind(f.name), f.name, len(b), limit>>20)
	}
	return b, nil
}

// stripSpace removes white space from s, stopping once n characters are
// kept (n < 0: no limit).
func stripSpace(s string, n int) string {
	var b strings.Builder
	for i := 0; i < len(s) && (n < 0 || b.Len() < n); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// pluginFileRE finds references to embedded files in Moodle text.
var pluginFileRE = regexp.MustCompile(`@@PLUGINFILE@@(/[^"'<>\s]*)`)

// pluginTagRE finds HTML start tags, to remove those that refer to a file
// left out.
var pluginTagRE = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9]*)(?:\s[^>]*)?>`)

// pluginAttrRE finds an attribute whose value refers to an embedded file.
var pluginAttrRE = regexp.MustCompile(`\s[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:"[^"]*@@PLUGINFILE@@[^"]*"|'[^']*@@PLUGINFILE@@[^']*')`)

// pluginPath decodes the path of a @@PLUGINFILE@@ reference: URL escapes
// undone, a query ("?time=…") dropped.
func pluginPath(ref string) string {
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	if p, err := url.PathUnescape(ref); err == nil {
		ref = p
	}
	return html.UnescapeString(ref)
}

// dropPluginRefs removes what is left of references to files that were
// left out: a link keeps its text but loses its address, any other
// element (an image, a sound) goes, and a reference in the text itself
// becomes the file's name.
func dropPluginRefs(text string) string {
	if !strings.Contains(text, "@@PLUGINFILE@@") {
		return text
	}
	text = pluginTagRE.ReplaceAllStringFunc(text, func(tag string) string {
		if !strings.Contains(tag, "@@PLUGINFILE@@") {
			return tag
		}
		if m := pluginTagRE.FindStringSubmatch(tag); strings.EqualFold(m[1], "a") {
			return pluginAttrRE.ReplaceAllString(tag, "")
		}
		return ""
	})
	return pluginFileRE.ReplaceAllStringFunc(text, func(ref string) string {
		return path.Base(pluginPath(strings.TrimPrefix(ref, "@@PLUGINFILE@@")))
	})
}
