package questions

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The routing of Moodle XML and QTI files, and a table of hostile files:
// each is refused with a message that says why, and nothing is returned.

const moodleOne = `<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="truefalse"><name><text>T</text></name>
<questiontext format="html"><text>Sky is blue.</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
</question></quiz>`

const qtiOne = `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop><assessment ident="a" title="Quiz"><section ident="root_section">
<item ident="i1" title="Q"><presentation><material><mattext>Say hi</mattext></material>
<response_str ident="response1"><render_fib><response_label ident="a1"/></render_fib></response_str></presentation></item>
</section></assessment></questestinterop>`

const manifestOne = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m"><resources><resource identifier="a" type="imsqti_xmlv1p2"><file href="a/a.xml"/></resource></resources></manifest>`

// zipOf builds a zip from names and contents.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: files[i], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDetectFormat_MoodleAndQTI(t *testing.T) {
	pkg := zipOf(t, "imsmanifest.xml", manifestOne, "a/a.xml", qtiOne)
	for _, tt := range []struct {
		name string
		data []byte
		want FileFormat
	}{
		{"bank.xml", []byte(moodleOne), FileMoodleXML},
		{"bank.txt", []byte(moodleOne), FileMoodleXML},
		{"one.xml", []byte("  <question type=\"essay\"/>"), FileMoodleXML},
		{"quiz.xml", []byte(qtiOne), FileQTI},
		{"upload", []byte(qtiOne), FileQTI},
		{"quiz.zip", pkg, FileQTI},
		{"course.imscc", pkg, FileQTI},
		{"quiz.bin", pkg, FileQTI},
		{"other.zip", zipOf(t, "readme.txt", "hi"), ""},
		{"page.xml", []byte("<html><body/></html>"), ""},
		{"broken.xml", []byte("<quiz"), ""},
	} {
		if got := DetectFormat(tt.name, tt.data); got != tt.want {
			t.Errorf("DetectFormat(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRead_MoodleAndQTI(t *testing.T) {
	for _, tt := range []struct {
		name  string
		data  []byte
		title string
	}{
		{"bank.xml", []byte(moodleOne), "bank"},
		{"quiz.xml", []byte(qtiOne), "Quiz"},
		{"export.zip", zipOf(t, "imsmanifest.xml", manifestOne, "a/a.xml", qtiOne), "Quiz"},
	} {
		s, err := Read(tt.name, tt.data)
		if err != nil {
			t.Fatalf("Read(%s) = %v", tt.name, err)
		}
		eq(t, tt.name+" title", s.Title, tt.title)
		eq(t, tt.name+" origin", s.Origin, "imported from "+tt.name)
	}
}

// lyingZip writes a zip whose central directory says its one file expands
// to 10 bytes when it expands to n.
func lyingZip(t *testing.T, name string, n int) []byte {
	data := zipOf(t, name, strings.Repeat(" ", n))
	i := bytes.Index(data, []byte("PK\x01\x02"))
	if i < 0 {
		t.Fatal("no central directory")
	}
	copy(data[i+24:i+28], []byte{10, 0, 0, 0})
	return data
}

func manyFiles(t *testing.T, n int) []byte {
	files := []string{"imsmanifest.xml", manifestOne}
	for i := range n {
		files = append(files, fmt.Sprintf("f%d.txt", i), "x")
	}
	return zipOf(t, files...)
}

// bigQTI is a well-formed QTI file of about n bytes.
func bigQTI(n int) string {
	return "<questestinterop>" + strings.Repeat(" ", n) + "</questestinterop>"
}

func moodleImage(name string, data []byte) string {
	return `<quiz><question type="truefalse"><name><text>T</text></name>
<questiontext format="html"><text><![CDATA[<p>Look <img src="@@PLUGINFILE@@/` + name + `" alt="x"></p>]]></text>
<file name="` + name + `" encoding="base64">` + base64.StdEncoding.EncodeToString(data) + `</file></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>`
}

var billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE quiz [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<quiz><question type="essay"><questiontext><text>&c;</text></questiontext></question></quiz>`

func TestRead_HostileFiles(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 64))
	for _, tt := range []struct {
		name string
		file string
		data func(t *testing.T) []byte
		want string
	}{
		{"ZipBomb", "bomb.zip", func(t *testing.T) []byte {
			return zipOf(t, "imsmanifest.xml", manifestOne, "a/a.xml", bigQTI(maxZipFile+1))
		}, "expands to 32 MB"},
		{"ZipBombLyingSizes", "liar.zip", func(t *testing.T) []byte {
			return lyingZip(t, "imsmanifest.xml", 1<<20)
		}, "cannot be read"},
		{"ZipBombTotal", "total.zip", func(t *testing.T) []byte {
			files := []string{"imsmanifest.xml", strings.Replace(manifestOne, `<file href="a/a.xml"/>`,
				`<file href="a/1.xml"/></resource><resource identifier="b" type="imsqti_xmlv1p2"><file href="a/2.xml"/></resource><resource identifier="c" type="imsqti_xmlv1p2"><file href="a/3.xml"/></resource><resource identifier="d" type="imsqti_xmlv1p2"><file href="a/4.xml"/></resource><resource identifier="e" type="imsqti_xmlv1p2"><file href="a/5.xml"/>`, 1)}
			for i := 1; i <= 5; i++ {
				files = append(files, fmt.Sprintf("a/%d.xml", i), bigQTI(30<<20))
			}
			return zipOf(t, files...)
		}, "expand to more than 128 MB"},
		{"ZipTooManyFiles", "many.zip", func(t *testing.T) []byte { return manyFiles(t, maxZipEntries) }, "holds 5001 files"},
		{"ZipPathTraversal", "slip.zip", func(t *testing.T) []byte {
			return zipOf(t, "imsmanifest.xml", manifestOne, "../../etc/cron.d/evil", "x")
		}, `"../../etc/cron.d/evil", which climbs out of the package`},
		{"ZipAbsolutePath", "abs.zip", func(t *testing.T) []byte {
			return zipOf(t, "imsmanifest.xml", manifestOne, "/etc/passwd", "x")
		}, "is an absolute path"},
		{"ZipBackslash", "back.zip", func(t *testing.T) []byte {
			return zipOf(t, "imsmanifest.xml", manifestOne, `a\..\..\evil`, "x")
		}, "backslashes"},
		{"ZipDuplicate", "dup.zip", func(t *testing.T) []byte {
			return zipOf(t, "imsmanifest.xml", manifestOne, "imsmanifest.xml", manifestOne)
		}, "two files named"},
		{"ZipWrongMagic", "quiz.zip", func(t *testing.T) []byte { return []byte("this is text, not a zip") }, "not a zip archive"},
		{"ZipTruncated", "cut.zip", func(t *testing.T) []byte {
			z := zipOf(t, "imsmanifest.xml", manifestOne)
			return z[:len(z)/2]
		}, "cannot be read"},
		{"ZipWithoutManifest", "photos.zip", func(t *testing.T) []byte { return zipOf(t, "a.png", string(png)) }, "no imsmanifest.xml"},
		{"ZipEntityInManifest", "ent.zip", func(t *testing.T) []byte {
			return zipOf(t, "imsmanifest.xml", strings.Replace(billionLaughs, "<quiz>", "<manifest>imsqti_xmlv1p2", 1)+"</manifest>")
		}, "declares XML entities"},
		{"MoodleEntityExpansion", "laughs.xml", func(t *testing.T) []byte { return []byte(billionLaughs) }, "declares XML entities"},
		{"MoodleExternalEntity", "xxe.xml", func(t *testing.T) []byte {
			return []byte(`<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz>&x;</quiz>`)
		}, "declares XML entities"},
		{"QTIEntityExpansion", "laughs-qti.xml", func(t *testing.T) []byte {
			return []byte(strings.ReplaceAll(billionLaughs, "quiz", "questestinterop"))
		}, "declares XML entities"},
		{"DeepNesting", "deep.xml", func(t *testing.T) []byte {
			return []byte("<quiz>" + strings.Repeat("<question>", 10000) + strings.Repeat("</question>", 10000) + "</quiz>")
		}, "nested more than 100 deep"},
		{"HugeBase64", "huge.xml", func(t *testing.T) []byte {
			return []byte(moodleImage("huge.png", append(png, make([]byte, MaxMediaBytes)...)))
		}, `bytes; images may be at most 5 MB`},
		{"TooBig", "big.xml", func(t *testing.T) []byte { return []byte(moodleOne + strings.Repeat(" ", MaxPackageSize)) }, "the limit is 67108864 bytes"},
		{"BinaryAsXML", "quiz.xml", func(t *testing.T) []byte { return append([]byte("<quiz>\x00"), png...) }, "not well-formed XML"},
		{"ZipImageTooBig", "img.zip", func(t *testing.T) []byte {
			qti := strings.Replace(qtiOne, "Say hi", `&lt;img src="big.png"&gt;`, 1)
			qti = strings.Replace(qti, "<mattext>", `<mattext texttype="text/html">`, 1)
			return zipOf(t, "imsmanifest.xml", manifestOne, "a/a.xml", qti, "a/big.png", string(png)+strings.Repeat("\x00", MaxMediaBytes))
		}, "expands to more than 5 MB"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Read(tt.file, tt.data(t))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Read = %d questions, %v; want an ErrorList", len(set.Questions), err)
			}
			if !strings.Contains(list.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", list.Error(), tt.want)
			}
			if list[0].File == "" || !strings.HasPrefix(list[0].File, tt.file) {
				t.Errorf("the error names %q, not the file %q", list[0].File, tt.file)
			}
			if len(set.Questions) > 0 || len(set.Media) > 0 || set.Title != "" {
				t.Errorf("a refused file returned %+v", set)
			}
		})
	}
}

// TestRead_FilesLeftOut checks what is left out with a warning, not
// refused: a file that only claims to be an image, an image a zip path
// climbs out to, an SVG with a script (kept, sanitised).
func TestRead_FilesLeftOut(t *testing.T) {
	s, err := Read("fake.xml", []byte(moodleImage("cat.png", []byte("<html><script>alert(1)</script></html>"))))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "images", len(s.Media), 0)
	wantWarnings(t, s, `image "cat.png" is not a PNG, JPEG, GIF, WebP or SVG image and was left out`)
	eq(t, "stem", s.Questions[0].Stem, "<p>Look </p>")

	s, err = Read("svg.xml", []byte(moodleImage("pic.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="1" height="1"/></svg>`))))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Media) != 1 || strings.Contains(string(s.Media[0].Data), "alert") || s.Media[0].Type != "image/svg+xml" {
		t.Fatalf("media = %+v, want one sanitised SVG", s.Media)
	}
	contain(t, "stem", s.Questions[0].Stem, MediaPath(s.Media[0].Hash))

	qti := strings.Replace(qtiOne, "Say hi", `&lt;img src="../../../etc/passwd"&gt;Hi`, 1)
	qti = strings.Replace(qti, "<mattext>", `<mattext texttype="text/html">`, 1)
	s, err = Read("slip.zip", zipOf(t, "imsmanifest.xml", manifestOne, "a/a.xml", qti))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "stem", s.Questions[0].Stem, "Hi")
	wantWarnings(t, s, `image "../../../etc/passwd" was left out: the package does not hold it`)
}
