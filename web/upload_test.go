package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"factdrill/questions"
)

// TestUploadHostile sends uploads that must be refused whole, with a clear
// message, and checks that nothing was stored.
func TestUploadHostile(t *testing.T) {
	w := newWorld(t)
	before := countSets(t, w.store)
	for _, c := range []struct {
		name   string
		data   []byte
		status int
		want   string
	}{
		{"big.gift", bytes.Repeat([]byte("::Q:: A? {T}\n\n"), (questions.MaxFileSize/14)+100), http.StatusRequestEntityTooLarge, "larger than 10 MB"},
		{"binary.gift", []byte("::Q:: A? {T}\n\x00\x01\x02\xff\xfe"), http.StatusUnprocessableEntity, "not text"},
		{"latin1.gift", []byte("::Q:: Caf\xe9 au lait? {T}\n"), http.StatusUnprocessableEntity, "invalid UTF-8"},
		{"broken.gift", []byte("::A:: Fine? {T}\n\n::B:: Broken? {=yes\n"), http.StatusUnprocessableEntity, "broken.gift:3:"},
		{"empty.gift", []byte("   \n"), http.StatusUnprocessableEntity, "empty"},
		{"notes.txt", []byte("Just some prose, with commas, and nothing else.\n"), http.StatusUnprocessableEntity, "cannot tell the file"},
	} {
		r := w.tA.upload("/teacher/sets/upload", "file", c.name, c.data, nil)
		if r.status != c.status {
			t.Errorf("upload %s = %d, want %d\n%s", c.name, r.status, c.status, r.body)
			continue
		}
		mustContain(t, "upload "+c.name, r.body, c.want, "Nothing was saved")
	}
	if after := countSets(t, w.store); after != before {
		t.Errorf("after the refused uploads there are %d sets, want %d: nothing may change", after, before)
	}
	if r := w.tA.upload("/teacher/sets/upload", "file", "", nil, nil); r.status != http.StatusUnprocessableEntity {
		t.Errorf("upload without a file = %d, want 422", r.status)
	}
	// A body over the upload limit is cut off by the server.
	r := w.tA.upload("/teacher/sets/upload", "file", "huge.gift", bytes.Repeat([]byte("x"), maxUploadBody+1), nil)
	if r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("an upload over the body limit = %d, want 413", r.status)
	}
	// Other routes keep the form limit.
	if r := w.tA.post("/teacher/classes", url.Values{"name": {strings.Repeat("x", 2<<20)}}); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("a 2 MB form to a non-upload route = %d, want 413", r.status)
	}

	t.Run("Script", func(t *testing.T) {
		r := w.tA.upload("/teacher/sets/upload", "file", "capitals.gift", []byte(testGIFT), nil)
		if r.status != http.StatusSeeOther {
			t.Fatalf("upload = %d\n%s", r.status, r.body)
		}
		page := w.tA.get(strings.Split(r.location, "?")[0])
		mustContain(t, "set page", page.body, "Which tag runs code? &lt;script&gt;alert(1)&lt;/script&gt;")
		if strings.Contains(page.body, "<script>alert") {
			t.Fatal("the question's <script> reached the page as markup")
		}
		edit := w.tA.get(strings.Split(r.location, "?")[0] + "/edit")
		if strings.Contains(edit.body, "<script>alert") {
			t.Fatal("the question's <script> reached the editor as markup")
		}
	})
}
