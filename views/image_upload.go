package views

import (
	"fmt"
	"strings"

	xhtml "golang.org/x/net/html"

	"factdrill/questions"
)

// ImageControl is the image upload of one question in an editor: a file
// and its required description (alt text), added to the end of the
// question's text by POST /teacher/questions/{id}/images. It is a form of
// its own, placed after the editor's form and tied to its fields by their
// form attribute, so that it can sit inside the editor's question.
type ImageControl struct {
	// QuestionID is the question's identity; 0 offers no control.
	QuestionID int64
	// Back is the page to come back to once the image is added.
	Back string
	// Images are those the question's text shows already.
	Images []ShownImage
	// InPlace is true for a question asked in place, whose text takes
	// no image.
	InPlace bool
	// Alt and Error are what was typed and what was wrong with it, when
	// the control is shown again on its own page.
	Alt, Error string
	MaxMB      int
}

// ShownImage is an image a question's text shows, and its alt text.
type ShownImage struct{ Src, Alt string }

// FormID is the id of the control's form.
func (c ImageControl) FormID() string { return fmt.Sprintf("image-q%d", c.QuestionID) }

// Action is where the control's form posts.
func (c ImageControl) Action() string {
	return fmt.Sprintf("/teacher/questions/%d/images", c.QuestionID)
}

// NewImageControl is the control of a stored question, coming back to back.
func NewImageControl(questionID int64, q questions.Question, back string) ImageControl {
	c := ImageControl{QuestionID: questionID, Back: back, InPlace: q.InPlace(), MaxMB: questions.MaxMediaBytes >> 20}
	c.Images = imagesOf(RichText(q.Stem, q.Format))
	return c
}

// ImagePage is the image control on a page of its own: where the control
// comes back with what was wrong.
type ImagePage struct {
	TeacherPage
	Control ImageControl
}

// altLabel is an image's alt text as a thumbnail's caption.
func altLabel(alt string) string {
	if alt == "" {
		return "(no description)"
	}
	return alt
}

func itoa(n int) string { return fmt.Sprint(n) }

// imagesOf lists the images of safe HTML (what RichText gives), in order.
func imagesOf(safe string) []ShownImage {
	var out []ShownImage
	z := xhtml.NewTokenizer(strings.NewReader(safe))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return out
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			t := z.Token()
			if t.Data != "img" {
				continue
			}
			var img ShownImage
			for _, a := range t.Attr {
				switch a.Key {
				case "src":
					img.Src = a.Val
				case "alt":
					img.Alt = a.Val
				}
			}
			out = append(out, img)
		}
	}
}
