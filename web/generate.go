package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/document"
	"factdrill/questions/formats"
	"factdrill/questions/generate"
	"factdrill/views"
)

// Limits of generation from a document.
const (
	maxGenerateCount = 200
	// maxDocumentBytes caps the text generated from: a long book chapter
	// is well within it.
	maxDocumentBytes = 2 << 20
)

// generateForm is a document to generate questions from, pasted or
// uploaded, with a title and the number of questions to write.
type generateForm struct {
	Text, Title string
	// File is the uploaded document's name, if there is one; it wins over
	// the pasted text. DocText is its text (see document.Text), Notes what
	// reading it left out.
	File    string
	DocText string
	Notes   []string
	// Count is the number of questions asked for, as typed.
	Count string
}

// readGenerateForm reads the form, and the text of an uploaded document:
// a PDF, Word or OpenDocument file is read by package document, HTML,
// Markdown and plain text are taken as they are. An upload too large, or
// that cannot be read, is a problem of the document field, with the
// reader's message (a scanned PDF's says it needs text recognition).
func readGenerateForm(r *http.Request) (generateForm, views.FieldErrors) {
	var f generateForm
	name, data, err := formFile(r, "document", document.MaxFileSize)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || len(data) > document.MaxFileSize:
		return f, views.FieldErrors{"document": fmt.Sprintf("The document is larger than %d MB.", document.MaxFileSize>>20)}
	case err != nil && !errors.Is(err, http.ErrMissingFile):
		return f, views.FieldErrors{"document": "The upload could not be read; please try again."}
	}
	f.Text, f.Title, f.Count = r.PostForm.Get("text"), r.PostForm.Get("title"), r.PostForm.Get("count")
	if err == nil {
		f.File = name
		if f.DocText, f.Notes, err = document.Text(name, data); err != nil {
			var de *document.Error
			if !errors.As(err, &de) {
				return f, views.FieldErrors{"document": "The document could not be read."}
			}
			return f, views.FieldErrors{"document": de.File + " was not read: " + strings.TrimSuffix(de.Msg, ".") + "."}
		}
	}
	return f, nil
}

// check reads the form's values and says what is wrong with them.
func (f generateForm) check() (text, origin, title string, n int, errs views.FieldErrors) {
	errs = views.FieldErrors{}
	text, origin, field := f.Text, "generated from pasted text", "text"
	if f.File != "" {
		text, origin, field = f.DocText, "generated from "+f.File, "document"
	}
	title = strings.Join(strings.Fields(f.Title), " ")
	// No number asked for lets the generator choose: it keeps the items
	// it is surest of, as many as the document's length suits (what the
	// blind judgements rate).
	n, err := strconv.Atoi(strings.TrimSpace(f.Count))
	if strings.TrimSpace(f.Count) == "" {
		n, err = 0, nil
	} else if n < 1 || n > maxGenerateCount {
		err = errors.New("out of range")
	}
	if err != nil {
		errs["count"] = fmt.Sprintf("Ask for 1 to %d questions.", maxGenerateCount)
	}
	switch {
	case len(text) > maxDocumentBytes:
		errs[field] = fmt.Sprintf("The document's text is larger than %d MB; generate from one chapter at a time.", maxDocumentBytes>>20)
	case strings.IndexByte(text, 0) >= 0:
		errs[field] = "This is not a text document (it holds binary data). Upload a PDF, Word, OpenDocument, HTML, Markdown or text file, or paste the text."
	case !utf8.ValidString(text):
		errs[field] = "The document is not UTF-8 text. Save it as UTF-8 and try again."
	case strings.TrimSpace(text) == "":
		errs["text"] = "Paste a text or choose a document file."
	}
	if utf8.RuneCountInString(title) > 200 {
		errs["title"] = "The title is longer than 200 characters."
	}
	return text, origin, title, n, errs
}

