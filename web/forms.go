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

// The site's forms: each is a type that reads its fields from a request
// (readXForm, which fails only on a body that cannot be read) and checks
// them (check), returning its problems by field name, in words for the
// person at the browser. A handler shows a form with problems again, with
// what was typed and each message beside its field, and acts on one
// without. The checks are the store's own (db.CleanName and the like), so
// what a form lets through the store takes.

// postForm parses the request's form body.
func postForm(r *http.Request) (url.Values, error) {
	if err := r.ParseForm(); err != nil {
		return nil, err
	}
	return r.PostForm, nil
}

// checker is a form that checks itself: its problems by field, or an
// error that is not the user's to fix.
type checker interface {
	check() (views.FieldErrors, error)
}

// readForm reads a form from the request's posted values with read, and
// checks it.
func readForm[F checker](r *http.Request, read func(url.Values) F) (F, views.FieldErrors, error) {
	v, err := postForm(r)
	if err != nil {
		var zero F
		return zero, nil, err
	}
	f := read(v)
	errs, err := f.check()
	return f, errs, err
}

// problem records in errs the message of err, an invalid-input error, for
// field; any other error is returned for the error page.
func problem(errs views.FieldErrors, field string, err error) error {
	if questions.ErrorCode(err) != questions.CodeInvalid {
		return err
	}
	errs[field] = questions.ErrorMessage(err)
	return nil
}

// loginForm is a teacher's name and password, and the teacher page to go
// to once logged in.
type loginForm struct{ Name, Password, Next string }

func loginFormOf(v url.Values) loginForm {
	return loginForm{Name: v.Get("name"), Password: v.Get("password"), Next: safeNext(v.Get("next"))}
}

func (f loginForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	if strings.TrimSpace(f.Name) == "" {
		errs["name"] = "Type your name."
	}
	if f.Password == "" {
		errs["password"] = "Type your password."
	}
	return errs, nil
}

// setupForm makes the first teacher's account.
type setupForm struct{ Name, Password, Password2 string }

func setupFormOf(v url.Values) setupForm {
	return setupForm{Name: v.Get("name"), Password: v.Get("password"), Password2: v.Get("password2")}
}

func (f setupForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	if _, err := db.CleanTeacherName(f.Name); problem(errs, "name", err) != nil {
		return nil, err
	}
	if err := db.CheckNewPassword(f.Password); problem(errs, "password", err) != nil {
		return nil, err
	}
	if f.Password != f.Password2 {
		errs["password2"] = "The two passwords are not the same."
	}
	return errs, nil
}

// nameForm is a learner's display name.
type nameForm struct{ Name string }

func nameFormOf(v url.Values) nameForm { return nameForm{Name: v.Get("name")} }

func (f nameForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	_, err := db.CleanName(f.Name)
	return errs, problem(errs, "name", err)
}

// resumeForm is a resume code, typed to continue on this device.
type resumeForm struct{ Code string }

func resumeFormOf(v url.Values) resumeForm { return resumeForm{Code: v.Get("code")} }

func (f resumeForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	if db.NormalizeResumeCode(f.Code) == "" {
		errs["code"] = "A sign-in code has 8 letters and digits, like ABCD-1234."
	}
	return errs, nil
}

// joinForm is a class's join code and the name the student gives.
type joinForm struct{ Code, Name string }

func joinFormOf(v url.Values) joinForm { return joinForm{Code: v.Get("code"), Name: v.Get("name")} }

func (f joinForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	if db.NormalizeJoinCode(f.Code) == "" {
		errs["code"] = "A class code has 6 letters and digits, like ABC-123."
	}
	clean, err := db.CleanName(f.Name)
	if err := problem(errs, "name", err); err != nil {
		return nil, err
	}
	if err == nil && clean == "" {
		errs["name"] = "Type your name, so that your teacher knows whose results these are."
	}
	return errs, nil
}

// classForm names a class, new or renamed.
type classForm struct{ Name string }

func classFormOf(v url.Values) classForm { return classForm{Name: v.Get("name")} }

func (f classForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	_, err := db.CleanClassName(f.Name)
	return errs, problem(errs, "name", err)
}

// assignForm gives a class a set with its quiz settings.
type assignForm struct {
	SetID    int64
	Settings db.QuizSettings
	// typedWrong holds the fields that are not numbers.
	typedWrong views.FieldErrors
}

