package views

import (
	"strings"

	"github.com/a-h/templ"
)

// FieldErrors are a form's problems, by the name of the field each is
// about, in words for the person filling it in; the key "" holds a
// problem of the form as a whole. A form shows each message beside its
// field (fieldError), and marks the field invalid and described by it
// (Attrs), so that a screen reader reads the message with the field.
type FieldErrors map[string]string

// Attrs are the attributes of the field's control: aria-describedby
// naming the hints given and, when the field has a problem, its message
// (whose id is the field's name and "-error"), with aria-invalid.
func (e FieldErrors) Attrs(field string, hints ...string) templ.Attributes {
	ids := hints
	if e[field] != "" {
		ids = append(ids[:len(ids):len(ids)], field+"-error")
	}
	a := templ.Attributes{}
	if len(ids) > 0 {
		a["aria-describedby"] = strings.Join(ids, " ")
	}
	if e[field] != "" {
		a["aria-invalid"] = "true"
	}
	return a
}
