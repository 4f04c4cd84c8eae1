package generate

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"factdrill/questions/generate/quality"
)

var update = flag.Bool("update", false, "rewrite the golden files from the generator's output")

// TestGenerate_Golden compares the built-in set (the seed document with
// the options cmd/factdrill uses) with testdata/seed.golden, so that every
// change to the generator shows its effect on that set in review. Run
// `go test -update` to rewrite the file after a change meant to alter it.
func TestGenerate_Golden(t *testing.T) {
	set, err := Generate(seedText(t), Options{Title: "Workers' Opposition", Origin: "generated from workers-opposition.txt (Wikipedia)"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s (%s): %d questions\n", set.Title, set.Origin, len(set.Questions))
	for i, q := range set.Questions {
		fmt.Fprintf(&b, "\n%d. %s", i+1, quality.Item(q))
	}
	got := b.String()
	const path = "testdata/seed.golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("the seed set differs from %s; run go test -update if the change is meant, and review the diff:\n%s", path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
