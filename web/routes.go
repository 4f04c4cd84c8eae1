package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"factdrill/questions"
	"factdrill/questions/formats"
)

// Handler returns the whole site: every route, behind the middleware.
// Writes that anyone may make without an account are limited per address
// (s.limited: see anonLimits).
// This is the site's map. handle routes a page or an action open to
// anyone (each learner's data stays their own: another's id answers 404);
// teacherOnly one for a teacher logged in, whose ids of another teacher's
// things answer 404 too. web/authz_test.go checks every route here for
// five kinds of visitor, and fails for a route it has no row for.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", s.handle(s.home))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /static/", staticHandler())

	// Images in questions and cards, by the hash of their content.
	mux.Handle("GET /media/{hash}", s.serve(s.mediaShow))

	// Quizzes: a set's page, its attempts, the result.
	mux.Handle("GET /sets/{id}", s.handle(withID(s.setShow)))
	mux.Handle("POST /sets/{id}/attempts", s.handle(s.limited(s.anon.attempts, withID(s.attemptStart))))
	mux.Handle("GET /attempts/{id}", s.handle(withID(s.attemptShow)))
	mux.Handle("GET /attempts/{id}/questions/{n}", s.handle(s.attemptQuestion))
	mux.Handle("POST /attempts/{id}/questions/{n}", s.handle(s.attemptAnswer))
	mux.Handle("GET /attempts/{id}/questions/{n}/feedback", s.handle(s.attemptFeedback))
	mux.Handle("GET /attempts/{id}/finish", s.handle(withID(s.attemptFinishConfirm)))
	mux.Handle("POST /attempts/{id}/finish", s.handle(withID(s.attemptFinish)))
	mux.Handle("GET /attempts/{id}/result", s.handle(withID(s.attemptResult)))
	mux.Handle("POST /attempts/{id}/questions/{n}/claim", s.handle(s.attemptClaim))

	// The learner: their name, their resume code, their settings.
	mux.Handle("GET /me", s.handle(s.meShow))
	mux.Handle("POST /me/name", s.handle(s.limited(s.anon.profile, s.meName)))
	mux.Handle("GET /resume", s.handle(s.resumeShow))
	mux.Handle("POST /resume", s.handle(s.resume))
	mux.Handle("GET /settings", s.handle(s.settingsShow))
	mux.Handle("POST /settings", s.handle(s.limited(s.anon.profile, s.settingsSave)))
	mux.Handle("GET /stats", s.handle(s.statsShow))
	mux.Handle("GET /stats/history", s.handle(s.historyShow))
	mux.Handle("POST /settings/fsrs/fit", s.handle(s.settingsFit))
	mux.Handle("POST /settings/fsrs/reset", s.handle(s.settingsReset))

	// Flashcards.
	mux.Handle("GET /sets/{id}/study", s.handle(withID(s.studyShow)))
	mux.Handle("POST /sets/{id}/study", s.handle(withID(s.studyAnswer)))
	mux.Handle("POST /sets/{id}/study/undo", s.handle(withID(s.studyUndo)))
	mux.Handle("POST /sets/{id}/study/suspend", s.handle(withID(s.studySuspend)))
	mux.Handle("POST /sets/{id}/study/unsuspend", s.handle(withID(s.studyUnsuspend)))
	mux.Handle("GET /sets/{id}/study/limits", s.handle(withID(s.studyLimitsShow)))
	mux.Handle("POST /sets/{id}/study/limits", s.handle(withID(s.studyLimitsSave)))
	// "Study now": every card due in all the learner's sets at once.
	mux.Handle("GET /study", s.handle(s.studyAllShow))
	mux.Handle("POST /study", s.handle(s.studyAllAnswer))
	mux.Handle("POST /study/undo", s.handle(s.studyAllUndo))
	// Timed practice tests of the cards studied, in a set or in all.
	mux.Handle("GET /study/test", s.handle(s.practiceAllShow))
	mux.Handle("POST /study/test", s.handle(s.practiceAllSave))
	mux.Handle("GET /sets/{id}/study/test", s.handle(withID(s.practiceShow)))
	mux.Handle("POST /sets/{id}/study/test", s.handle(withID(s.practiceSave)))

	// A learner's own decks, imported from Anki (web/decks.go); a deck's
	// page is /sets/{id}, and it is studied there like any set.
	mux.Handle("GET /decks/import", s.handle(s.deckImportShow))
	mux.Handle("POST /decks/import", s.handle(s.limited(s.anon.decks, s.deckImport)))
	mux.Handle("POST /sets/{id}/delete", s.handle(withID(s.deckDelete)))

	// Classes from the student's side.
	mux.Handle("GET /join", s.handle(s.joinShow))
	mux.Handle("POST /join", s.handle(s.limited(s.anon.joins, s.join)))
	mux.Handle("GET /classes/{id}", s.handle(withID(s.classStudentShow)))
	mux.Handle("POST /assignments/{id}/attempts", s.handle(s.limited(s.anon.attempts, withID(s.classAttemptStart))))

	// Logging in, and the first teacher's account.
	mux.Handle("GET /login", s.handle(s.loginShow))
	mux.Handle("POST /login", s.handle(s.login))
	mux.Handle("POST /logout", s.handle(s.logout))
	mux.Handle("GET /setup/{token}", s.handle(s.setupShow))
	mux.Handle("POST /setup/{token}", s.handle(s.setup))

	// The teachers' pages.
	mux.Handle("GET /teacher", s.teacherOnly(s.teacherHome))
	mux.Handle("GET /teacher/sets/new", s.teacherOnly(s.setNew))
	mux.Handle("POST /teacher/sets/upload", s.teacherOnly(s.upload))
	mux.Handle("POST /teacher/sets/generate", s.teacherOnly(s.generate))
	mux.Handle("GET /teacher/jobs/{id}", s.teacherOnly(withID(s.jobShow)))
	mux.Handle("POST /teacher/jobs/{id}/cancel", s.teacherOnly(withID(s.jobCancel)))
	mux.Handle("GET /teacher/sets/{id}", s.teacherOnly(withID(s.teacherSetShow)))
	mux.Handle("GET /teacher/sets/{id}/edit", s.teacherOnly(withID(s.setEditShow)))
	mux.Handle("POST /teacher/sets/{id}/edit", s.teacherOnly(withID(s.setEdit)))
	mux.Handle("POST /teacher/sets/{id}/publish", s.teacherOnly(withID(s.setPublish)))
	mux.Handle("POST /teacher/sets/{id}/unpublish", s.teacherOnly(withID(s.setUnpublish)))
	mux.Handle("POST /teacher/sets/{id}/delete", s.teacherOnly(withID(s.setDelete)))
	mux.Handle("GET /teacher/sets/{id}/export", s.teacherOnly(withID(s.exportSet)))
	mux.Handle("GET /teacher/sets/{id}/items", s.teacherOnly(withID(s.teacherItems)))
	mux.Handle("POST /teacher/questions/{id}/images", s.teacherOnly(withID(s.questionImage)))
	mux.Handle("POST /teacher/classes", s.teacherOnly(s.classCreate))
	mux.Handle("GET /teacher/classes/{id}", s.teacherOnly(withID(s.classShow)))
	mux.Handle("POST /teacher/classes/{id}/rename", s.teacherOnly(withID(s.classRename)))
	mux.Handle("POST /teacher/classes/{id}/delete", s.teacherOnly(withID(s.classDelete)))
	mux.Handle("POST /teacher/classes/{id}/assignments", s.teacherOnly(withID(s.classAssign)))
	mux.Handle("POST /teacher/assignments/{id}/delete", s.teacherOnly(withID(s.classUnassign)))
	mux.Handle("POST /teacher/assignments/{id}/flashcards", s.teacherOnly(withID(s.classFlashcards)))
	mux.Handle("GET /teacher/classes/{id}/students/{learner}", s.teacherOnly(withID(s.classStudent)))
	mux.Handle("POST /teacher/classes/{id}/students/{learner}/remove", s.teacherOnly(withID(s.classRemoveStudent)))
	mux.Handle("GET /teacher/classes/{id}/scores.csv", s.teacherOnly(withID(s.exportClassScores)))
	mux.Handle("GET /teacher/classes/{id}/answers.csv", s.teacherOnly(withID(s.exportClassAnswers)))
	mux.Handle("GET /teacher/scores.csv", s.teacherOnly(s.exportAllScores))

	// A class's memory model: FSRS-6 weights fitted to its pooled answers.
	mux.Handle("GET /teacher/classes/{id}/fsrs", s.teacherOnly(withID(s.classMemoryShow)))
	mux.Handle("POST /teacher/classes/{id}/fsrs/fit", s.teacherOnly(withID(s.classMemoryFit)))
	mux.Handle("POST /teacher/classes/{id}/fsrs/reset", s.teacherOnly(withID(s.classMemoryReset)))

	// Marking by: an assignment's settings and extra time, removal with a
	// second confirmation, the grading view, regrading, accepting a common
	// wrong answer, a set's quiz options.
	mux.Handle("GET /teacher/assignments/{id}/edit", s.teacherOnly(withID(s.assignmentEditShow)))
	mux.Handle("POST /teacher/assignments/{id}/edit", s.teacherOnly(withID(s.assignmentEdit)))
	mux.Handle("POST /teacher/assignments/{id}/overrides/{learner}", s.teacherOnly(withID(s.assignmentOverride)))
	mux.Handle("GET /teacher/sets/{id}/questions/{question}/grading", s.teacherOnly(withID(s.gradingShow)))
	mux.Handle("POST /teacher/sets/{id}/questions/{question}/grading", s.teacherOnly(withID(s.gradingSave)))
	mux.Handle("POST /teacher/sets/{id}/questions/{question}/accept", s.teacherOnly(withID(s.acceptAnswer)))
	mux.Handle("GET /teacher/sets/{id}/regrade", s.teacherOnly(withID(s.regradeShow)))
	mux.Handle("POST /teacher/sets/{id}/regrade", s.teacherOnly(withID(s.regradeApply)))
	mux.Handle("POST /teacher/sets/{id}/options", s.teacherOnly(withID(s.setQuizOptions)))

	// Rosters and sign-in codes, merging, co-teachers, gradebook files
	// (web/teacher_roster.go, export_gradebook.go): for the class's
	// teachers, its owner and co-teachers alike, except sharing, which is
	// the owner's.
	mux.Handle("GET /teacher/roster-template.csv", s.teacherOnly(s.rosterTemplate))
	mux.Handle("GET /teacher/classes/{id}/roster", s.teacherOnly(withID(s.rosterShow)))
	mux.Handle("POST /teacher/classes/{id}/roster", s.teacherOnly(withID(s.rosterAdd)))
	mux.Handle("POST /teacher/classes/{id}/roster/upload", s.teacherOnly(withID(s.rosterUpload)))
	mux.Handle("GET /teacher/classes/{id}/cards", s.teacherOnly(withID(s.signInCards)))
	mux.Handle("POST /teacher/classes/{id}/joining", s.teacherOnly(withID(s.classJoining)))
	mux.Handle("POST /teacher/classes/{id}/merge", s.teacherOnly(withID(s.classMerge)))
	mux.Handle("POST /teacher/classes/{id}/students/{learner}/code", s.teacherOnly(withID(s.studentCodeReset)))
	mux.Handle("POST /teacher/classes/{id}/students/{learner}/details", s.teacherOnly(withID(s.studentDetails)))
	mux.Handle("POST /teacher/classes/{id}/teachers", s.teacherOnly(withID(s.classShare)))
	mux.Handle("POST /teacher/classes/{id}/teachers/{teacher}/remove", s.teacherOnly(withID(s.classUnshare)))
	mux.Handle("GET /teacher/classes/{id}/moodle.csv", s.teacherOnly(withID(s.exportMoodle)))
	mux.Handle("GET /teacher/classes/{id}/canvas.csv", s.teacherOnly(withID(s.exportCanvas)))

	// Teachers' accounts (web/teacher_admin.go): the admins' page answers
	// other teachers 403; invitation and password links are for whoever
	// holds them, once.
	mux.Handle("GET /teacher/admin", s.teacherOnly(s.adminShow))
	mux.Handle("POST /teacher/admin/invitations", s.teacherOnly(s.adminInvite))
	mux.Handle("POST /teacher/admin/teachers/{id}/disable", s.teacherOnly(s.adminDisable()))
	mux.Handle("POST /teacher/admin/teachers/{id}/enable", s.teacherOnly(s.adminEnable()))
	mux.Handle("POST /teacher/admin/teachers/{id}/make-admin", s.teacherOnly(s.adminMakeAdmin()))
	mux.Handle("POST /teacher/admin/teachers/{id}/revoke-admin", s.teacherOnly(s.adminRevokeAdmin()))
	mux.Handle("POST /teacher/admin/teachers/{id}/password-link", s.teacherOnly(withID(s.adminPasswordLink)))
	mux.Handle("GET /invite/{token}", s.handle(s.inviteShow))
	mux.Handle("POST /invite/{token}", s.handle(s.inviteAccept))
	mux.Handle("GET /password/{token}", s.handle(s.passwordShow))
	mux.Handle("POST /password/{token}", s.handle(s.passwordSet))

	// Writing questions in the app, and the question bank
	// (web/teacher_questions.go): for the set's owner; a shared set is
	// read-only, another teacher's not found.
	mux.Handle("GET /teacher/sets/{id}/questions/new", s.teacherOnly(withID(s.questionNew)))
	mux.Handle("POST /teacher/sets/{id}/questions", s.teacherOnly(withID(s.questionCreate)))
	mux.Handle("GET /teacher/sets/{id}/questions/{question}/edit", s.teacherOnly(withID(s.questionEdit)))
	mux.Handle("POST /teacher/sets/{id}/questions/{question}", s.teacherOnly(withID(s.questionSave)))
	mux.Handle("POST /teacher/sets/{id}/questions/{question}/duplicate", s.teacherOnly(s.questionDuplicate()))
	mux.Handle("POST /teacher/sets/{id}/questions/{question}/remove", s.teacherOnly(s.questionRemove()))
	mux.Handle("POST /teacher/sets/{id}/questions/{question}/move", s.teacherOnly(s.questionMove()))
	mux.Handle("GET /teacher/bank", s.teacherOnly(s.bankShow))
	mux.Handle("POST /teacher/bank/reuse", s.teacherOnly(s.questionReuse))
	mux.Handle("GET /teacher/samples/{name}", s.teacherOnly(s.sampleFile))

	mux.Handle("/", s.handle(s.notFound))

	var h http.Handler = mux
	h = http.NewCrossOriginProtection().Handler(h)
	h = s.limitBody(h)
	h = securityHeaders(h)
	h = s.recoverPanic(h)
	h = s.logRequests(h)
	return h
}

