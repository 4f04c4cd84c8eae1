package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"factdrill/questions"
	"factdrill/views"
)

// questionImage adds an uploaded image to the teacher's question (the
// editor's image control, views.ImageControl): the image is checked by its
// content (PNG, JPEG, GIF, WebP, or SVG once sanitised; at most
// questions.MaxMediaBytes), stored by its hash, and shown at the end of
// the question's text with its required description, as a new version of
// the question. Then the teacher goes back to the editor. What is wrong is
// shown on the control's own page, with what was typed, and nothing is
// stored.
func (s *Server) questionImage(w http.ResponseWriter, r *http.Request, id int64) error {
	back := "/teacher"
	c := views.ImageControl{QuestionID: id, Back: back, MaxMB: questions.MaxMediaBytes >> 20}
	refuse := func(status int, msg string) error {
		c.Error = msg
		m := views.ImagePage{TeacherPage: s.tpage(r, "Add an image", ""), Control: c}
		s.renderStatus(w, r, status, views.ImageView(m))
		return nil
	}
	name, data, err := formFile(r, "image", questions.MaxMediaBytes)
	if b := r.PostFormValue("back"); strings.HasPrefix(b, "/teacher/") && !strings.HasPrefix(b, "//") {
		c.Back = b
	}
	c.Alt = strings.Join(strings.Fields(r.PostFormValue("alt")), " ")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || len(data) > questions.MaxMediaBytes:
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("The image is larger than %d MB.", questions.MaxMediaBytes>>20))
	case errors.Is(err, http.ErrMissingFile) || (err == nil && len(data) == 0):
		return refuse(http.StatusUnprocessableEntity, "Choose an image to add.")
	case err != nil:
		return refuse(http.StatusBadRequest, "The upload could not be read; please try again.")
	case c.Alt == "":
		return refuse(http.StatusUnprocessableEntity, "Describe the image for people who cannot see it (its alt text).")
	case utf8.RuneCountInString(c.Alt) > 300:
		return refuse(http.StatusUnprocessableEntity, "The description is longer than 300 characters.")
	}
	if questions.SniffImage(data) == "image/svg+xml" {
		if data, err = questions.SanitizeSVG(data); err != nil {
			return refuse(http.StatusUnprocessableEntity, questions.Sentence(err.Error()))
		}
	}
	m, err := questions.NewMedia(name, data)
	if err != nil {
		return refuse(http.StatusUnprocessableEntity, questions.Sentence(err.Error()))
	}
	if err := s.store.AddQuestionImage(r.Context(), teacherOf(r).ID, id, m, c.Alt); err != nil {
		if questions.ErrorCode(err) == questions.CodeInvalid {
			return refuse(http.StatusUnprocessableEntity, questions.ErrorMessage(err))
		}
		return err
	}
	path, anchor, _ := strings.Cut(c.Back, "#")
	if anchor != "" {
		anchor = "#" + anchor
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	redirect(w, r, path+sep+"notice=image-added"+anchor)
	return nil
}
