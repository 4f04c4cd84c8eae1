package views

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/a-h/templ"
)

// update rewrites the golden files of the charts: go test ./views -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/charts")

// chartCases are the charts drawn for the golden files, from figures made
// up to cover each chart's cases: busy and empty days, today, a month
// label, tall and short bars, a target line, empty bars and no cards.
var chartCases = func() []struct {
	name string
	c    templ.Component
} {
	start := time.Date(2026, 10, 26, 0, 0, 0, 0, time.UTC) // a Monday
	var heat Heatmap
	for i := range 40 {
		d := start.AddDate(0, 0, i)
		day := HeatDay{Date: d.Format("2006-01-02"), Label: d.Format("Mon 2 Jan 2006"), Weekday: (int(d.Weekday()) + 6) % 7,
			Reviews: (i * 7) % 23, Today: i == 39}
		if d.Day() == 1 || i == 0 {
			day.Month = d.Format("Jan")
		}
		heat.Days = append(heat.Days, day)
	}
	heat.Summary = "Summary of <the> calendar & more."
	due := BarChart{Title: "Cards due in the next 30 days", Desc: "Due & more"}
	for i := range 30 {
		b := Bar{Label: fmt.Sprintf("Day %d", i), Value: float64((i * 5) % 17), Text: Plural((i*5)%17, "card")}
		if i == 0 {
			b.Class = "today"
		}
		due.Bars = append(due.Bars, b)
	}
	ret := BarChart{Title: "True retention by card age", Desc: "Retention", Unit: "%", Max: 100, Target: 90, TargetLabel: "aim 90%",
		Bars: []Bar{
			{Label: "First week", Axis: []string{"first", "week"}, Value: 95, Text: "95% of 20"},
			{Label: "1–4 weeks", Axis: []string{"1–4", "weeks"}, Value: 60, Text: "60% of 10", Class: "weak"},
			{Label: "1–3 months", Axis: []string{"1–3", "months"}, Class: "empty", Text: "no review answers yet"},
		}}
	states := []StateSlice{{Name: "New", Class: "new", Count: 12}, {Name: "Learning", Class: "learning", Count: 3},
		{Name: "Mature", Class: "mature", Count: 0}, {Name: "Young", Class: "young", Count: 7}}
	return []struct {
		name string
		c    templ.Component
	}{
		{"heatmap", HeatmapSVG(heat)},
		{"heat-legend", HeatLegend()},
		{"due", BarChartSVG("due", due)},
		{"retention", BarChartSVG("retention", ret)},
		{"bars-empty", BarChartSVG("empty", BarChart{Title: "Nothing"})},
		{"states", StatesSVG(states)},
		{"states-empty", StatesSVG(nil)},
	}
}()

func TestCharts(t *testing.T) {
	for _, c := range chartCases {
		t.Run(c.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := c.c.Render(context.Background(), &got); err != nil {
				t.Fatal(err)
			}
			// Every chart is well-formed XML: SVG in a page is parsed as
			// such by tools, and a stray < would show.
			dec := xml.NewDecoder(bytes.NewReader(got.Bytes()))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed XML: %v\n%s", c.name, err, got.String())
				}
			}
			golden := filepath.Join("testdata", "charts", c.name+".svg")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./views -update to write it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s drew\n%s\nwant (%s)\n%s", c.name, got.String(), golden, want)
			}
		})
	}
}

var niceTicksTests = []struct {
	top  float64
	want string
}{
	{0, "[0 1]"},
	{3, "[0 1 2 3]"},
	{17, "[0 5 10 15 20]"},
	{100, "[0 25 50 75 100]"},
	{1234, "[0 500 1000 1500]"},
}

func TestNiceTicks(t *testing.T) {
	for _, c := range niceTicksTests {
		if got := fmt.Sprint(niceTicks(c.top)); got != c.want {
			t.Errorf("niceTicks(%v) = %s, want %s", c.top, got, c.want)
		}
	}
}
