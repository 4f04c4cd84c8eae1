package questions

import (
	"strings"
	"testing"
)

func TestParseXML(t *testing.T) {
	doc := "<?xml version = \"1.0\" encoding = 'UTF-8' standalone = \"no\"?>\n" +
		"<!DOCTYPE quiz [ <!ELEMENT quiz ANY> ]>\n" +
		"<quiz a=\"1\">\n  <text>a &amp; <![CDATA[<b>b</b>]]> c</text>\n" +
		"  <mattext><div class=\"x\">Hi &lt;there&gt;</div>\n</mattext>\n</quiz>\n"
	root, err := parseXML("q.xml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if root.Name.Local != "quiz" || root.attr("a") != "1" || root.Line != 3 {
		t.Fatalf("root = %s a=%q line %d, want quiz a=1 line 3", root.Name.Local, root.attr("a"), root.Line)
	}
	if got := root.child("text").text(); got != "a & <b>b</b> c" {
		t.Errorf("text = %q, want text and CDATA joined", got)
	}
	if got := root.child("text").line(); got != 4 {
		t.Errorf("line of <text> = %d, want 4", got)
	}
	if got := root.child("mattext").innerXML(); got != "<div class=\"x\">Hi &lt;there&gt;</div>\n" {
		t.Errorf("innerXML = %q", got)
	}
	if root.child("nothing").child("deeper").text() != "" || root.child("nothing").line() != 0 {
		t.Error("paths through missing elements should give zero values")
	}
}

func TestParseXML_Latin1(t *testing.T) {
	doc := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><q>caf\xe9 \x80</q>")
	root, err := parseXML("l.xml", doc)
	if err != nil {
		t.Fatal(err)
	}
	if got := root.text(); got != "café \u0080" {
		t.Errorf("ISO-8859-1 text = %q", got)
	}
	doc = []byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?><q>\x93quoted\x94 \x80</q>")
	root, err = parseXML("w.xml", doc)
	if err != nil {
		t.Fatal(err)
	}
	if got := root.text(); got != "“quoted” €" {
		t.Errorf("Windows-1252 text = %q", got)
	}
}

var parseXMLErrors = []struct {
	name, doc, want string
	line            int
}{
	{"Entity", `<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><q>&b;</q>`, "declares XML entities", 1},
	{"UndefinedEntity", "<q>\n&nbsp;</q>", "not well-formed", 2},
	{"BadDeclaration", `<?xml version="1.0"encoding="UTF-8"?><q/>`, "declaration", 1},
	{"OpenDeclaration", `<?xml version="1.0"`, "never closed", 1},
	{"Unclosed", "<q>\n<a>\n</q>", "not well-formed", 3},
	{"Encoding", `<?xml version="1.0" encoding="Shift_JIS"?><q/>`, "Shift_JIS encoding", 1},
	{"ASCII", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><q>\xe9</q>", "US-ASCII", 1},
	{"Deep", strings.Repeat("<a>", maxXMLDepth+1) + strings.Repeat("</a>", maxXMLDepth+1), "nested more than", 1},
	{"Empty", "  ", "no XML element", 0},
	{"NotXML", "PK\x03\x04 binary", "not well-formed", 1},
	{"UTF16", "\xff\xfe<\x00q\x00", "UTF-16", 0},
	{"NUL", "<q>\x00</q>", "not well-formed", 1},
}

func TestParseXML_Refused(t *testing.T) {
	for _, tt := range parseXMLErrors {
		t.Run(tt.name, func(t *testing.T) {
			root, err := parseXML("bad.xml", []byte(tt.doc))
			if err == nil {
				t.Fatalf("parseXML(%q) = %v, nil; want an error containing %q", tt.doc, root, tt.want)
			}
			list, ok := err.(ErrorList)
			if !ok || len(list) != 1 {
				t.Fatalf("error = %#v, want one FileError", err)
			}
			if !strings.Contains(list[0].Msg, tt.want) || list[0].Line != tt.line || list[0].File != "bad.xml" {
				t.Errorf("error = %q at line %d, want %q at line %d", list[0].Error(), list[0].Line, tt.want, tt.line)
			}
		})
	}
}
