package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// teacherSite is the teachers' part of the site and what it keeps in
// memory: the login throttle, the wrong join codes and the generation
// jobs. One is made per Handler, so a server that builds its handler once
// (as HTTPServer does) has one of each.
type teacherSite struct {
	*Server
	logins *loginThrottle
	joins  *joinGuard
	jobs   *jobs
}

// teacherRoutes adds the teachers' pages, their login and setup, and the
// students' class pages.
//
// Access: a teacher page for someone not logged in as a teacher is 403,
// except that an anonymous GET (no session at all) is sent to the login
// page with 303, which is what a teacher whose login expired needs. A
// teacher asking for another teacher's class, set, assignment, student or
// job gets 404, as for one that does not exist: ids cannot be probed.
func (s *Server) teacherRoutes(mux *http.ServeMux) {
	t := &teacherSite{Server: s, logins: newLoginThrottle(s.now), joins: newJoinGuard(s.now), jobs: newJobs(s.now)}

	mux.HandleFunc("GET /login", t.loginShow)
	mux.HandleFunc("POST /login", t.login)
	mux.HandleFunc("POST /logout", t.logout)
	mux.HandleFunc("GET /setup/{token}", t.setupShow)
	mux.HandleFunc("POST /setup/{token}", t.setup)

	mux.HandleFunc("GET /join", t.joinShow)
	mux.HandleFunc("POST /join", t.join)
	mux.HandleFunc("GET /classes/{id}", t.classStudentShow)
	mux.HandleFunc("POST /assignments/{id}/attempts", t.classAttemptStart)
	mux.HandleFunc("GET /attempts/{id}/questions/{n}/feedback", t.classFeedback)

	mux.HandleFunc("GET /teacher", t.teacherHome)
	mux.HandleFunc("GET /teacher/sets/new", t.setNew)
	mux.HandleFunc("POST /teacher/sets/upload", t.upload)
	mux.HandleFunc("POST /teacher/sets/generate", t.generate)
	mux.HandleFunc("GET /teacher/jobs/{id}", t.jobShow)
	mux.HandleFunc("GET /teacher/sets/{id}", t.teacherSetShow)
	mux.HandleFunc("GET /teacher/sets/{id}/edit", t.setEditShow)
	mux.HandleFunc("POST /teacher/sets/{id}/edit", t.setEdit)
	mux.HandleFunc("POST /teacher/sets/{id}/publish", t.setPublish)
	mux.HandleFunc("POST /teacher/sets/{id}/unpublish", t.setUnpublish)
	mux.HandleFunc("POST /teacher/sets/{id}/delete", t.setDelete)
	mux.HandleFunc("GET /teacher/sets/{id}/export", t.exportSet)
	mux.HandleFunc("GET /teacher/sets/{id}/items", t.teacherItems)

	mux.HandleFunc("POST /teacher/classes", t.classCreate)
	mux.HandleFunc("GET /teacher/classes/{id}", t.classShow)
	mux.HandleFunc("POST /teacher/classes/{id}/rename", t.classRename)
	mux.HandleFunc("POST /teacher/classes/{id}/delete", t.classDelete)
	mux.HandleFunc("POST /teacher/classes/{id}/assignments", t.classAssign)
	mux.HandleFunc("POST /teacher/assignments/{id}/delete", t.classUnassign)
	mux.HandleFunc("GET /teacher/classes/{id}/students/{learner}", t.classStudent)
	mux.HandleFunc("POST /teacher/classes/{id}/students/{learner}/remove", t.classRemoveStudent)
	mux.HandleFunc("GET /teacher/classes/{id}/scores.csv", t.exportClassScores)
	mux.HandleFunc("GET /teacher/classes/{id}/answers.csv", t.exportClassAnswers)
	mux.HandleFunc("GET /teacher/scores.csv", t.exportAllScores)
}

// uploadPaths are the routes that take files, and so bodies larger than
// the form limit (see limitBody).
var uploadPaths = map[string]bool{"/teacher/sets/upload": true, "/teacher/sets/generate": true}

// maxUploadBody is the body limit of the upload routes: a question file of
// the largest size allowed, and room for the form around it.
const maxUploadBody = questions.MaxFileSize + 1<<20

// bodyLimit returns the most a request may send.
func (s *Server) bodyLimit(r *http.Request) int64 {
	if r.Method == http.MethodPost && uploadPaths[r.URL.Path] {
		return max(s.cfg.MaxBodyBytes, maxUploadBody)
	}
	return s.cfg.MaxBodyBytes
}

// errTeachersOnly answers a student (or anyone not logged in as a
// teacher) who asks for a teacher page.
var errTeachersOnly = questions.Errorf(questions.CodeForbidden, "%s", "This page is for teachers. If you are one, log in at /login first.")

// requireTeacher returns the teacher logged in, or answers the request
// itself: 303 to the login page for an anonymous GET, 403 otherwise.
func (t *teacherSite) requireTeacher(w http.ResponseWriter, r *http.Request) (db.Teacher, bool) {
	tc, ok, err := t.teacher(r)
	if err != nil {
		t.fail(w, r, err)
		return db.Teacher{}, false
	}
	if ok {
		return tc, true
	}
	lid, err := t.learnerID(r)
	if err != nil {
		t.fail(w, r, err)
		return db.Teacher{}, false
	}
	if r.Method == http.MethodGet && lid == 0 {
		redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()))
		return db.Teacher{}, false
	}
	t.fail(w, r, errTeachersOnly)
	return db.Teacher{}, false
}

// tpage fills in what every teacher page shows.
func (t *teacherSite) tpage(r *http.Request, tc db.Teacher, title, section string) views.TeacherPage {
	return views.TeacherPage{Title: title, Section: section, Teacher: tc.Name, Notice: teacherNotices[r.URL.Query().Get("notice")]}
}

// teacherNotices are the one-off messages a redirect can ask a teacher
// page to show.
var teacherNotices = map[string]string{
	"welcome":     "Welcome! Make a class, then upload or generate a set to assign it.",
	"logged-in":   "You are logged in.",
	"uploaded":    "The file was read without problems. Review the questions, then publish the set.",
	"generated":   "The questions are ready. Untick the ones to drop, correct the others, then publish.",
	"saved":       "The set is saved.",
	"published":   "The set is published: the classes it is assigned to can take it.",
	"unpublished": "The set is unpublished: no one can start it until you publish it again.",
	"deleted":     "The set is deleted.",
	"class-made":  "The class is ready. Give students the join code and assign a set.",
	"assigned":    "The set is assigned.",
	"unassigned":  "The set is no longer assigned.",
	"renamed":     "The class is renamed.",
	"class-gone":  "The class is deleted.",
	"removed":     "The student is removed from the class.",
}

// formInt reads a whole number from a form, def for an empty field.
func formInt(r *http.Request, key string, def int) (int, error) {
	v := strings.TrimSpace(r.PostForm.Get(key))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, badRequest(fmt.Sprintf("%q is not a whole number.", v))
	}
	return n, nil
}
