package questions

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// SVG is the one image type that can carry code: scripts, event handlers,
// links to javascript: addresses, HTML inside <foreignObject>, animations
// that rewrite a link, and references to other files or sites. SanitizeSVG
// rebuilds an image from an allow-list instead of removing what is known
// to be bad, so that anything new is left out by default.

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// svgElements are the elements a sanitised SVG keeps: shapes, text,
// paint servers, clipping, masking and filters. Everything else is left out
// with its content (script, style, foreignObject, animations, metadata,
// elements of other namespaces), except <a> and <switch>, whose content is
// kept without them.
var svgElements = setOf(
	"svg", "g", "defs", "symbol", "use", "title", "desc",
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
	"text", "tspan", "textPath", "image",
	"linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
	"filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
	"feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
	"feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
	"feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
	"fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
)

// svgUnwrapped are elements left out whose content is kept.
var svgUnwrapped = setOf("a", "switch")

// svgAttrs are the attributes (without a namespace) a sanitised SVG keeps.
// No event handler (on…) is among them.
var svgAttrs = setOf(
	"id", "class", "style", "lang", "role", "aria-label", "aria-hidden", "version",
	"transform", "transform-origin", "viewBox", "preserveAspectRatio", "width", "height",
	"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "pathLength",
	"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
	"stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
	"stroke-opacity", "opacity", "color", "display", "visibility", "overflow",
	"clip-path", "clip-rule", "mask", "filter", "marker-start", "marker-mid", "marker-end",
	"paint-order", "vector-effect", "shape-rendering", "image-rendering", "text-rendering",
	"color-interpolation", "color-interpolation-filters", "isolation", "mix-blend-mode",
	"font-family", "font-size", "font-style", "font-weight", "font-variant", "font-stretch",
	"text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
	"letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction",
	"dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
	"offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod",
	"fx", "fy", "fr", "patternUnits", "patternContentUnits", "patternTransform",
	"clipPathUnits", "maskUnits", "maskContentUnits", "markerUnits", "markerWidth",
	"markerHeight", "refX", "refY", "orient", "filterUnits", "primitiveUnits",
	"in", "in2", "result", "stdDeviation", "mode", "type", "values", "operator",
	"k1", "k2", "k3", "k4", "flood-color", "flood-opacity", "lighting-color", "radius",
	"baseFrequency", "numOctaves", "seed", "stitchTiles", "scale", "xChannelSelector",
	"yChannelSelector", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY",
	"edgeMode", "kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant",
	"specularConstant", "specularExponent", "azimuth", "elevation", "z", "pointsAtX",
	"pointsAtY", "pointsAtZ", "limitingConeAngle", "tableValues", "slope", "intercept",
	"amplitude", "exponent", "href",
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// svgDataImageRE matches the only addresses an <image> may load: raster
// images written into the SVG itself.
var svgDataImageRE = regexp.MustCompile(`^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$`)

// SanitizeSVG returns a safe copy of an SVG image: only the elements and
// attributes of svgElements and svgAttrs, links and url() references only
// to places inside the image (href="#id"), images only as embedded PNG,
// JPEG, GIF or WebP data, styles only without escapes, imports or outside
// references. It refuses, with an error for the user, a file that is not
// well-formed XML, declares entities, is nested too deep, has no <svg>
// root, or is larger than MaxMediaBytes.
func SanitizeSVG(data []byte) ([]byte, error) {
	if len(data) > MaxMediaBytes {
		return nil, fmt.Errorf("the SVG image is %d bytes; images may be at most %d MB", len(data), MaxMediaBytes>>20)
	}
	root, err := parseXML("image.svg", data)
	if err != nil {
		var list ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			return nil, fmt.Errorf("the SVG image cannot be read: %s", list[0].Msg)
		}
		return nil, fmt.Errorf("the SVG image cannot be read: %w", err)
	}
	if root.Name.Local != "svg" || (root.Name.Space != svgNS && root.Name.Space != "") {
		return nil, fmt.Errorf("the file is not an SVG image: its root element is <%s>, not <svg>", root.Name.Local)
	}
	var b strings.Builder
	writeSVG(&b, root, true)
	return []byte(b.String()), nil
}

