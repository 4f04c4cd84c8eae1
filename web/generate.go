package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"factdrill/questions"
	"factdrill/questions/document"
	"factdrill/questions/formats"
	"factdrill/questions/generate"
	"factdrill/views"
)

// Limits of generation from a document.
const (
	defaultGenerateCount = 20
	maxGenerateCount     = 200
	// maxDocumentBytes caps the text generated from: a long book chapter
	// is well within it.
	maxDocumentBytes = 2 << 20
	// jobsAtOnce is how many generations run together; more wait their
	// turn, so that a few teachers cannot take every core.
	jobsAtOnce = 2
	// jobKept is how long a finished job is remembered.
	jobKept = time.Hour
)

// job is a generation running in the background, so that a long document
// does not hold a request open: the teacher watches its page, which
// reloads itself, until the draft set is stored.
type job struct {
	id        string
	teacherID int64
	started   time.Time

	mu          sync.Mutex
	waiting     bool
	done, total int
	setID       int64
	err         error
	finished    time.Time
}

type jobs struct {
	mu   sync.Mutex
	now  func() time.Time
	byID map[string]*job
	slot chan struct{}
}

func newJobs(now func() time.Time) *jobs {
	return &jobs{now: now, byID: map[string]*job{}, slot: make(chan struct{}, jobsAtOnce)}
}

// start runs work in the background as a new job of the teacher's.
func (js *jobs) start(teacherID int64, work func(progress func(done, total int)) (int64, error)) *job {
	var b [16]byte
	rand.Read(b[:])
	j := &job{id: hex.EncodeToString(b[:]), teacherID: teacherID, started: js.now(), waiting: true}
	js.mu.Lock()
	for id, old := range js.byID {
		old.mu.Lock()
		stale := !old.finished.IsZero() && js.now().Sub(old.finished) > jobKept
		old.mu.Unlock()
		if stale {
			delete(js.byID, id)
		}
	}
	js.byID[j.id] = j
	js.mu.Unlock()
	go func() {
		js.slot <- struct{}{}
		defer func() { <-js.slot }()
		j.mu.Lock()
		j.waiting = false
		j.mu.Unlock()
		id, err := work(func(done, total int) {
			j.mu.Lock()
			j.done, j.total = done, total
			j.mu.Unlock()
		})
		j.mu.Lock()
		j.setID, j.err, j.finished = id, err, js.now()
		j.mu.Unlock()
	}()
	return j
}

// get returns the teacher's job with the given id.
func (js *jobs) get(teacherID int64, id string) (*job, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.byID[id]
	if !ok || j.teacherID != teacherID {
		return nil, false
	}
	return j, true
}

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
	n, err := strconv.Atoi(strings.TrimSpace(f.Count))
	if strings.TrimSpace(f.Count) == "" {
		n, err = defaultGenerateCount, nil
	}
	if err != nil || n < 1 || n > maxGenerateCount {
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
		if k, err := strconv.Atoi(f.Count); err == nil && errs["count"] == "" {
			m.Count = k
		}
		status := http.StatusUnprocessableEntity
		if strings.Contains(errs["document"]+errs["text"], "larger than") {
			status = http.StatusRequestEntityTooLarge
		}
		s.renderStatus(w, r, status, views.NewSetView(m))
		return nil
	}
	opts := generate.Options{N: n, Title: title, Origin: origin}
	store, log, teacherID := s.store, s.log, teacherOf(r).ID
	j := s.jobs.start(teacherID, func(progress func(done, total int)) (int64, error) {
		opts.Progress = progress
		set, err := generate.Generate(text, opts)
		if err != nil {
			return 0, err
		}
		if set.Title == "" {
			set.Title = "Generated questions"
		}
		// What reading the document left out (tables, footnotes, pages
		// without text) is shown with the set, as an import's warnings are.
		set.Warnings = formats.Skipped(f.File, f.Notes)
		// The request is over: the job stores the set on its own context.
		id, err := store.CreateDraftSet(context.Background(), teacherID, set)
		if err != nil {
			log.Error("store a generated set", "teacher", teacherID, "err", err)
		}
		return id, err
	})
	redirect(w, r, "/teacher/jobs/"+j.id)
	return nil
}

// jobShow shows a generation's progress, or sends the teacher to review
// the set once it is stored.
func (s *Server) jobShow(w http.ResponseWriter, r *http.Request) error {
	j, ok := s.jobs.get(teacherOf(r).ID, r.PathValue("id"))
	if !ok {
		return questions.ErrNotFound
	}
	j.mu.Lock()
	waiting, done, total, setID, err, finished := j.waiting, j.done, j.total, j.setID, j.err, !j.finished.IsZero()
	j.mu.Unlock()
	if finished && err == nil {
		redirect(w, r, fmt.Sprintf("/teacher/sets/%d/edit?notice=generated", setID))
		return nil
	}
	m := views.JobPage{TeacherPage: s.tpage(r, "Generating questions", "new"), ID: j.id, Done: done, Total: total}
	switch {
	case finished:
		m.Error = generateErrorText(err)
	case waiting:
		m.Stage = "Waiting for another document to finish…"
	case total == 0:
		m.Stage = "Reading the document…"
	default:
		m.Percent = 100 * done / total
		m.Stage = fmt.Sprintf("Reading the document and writing questions: step %d of %d.", done, total)
	}
	s.render(w, r, views.JobView(m))
	return nil
}

func generateErrorText(err error) string {
	switch {
	case errors.Is(err, generate.ErrNoText):
		return "The document has no text."
	case errors.Is(err, generate.ErrNoQuestions):
		return "No question could be written from this document: it needs sentences that state facts (names, dates, numbers, definitions)."
	}
	return "The questions could not be written from this document."
}