// withID adapts a handler of a path with an {id}: it is given the id,
// read and checked (anything but a positive number is not found).
func withID(h func(w http.ResponseWriter, r *http.Request, id int64) error) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		return h(w, r, id)
	}
}

// handler is a page or an action. It writes its response, or returns an
// error for handle to answer (see Server.fail); it writes nothing then.
type handler func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handler: it resolves the browser's session once, into
// the request's context (see sessionOf), runs h, and turns its error into
// the error page.
func (s *Server) handle(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		release, err := s.admit(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		defer release()
		sess, err := s.sessions.New(r, cookieName)
		if err == nil {
			r = r.WithContext(context.WithValue(r.Context(), sessionKey{}, sess))
			err = h(w, r)
		}
		if err != nil {
			s.fail(w, r, err)
		}
	})
}

// errTeachersOnly answers a student (or anyone not logged in as a
// teacher) who asks for a teacher page.
var errTeachersOnly = questions.Errorf(questions.CodeForbidden, "This page is for teachers. If you are one, log in at /login first.")

// teacherOnly is handle for a teacher's page: someone not logged in as a
// teacher gets 403, except that an anonymous GET (no learner, no teacher)
// is sent to the login page with 303, which is what a teacher whose login
// expired needs.
func (s *Server) teacherOnly(h handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		switch {
		case teacherOf(r).ID != 0:
			return h(w, r)
		case r.Method == http.MethodGet && learnerOf(r).ID == 0:
			redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()))
			return nil
		}
		return errTeachersOnly
	})
}

// uploadPaths are the routes that take files, and so bodies larger than
// the form limit (see limitBody).
var uploadPaths = map[string]bool{"/teacher/sets/upload": true, "/teacher/sets/generate": true, "/decks/import": true}

// maxUploadBody is the body limit of the upload routes: a file of the
// largest size allowed (a package that carries images, or a document), and
// room for the form around it.
const maxUploadBody = formats.MaxSize + 1<<20

// bodyLimit returns the most a request may send.
func (s *Server) bodyLimit(r *http.Request) int64 {
	switch {
	case r.Method != http.MethodPost:
	case uploadPaths[r.URL.Path]:
		return max(s.cfg.MaxBodyBytes, maxUploadBody)
	case strings.HasPrefix(r.URL.Path, "/teacher/questions/") && strings.HasSuffix(r.URL.Path, "/images"):
		// An image for a question, and the form around it.
		return max(s.cfg.MaxBodyBytes, questions.MaxMediaBytes+1<<20)
	}
	return s.cfg.MaxBodyBytes
}
