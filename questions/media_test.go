package questions

import (
	"reflect"
	"strings"
	"testing"
)

var sniffTests = []struct {
	name string
	data string
	want string
}{
	{"PNG", "\x89PNG\r\n\x1a\n\x00\x00", "image/png"},
	{"JPEG", "\xff\xd8\xff\xe0", "image/jpeg"},
	{"GIF", "GIF89a\x01\x00", "image/gif"},
	{"WebP", "RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"},
	{"SVG", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, "image/svg+xml"},
	{"HTML", "<html><body>hi</body></html>", ""},
	{"PDF", "%PDF-1.4", ""},
	{"Empty", "", ""},
}

func TestSniffImage(t *testing.T) {
	for _, tt := range sniffTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SniffImage([]byte(tt.data)); got != tt.want {
				t.Errorf("SniffImage(%q) = %q, want %q", tt.data, got, tt.want)
			}
		})
	}
}

func TestNewMedia(t *testing.T) {
	m, err := NewMedia("dot.png", []byte("\x89PNG\r\n\x1a\nrest"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Type != "image/png" || len(m.Hash) != 64 {
		t.Errorf("NewMedia = %+v, want a PNG with a 64-digit hash", m)
	}
	text := `<p><img src="` + MediaPath(m.Hash) + `" alt="a dot"> and again <img src="` + MediaPath(m.Hash) + `"></p>`
	if got := MediaRefs(text); len(got) != 1 || got[0] != m.Hash {
		t.Errorf("MediaRefs(%q) = %v, want [%s]", text, got, m.Hash)
	}
	for name, data := range map[string][]byte{
		"empty.png": nil,
		"page.png":  []byte("<html></html>"),
		"huge.png":  append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, MaxMediaBytes)...),
	} {
		if _, err := NewMedia(name, data); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("NewMedia(%q) error = %v, want one naming the file", name, err)
		}
	}
}

func TestMediaCheck(t *testing.T) {
	png, err := NewMedia("dot.png", []byte("\x89PNG\r\n\x1a\nrest"))
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Check(); err != nil {
		t.Errorf("Check of NewMedia's image = %v, want nil", err)
	}
	wrongType := png
	wrongType.Type = "image/gif"
	wrongHash := png
	wrongHash.Hash = strings.Repeat("0", 64)
	html := png
	html.Data, html.Type = []byte("<html></html>"), "text/html"
	for name, m := range map[string]Media{"wrong type": wrongType, "wrong hash": wrongHash, "not an image": html, "empty": {Hash: png.Hash, Type: png.Type}} {
		if err := m.Check(); err == nil {
			t.Errorf("Check(%s) = nil, want an error", name)
		}
	}
}

func TestSetMediaRefs(t *testing.T) {
	a, b, c := strings.Repeat("a", 64), strings.Repeat("b", 64), strings.Repeat("c", 64)
	img := func(h string) string { return `<img src="` + MediaPath(h) + `" alt="">` }
	s := Set{Questions: []Question{
		{Kind: MultipleChoice, Format: HTML, Stem: "Which? " + img(a), Choices: []Choice{{Text: img(b), Weight: 100}, {Text: "no", Feedback: img(c)}}},
		{Kind: ShortAnswer, Format: HTML, Stem: img(b), Answers: []Choice{{Text: "x", Weight: 100}}},
	}}
	got := strings.Join(s.MediaRefs(), " ")
	if want := a + " " + b + " " + c; got != want {
		t.Errorf("MediaRefs = %s, want %s", got, want)
	}
}

func TestQuestionWithImage(t *testing.T) {
	m, err := NewMedia("dot.png", []byte("\x89PNG\r\n\x1a\nrest"))
	if err != nil {
		t.Fatal(err)
	}
	img := `<p><img src="` + MediaPath(m.Hash) + `" alt="A &#34;red&#34; dot"></p>`
	plain := Question{Kind: MultipleChoice, Stem: "Which is <b>bold</b>?\n\nPick one.", Feedback: "a & b",
		Choices: []Choice{{Text: "x < y", Weight: 100, Feedback: "yes"}, {Text: "y"}}}
	got := plain.WithImage(m, "  A \"red\"\n dot ")
	want := Question{Kind: MultipleChoice, Format: HTML, Stem: "<p>Which is &lt;b&gt;bold&lt;/b&gt;?</p><p>Pick one.</p>" + img,
		Feedback: "a &amp; b", Choices: []Choice{{Text: "x &lt; y", Weight: 100, Feedback: "yes"}, {Text: "y"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("WithImage(plain) =\n%+v\nwant\n%+v", got, want)
	}
	if plain.Choices[0].Text != "x < y" {
		t.Error("WithImage changed the question it was called on")
	}
	if err := got.Validate(); err != nil {
		t.Errorf("the question with its image is not valid: %v", err)
	}
	short := Question{Kind: ShortAnswer, Format: HTML, Stem: "<p>Name it.</p>", Answers: []Choice{{Text: "R & D", Weight: 100}}}
	if got := short.WithImage(m, "dot"); got.Stem != `<p>Name it.</p><p><img src="`+MediaPath(m.Hash)+`" alt="dot"></p>` || got.Answers[0].Text != "R & D" {
		t.Errorf("WithImage(html) = %q, answers %q; want the image appended, the answer as typed", got.Stem, got.Answers[0].Text)
	}
	md := Question{Kind: ShortAnswer, Format: Markdown, Stem: "**Name** it.\n", Answers: []Choice{{Text: "x", Weight: 100}}}
	if got := md.WithImage(m, "a [big] dot"); got.Stem != "**Name** it.\n\n![a  big  dot]("+MediaPath(m.Hash)+")" {
		t.Errorf("WithImage(markdown) = %q", got.Stem)
	}
}
