package web

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"factdrill/db"
	"factdrill/questions"
)

// testImage is a small real PNG, stored by newEnv.
var testImage = pngImage(8, 6, color.RGBA{200, 40, 40, 255})

func colorOf(r, g, b uint8) color.Color { return color.RGBA{r, g, b, 255} }

// pngImage makes a PNG of one colour, as questions.Media.
func pngImage(w, h int, c color.Color) questions.Media {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	m, err := questions.NewMedia("test.png", buf.Bytes())
	if err != nil {
		panic(err)
	}
	return m
}

func TestMediaShow(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	svg, err := questions.SanitizeSVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><circle r="4" cx="5" cy="5" onclick="alert(2)"/></svg>`))
	if err != nil {
		t.Fatal(err)
	}
	svgMedia, err := questions.NewMedia("dot.svg", svg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.PutMedia(t.Context(), svgMedia); err != nil {
		t.Fatal(err)
	}

	r := b.get("/media/" + testImage.Hash)
	if r.status != http.StatusOK || r.body != string(testImage.Data) {
		t.Fatalf("GET the stored PNG = %d, %d bytes; want 200 and its %d bytes", r.status, len(r.body), len(testImage.Data))
	}
	for h, want := range map[string]string{
		"Content-Type":           "image/png",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "public, max-age=31536000, immutable",
		"ETag":                   `"` + testImage.Hash + `"`,
	} {
		if got := r.header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	if c := r.header.Get("Set-Cookie"); c != "" {
		t.Errorf("an image set a cookie: %q", c)
	}

	r = b.get("/media/" + svgMedia.Hash)
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "image/svg+xml" || !strings.Contains(r.header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("GET the SVG = %d, %q, CSP %q; want 200, image/svg+xml and a sandbox", r.status, r.header.Get("Content-Type"), r.header.Get("Content-Security-Policy"))
	}
	if strings.Contains(r.body, "script") || strings.Contains(r.body, "onclick") {
		t.Errorf("the served SVG keeps script: %s", r.body)
	}

	req, _ := http.NewRequest("GET", e.srv.URL+"/media/"+testImage.Hash, nil)
	req.Header.Set("If-None-Match", `"`+testImage.Hash+`"`)
	if r := b.do(req); r.status != http.StatusNotModified || r.body != "" {
		t.Errorf("GET with If-None-Match = %d with %d bytes, want 304 and none", r.status, len(r.body))
	}

	for _, p := range []string{
		"/media/" + strings.Repeat("0", 64),         // not stored
		"/media/" + strings.ToUpper(testImage.Hash), // not the stored name
		"/media/" + testImage.Hash[:63],             // too short
		"/media/" + testImage.Hash + ".png",         // not a hash
		"/media/..%2fsettings",                      // not a hash
	} {
		if r := b.get(p); r.status != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, r.status)
		}
	}
}

// BenchmarkMediaShow is GET of a stored 100 KB image in process, read
// from the database each time (a browser without it cached), and the
// same with the ETag a browser that has it sends (304, no read).
func BenchmarkMediaShow(b *testing.B) {
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	data := append(bytes.Clone(testImage.Data), make([]byte, 100<<10)...)
	img, err := questions.NewMedia("big.png", data)
	if err != nil {
		b.Fatal(err)
	}
	if err := store.PutMedia(ctx, img); err != nil {
		b.Fatal(err)
	}
	s, err := New(ctx, store, slog.New(slog.NewTextHandler(io.Discard, nil)), DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	for _, c := range []struct {
		name   string
		etag   string
		status int
	}{{"Full", "", http.StatusOK}, {"NotModified", `"` + img.Hash + `"`, http.StatusNotModified}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", "/media/"+img.Hash, nil)
				if c.etag != "" {
					req.Header.Set("If-None-Match", c.etag)
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != c.status {
					b.Fatalf("GET = %d, want %d", rec.Code, c.status)
				}
			}
		})
	}
}