// generate starts writing questions from a pasted text or an uploaded
// document, and sends the teacher to the job's page.
func (s *Server) generate(w http.ResponseWriter, r *http.Request) error {
	f, errs := readGenerateForm(r)
	text, origin, title, n, checked := f.check()
	if len(errs) == 0 {
		errs = checked
	}
	if len(errs) > 0 {
		m := s.newSetPage(r)
		m.GenTitle, m.GenErrors = f.Title, errs
		if f.File == "" && utf8.ValidString(f.Text) && strings.IndexByte(f.Text, 0) < 0 {
			m.Text = f.Text // what was pasted, to correct
		}
		m.Count = strings.TrimSpace(f.Count)
		status := http.StatusUnprocessableEntity
		if strings.Contains(errs["document"]+errs["text"], "larger than") {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderStatus(w, r, status, views.NewSetView(m))
		return nil
	}
	params, err := json.Marshal(generateParams{N: n, Title: title, Origin: origin, File: f.File, Notes: f.Notes})
	if err != nil {
		return err
	}
	id, err := s.store.EnqueueJob(r.Context(), teacherOf(r).ID, jobGenerate, text, params, s.cfg.Jobs.limits())
	if questions.ErrorCode(err) == questions.CodeUnavailable {
		// The queue is full: the form again, with what was typed, and a
		// time to come back.
		m := s.newSetPage(r)
		m.GenTitle, m.Count, m.GenErrors = f.Title, strings.TrimSpace(f.Count), views.FieldErrors{"": questions.ErrorMessage(err)}
		if f.File == "" {
			m.Text = f.Text
		}
		w.Header().Set("Retry-After", strconv.Itoa(busyRetryAfter))
		s.renderStatus(w, r, http.StatusServiceUnavailable, views.NewSetView(m))
		return nil
	}
	if err != nil {
		return err
	}
	s.jobs.poke()
	redirect(w, r, fmt.Sprintf("/teacher/jobs/%d", id))
	return nil
}

// generateParams are a generation job's options, stored with it as JSON:
// the document's file name and what reading it left out (see
// document.Text) go with the set as its warnings.
type generateParams struct {
	N      int      `json:"n"`
	Title  string   `json:"title"`
	Origin string   `json:"origin"`
	File   string   `json:"file,omitempty"`
	Notes  []string `json:"notes,omitempty"`
}

// generateJob writes the questions of a generation job: the job's work.
func generateJob(ctx context.Context, j db.Job, progress func(done, total int)) (questions.Set, error) {
	var p generateParams
	if err := json.Unmarshal(j.Params, &p); err != nil {
		return questions.Set{}, fmt.Errorf("web: job %d: params: %w", j.ID, err)
	}
	set, _, err := generate.GenerateContext(ctx, j.Input, generate.Options{N: p.N, Title: p.Title, Origin: p.Origin, Progress: progress})
	if err != nil {
		return questions.Set{}, err
	}
	if set.Title == "" {
		set.Title = "Generated questions"
	}
	// What reading the document left out (tables, footnotes, pages
	// without text) is shown with the set, as an import's warnings are.
	set.Warnings = formats.Skipped(p.File, p.Notes)
	return set, nil
}

// jobShow shows a generation's progress, read from its row (so any
// server shows it, whichever runs the job), or sends the teacher to
// review the set once it is stored.
func (s *Server) jobShow(w http.ResponseWriter, r *http.Request, id int64) error {
	j, err := s.store.Job(r.Context(), teacherOf(r).ID, id)
	if err != nil {
		return err
	}
	// A job's parameters are the form it was sent with; one that does not
	// read leaves them empty, which only loses the notices below.
	var p generateParams
	_ = json.Unmarshal(j.Params, &p)
	if j.Status == db.JobDone && j.ResultSetID != 0 {
		notice := "generated"
		if r.URL.Query().Get("notice") == "too-late" {
			notice = "generated-before-cancel"
		}
		to := fmt.Sprintf("/teacher/sets/%d/edit?notice=%s", j.ResultSetID, notice)
		if p.N > 0 {
			// Fewer written than asked: the editor says so, and why.
			_, _, total, err := s.store.SetQuestionsPage(r.Context(), teacherOf(r).ID, j.ResultSetID, "", db.Page{Size: 1})
			if err != nil {
				return err
			}
			if total < p.N {
				to += fmt.Sprintf("&asked=%d", p.N)
			}
		}
		redirect(w, r, to)
		return nil
	}
	title := "Generating questions"
	switch j.Status {
	case db.JobFailed:
		title = "The questions could not be written"
	case db.JobDone:
		title = "Generation ended"
	case db.JobCancelled:
		title = "Generation cancelled"
	}
	m := views.JobPage{TeacherPage: s.tpage(r, title, "new"), ID: j.ID, Done: j.Done, Total: j.Total,
		Ended: j.Status.Ended(), Failed: j.Status != db.JobCancelled, Retry: fmt.Sprintf("/teacher/sets/new?job=%d", j.ID)}
	m.Refresh, m.Refile = !m.Ended, p.File
	switch {
	case j.Status == db.JobDone:
		m.Error = "The questions were written, but the set they were saved in has been deleted since."
	case j.Status == db.JobCancelled:
		m.Error = "You cancelled this generation; nothing was saved."
	case j.Status == db.JobFailed:
		m.Error = j.Error
	case j.Status == db.JobQueued && j.Ahead > 0:
		m.Stage = fmt.Sprintf("Waiting for %s ahead of yours to finish…", views.Plural(j.Ahead, "document"))
	case j.Status == db.JobQueued:
		m.Stage = "Waiting to start…"
	case j.Total == 0:
		m.Stage = "Reading the document…"
	default:
		m.Percent = 100 * j.Done / j.Total
		m.Stage = fmt.Sprintf("Reading the document and writing questions: step %d of %d.", j.Done, j.Total)
	}
	s.render(w, r, views.JobView(m))
	return nil
}

// jobCancel cancels the teacher's generation: a queued one never starts,
// a running one stops within a few seconds, and nothing is saved.
func (s *Server) jobCancel(w http.ResponseWriter, r *http.Request, id int64) error {
	cancelled, err := s.store.CancelJob(r.Context(), teacherOf(r).ID, id)
	if err != nil {
		return err
	}
	if !cancelled {
		// It ended first: the job's page says how, and that it was too late.
		redirect(w, r, fmt.Sprintf("/teacher/jobs/%d?notice=too-late", id))
		return nil
	}
	redirect(w, r, fmt.Sprintf("/teacher/jobs/%d", id))
	return nil
}

// fewerNotice is the editor's notice for a generation that wrote fewer
// questions than the teacher asked for, and why.
func fewerNotice(asked, written int) string {
	return fmt.Sprintf("You asked for %d questions; this document gave %d. A question is written only from a sentence that states a fact "+
		"(a name, a date, a number, a definition) and only if it passes the generator's checks, so a short document gives fewer. "+
		"Untick the ones to drop, correct the others, then publish; for more, generate from a longer text.", asked, written)
}

// generateErrorText is what a teacher is told of a generation that
// failed; known is false for a failure that is not the document's (it is
// logged).
func generateErrorText(err error) (msg string, known bool) {
	switch {
	case errors.Is(err, generate.ErrNoText):
		return "The document has no text.", true
	case errors.Is(err, generate.ErrNoQuestions):
		return "No question could be written from this document: it needs sentences that state facts (names, dates, numbers, definitions).", true
	}
	return "The questions could not be written from this document: the server met an error (it is logged for the administrator). Try again, or try another document.", false
}
