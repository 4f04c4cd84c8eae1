// Package views holds factdrill's pages: templ components that take plain
// view models and render whole HTML documents (the statistics charts' SVG
// too, laid out in chart.go and drawn in chart.templ), and the stylesheet
// and the little JavaScript there is, embedded. Views never query; handlers
// build their models from domain values. A form's problems come as
// FieldErrors, shown beside their fields. Tests render components and
// query them by their data-testid hooks; the charts have golden files.
package views

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
)

//go:embed static
var static embed.FS

// Static is the file system of the stylesheet, scripts and icons, served
// under /static/.
var Static, _ = fs.Sub(static, "static")

// assetVersion is a digest of every static file, added to asset URLs so
// that browsers may cache them for good and still see each new release.
var assetVersion = func() string {
	h := sha256.New()
	fs.WalkDir(Static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Static, p)
		h.Write([]byte(p))
		h.Write(b)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}()

// Asset returns the URL of a static file, with the release's version.
func Asset(name string) string { return "/static/" + name + "?v=" + assetVersion }
