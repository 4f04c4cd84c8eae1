package views

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file works out the statistics charts' geometry; chart.templ draws
// them as SVG on the server: no script, no inline style (colours come from
// the stylesheet's classes, so the charts follow light and dark mode).
// Each chart is an image with a title and a description for screen
// readers; the page puts the figures in words or a table beside it.

// svgShape is one element of a chart, in drawing order: a rect (with a
// tooltip title, and data attributes on the calendar), a line, or a text.
type svgShape struct {
	Kind           string // "rect", "line" or "text"
	X, Y, W, H, RX float64
	X2, Y2         float64 // a line's end
	Class          string
	Anchor         string // a text's text-anchor
	Text           string // a text's content, or a rect's tooltip
	// Date and Reviews are a calendar day's data attributes.
	Date    string
	Reviews int
}

// svgChart is a chart ready to draw: its size, its accessible title and
// description, and its shapes. Clip, when set, rounds the corners of the
// shapes (the states bar).
type svgChart struct {
	ID, Class   string
	W, H        float64
	Title, Desc string
	Shapes      []svgShape
	Clip        bool
}

func (c *svgChart) rect(x, y, w, h, rx float64, class, title string) {
	c.Shapes = append(c.Shapes, svgShape{Kind: "rect", X: x, Y: y, W: w, H: h, RX: rx, Class: class, Text: title})
}

func (c *svgChart) line(x1, y1, x2, y2 float64, class string) {
	c.Shapes = append(c.Shapes, svgShape{Kind: "line", X: x1, Y: y1, X2: x2, Y2: y2, Class: class})
}

func (c *svgChart) text(x, y float64, class, anchor, s string) {
	c.Shapes = append(c.Shapes, svgShape{Kind: "text", X: x, Y: y, Class: class, Anchor: anchor, Text: s})
}

// num prints a coordinate with at most one decimal.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// Heatmap geometry: 13-unit cells, 3 apart, weeks as columns from Monday.
const (
	heatCell  = 13.0
	heatStep  = 16.0
	heatLeft  = 30.0
	heatTop   = 18.0
	heatLevel = 4
)

// heatmapChart lays out the calendar of reviews per day, a column a week
// and a row a weekday, each day shaded by its number of reviews; ok is
// false with no days.
func heatmapChart(h Heatmap) (svgChart, bool) {
	if len(h.Days) == 0 {
		return svgChart{}, false
	}
	offset := h.Days[0].Weekday
	cols := (offset + len(h.Days) + 6) / 7
	c := svgChart{ID: "heatmap", Class: "heatmap", W: heatLeft + float64(cols)*heatStep, H: heatTop + 7*heatStep,
		Title: "Reviews per day", Desc: h.Summary}
	for row, name := range []string{"Mon", "", "Wed", "", "Fri", "", ""} {
		if name != "" {
			c.text(0, heatTop+float64(row)*heatStep+heatCell-2, "axis", "start", name)
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
			c.text(x, 11, "axis", "start", d.Month)
			lastLabel = col
		}
		class := "heat-" + strconv.Itoa(heatLevelOf(d.Reviews, top))
		if d.Today {
			class += " heat-today"
		}
		c.Shapes = append(c.Shapes, svgShape{Kind: "rect", X: x, Y: y, W: heatCell, H: heatCell, RX: 2, Class: class,
			Text: dayText(d), Date: d.Date, Reviews: d.Reviews})
	}
	return c, true
}

// heatLevelOf shades n reviews on a scale of 0 (none) to 4 (the busiest).
func heatLevelOf(n, top int) int {
	if n <= 0 || top <= 0 {
		return 0
	}
	return min(heatLevel, max(1, int(math.Ceil(float64(heatLevel)*float64(n)/float64(top)))))
}

func dayText(d HeatDay) string {
	if d.Reviews == 0 {
		return "No reviews on " + d.Label
	}
	return Plural(d.Reviews, "review") + " on " + d.Label
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

// barChart lays out a bar chart with a value axis, gridlines, a label
// under some bars (all when there are few) and, optionally, a dashed
// target line.
func barChart(id string, b BarChart) svgChart {
	c := svgChart{ID: id, Class: "bars", W: barWidth, H: barHeight, Title: b.Title, Desc: b.Desc}
	top := b.Max
	if top == 0 {
		for _, bar := range b.Bars {
			top = max(top, bar.Value)
		}
	}
	ticks := niceTicks(top)
	top = ticks[len(ticks)-1]
	lines := 1
	for _, bar := range b.Bars {
		lines = max(lines, len(bar.Axis))
	}
	bottom := barBottom + float64(lines-1)*11
	plotW, plotH := barWidth-barLeft-barRight, barHeight-barTop-bottom
	y := func(v float64) float64 { return barTop + plotH - plotH*v/top }
	for _, t := range ticks {
		c.line(barLeft, y(t), barWidth-barRight, y(t), "grid")
		c.text(barLeft-5, y(t)+3.5, "axis", "end", fmtNum(t)+b.Unit)
	}
	n := len(b.Bars)
	if n == 0 {
		return c
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
	for i, bar := range b.Bars {
		x := barLeft + slot*float64(i) + (slot-bw)/2
		h := plotH * bar.Value / top
		class := "bar"
		if bar.Class != "" {
			class += " bar-" + bar.Class
		}
		// A zero still gets a sliver, so that the day is visibly empty
		// rather than missing.
		c.rect(x, y(bar.Value)-max(1-h, 0), bw, max(h, 1), 1.5, class, bar.Label+": "+bar.Text)
		if n <= 8 && bar.Text != "" {
			// Inside the top of a tall bar, so that no line crosses it;
			// above a short one.
			if h > 20 {
				c.text(x+bw/2, y(bar.Value)+13, "value value-in", "middle", shortValue(bar, b.Unit))
			} else {
				c.text(x+bw/2, y(bar.Value)-4, "value", "middle", shortValue(bar, b.Unit))
			}
		}
		if i%every == 0 {
			axis := bar.Axis
			if len(axis) == 0 {
				axis = []string{bar.Label}
			}
			for j, line := range axis {
				c.text(x+bw/2, barTop+plotH+14+float64(j)*11, "axis", "middle", line)
			}
		}
	}
	if b.Target > 0 && b.Target <= top {
		ty := y(b.Target)
		c.line(barLeft, ty, barWidth-barRight, ty, "target")
		c.text(barWidth-barRight, ty-4, "target-label", "end", b.TargetLabel)
	}
	return c
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

// statesChart lays out the cards by state as one bar cut into the states'
// shares; the legend beside it is the page's list of states.
func statesChart(slices []StateSlice) svgChart {
	total := 0
	var parts []string
	for _, s := range slices {
		total += s.Count
		if s.Count > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", s.Count, strings.ToLower(s.Name)))
		}
	}
	c := svgChart{ID: "states", Class: "states", W: 360, H: 28, Title: "Cards by state", Desc: "No cards yet."}
	if total == 0 {
		c.rect(0, 0, c.W, c.H, 6, "st-empty", "")
		return c
	}
	c.Desc, c.Clip = fmt.Sprintf("%d cards: %s.", total, strings.Join(parts, ", ")), true
	x := 0.0
	for _, s := range slices {
		if s.Count == 0 {
			continue
		}
		sw := c.W * float64(s.Count) / float64(total)
		c.rect(x, 0, sw+0.5, c.H, 0, "st-"+s.Class, fmt.Sprintf("%s: %d", s.Name, s.Count))
		x += sw
	}
	return c
}
