package views

import (
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// Pager is where a page of a long list is: page Page (from 1) of Pages,
// Size items a page, Total items in all. Its links keep the URL's other
// query values.
type Pager struct {
	Page, Pages, Size, Total int
	// Path and Query are the list's address without its page.
	Path  string
	Query url.Values
}

// NewPager is the pager of page (from 1; out of range is the nearest
// page) of total items, size a page, at path with query.
func NewPager(page, size, total int, path string, query url.Values) Pager {
	pages := max(1, (total+size-1)/size)
	return Pager{Page: min(max(page, 1), pages), Pages: pages, Size: size, Total: total, Path: path, Query: query}
}

// Offset is the index of the page's first item.
func (p Pager) Offset() int { return (p.Page - 1) * p.Size }

// URL is the address of page n.
func (p Pager) URL(n int) string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	q.Del("page")
	q.Del("notice")
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return p.Path
	}
	return p.Path + "?" + q.Encode()
}

// Range says which items the page shows: "51–100 of 240".
func (p Pager) Range() string {
	if p.Total == 0 {
		return "none"
	}
	first := p.Offset() + 1
	last := min(p.Offset()+p.Size, p.Total)
	return fmt.Sprintf("%d–%d of %d", first, last, p.Total)
}

// RosterMember is a student on a class's roster page.
type RosterMember struct {
	ID                    int64
	Name, SchoolID, Email string
	// Code is the sign-in code, shown for a rostered student; "" for one
	// who joined by themselves (it is theirs to keep).
	Code     string
	Rostered bool
	Joined   time.Time
}

// ClassTeacherRow is one of a class's teachers.
type ClassTeacherRow struct {
	ID    int64
	Name  string
	Owner bool
}

// RosterPage is a class's students for its teachers: the roster with
// sign-in codes, how students join, adding students, possible duplicates
// to merge, and the teachers the class is shared with.
type RosterPage struct {
	TeacherPage
	ClassID   int64
	ClassName string
	// Owner is true when the teacher looking made the class.
	Owner     bool
	OwnerName string
	Open      bool
	JoinCode  string
	SiteURL   string
	Members   []RosterMember
	Pager     Pager
	// Duplicates are groups of members with one name.
	Duplicates [][]RosterMember
	Teachers   []ClassTeacherRow
	// The add form as typed, and its problems ("name", "school_id",
	// "email", "" for the form).
	Add    RosterMember
	Errors FieldErrors
	// The upload's problems, one a line ("line 3: …").
	UploadName     string
	UploadProblems []string
	// The share form as typed, and its problem ("share").
	ShareName string
}

// URL is the roster page's address.
func (m RosterPage) URL() string { return fmt.Sprintf("/teacher/classes/%d/roster", m.ClassID) }

// SignInCard is one student's card on the printed sheet.
type SignInCard struct {
	Name, Code string
}

// SignInSheet is the printable sheet of a class's sign-in cards.
type SignInSheet struct {
	TeacherPage
	ClassID   int64
	ClassName string
	SiteURL   string
	Cards     []SignInCard
	// SelfJoined counts the members who joined with the class code and
	// have no card here.
	SelfJoined int
}

// ClassRosterSummary is what a class's page says of its students: how
// they join, how many are rostered, possible duplicates, and the
// gradebook files.
type ClassRosterSummary struct {
	ClassID           int64
	Open              bool
	Members, Rostered int
	Duplicates        int
	Teachers          []ClassTeacherRow
	// NoSchoolID and NoMail are the students each Moodle file leaves
	// out, by name, so that the teacher can add what they lack.
	NoSchoolID, NoMail []RosterName
}

// RosterName is a student named on a class's page, with a link to their
// page.
type RosterName struct {
	ID   int64
	Name string
}

// StudentRoster is what a student's page for their teacher says of their
// place on the roster: their sign-in code and details, which a teacher may
// change and reset; nil for a student who joined by themselves.
type StudentRoster struct {
	ClassID, LearnerID    int64
	Name, SchoolID, Email string
	Code                  string
	Errors                FieldErrors
}
