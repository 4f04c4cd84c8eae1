package ziplimit

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

var limits = Limits{Entries: 3, Entry: 1 << 20, Total: 3 << 20 / 2, Ratio: 100, RatioFloor: 1 << 10}

func archive(t *testing.T, files map[string]string, order ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOpen(t *testing.T) {
	random := func(n int) string { // text that does not compress much
		var b strings.Builder
		x := uint32(1)
		for b.Len() < n {
			x = x*1664525 + 1013904223
			b.WriteByte(byte('a' + x>>27))
		}
		return b.String()
	}
	tests := []struct {
		name  string
		files map[string]string
		order []string
		want  string // "" when the archive is accepted
	}{
		{"Fine", map[string]string{"a.xml": "<a/>", "dir/b.xml": "<b/>"}, []string{"a.xml", "dir/b.xml"}, ""},
		{"TooMany", map[string]string{"a": "", "b": "", "c": "", "d": ""}, []string{"a", "b", "c", "d"}, "the archive holds 4 files; at most 3 are accepted"},
		{"Bomb", map[string]string{"a": strings.Repeat("x", 1<<20)}, []string{"a"}, `"a" is compressed`},
		{"TooBig", map[string]string{"a": random(1<<20 + 1)}, []string{"a"}, `"a" unpacks to 1048577 bytes; the limit is 1048576`},
		{"TooMuch", map[string]string{"a": random(800 << 10), "b": random(800 << 10)}, []string{"a", "b"}, "the archive unpacks to more than"},
		{"Parent", map[string]string{"a/../../b": ""}, []string{"a/../../b"}, "points outside it"},
		{"Absolute", map[string]string{"/etc/passwd": ""}, []string{"/etc/passwd"}, "points outside it"},
		{"Drive", map[string]string{"C:/x": ""}, []string{"C:/x"}, "points outside it"},
		{"Backslash", map[string]string{`a\b`: ""}, []string{`a\b`}, "points outside it"},
		{"Twice", map[string]string{"a": ""}, []string{"a", "a"}, `the archive holds "a" twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := archive(t, tt.files, tt.order...)
			z, err := Open(bytes.NewReader(data), int64(len(data)), limits)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				f := Find(z, "dir/b.xml")
				if f == nil {
					t.Fatal("Find(dir/b.xml) = nil")
				}
				if got, err := Read(f); err != nil || string(got) != "<b/>" {
					t.Errorf("Read = %q, %v; want <b/>", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := Open(bytes.NewReader([]byte("not a zip")), 9, limits); err == nil || err.Error() != "the file is not a valid zip archive" {
		t.Errorf("Open(not a zip) error = %v", err)
	}
}
