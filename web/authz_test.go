package web

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The authorisation matrix: every route of the site, asked by each of five
// visitors, with the status each must get. A route registered anywhere in
// the package (found by reading the source) but missing from the table
// fails the test, so a new route must say who may use it.
//
// Visitors: anon has no cookie; student A is in class A and has attempts;
// student B is in class B; teacher A owns set A, class A and the job;
// teacher B owns set B and class B. Teacher pages answer an anonymous GET
// with 303 to /login, a student with 403, and another teacher's id with
// 404, as if it did not exist.

// who are the visitors, in the order of a row's statuses. The owner of the
// row's objects (student A, teacher A) goes last, so that a row that
// deletes something has done so only after the others tried.
var who = []string{"anon", "student B", "teacher B", "student A", "teacher A"}

type authzRow struct {
	pattern string // as registered
	path    string // with {set}, {class}, … filled in from the fixture
	form    url.Values
	file    bool // a multipart upload
	// want is the status for anon, student B, teacher B, student A and
	// teacher A.
	want [5]int
}

const (
	ok   = http.StatusOK
	see  = http.StatusSeeOther
	deny = http.StatusForbidden
	nf   = http.StatusNotFound
	bad  = http.StatusUnprocessableEntity
	no   = http.StatusUnauthorized
)

