package web

import (
	"net/http"
	"strconv"

	"factdrill/db"
	"factdrill/views"
)

// teacherHome is the teacher's dashboard.
func (s *Server) teacherHome(w http.ResponseWriter, r *http.Request) error {
	m, err := s.homeModel(r, classForm{}, nil)
	if err != nil {
		return err
	}
	s.render(w, r, views.TeacherHomeView(m))
	return nil
}

// homeModel is the dashboard, with the new class form as typed.
func (s *Server) homeModel(r *http.Request, f classForm, errs views.FieldErrors) (views.TeacherHome, error) {
	ctx, tc := r.Context(), teacherOf(r)
	m := views.TeacherHome{TeacherPage: s.tpage(r, "Dashboard", "home"), ClassName: f.Name, Errors: errs}
	sets, err := s.store.AssignableSets(ctx, tc.ID)
	if err != nil {
		return m, err
	}
	for _, set := range sets {
		if set.OwnerID == 0 {
			m.Shared = append(m.Shared, setRow(set))
		}
	}
	query := r.URL.Query()
	page, _ := strconv.Atoi(query.Get("page"))
	m.SetSearch = query.Get("sets")
	own, total, err := s.store.TeacherSetsPage(ctx, tc.ID, m.SetSearch, db.Page{Offset: (max(page, 1) - 1) * setsPageSize, Size: setsPageSize})
	if err != nil {
		return m, err
	}
	m.SetsPager = views.NewPager(page, setsPageSize, total, "/teacher", query)
	for _, set := range own {
		m.Sets = append(m.Sets, setRow(set))
	}
	classes, err := s.store.TeacherClasses(ctx, tc.ID)
	for _, c := range classes {
		m.Classes = append(m.Classes, classRow(c))
	}
	return m, err
}

// setsPageSize is how many of the teacher's sets the dashboard lists at
// once.
const setsPageSize = 20

// tpage fills in what every teacher page shows.
func (s *Server) tpage(r *http.Request, title, section string) views.TeacherPage {
	tc := teacherOf(r)
	return views.TeacherPage{Title: title, Section: section, Teacher: tc.Name, Admin: tc.Admin, Notice: teacherNotices[r.URL.Query().Get("notice")]}
}

// teacherNotices are the one-off messages a redirect can ask a teacher
// page to show.
var teacherNotices = map[string]string{
	"welcome":   "Welcome! Make a class, then upload or generate a set to assign it.",
	"logged-in": "You are logged in.",
	"uploaded":  "The file was read without problems. Review the questions, then publish the set.",
	"uploaded-warnings": "The file was read, but not all of it could be carried over: see the warnings below. " +
		"Review the questions, then publish the set.",
	"generated": "The questions are ready. Untick the ones to drop, correct the others, then publish.",
	"generated-before-cancel": "The questions were written before your cancel reached the server, so here they are. " +
		"Delete the set if you do not want it.",
	"too-late":          "The generation had already ended when you asked to cancel it, so there was nothing to cancel.",
	"saved":             "The set is saved.",
	"image-added":       "The image is added at the end of the question's text.",
	"published":         "The set is published: the classes it is assigned to can take it.",
	"unpublished":       "The set is unpublished: no one can start it until you publish it again.",
	"deleted":           "The set is deleted.",
	"class-made":        "The class is ready. Give students the join code and assign a set.",
	"assigned":          "The set is assigned.",
	"unassigned":        "The set is no longer assigned.",
	"flashcards-open":   "The set's flashcards are open to the class now, before the quiz is done.",
	"flashcards-closed": "The set's flashcards open to each student once they are done with the quiz.",
	"renamed":           "The class is renamed.",
	"class-gone":        "The class is deleted.",
	"removed":           "The student is removed from the class.",

	// A class's memory model (teacher_class_fsrs.go).
	"class-fit-requested": "The class's weights will be fitted within a minute: reload this page to see the fit.",
	"class-fsrs-reset":    "The class's weights are no longer used: its students without weights of their own have the defaults.",

	// Rosters, co-teachers and teachers' accounts.
	"student-added": "The student is on the roster, with a sign-in code.",
	"roster-added":  "The students are on the roster, each with a sign-in code.",
	"opened":        "Students may now join with the class code.",
	"closed":        "The class is kept to its roster: the class code no longer lets anyone in.",
	"merged":        "The two students are one now. The merge is in the audit log.",
	"code-reset":    "The student has a new sign-in code; the old one no longer works.",
	"details-saved": "The student's details are saved.",
	"shared":        "The class is shared.",
	"unshared":      "The teacher no longer sees the class.",
	"left-class":    "You are no longer a teacher of that class.",
	"invited":       "The invitation link is below. It works once, for 7 days.",
	"disabled":      "The account is disabled and its logins ended.",
	"enabled":       "The account can log in again.",
	"admin-made":    "The teacher is an admin now.",
	"admin-revoked": "The teacher is no longer an admin.",
	"password-set":  "Your new password is set. Log in with it.",
	"joined-staff":  "Welcome! Your account is ready.",
	// Writing questions.
	"question-added":     "The question is added.",
	"question-saved":     "The question is saved: every set that holds it shows the new version.",
	"question-unchanged": "Nothing changed in the question.",
	"question-copied":    "The question is copied; the copy is right after it.",
	"question-removed":   "The question is out of the set.",
	"question-moved":     "The question is moved.",
	"question-reused":    "The question is in the set now. It stays one question: an edit shows in every set that holds it.",

	"assignment-saved":       "The settings are saved.",
	"assignment-saved-moved": "The settings are saved, and the deadlines of the attempts in progress moved with them.",
	"extra-saved":            "The student's extra time and attempts are saved.",
	"marked":                 "The mark is saved.",
	"regraded":               "The attempts are regraded; the log below keeps every mark before and after.",
	"accepted":               "The answer is accepted, and the attempts that gave it are regraded.",
	"options-saved":          "The quiz options of the set are saved.",
}

func setRow(s db.SetInfo) views.TeacherSetRow {
	return views.TeacherSetRow{ID: s.ID, Title: s.Title, Origin: s.Origin, Questions: s.Questions,
		Published: s.Published, Shared: s.OwnerID == 0, Updated: s.UpdatedAt}
}

func classRow(c db.Class) views.ClassRow {
	return views.ClassRow{ID: c.ID, Name: c.Name, JoinCode: db.FormatJoinCode(c.JoinCode), Members: c.Members, Assigned: c.Assigned}
}
