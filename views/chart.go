package views

import (
	"context"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

// This file draws the statistics charts as SVG on the server: no script,
// no inline style (colours come from the stylesheet's classes, so the
// charts follow light and dark mode). Each chart is an image with a title
// and a description for screen readers; the page puts the figures in words
// or a table beside it.

// svgWriter builds an SVG document, escaping every text it is given.
type svgWriter struct{ b strings.Builder }

func (w *svgWriter) f(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

// text writes a <text> element.
func (w *svgWriter) text(x, y float64, class, anchor, s string) {
	w.f(`<text x="%s" y="%s" class="%s" text-anchor="%s">%s</text>`, num(x), num(y), class, anchor, esc(s))
}

func esc(s string) string { return html.EscapeString(s) }

// num prints a coordinate with at most one decimal.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// open starts an accessible SVG image of the given size, labelled by its
// <title> and <desc>.
func (w *svgWriter) open(id, class string, width, height float64, title, desc string) {
	w.f(`<svg xmlns="http://www.w3.org/2000/svg" class="chart %s" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="%s-title %s-desc" data-testid="%s">`,
		class, num(width), num(height), num(width), num(height), id, id, id)
	w.f(`<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))
}

func (w *svgWriter) component() templ.Component {
	s := w.b.String() + "</svg>"
	return templ.ComponentFunc(func(_ context.Context, out io.Writer) error {
		_, err := io.WriteString(out, s)
		return err
	})
}

// Heatmap geometry: 13-unit cells, 3 apart, weeks as columns from Monday.
const (
	heatCell  = 13.0
	heatStep  = 16.0
	heatLeft  = 30.0
	heatTop   = 18.0
	heatLevel = 4
)

// HeatmapSVG draws the calendar of reviews per day, a column a week and a
// row a weekday, each day shaded by its number of reviews.
func HeatmapSVG(h Heatmap) templ.Component {
	var w svgWriter
	if len(h.Days) == 0 {
		return w.component()
	}
	offset := h.Days[0].Weekday
	cols := (offset + len(h.Days) + 6) / 7
	width, height := heatLeft+float64(cols)*heatStep, heatTop+7*heatStep
	w.open("heatmap", "heatmap", width, height, "Reviews per day", h.Summary)
	for row, name := range []string{"Mon", "", "Wed", "", "Fri", "", ""} {
		if name != "" {
			w.text(0, heatTop+float64(row)*heatStep+heatCell-2, "axis", "start", name)
		}
	}
	top := 0
	for _, d := range h.Days {
		top = max(top, d.Reviews)
	}
	lastLabel := -3
	for i, d := range h.Days {
		col, row := (i+offset)/7, (i+offset)%7
		x, y := heatLeft+float64(col)*heatStep, heatTop+float64(row)*heatStep
		if d.Month != "" && col-lastLabel >= 3 {
			w.text(x, 11, "axis", "start", d.Month)
			lastLabel = col
		}
		class := "heat-" + strconv.Itoa(heatLevelOf(d.Reviews, top))
		if d.Today {
			class += " heat-today"
		}
		w.f(`<rect x="%s" y="%s" width="%s" height="%s" rx="2" class="%s" data-date="%s" data-reviews="%d"><title>%s</title></rect>`,
			num(x), num(y), num(heatCell), num(heatCell), class, d.Date, d.Reviews, esc(dayText(d)))
	}
	return w.component()
}

// heatLevelOf shades n reviews on a scale of 0 (none) to 4 (the busiest).
func heatLevelOf(n, top int) int {
	if n <= 0 || top <= 0 {
		return 0
	}
	return min(heatLevel, max(1, int(math.Ceil(float64(heatLevel)*float64(n)/float64(top)))))
}

func dayText(d HeatDay) string {
	switch d.Reviews {
	case 0:
		return "No reviews on " + d.Label
	case 1:
		return "1 review on " + d.Label
	}
	return fmt.Sprintf("%d reviews on %s", d.Reviews, d.Label)
}

// HeatLegend is the shading scale under the calendar, "Less … More".
func HeatLegend() templ.Component {
	var w svgWriter
	w.f(`<svg xmlns="http://www.w3.org/2000/svg" class="chart heat-legend" viewBox="0 0 84 13" width="84" height="13" aria-hidden="true">`)
	for i := 0; i <= heatLevel; i++ {
		w.f(`<rect x="%d" y="0" width="13" height="13" rx="2" class="heat-%d"/>`, i*17, i)
	}
	return w.component()
}

// Bar chart geometry, in the viewBox's units: the chart scales to the
// width of its box, so these are proportions as much as sizes.
const (
	barWidth  = 360.0
	barHeight = 170.0
	barLeft   = 30.0
	barRight  = 8.0
	barTop    = 14.0
	barBottom = 22.0
)

// BarChartSVG draws a bar chart with a value axis, gridlines, a label
// under some bars (all when there are few) and, optionally, a dashed
// target line.
func BarChartSVG(id string, c BarChart) templ.Component {
	var w svgWriter
	w.open(id, "bars", barWidth, barHeight, c.Title, c.Desc)
	top := c.Max
	if top == 0 {
		for _, b := range c.Bars {
			top = max(top, b.Value)
		}
	}
	ticks := niceTicks(top)
	top = ticks[len(ticks)-1]
	lines := 1
	for _, b := range c.Bars {
		lines = max(lines, len(b.Axis))
	}
	bottom := barBottom + float64(lines-1)*11
	plotW, plotH := barWidth-barLeft-barRight, barHeight-barTop-bottom
	y := func(v float64) float64 { return barTop + plotH - plotH*v/top }
	for _, t := range ticks {
		w.f(`<line x1="%s" x2="%s" y1="%s" y2="%s" class="grid"/>`, num(barLeft), num(barWidth-barRight), num(y(t)), num(y(t)))
		w.text(barLeft-5, y(t)+3.5, "axis", "end", fmtNum(t)+c.Unit)
	}
	n := len(c.Bars)
	if n == 0 {
		return w.component()
	}
	slot := plotW / float64(n)
	bw := slot * 0.72
	if n <= 8 {
		bw = min(slot*0.6, 44)
	}
	every := 1
	if n > 8 {
		every = 7
	}
	for i, b := range c.Bars {
		x := barLeft + slot*float64(i) + (slot-bw)/2
		h := plotH * b.Value / top
		class := "bar"
		if b.Class != "" {
			class += " bar-" + b.Class
		}
		// A zero still gets a sliver, so that the day is visibly empty
		// rather than missing.
		w.f(`<rect x="%s" y="%s" width="%s" height="%s" rx="1.5" class="%s"><title>%s</title></rect>`,
			num(x), num(y(b.Value)-boolF(h < 1, 1-h)), num(bw), num(max(h, 1)), class, esc(b.Label+": "+b.Text))
		if n <= 8 && b.Text != "" {
			// Inside the top of a tall bar, so that no line crosses it;
			// above a short one.
			if h > 20 {
				w.text(x+bw/2, y(b.Value)+13, "value value-in", "middle", shortValue(b, c.Unit))
			} else {
				w.text(x+bw/2, y(b.Value)-4, "value", "middle", shortValue(b, c.Unit))
			}
		}
		if i%every == 0 {
			axis := b.Axis
			if len(axis) == 0 {
				axis = []string{b.Label}
			}
			for j, line := range axis {
				w.text(x+bw/2, barTop+plotH+14+float64(j)*11, "axis", "middle", line)
			}
		}
	}
	if c.Target > 0 && c.Target <= top {
		ty := y(c.Target)
		w.f(`<line x1="%s" x2="%s" y1="%s" y2="%s" class="target"/>`, num(barLeft), num(barWidth-barRight), num(ty), num(ty))
		w.text(barWidth-barRight, ty-4, "target-label", "end", c.TargetLabel)
	}
	return w.component()
}

func boolF(b bool, v float64) float64 {
	if b {
		return v
	}
	return 0
}

// shortValue is the figure written over a bar: its value with the unit, or
// "–" for a bar with no data.
func shortValue(b Bar, unit string) string {
	if b.Class == "empty" {
		return "–"
	}
	return fmtNum(b.Value) + unit
}

// niceTicks returns the gridline values from 0 up to at least top, at a
// round step (1, 2 or 5 times a power of ten), four or five of them.
func niceTicks(top float64) []float64 {
	if top <= 0 {
		return []float64{0, 1}
	}
	raw := top / 4
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	step := pow
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*pow >= raw {
			step = m * pow
			break
		}
	}
	if step < 1 {
		step = 1
	}
	var ticks []float64
	for v := 0.0; ; v += step {
		ticks = append(ticks, v)
		if v >= top {
			break
		}
	}
	return ticks
}

func fmtNum(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// StatesSVG draws the cards by state as one bar cut into the states'
// shares; the legend beside it is the page's list of states.
func StatesSVG(slices []StateSlice) templ.Component {
	var w svgWriter
	total := 0
	var parts []string
	for _, s := range slices {
		total += s.Count
		if s.Count > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", s.Count, strings.ToLower(s.Name)))
		}
	}
	desc := "No cards yet."
	if total > 0 {
		desc = fmt.Sprintf("%d cards: %s.", total, strings.Join(parts, ", "))
	}
	const width, height = 360.0, 28.0
	w.open("states", "states", width, height, "Cards by state", desc)
	if total == 0 {
		w.f(`<rect x="0" y="0" width="%s" height="%s" rx="6" class="st-empty"/>`, num(width), num(height))
		return w.component()
	}
	w.f(`<clipPath id="states-clip"><rect x="0" y="0" width="%s" height="%s" rx="6"/></clipPath><g clip-path="url(#states-clip)">`, num(width), num(height))
	x := 0.0
	for _, s := range slices {
		if s.Count == 0 {
			continue
		}
		sw := width * float64(s.Count) / float64(total)
		w.f(`<rect x="%s" y="0" width="%s" height="%s" class="st-%s"><title>%s</title></rect>`,
			num(x), num(sw+0.5), num(height), s.Class, esc(fmt.Sprintf("%s: %d", s.Name, s.Count)))
		x += sw
	}
	w.f(`</g>`)
	return w.component()
}