var authzTable = []authzRow{
	// The student site: open to all, each learner's attempts their own.
	{"GET /{$}", "/", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"GET /healthz", "/healthz", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"GET /static/", "/static/style.css", nil, false, [5]int{ok, ok, ok, ok, ok}},
	// A stored image is served to whoever knows its hash (web/media_show.go
	// says why); an unknown one is not found.
	{"GET /media/{hash}", "/media/{media}", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"GET /sets/{id}", "/sets/{public}", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /sets/{id}/attempts", "/sets/{public}/attempts", nil, false, [5]int{see, see, see, see, see}},
	{"GET /attempts/{id}", "/attempts/{open}", nil, false, [5]int{nf, nf, nf, see, nf}},
	{"GET /attempts/{id}/questions/{n}", "/attempts/{open}/questions/1", nil, false, [5]int{nf, nf, nf, ok, nf}},
	{"POST /attempts/{id}/questions/{n}", "/attempts/{open}/questions/1", url.Values{"choice": {"1"}}, false, [5]int{nf, nf, nf, see, nf}},
	{"GET /attempts/{id}/finish", "/attempts/{open}/finish", nil, false, [5]int{nf, nf, nf, ok, nf}},
	{"POST /attempts/{id}/finish", "/attempts/{open}/finish", nil, false, [5]int{nf, nf, nf, see, nf}},
	{"GET /attempts/{id}/result", "/attempts/{done}/result", nil, false, [5]int{nf, nf, nf, ok, nf}},
	{"GET /me", "/me", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /me/name", "/me/name", url.Values{"name": {"Zoya"}}, false, [5]int{see, see, see, see, see}},
	{"GET /resume", "/resume", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /resume", "/resume", url.Values{"code": {"0000-0000"}}, false, [5]int{bad, bad, bad, bad, bad}},
	{"/", "/no/such/page", nil, false, [5]int{nf, nf, nf, nf, nf}},

	// A learner's own decks (web/decks.go): anyone may import an Anki deck
	// into their own study; a deck is deleted only by its learner (student
	// A's deck here), and is anyone else's 404.
	{"GET /decks/import", "/decks/import", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /decks/import", "/decks/import", url.Values{"history": {"1"}}, true, [5]int{see, see, see, see, see}},
	{"POST /sets/{id}/delete", "/sets/{deck}/delete", url.Values{"confirm": {"yes"}}, false, [5]int{nf, nf, nf, see, nf}},

	// Flashcards (web/study_*.go, settings_*.go, stats_*.go): a teacher's
	// set is studied only by its classes' members; a bad answer form is
	// refused before anything is looked up; settings and statistics are
	// each learner's own.
	{"GET /sets/{id}/study", "/sets/{set}/study", nil, false, [5]int{nf, nf, nf, ok, nf}},
	{"POST /sets/{id}/study", "/sets/{set}/study", url.Values{"rating": {"3"}}, false, [5]int{400, 400, 400, 400, 400}},
	{"POST /sets/{id}/study/undo", "/sets/{set}/study/undo", nil, false, [5]int{see, see, see, see, see}},
	{"POST /sets/{id}/study/suspend", "/sets/{set}/study/suspend", url.Values{"card": {"1"}}, false, [5]int{nf, nf, nf, nf, nf}},
	{"POST /sets/{id}/study/unsuspend", "/sets/{set}/study/unsuspend", nil, false, [5]int{see, see, see, see, see}},
	{"GET /sets/{id}/study/limits", "/sets/{set}/study/limits", nil, false, [5]int{nf, nf, nf, ok, nf}},
	{"POST /sets/{id}/study/limits", "/sets/{set}/study/limits", url.Values{"new_per_day": {"5"}, "reviews_per_day": {"50"}}, false, [5]int{nf, nf, nf, see, nf}},
	{"GET /study", "/study", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /study", "/study", url.Values{"rating": {"3"}}, false, [5]int{400, 400, 400, 400, 400}},
	{"POST /study/undo", "/study/undo", nil, false, [5]int{see, see, see, see, see}},
	{"GET /study/test", "/study/test", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /study/test", "/study/test", url.Values{"n": {"0"}, "started": {"0"}}, false, [5]int{ok, ok, ok, ok, ok}},
	{"GET /sets/{id}/study/test", "/sets/{set}/study/test", nil, false, [5]int{nf, nf, nf, ok, nf}},
	{"POST /sets/{id}/study/test", "/sets/{set}/study/test", url.Values{"n": {"0"}, "started": {"0"}}, false, [5]int{nf, nf, nf, ok, nf}},
	{"GET /settings", "/settings", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /settings", "/settings", url.Values{}, false, [5]int{bad, bad, bad, bad, bad}},
	{"GET /stats", "/stats", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"GET /stats/history", "/stats/history", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /settings/fsrs/fit", "/settings/fsrs/fit", nil, false, [5]int{see, see, see, see, see}},
	{"POST /settings/fsrs/reset", "/settings/fsrs/reset", nil, false, [5]int{see, see, see, see, see}},

	// Logging in and the first teacher's setup (no setup link is valid once
	// a teacher exists).
	{"GET /login", "/login", nil, false, [5]int{ok, ok, see, ok, see}},
	{"POST /login", "/login", url.Values{"name": {"Teacher A"}, "password": {"wrong password"}}, false, [5]int{no, no, no, no, no}},
	{"POST /logout", "/logout", nil, false, [5]int{see, see, see, see, see}},
	{"GET /setup/{token}", "/setup/0123456789abcdef", nil, false, [5]int{nf, nf, nf, nf, nf}},
	{"POST /setup/{token}", "/setup/0123456789abcdef", url.Values{"name": {"X"}, "password": {testPassword}, "password2": {testPassword}}, false, [5]int{nf, nf, nf, nf, nf}},

	// Classes from the student's side: anyone may join with the code; a
	// class and its quizzes are for its members.
	{"GET /join", "/join", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /join", "/join", url.Values{"code": {"{code}"}, "name": {"Newcomer"}}, false, [5]int{see, see, see, see, see}},
	{"GET /classes/{id}", "/classes/{class}", nil, false, [5]int{nf, nf, nf, ok, nf}},
	{"POST /assignments/{id}/attempts", "/assignments/{assign}/attempts", nil, false, [5]int{nf, nf, nf, see, nf}},
	{"GET /attempts/{id}/questions/{n}/feedback", "/attempts/{done}/questions/1/feedback", nil, false, [5]int{nf, nf, nf, see, nf}},
	{"POST /attempts/{id}/questions/{n}/claim", "/attempts/{done}/questions/1/claim", nil, false, [5]int{nf, nf, nf, 400, nf}},

	// The teachers' pages.
	{"GET /teacher", "/teacher", nil, false, [5]int{see, deny, ok, deny, ok}},
	{"GET /teacher/sets/new", "/teacher/sets/new", nil, false, [5]int{see, deny, ok, deny, ok}},
	{"POST /teacher/sets/upload", "/teacher/sets/upload", nil, true, [5]int{deny, deny, see, deny, see}},
	{"POST /teacher/sets/generate", "/teacher/sets/generate", url.Values{"text": {testDocument}, "count": {"5"}}, true, [5]int{deny, deny, see, deny, see}},
	{"GET /teacher/jobs/{id}", "/teacher/jobs/{job}", nil, false, [5]int{see, deny, nf, deny, see}},
	{"POST /teacher/jobs/{id}/cancel", "/teacher/jobs/{job}/cancel", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/sets/{id}", "/teacher/sets/{set}", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"GET /teacher/sets/{id}/edit", "/teacher/sets/{set}/edit", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/sets/{id}/edit", "/teacher/sets/{set}/edit", url.Values{"title": {"Renamed"}, "count": {"7"}}, false, [5]int{deny, deny, nf, deny, bad}},
	{"POST /teacher/sets/{id}/publish", "/teacher/sets/{set}/publish", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/sets/{id}/unpublish", "/teacher/sets/{set}/unpublish", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/sets/{id}/delete", "/teacher/sets/{set}/delete", url.Values{"confirm": {"yes"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/sets/{id}/export", "/teacher/sets/{set}/export?format=gift", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"GET /teacher/sets/{id}/items", "/teacher/sets/{set}/items", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/questions/{id}/images", "/teacher/questions/{question}/images", url.Values{"alt": {"A red rectangle"}, "back": {"/teacher/sets/{set}/edit#q0"}}, true, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes", "/teacher/classes", url.Values{"name": {"Year 8"}}, false, [5]int{deny, deny, see, deny, see}},
	{"GET /teacher/classes/{id}", "/teacher/classes/{class}", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/classes/{id}/rename", "/teacher/classes/{class}/rename", url.Values{"name": {"Year 8"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/delete", "/teacher/classes/{class}/delete", url.Values{"confirm": {"yes"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/assignments", "/teacher/classes/{class}/assignments", url.Values{"set": {"{public}"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/assignments/{id}/delete", "/teacher/assignments/{assign}/delete", nil, false, [5]int{deny, deny, nf, deny, ok}},
	{"POST /teacher/assignments/{id}/flashcards", "/teacher/assignments/{assign}/flashcards", url.Values{"open": {"1"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/classes/{id}/students/{learner}", "/teacher/classes/{class}/students/{learner}", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/classes/{id}/students/{learner}/remove", "/teacher/classes/{class}/students/{learner}/remove", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/classes/{id}/scores.csv", "/teacher/classes/{class}/scores.csv", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"GET /teacher/classes/{id}/answers.csv", "/teacher/classes/{class}/answers.csv", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"GET /teacher/scores.csv", "/teacher/scores.csv", nil, false, [5]int{see, deny, ok, deny, ok}},
	{"GET /teacher/classes/{id}/fsrs", "/teacher/classes/{class}/fsrs", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/classes/{id}/fsrs/fit", "/teacher/classes/{class}/fsrs/fit", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/fsrs/reset", "/teacher/classes/{class}/fsrs/reset", nil, false, [5]int{deny, deny, nf, deny, see}},

	// Marking by (web/teacher_assignments.go, teacher_grading.go): an
	// assignment's page and extra time, removal (asked twice when it has
	// attempts: the first answer is the question), the grading view,
	// regrading, accepting a common wrong answer, a set's quiz options.
	{"GET /teacher/assignments/{id}/edit", "/teacher/assignments/{assign}/edit", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/assignments/{id}/edit", "/teacher/assignments/{assign}/edit", url.Values{"feedback": {"after"}, "time_limit": {"20"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/assignments/{id}/overrides/{learner}", "/teacher/assignments/{assign}/overrides/{learner}", url.Values{"minutes": {"10"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/sets/{id}/questions/{question}/grading", "/teacher/sets/{set}/questions/{question}/grading", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/sets/{id}/questions/{question}/grading", "/teacher/sets/{set}/questions/{question}/grading", url.Values{"attempt": {"{done}"}, "position": {"0"}, "mark": {"1"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/sets/{id}/questions/{question}/accept", "/teacher/sets/{set}/questions/{cloze}/accept", url.Values{"text": {"Edo"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/sets/{id}/regrade", "/teacher/sets/{set}/regrade", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/sets/{id}/regrade", "/teacher/sets/{set}/regrade", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/sets/{id}/options", "/teacher/sets/{set}/options", url.Values{"spelling": {"10"}}, false, [5]int{deny, deny, nf, deny, see}},

	// Rosters, sign-in codes, merging, co-teachers and gradebook files: for
	// the class's teachers ({rostered} is a student teacher A rostered in
	// class A, {coteacher} a teacher class A is shared with).
	{"GET /teacher/roster-template.csv", "/teacher/roster-template.csv", nil, false, [5]int{see, deny, ok, deny, ok}},
	{"GET /teacher/classes/{id}/roster", "/teacher/classes/{class}/roster", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/classes/{id}/roster", "/teacher/classes/{class}/roster", url.Values{"name": {"New Student"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/roster/upload", "/teacher/classes/{class}/roster/upload", nil, true, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/classes/{id}/cards", "/teacher/classes/{class}/cards", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/classes/{id}/joining", "/teacher/classes/{class}/joining", url.Values{"open": {"0"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/merge", "/teacher/classes/{class}/merge", url.Values{"into": {"{learner}"}, "from": {"{rostered}"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/students/{learner}/code", "/teacher/classes/{class}/students/{rostered}/code", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/students/{learner}/details", "/teacher/classes/{class}/students/{rostered}/details", url.Values{"name": {"Renamed"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/teachers", "/teacher/classes/{class}/teachers", url.Values{"name": {"Teacher B"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/classes/{id}/teachers/{teacher}/remove", "/teacher/classes/{class}/teachers/{coteacher}/remove", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/classes/{id}/moodle.csv", "/teacher/classes/{class}/moodle.csv?by=email", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"GET /teacher/classes/{id}/canvas.csv", "/teacher/classes/{class}/canvas.csv", nil, false, [5]int{see, deny, nf, deny, ok}},

	// Teachers' accounts: teacher A, the first, is the admin; teacher B is
	// not. An invitation ({invite}) or password link ({reset}) is anyone's
	// who holds it, and works once: the first visitor spends it.
	{"GET /teacher/admin", "/teacher/admin", nil, false, [5]int{see, deny, deny, deny, ok}},
	{"POST /teacher/admin/invitations", "/teacher/admin/invitations", url.Values{"note": {"Ms Okafor"}}, false, [5]int{deny, deny, deny, deny, ok}},
	{"POST /teacher/admin/teachers/{id}/disable", "/teacher/admin/teachers/{teacherB}/disable", nil, false, [5]int{deny, deny, deny, deny, see}},
	{"POST /teacher/admin/teachers/{id}/enable", "/teacher/admin/teachers/{teacherB}/enable", nil, false, [5]int{deny, deny, deny, deny, see}},
	{"POST /teacher/admin/teachers/{id}/make-admin", "/teacher/admin/teachers/{teacherB}/make-admin", nil, false, [5]int{deny, deny, deny, deny, see}},
	{"POST /teacher/admin/teachers/{id}/revoke-admin", "/teacher/admin/teachers/{teacherB}/revoke-admin", nil, false, [5]int{deny, deny, deny, deny, see}},
	{"POST /teacher/admin/teachers/{id}/password-link", "/teacher/admin/teachers/{teacherB}/password-link", nil, false, [5]int{deny, deny, deny, deny, ok}},
	{"GET /invite/{token}", "/invite/{invite}", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /invite/{token}", "/invite/{invite}", url.Values{"name": {"Invited"}, "password": {testPassword}, "password2": {testPassword}}, false, [5]int{see, nf, nf, nf, nf}},
	{"GET /password/{token}", "/password/{reset}", nil, false, [5]int{ok, ok, ok, ok, ok}},
	{"POST /password/{token}", "/password/{reset}", url.Values{"password": {testPassword}, "password2": {testPassword}}, false, [5]int{see, nf, nf, nf, nf}},

	// Writing questions and the bank: {question} is the first question of
	// set A, {setA2} another set of teacher A's.
	{"GET /teacher/sets/{id}/questions/new", "/teacher/sets/{set}/questions/new?kind=essay", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/sets/{id}/questions", "/teacher/sets/{set}/questions", url.Values{"kind": {"true_false"}, "stem": {"The Earth is round."}, "truth": {"true"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/sets/{id}/questions/{question}/edit", "/teacher/sets/{set}/questions/{question}/edit", nil, false, [5]int{see, deny, nf, deny, ok}},
	{"POST /teacher/sets/{id}/questions/{question}", "/teacher/sets/{set}/questions/{question}", url.Values{"stem": {"Capital of France?"},
		"answer-text": {"Lyon", "Paris"}, "answer-weight": {"0", "100"}, "answer-feedback": {"", ""}}, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/sets/{id}/questions/{question}/duplicate", "/teacher/sets/{set}/questions/{question}/duplicate", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/sets/{id}/questions/{question}/remove", "/teacher/sets/{set}/questions/{question}/remove", nil, false, [5]int{deny, deny, nf, deny, see}},
	{"POST /teacher/sets/{id}/questions/{question}/move", "/teacher/sets/{set}/questions/{question}/move", url.Values{"dir": {"down"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/bank", "/teacher/bank?q=capital", nil, false, [5]int{see, deny, ok, deny, ok}},
	{"POST /teacher/bank/reuse", "/teacher/bank/reuse", url.Values{"question": {"{question}"}, "set": {"{setA2}"}}, false, [5]int{deny, deny, nf, deny, see}},
	{"GET /teacher/samples/{name}", "/teacher/samples/sample.gift", nil, false, [5]int{see, deny, ok, deny, ok}},
}

// registeredRoutes reads the package's source for the patterns given to
// HandleFunc and Handle.
func registeredRoutes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "HandleFunc" && sel.Sel.Name != "Handle") {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				p, _ := strconv.Unquote(lit.Value)
				routes = append(routes, p)
			}
			return true
		})
	}
	return routes
}

func TestAuthorizationMatrix(t *testing.T) {
	routes := registeredRoutes(t)
	if len(routes) < 40 {
		t.Fatalf("found %d routes in the source, expected the whole site", len(routes))
	}
	inTable := map[string]bool{}
	for _, row := range authzTable {
		inTable[row.pattern] = true
	}
	for _, p := range routes {
		if !inTable[p] {
			t.Errorf("route %q is not in the authorisation table: add a row saying who may use it", p)
		}
	}
	var rows []authzRow
	for _, row := range authzTable {
		if !slices.Contains(routes, row.pattern) {
			// A route of work not in this tree yet: nothing to check.
			t.Logf("the table has a row for %q, which is not registered", row.pattern)
			continue
		}
		rows = append(rows, row)
	}

	// GET rows share one fixture; each POST row gets a fresh one, so that
	// what one visitor changes does not decide what the next gets.
	var shared *world
	for _, row := range rows {
		w := shared
		if strings.HasPrefix(row.pattern, "POST") || w == nil {
			w = newWorld(t)
			w.startJob()
			w.rosterFixture()
			if !strings.HasPrefix(row.pattern, "POST") {
				shared = w
			}
		}
		browsers := []*browser{w.anon, w.sB, w.tB, w.sA, w.tA}
		for i, b := range browsers {
			got := w.ask(b, row)
			if got != row.want[i] {
				t.Errorf("%s (%s) as %s = %d, want %d", row.pattern, w.fill(row.path), who[i], got, row.want[i])
			}
		}
	}
	t.Logf("%d routes × %d visitors = %d checks", len(rows), len(who), len(rows)*len(who))
}

// job is teacher A's generation job of the fixture, once started.
var jobOf = map[*world]string{}

// startJob starts a generation as teacher A, and waits for it to end.
func (w *world) startJob() {
	w.t.Helper()
	r := w.tA.upload("/teacher/sets/generate", "document", "", nil, url.Values{"text": {testDocument}, "count": {"5"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/teacher/jobs/") {
		w.t.Fatalf("generate = %d to %q\n%s", r.status, r.location, r.body)
	}
	jobOf[w] = r.location
	w.tA.waitJob(r.location)
}

func (w *world) fill(path string) string {
	return strings.NewReplacer(
		"{public}", strconv.FormatInt(w.setID, 10),
		"{set}", strconv.FormatInt(w.setA, 10),
		"{class}", strconv.FormatInt(w.classA.ID, 10),
		"{assign}", strconv.FormatInt(w.assignA, 10),
		"{learner}", strconv.FormatInt(w.learnerA, 10),
		"{open}", strconv.FormatInt(w.attemptOpen, 10),
		"{done}", strconv.FormatInt(w.attemptDone, 10),
		"{code}", w.classA.JoinCode,
		"{media}", testImage.Hash,
		"{deck}", strconv.FormatInt(w.deckA, 10),
		"{question}", strconv.FormatInt(w.questionA(), 10),
		"{cloze}", strconv.FormatInt(w.questionAt(2), 10),
		"/teacher/jobs/{job}", jobOf[w],
	).Replace(rosterOf[w].fill(path))
}

// questionAt is the id of question i of set A.
func (w *world) questionAt(i int) int64 {
	w.t.Helper()
	_, qs, err := w.store.TeacherSet(context.Background(), w.teacherA.ID, w.setA)
	if err != nil {
		w.t.Fatal(err)
	}
	return qs[i].ID
}

func (w *world) ask(b *browser, row authzRow) int {
	w.t.Helper()
	path := w.fill(row.path)
	method, _, _ := strings.Cut(row.pattern, " ")
	form := url.Values{}
	for k, vs := range row.form {
		for _, v := range vs {
			form.Add(k, w.fill(v))
		}
	}
	switch {
	case row.file && row.pattern == "POST /teacher/classes/{id}/roster/upload":
		return b.upload(path, "file", "roster.csv", []byte("Name,School ID\nUploaded Student,U1\n"), form).status
	case row.file && row.pattern == "POST /teacher/sets/upload":
		return b.upload(path, "file", "capitals.gift", []byte(testGIFT), form).status
	case row.file && row.pattern == "POST /teacher/questions/{id}/images":
		return b.upload(path, "image", "red.png", testImage.Data, form).status
	case row.file && row.pattern == "POST /decks/import":
		return b.upload(path, "deck", "deck.apkg", testDeck(w.t), form).status
	case row.file:
		return b.upload(path, "document", "", nil, form).status
	case method == "POST":
		return b.post(path, form).status
	}
	return b.get(path).status
}
