package questions

import (
	"bytes"
	"strings"
	"testing"
)

var sanitizeSVGTests = []struct {
	name, in string
	want     string // the whole output
}{
	{"Shapes",
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="1" y="1" width="8" height="8" fill="red"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><rect x="1" y="1" width="8" height="8" fill="red"/></svg>`},
	{"NoNamespace",
		`<svg width="4"><circle r="2"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="4"><circle r="2"/></svg>`},
	{"Script",
		`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><g onload="alert(1)" onclick="x()"><path d="M0 0"/></g></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><g><path d="M0 0"/></g></svg>`},
	{"ForeignObject",
		`<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>x()</script></body></foreignObject><text>hi</text></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><text>hi</text></svg>`},
	{"JavascriptLink",
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>click</text></a></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><text>click</text></svg>`},
	{"AnimateHref",
		`<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onclick" to="x"/><text>t</text></a></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><text>t</text></svg>`},
	{"UseLocalAndExternal",
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink"><use l:href="#a"/><use href="http://evil.example/x.svg#a"/><use href="other.svg#a"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/><use/><use/></svg>`},
	{"Image",
		`<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,iVBORw0KGgo="/><image href="https://example.com/a.png"/><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image href="data:image/png;base64,iVBORw0KGgo="/><image/><image/></svg>`},
	{"URLs",
		`<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(#g)" stroke="url(http://e.example/x)" filter="url('javascript:x')" style="fill:url(#g);stroke:blue"/><rect style="background:url(https://e.example/t.png)"/><rect style="fill:red;@import 'x'"/><rect style="fill:\72 ed"/><rect style="background-image:image-set('x.png' 1x)"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect fill="url(#g)" style="fill:url(#g);stroke:blue"/><rect/><rect/><rect/><rect/></svg>`},
	{"StyleElementAndMetadata",
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1"><style>@import url(x.css);</style><metadata><x/></metadata><inkscape:grid/><title>A gauge</title></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><title>A gauge</title></svg>`},
	{"TextEscaped",
		`<svg xmlns="http://www.w3.org/2000/svg"><text xml:space="preserve">a &lt; b &amp; <![CDATA[<script>]]></text><!-- c --><?pi x?></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><text xml:space="preserve">a &lt; b &amp; &lt;script&gt;</text></svg>`},
	{"OtherNamespaceElementWithSVGName",
		`<svg xmlns="http://www.w3.org/2000/svg"><h:script xmlns:h="http://www.w3.org/1999/xhtml">x()</h:script><h:rect xmlns:h="urn:x"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"/>`},
}

func TestSanitizeSVG(t *testing.T) {
	for _, tt := range sanitizeSVGTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SanitizeSVG([]byte(tt.in))
			if err != nil {
				t.Fatalf("SanitizeSVG(%s) = %v", tt.in, err)
			}
			if string(got) != tt.want {
				t.Errorf("SanitizeSVG(%s)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			if SniffImage(got) != "image/svg+xml" {
				t.Errorf("the sanitised image sniffs as %q", SniffImage(got))
			}
		})
	}
}

var refusedSVG = []struct{ name, in, want string }{
	{"NotXML", `<svg><rect></svg>`, "cannot be read"},
	{"Entities", `<!DOCTYPE svg [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg>&b;</svg>`, "entities"},
	{"ExternalEntity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>`, "entities"},
	{"NotSVG", `<html><script>alert(1)</script></html>`, "not an SVG image"},
	{"Deep", "<svg>" + strings.Repeat("<g>", 200) + strings.Repeat("</g>", 200) + "</svg>", "nested"},
	{"TooBig", "<svg>" + strings.Repeat(" ", MaxMediaBytes) + "</svg>", "at most"},
}

func TestSanitizeSVG_Refused(t *testing.T) {
	for _, tt := range refusedSVG {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SanitizeSVG([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("SanitizeSVG = %q, %v; want an error containing %q", got, err, tt.want)
			}
			if got != nil {
				t.Errorf("a refused image returned %q", got)
			}
		})
	}
}

// FuzzSanitizeSVG checks that whatever comes out is safe and stable: it
// reads back as SVG, sanitising it again changes nothing, and it holds no
// script, handler, foreign object or outside reference.
func FuzzSanitizeSVG(f *testing.F) {
	for _, tt := range sanitizeSVGTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range refusedSVG[:4] {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := SanitizeSVG(data)
		if err != nil {
			return
		}
		again, err := SanitizeSVG(out)
		if err != nil {
			t.Fatalf("sanitised output is refused: %v\n%s", err, out)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("sanitising twice changed the image:\n%s\n%s", out, again)
		}
		root, err := parseXML("out.svg", out)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *xmlNode)
		walk = func(n *xmlNode) {
			if n.Name.Local == "" {
				return
			}
			if !svgElements[n.Name.Local] {
				t.Fatalf("element <%s> survived:\n%s", n.Name.Local, out)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(a.Value)
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") && a.Name.Space == "" ||
					strings.Contains(v, "javascript:") || outsideURL(v) {
					t.Fatalf("attribute %s=%q survived:\n%s", a.Name.Local, a.Value, out)
				}
				if a.Name.Local == "href" && !strings.HasPrefix(a.Value, "#") && !strings.HasPrefix(a.Value, "data:image/") {
					t.Fatalf("link %q survived:\n%s", a.Value, out)
				}
			}
			for _, k := range n.Kids {
				walk(k)
			}
		}
		walk(root)
	})
}

// outsideURL reports whether a value has a url() that does not start with
// # once spaces and quotes are skipped.
func outsideURL(v string) bool {
	for {
		i := strings.Index(v, "url(")
		if i < 0 {
			return false
		}
		v = strings.TrimLeft(v[i+4:], " \t\n\r\f'\"")
		if !strings.HasPrefix(v, "#") {
			return true
		}
	}
}

// BenchmarkSanitizeSVG sanitises a drawing of 500 shapes (about 40 KB).
func BenchmarkSanitizeSVG(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>`)
	for i := range 500 {
		sb.WriteString(`<g transform="translate(1 1)"><rect x="` + strings.Repeat("1", i%5+1) + `" y="2" width="3" height="4" fill="url(#g)" onclick="x()"/><path d="M0 0L10 10Z" stroke="black"/></g>`)
	}
	sb.WriteString(`</svg>`)
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := SanitizeSVG(data); err != nil {
			b.Fatal(err)
		}
	}
}