// writeSVG writes the allowed part of n.
func writeSVG(b *strings.Builder, n *xmlNode, root bool) {
	if n.Name.Local == "" {
		b.WriteString(escapeXMLText(n.Text))
		return
	}
	if n.Name.Space != svgNS && n.Name.Space != "" {
		return
	}
	if svgUnwrapped[n.Name.Local] {
		for _, k := range n.Kids {
			writeSVG(b, k, false)
		}
		return
	}
	if !svgElements[n.Name.Local] {
		return
	}
	b.WriteString("<" + n.Name.Local)
	if root {
		b.WriteString(` xmlns="` + svgNS + `" xmlns:xlink="` + xlinkNS + `"`)
	}
	for _, a := range n.Attr {
		name, ok := svgAttrName(a.Name.Space, a.Name.Local)
		if !ok || !svgAttrValueSafe(n.Name.Local, a.Name.Local, a.Value) {
			continue
		}
		b.WriteString(" " + name + `="` + escapeXMLAttr(a.Value) + `"`)
	}
	var kids strings.Builder
	for _, k := range n.Kids {
		writeSVG(&kids, k, false)
	}
	if kids.Len() == 0 {
		b.WriteString("/>") // the same whether children were dropped or none were there
		return
	}
	b.WriteString(">" + kids.String() + "</" + n.Name.Local + ">")
}

// svgAttrName returns the name an allowed attribute is written with.
func svgAttrName(space, local string) (string, bool) {
	switch space {
	case "":
		return local, svgAttrs[local]
	case xlinkNS:
		return "xlink:href", local == "href"
	case xmlNS:
		return "xml:" + local, local == "space" || local == "lang"
	}
	return "", false
}

// svgAttrValueSafe reports whether an allowed attribute's value may be
// kept: links only inside the image, url() only to an id, styles without
// escapes or imports, and nothing that names a script.
func svgAttrValueSafe(elem, attr, v string) bool {
	lower := strings.ToLower(v)
	if attr == "href" {
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "#") {
			return !strings.ContainsAny(v, "()")
		}
		return (elem == "image" || elem == "feImage") && svgDataImageRE.MatchString(v)
	}
	if strings.Contains(lower, "javascript:") || strings.Contains(lower, "vbscript:") ||
		strings.Contains(lower, "data:") || strings.Contains(v, "\\") || strings.Contains(v, "<") {
		return false
	}
	if strings.Contains(lower, "image(") || strings.Contains(lower, "image-set(") || strings.Contains(lower, "src(") {
		return false // CSS functions that load a file without url()
	}
	if attr == "style" && (strings.Contains(lower, "@") || strings.Contains(lower, "expression") ||
		strings.Contains(lower, "behavior") || strings.Contains(lower, "binding") || strings.Contains(lower, "/*")) {
		return false
	}
	// Every url( must point inside the image, however it is nested.
	for rest := lower; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return true
		}
		rest = strings.TrimLeft(rest[i+4:], " \t\n\r\f'\"")
		if !strings.HasPrefix(rest, "#") {
			return false
		}
	}
}

// fileMedia turns a file found in a question file into an image of the
// set: an SVG is sanitised first, anything else must be one of MediaTypes.
// The error says, for the user, why the file is not an image factdrill
// takes.
func fileMedia(name string, data []byte) (Media, error) {
	if SniffImage(data) == "image/svg+xml" {
		clean, err := SanitizeSVG(data)
		if err != nil {
			return Media{}, fmt.Errorf("image %q: %w", name, err)
		}
		data = clean
	}
	return NewMedia(name, data)
}
