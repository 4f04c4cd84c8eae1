package web

import (
	"cmp"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
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
	return errs, requiredName(errs, f.Name)
}

// requiredName checks a learner's name, which may not be blank: a
// teacher could not tell whose results are whose.
func requiredName(errs views.FieldErrors, name string) error {
	clean, err := db.CleanName(name)
	if err := problem(errs, "name", err); err != nil {
		return err
	}
	if err == nil && clean == "" {
		errs["name"] = "Type your name, so that your teacher knows whose results these are."
	}
	return nil
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
	if err := requiredName(errs, f.Name); err != nil {
		return nil, err
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
	// Form is what was typed, for the form shown again.
	Form views.QuizSettingsForm
	// typedWrong holds the fields that cannot be read.
	typedWrong views.FieldErrors
}

func readAssignForm(r *http.Request) (assignForm, error) {
	f, err := postForm(r)
	if err != nil {
		return assignForm{}, err
	}
	a := assignForm{typedWrong: views.FieldErrors{}}
	set, _ := formInt(f, "set", 0, a.typedWrong)
	a.SetID = int64(set)
	a.Settings, a.Form = readQuizSettings(f, a.typedWrong)
	return a, nil
}

func (f assignForm) check() views.FieldErrors {
	errs := settingsProblems(f.Settings, f.typedWrong)
	if f.SetID <= 0 && errs["set"] == "" {
		errs["set"] = "Choose a set."
	}
	return errs
}

// settingsProblems are the problems of quiz settings: the fields that
// could not be read (typedWrong), else those out of range.
func settingsProblems(q db.QuizSettings, typedWrong views.FieldErrors) views.FieldErrors {
	errs := views.FieldErrors{}
	for field, msg := range q.Problems() {
		errs[field] = questions.Sentence(msg)
	}
	for field, msg := range typedWrong {
		errs[field] = msg
	}
	return errs
}

// readQuizSettings reads an assignment's settings from a form (the assign
// form of a class, or the assignment's own page), with what was typed; a
// field that cannot be read gets its message in typedWrong. Dates are
// read in UTC. The review rules are read only from a form that shows them
// (review=1); otherwise everything is shown.
func readQuizSettings(f url.Values, typedWrong views.FieldErrors) (db.QuizSettings, views.QuizSettingsForm) {
	form := views.QuizSettingsForm{
		Draw: strings.TrimSpace(f.Get("draw")), Attempts: strings.TrimSpace(f.Get("attempts")),
		TimeLimit: strings.TrimSpace(f.Get("time_limit")), Feedback: f.Get("feedback"),
		Opens: strings.TrimSpace(f.Get("opens")), Closes: strings.TrimSpace(f.Get("closes")), Due: strings.TrimSpace(f.Get("due")),
		Shuffle: f.Get("shuffle") == "1", KeepOptionOrder: f.Get("keep_option_order") == "1", Full: f.Get("review") == "1",
	}
	q := db.QuizSettings{Feedback: cmp.Or(form.Feedback, db.FeedbackAfter), Shuffle: form.Shuffle, KeepOptionOrder: form.KeepOptionOrder}
	q.Draw, _ = formInt(f, "draw", 0, typedWrong)
	q.MaxAttempts, _ = formInt(f, "attempts", 0, typedWrong)
	if form.TimeLimit != "" {
		minutes, err := strconv.ParseFloat(strings.ReplaceAll(form.TimeLimit, ",", "."), 64)
		if err != nil || math.IsNaN(minutes) || math.IsInf(minutes, 0) {
			typedWrong["time_limit"] = fmt.Sprintf("%q is not a number of minutes.", form.TimeLimit)
		} else {
			q.TimeLimit = time.Duration(math.Round(minutes*60)) * time.Second
		}
	}
	for _, d := range []struct {
		field string
		value string
		to    *time.Time
	}{{"opens", form.Opens, &q.Opens}, {"closes", form.Closes, &q.Closes}, {"due", form.Due, &q.Due}} {
		if d.value == "" {
			continue
		}
		t, err := time.ParseInLocation(views.DateTimeLayout, d.value, time.UTC)
		if err != nil {
			typedWrong[d.field] = "Give a date and a time, such as 2026-12-01 14:00."
			continue
		}
		*d.to = t
	}
	if !form.Full {
		for i := range form.Review {
			form.Review[i] = views.ReviewChoice{Mark: true, Right: true, Feedback: true, Source: true}
		}
		return q, form
	}
	show := quiz.ReviewRules(0)
	for i, m := range quiz.Moments {
		key := []string{"during", "after", "closed"}[i]
		on := func(item string) bool { return f.Get(views.ReviewField(key, item)) == "1" }
		c := views.ReviewChoice{Mark: on("mark"), Right: on("right"), Feedback: on("feedback"), Source: on("source")}
		form.Review[i] = c
		show = show.With(m, quiz.Reveal{Mark: c.Mark, Right: c.Right, Feedback: c.Feedback, Source: c.Source})
	}
	q.Hide = quiz.AllReview &^ show
	return q, form
}

// quizSettingsForm is the form of quiz settings as stored, to edit them.
func quizSettingsForm(q db.QuizSettings) views.QuizSettingsForm {
	f := views.QuizSettingsForm{
		Draw: strconv.Itoa(q.Draw), Attempts: strconv.Itoa(q.MaxAttempts),
		TimeLimit: strconv.FormatFloat(q.TimeLimit.Minutes(), 'f', -1, 64), Feedback: q.Feedback,
		Shuffle: q.Shuffle, KeepOptionOrder: q.KeepOptionOrder, Full: true,
	}
	for _, d := range []struct {
		t  time.Time
		to *string
	}{{q.Opens, &f.Opens}, {q.Closes, &f.Closes}, {q.Due, &f.Due}} {
		if !d.t.IsZero() {
			*d.to = d.t.UTC().Format(views.DateTimeLayout)
		}
	}
	for i, m := range quiz.Moments {
		v := q.Review().At(m)
		f.Review[i] = views.ReviewChoice{Mark: v.Mark, Right: v.Right, Feedback: v.Feedback, Source: v.Source}
	}
	return f
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
