package views

import (
	"io"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"factdrill/questions"
)

var richTextTests = []struct {
	name   string
	in     string
	format questions.Format
	want   string
}{
	{"PlainEscaped", `2 < 3 & "x"`, questions.Plain, `2 &lt; 3 &amp; &#34;x&#34;`},
	{"PlainLineBreak", "one\ntwo", questions.Plain, "one<br>two"},
	{"PlainParagraphs", "one\n\ntwo", questions.Plain, "<p>one</p><p>two</p>"},
	{"PlainKeepsTags", "<b>bold</b>", questions.Plain, "&lt;b&gt;bold&lt;/b&gt;"},
	{"MoodleIsPlain", "a\r\nb", questions.Moodle, "a<br>b"},
	{"MarkdownStrong", "**Paris** is *big*", questions.Markdown, "<strong>Paris</strong> is <em>big</em>"},
	{"MarkdownUnderscore", "_one_ word", questions.Markdown, "<em>one</em> word"},
	{"MarkdownCode", "run `a < b`", questions.Markdown, "run <code>a &lt; b</code>"},
	{"MarkdownEscape", `\*not\*`, questions.Markdown, "*not*"},
	{"MarkdownNoHTML", "<script>x</script>", questions.Markdown, "&lt;script&gt;x&lt;/script&gt;"},
	{"MarkdownLoneStar", "2 * 3", questions.Markdown, "2 * 3"},
	{"MarkdownParagraphs", "a\n\nb", questions.Markdown, "<p>a</p><p>b</p>"},
	{"HTMLAllowed", "<p>An <em>em</em> and <strong>strong</strong></p>", questions.HTML, "<p>An <em>em</em> and <strong>strong</strong></p>"},
	{"HTMLScriptDropped", "a<script>alert(1)</script>b", questions.HTML, "ab"},
	{"HTMLAttributesDropped", `<p class="x" onclick="y">t</p>`, questions.HTML, "<p>t</p>"},
	{"HTMLUnknownTagKeepsText", "<blink>hi</blink>", questions.HTML, "hi"},
	{"HTMLSafeLink", `<a href="https://example.org/x?a=1&b=2">x</a>`, questions.HTML, `<a href="https://example.org/x?a=1&amp;b=2" rel="nofollow noopener noreferrer">x</a>`},
	{"HTMLScriptLink", `<a href="javascript:alert(1)">x</a>`, questions.HTML, "<a>x</a>"},
	{"HTMLUnclosed", "<ul><li>one<li>two", questions.HTML, "<ul><li>one<li>two</li></li></ul>"},
	{"HTMLStrayEnd", "a</em>b", questions.HTML, "ab"},
	{"HTMLImageDropped", `<img src=x onerror=alert(1)>`, questions.HTML, ""},
	{"HTMLImageStored", `<p><img class="x" src="/media/` + hash64 + `" alt="A  gauge" onerror="alert(1)" width="10"></p>`, questions.HTML,
		`<p><img src="/media/` + hash64 + `" alt="A gauge"></p>`},
	{"HTMLImageNoAlt", `<img src="/media/` + hash64 + `"/>`, questions.HTML, `<img src="/media/` + hash64 + `" alt="">`},
	{"HTMLImageAltEscaped", `<img src="/media/` + hash64 + `" alt='"><script>'>`, questions.HTML, `<img src="/media/` + hash64 + `" alt="&#34;&gt;&lt;script&gt;">`},
	{"HTMLImageElsewhereKeepsAlt", `<img src="https://tracker.example/p.gif" alt="A map">`, questions.HTML, "A map"},
	{"HTMLImageDataDropped", `<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">`, questions.HTML, ""},
	{"HTMLImageLongHash", `<img src="/media/` + hash64 + `0" alt="x">`, questions.HTML, "x"},
	{"HTMLImageOtherPath", `<img src="/media/../teacher/` + hash64 + `" alt="x">`, questions.HTML, "x"},
	{"MarkdownImage", "See ![a gauge](/media/" + hash64 + ") here", questions.Markdown, `See <img src="/media/` + hash64 + `" alt="a gauge"> here`},
	{"MarkdownImageElsewhere", "![x](https://example.org/a.png)", questions.Markdown, "![x](https://example.org/a.png)"},
	{"PlainImageIsText", `<img src="/media/` + hash64 + `" alt="x">`, questions.Plain, `&lt;img src=&#34;/media/` + hash64 + `&#34; alt=&#34;x&#34;&gt;`},
}

// hash64 is a stored image's hash, as question text refers to it.
const hash64 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

func TestRichText(t *testing.T) {
	for _, c := range richTextTests {
		t.Run(c.name, func(t *testing.T) {
			if got := RichText(c.in, c.format); got != c.want {
				t.Errorf("RichText(%q, %s) = %q, want %q", c.in, c.format, got, c.want)
			}
		})
	}
}

// FuzzSanitizeHTML checks, for any input, that what SanitizeHTML keeps is
// only allowed formatting: every element is on the allow-list, the only
// attributes are a link's href, to an http, https or mailto address, and
// its rel, and an image's src, a stored image's, and alt, which every
// image has; and sanitizing again changes nothing.
func FuzzSanitizeHTML(f *testing.F) {
	for _, c := range richTextTests {
		f.Add(c.in)
	}
	for _, s := range []string{
		`<a href=" JaVaScRiPt:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<svg><script>alert(1)</script></svg>`,
		`<style>p{}</style><p style="color:red">x</p>`,
		`<iframe src="https://evil"></iframe>`,
		`<p><b>unclosed <i>nested`,
		`<a href="mailto:a@b.c" title="t">m</a>`,
		`<table><tr><td>1</td></tr></table>`,
		"<!-- comment --><![CDATA[x]]><?php ?>",
		`<textarea><p>raw</p></textarea>`,
		`<a href='data:text/html,<script>alert(1)</script>'>d</a>`,
		`<img src="/media/` + hash64 + `" alt="x" srcset="https://evil/x.png 2x"><img src="/media/` + hash64 + `">`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := SanitizeHTML(in)
		z := xhtml.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				if z.Err() != io.EOF {
					t.Fatalf("SanitizeHTML(%q) = %q, which does not parse: %v", in, out, z.Err())
				}
				break
			}
			switch tt {
			case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
				tok := z.Token()
				if tok.Data == "img" && !slices.ContainsFunc(tok.Attr, func(a xhtml.Attribute) bool { return a.Key == "alt" }) {
					t.Fatalf("SanitizeHTML(%q) = %q, which keeps an image without alt", in, out)
				}
				if !allowedTags[tok.Data] {
					t.Fatalf("SanitizeHTML(%q) = %q, which keeps <%s>", in, out, tok.Data)
				}
				for _, a := range tok.Attr {
					switch {
					case tok.Data == "a" && a.Key == "href" && safeLink(a.Val):
					case tok.Data == "a" && a.Key == "rel":
					case tok.Data == "img" && a.Key == "src" && mediaSrcRE.MatchString(a.Val):
					case tok.Data == "img" && a.Key == "alt":
					default:
						t.Fatalf("SanitizeHTML(%q) = %q, which keeps %s=%q on <%s>", in, out, a.Key, a.Val, tok.Data)
					}
				}
			case xhtml.CommentToken, xhtml.DoctypeToken:
				t.Fatalf("SanitizeHTML(%q) = %q, which keeps a comment or doctype", in, out)
			}
		}
		if again := SanitizeHTML(out); again != out {
			t.Fatalf("SanitizeHTML is not stable on %q: %q, then %q", in, out, again)
		}
	})
}