func readAssignForm(r *http.Request) (assignForm, error) {
	f, err := postForm(r)
	if err != nil {
		return assignForm{}, err
	}
	a := assignForm{typedWrong: views.FieldErrors{}}
	a.Settings.Shuffle = f.Get("shuffle") == "1"
	if a.Settings.Feedback = f.Get("feedback"); a.Settings.Feedback == "" {
		a.Settings.Feedback = db.FeedbackAfter
	}
	set, _ := formInt(f, "set", 0, a.typedWrong)
	a.SetID = int64(set)
	a.Settings.Draw, _ = formInt(f, "draw", 0, a.typedWrong)
	a.Settings.MaxAttempts, _ = formInt(f, "attempts", 0, a.typedWrong)
	return a, nil
}

func (f assignForm) check() views.FieldErrors {
	errs := views.FieldErrors{}
	for field, msg := range f.Settings.Problems() {
		errs[field] = questions.Sentence(msg)
	}
	for field, msg := range f.typedWrong {
		errs[field] = msg
	}
	if f.SetID <= 0 && errs["set"] == "" {
		errs["set"] = "Choose a set."
	}
	return errs
}

// formInt reads a whole number from a form's field, def for an empty one.
// A field that is not a whole number gets a message in errs.
func formInt(f url.Values, key string, def int, errs views.FieldErrors) (int, bool) {
	v := strings.TrimSpace(f.Get(key))
	if v == "" {
		return def, true
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		errs[key] = fmt.Sprintf("%q is not a whole number.", v)
		return def, false
	}
	return n, true
}

// settingsForm is a learner's study settings, as typed: retention in
// percent ("90" or "90%").
type settingsForm struct {
	Retention, NewPerDay, TimeZone, RolloverHour string
	// The daily limits besides NewPerDay; empty means the default.
	ReviewsPerDay, NewAllPerDay, ReviewsAllPerDay string
	// Back is the set the learner came from, to study again after.
	Back string
}

func readSettingsForm(r *http.Request) (settingsForm, error) {
	f, err := postForm(r)
	return settingsForm{
		Retention:    strings.TrimSpace(f.Get("retention")),
		NewPerDay:    strings.TrimSpace(f.Get("new_per_day")),
		TimeZone:     strings.TrimSpace(f.Get("time_zone")),
		RolloverHour: strings.TrimSpace(f.Get("rollover_hour")),
		Back:         f.Get("back"),

		ReviewsPerDay:    strings.TrimSpace(f.Get("reviews_per_day")),
		NewAllPerDay:     strings.TrimSpace(f.Get("new_all_per_day")),
		ReviewsAllPerDay: strings.TrimSpace(f.Get("reviews_all_per_day")),
	}, err
}

// check reads the settings and says what is wrong with them: a field that
// cannot be read at all, or else one out of range.
func (f settingsForm) check() (db.StudySettings, views.FieldErrors) {
	errs := views.FieldErrors{}
	st := db.StudySettings{TimeZone: f.TimeZone}
	ret, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(f.Retention, "%")), 64)
	if err != nil {
		errs[string(db.FieldRetention)] = "Type a percentage, such as 90."
	}
	st.DesiredRetention = ret / 100
	if st.NewPerDay, err = strconv.Atoi(f.NewPerDay); err != nil {
		errs[string(db.FieldNewPerDay)] = "Type a whole number, such as 20."
	}
	if st.RolloverHour, err = strconv.Atoi(f.RolloverHour); err != nil {
		errs[string(db.FieldRolloverHour)] = "Choose an hour from the list."
	}
	def := db.DefaultStudySettings()
	for _, l := range []settingsLimit{
		{db.FieldReviews, f.ReviewsPerDay, &st.ReviewsPerDay, def.ReviewsPerDay},
		{db.FieldNewAll, f.NewAllPerDay, &st.NewAllPerDay, def.NewAllPerDay},
		{db.FieldReviewsAll, f.ReviewsAllPerDay, &st.ReviewsAllPerDay, def.ReviewsAllPerDay},
	} {
		l.read(errs)
	}
	for field, msg := range st.Problems() {
		if _, typedWrong := errs[string(field)]; !typedWrong {
			errs[string(field)] = msg
		}
	}
	return st, errs
}

// settingsLimit is one of the daily limits of the settings form: its
// field, the value typed (empty for the default), where to put it, and
// the default.
type settingsLimit struct {
	field db.SettingsField
	typed string
	dest  *int
	def   int
}

// read puts the limit typed, or the default, in its place, or says in
// errs that it is not a whole number.
func (l settingsLimit) read(errs views.FieldErrors) {
	if l.typed == "" {
		*l.dest = l.def
		return
	}
	n, err := strconv.Atoi(l.typed)
	if err != nil {
		errs[string(l.field)] = "Type a whole number, such as " + strconv.Itoa(l.def) + "."
	}
	*l.dest = n
}
