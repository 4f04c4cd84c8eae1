package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

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

// generate starts writing questions from a pasted text or an uploaded
// document, and sends the teacher to the job's page.
func (t *teacherSite) generate(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	m := t.newSetPage(r, tc)
	refuse := func(status int, msg string) {
		m.GenError = msg
		t.renderStatus(w, r, status, views.NewSetView(m))
	}
	name, data, err := formFile(r, "document")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("The document is larger than %d MB.", maxDocumentBytes>>20))
		return
	case err != nil && !errors.Is(err, http.ErrMissingFile):
		refuse(http.StatusBadRequest, "The upload could not be read; please try again.")
		return
	}
	text := r.PostForm.Get("text")
	m.Text, m.GenTitle = text, r.PostForm.Get("title")
	origin := "generated from pasted text"
	if len(data) > 0 {
		text, origin = string(data), "generated from "+name
		m.Text = ""
	}
	if m.Count, err = formInt(r, "count", defaultGenerateCount); err != nil || m.Count < 1 || m.Count > maxGenerateCount {
		m.Count = defaultGenerateCount
		refuse(http.StatusUnprocessableEntity, fmt.Sprintf("Ask for 1 to %d questions.", maxGenerateCount))
		return
	}
	title := strings.Join(strings.Fields(m.GenTitle), " ")
	switch {
	case len(text) > maxDocumentBytes:
		refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("The document is larger than %d MB.", maxDocumentBytes>>20))
		return
	case strings.IndexByte(text, 0) >= 0:
		m.Text = ""
		refuse(http.StatusUnprocessableEntity, "This is not a text document (it holds binary data). Upload a .txt or .md file, or paste the text.")
		return
	case !utf8.ValidString(text):
		m.Text = ""
		refuse(http.StatusUnprocessableEntity, "The document is not UTF-8 text. Save it as UTF-8 and try again.")
		return
	case strings.TrimSpace(text) == "":
		refuse(http.StatusUnprocessableEntity, "Paste a text or choose a document file.")
		return
	case utf8.RuneCountInString(title) > 200:
		refuse(http.StatusUnprocessableEntity, "The title is longer than 200 characters.")
		return
	}
	opts := generate.Options{N: m.Count, Title: title, Origin: origin}
	store, log, teacherID := t.store, t.log, tc.ID
	j := t.jobs.start(tc.ID, func(progress func(done, total int)) (int64, error) {
		opts.Progress = progress
		set, err := generate.Generate(text, opts)
		if err != nil {
			return 0, err
		}
		if set.Title == "" {
			set.Title = "Generated questions"
		}
		// The request is over: the job stores the set on its own context.
		id, err := store.CreateDraftSet(context.Background(), teacherID, set)
		if err != nil {
			log.Error("store a generated set", "teacher", teacherID, "err", err)
		}
		return id, err
	})
	redirect(w, r, "/teacher/jobs/"+j.id)
}

// jobShow shows a generation's progress, or sends the teacher to review
// the set once it is stored.
func (t *teacherSite) jobShow(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	j, ok := t.jobs.get(tc.ID, r.PathValue("id"))
	if !ok {
		t.renderError(w, r, http.StatusNotFound, "")
		return
	}
	j.mu.Lock()
	waiting, done, total, setID, err, finished := j.waiting, j.done, j.total, j.setID, j.err, !j.finished.IsZero()
	j.mu.Unlock()
	if finished && err == nil {
		redirect(w, r, fmt.Sprintf("/teacher/sets/%d/edit?notice=generated", setID))
		return
	}
	m := views.JobPage{TeacherPage: t.tpage(r, tc, "Generating questions", "new"), ID: j.id, Done: done, Total: total}
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
	t.render(w, r, views.JobView(m))
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
