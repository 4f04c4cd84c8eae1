package web

import (
	"net/url"

	"factdrill/db"
	"factdrill/views"
)

// The forms of rosters and of teachers' accounts (see forms.go for how
// forms work).

// rosterForm is a student added to a roster, or their details changed.
type rosterForm struct{ db.RosterEntry }

func rosterFormOf(v url.Values) rosterForm {
	return rosterForm{db.RosterEntry{Name: v.Get("name"), SchoolID: v.Get("school_id"), Email: v.Get("email")}}
}

func (f rosterForm) check() (views.FieldErrors, error) {
	_, p := f.Clean()
	return views.FieldErrors(p), nil
}

// inviteForm is an admin's invitation: whom it is for.
type inviteForm struct{ Note string }

func inviteFormOf(v url.Values) inviteForm { return inviteForm{Note: v.Get("note")} }

func (f inviteForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	clean, err := db.CleanName(f.Note)
	if err := problem(errs, "note", err); err != nil {
		return nil, err
	}
	if len([]rune(clean)) > db.MaxNoteLen {
		errs["note"] = "Keep the note short: a name will do."
	}
	return errs, nil
}

// passwordForm is a new password, typed twice.
type passwordForm struct{ Password, Password2 string }

func passwordFormOf(v url.Values) passwordForm {
	return passwordForm{Password: v.Get("password"), Password2: v.Get("password2")}
}

func (f passwordForm) check() (views.FieldErrors, error) {
	errs := views.FieldErrors{}
	if err := problem(errs, "password", db.CheckNewPassword(f.Password)); err != nil {
		return nil, err
	}
	if f.Password != f.Password2 {
		errs["password2"] = "The two passwords are not the same."
	}
	return errs, nil
}
