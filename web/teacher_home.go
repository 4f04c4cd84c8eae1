package web

import (
	"net/http"

	"factdrill/db"
	"factdrill/views"
)

// teacherHome is the teacher's dashboard.
func (t *teacherSite) teacherHome(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	m, err := t.homeModel(r, tc)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.render(w, r, views.TeacherHomeView(m))
}

func (t *teacherSite) homeModel(r *http.Request, tc db.Teacher) (views.TeacherHome, error) {
	ctx := r.Context()
	m := views.TeacherHome{TeacherPage: t.tpage(r, tc, "Dashboard", "home")}
	sets, err := t.store.AssignableSets(ctx, tc.ID)
	if err != nil {
		return m, err
	}
	for _, s := range sets {
		if s.OwnerID == 0 {
			m.Shared = append(m.Shared, setRow(s))
		}
	}
	own, err := t.store.TeacherSets(ctx, tc.ID)
	if err != nil {
		return m, err
	}
	for _, s := range own {
		m.Sets = append(m.Sets, setRow(s))
	}
	classes, err := t.store.TeacherClasses(ctx, tc.ID)
	if err != nil {
		return m, err
	}
	for _, c := range classes {
		m.Classes = append(m.Classes, classRow(c))
	}
	return m, nil
}

func setRow(s db.SetInfo) views.TeacherSetRow {
	return views.TeacherSetRow{ID: s.ID, Title: s.Title, Origin: s.Origin, Questions: s.Questions,
		Published: s.Published, Shared: s.OwnerID == 0, Updated: s.UpdatedAt}
}

func classRow(c db.Class) views.ClassRow {
	return views.ClassRow{ID: c.ID, Name: c.Name, JoinCode: db.FormatJoinCode(c.JoinCode), Members: c.Members, Assigned: c.Assigned}
}
