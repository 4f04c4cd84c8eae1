package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // learners' time zones work on hosts without a zoneinfo database

	"factdrill/questions"
	"factdrill/quiz"
)

// StudySettings are what a learner may tune about their flashcards. The
// rest of the scheduler (learning steps of 1 and 10 minutes, a relearning
// step of 10 minutes, fuzz, leeches at 8 lapses, a 100-year maximum
// interval) is quiz.DefaultSchedulerConfig's: Anki's defaults.
type StudySettings struct {
	// DesiredRetention is the chance of recall intervals aim for, from
	// MinRetention to MaxRetention.
	DesiredRetention float64
	// NewPerDay is how many new cards of each set a day may introduce;
	// answering a new question in a quiz introduces it too.
	NewPerDay int
	// TimeZone is an IANA zone name ("Europe/Paris"); days are counted in
	// it.
	TimeZone string
	// RolloverHour is the local hour, 0 to 23, at which the learner's day
	// starts: cards due "today" are due until then.
	RolloverHour int
	// Saved is false while the learner studies with the defaults.
	Saved bool
}

// Limits of the settings a learner may choose. Retention outside 70-99 %
// makes the workload either pointless or crushing (Anki's bounds).
const (
	MinRetention = 0.70
	MaxRetention = 0.99
	MaxNewPerDay = 9999
)

// DefaultStudySettings are a new learner's settings: 90 % retention, 20 new
// cards a day, UTC, days starting at 4 AM (Anki's defaults).
func DefaultStudySettings() StudySettings {
	return StudySettings{DesiredRetention: 0.9, NewPerDay: 20, TimeZone: "UTC", RolloverHour: 4}
}

// SettingsField names a study setting, as forms name their fields.
type SettingsField string

// The fields of StudySettings.
const (
	FieldRetention    SettingsField = "retention"
	FieldNewPerDay    SettingsField = "new_per_day"
	FieldTimeZone     SettingsField = "time_zone"
	FieldRolloverHour SettingsField = "rollover_hour"
)

// Problems checks the settings and says, for each field that is out of
// range, what is wrong, in words for the learner; nil if all are fine.
func (st StudySettings) Problems() map[SettingsField]string {
	p := map[SettingsField]string{}
	r := math.Round(st.DesiredRetention*1000) / 1000
	if !(r >= MinRetention && r <= MaxRetention) {
		p[FieldRetention] = fmt.Sprintf("Choose a retention from %.0f%% to %.0f%%.", MinRetention*100, MaxRetention*100)
	}
	if st.NewPerDay < 0 || st.NewPerDay > MaxNewPerDay {
		p[FieldNewPerDay] = fmt.Sprintf("Choose from 0 to %d new cards a day.", MaxNewPerDay)
	}
	if !ValidTimeZone(st.TimeZone) {
		p[FieldTimeZone] = "Choose a time zone from the list."
	}
	if st.RolloverHour < 0 || st.RolloverHour > 23 {
		p[FieldRolloverHour] = "Choose an hour from 0 to 23."
	}
	if len(p) == 0 {
		return nil
	}
	return p
}

// Location is the learner's time zone; UTC if the stored name is unknown.
func (st StudySettings) Location() *time.Location {
	loc, err := loadLocation(st.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// SchedulerConfig is quiz.DefaultSchedulerConfig with the learner's
// retention, time zone and rollover hour.
func (st StudySettings) SchedulerConfig() quiz.SchedulerConfig {
	cfg := quiz.DefaultSchedulerConfig()
	cfg.DesiredRetention = st.DesiredRetention
	cfg.Location = st.Location()
	cfg.RolloverHour = st.RolloverHour
	return cfg
}

type schedulerKey struct {
	retention float64
	zone      string
	rollover  int
}

// schedulers memoizes a scheduler per distinct settings: building one loads
// a time zone, and every study page needs one. Settings come from
// learners (a retention may be any number in its range), so the memo
// stops growing at maxSchedulers: past it, schedulers are built each time.
var (
	schedulers      sync.Map // schedulerKey → *quiz.Scheduler
	schedulersCount atomic.Int64
)

const maxSchedulers = 4096

// Scheduler returns the FSRS-6 scheduler for the learner's settings.
func (st StudySettings) Scheduler() (*quiz.Scheduler, error) {
	k := schedulerKey{st.DesiredRetention, st.TimeZone, st.RolloverHour}
	if s, ok := schedulers.Load(k); ok {
		return s.(*quiz.Scheduler), nil
	}
	s, err := quiz.NewScheduler(st.SchedulerConfig())
	if err != nil {
		return nil, fmt.Errorf("db: scheduler for settings %+v: %w", st, err)
	}
	if schedulersCount.Load() < maxSchedulers {
		if _, had := schedulers.LoadOrStore(k, s); !had {
			schedulersCount.Add(1)
		}
	}
	return s, nil
}

// locations caches the time zones loaded, by name: only names of
// knownZones, so that it stays as small as the zone database whatever
// names are sent.
var locations sync.Map // zone name → *time.Location

// knownZones are the time zone names a learner may have: those of the
// zone database built into the binary (see zones_known.go). Any other
// string, even one the host's zone files would load ("Europe/./Paris"),
// is refused.
var knownZones = func() map[string]bool {
	m := make(map[string]bool, len(knownZoneNames))
	for _, n := range knownZoneNames {
		m[n] = true
	}
	return m
}()

func loadLocation(name string) (*time.Location, error) {
	if !knownZones[name] {
		return nil, fmt.Errorf("db: unknown time zone %q", name)
	}
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location), nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	locations.Store(name, l)
	return l, nil
}

// ValidTimeZone reports whether name is a time zone the server knows: a
// name of the zone database, as browsers and the settings send them.
func ValidTimeZone(name string) bool {
	_, err := loadLocation(name)
	return err == nil
}

// TimeZone returns the time zone of a known name (see ValidTimeZone),
// loaded once and kept; ok is false for any other name.
func TimeZone(name string) (loc *time.Location, ok bool) {
	loc, err := loadLocation(name)
	return loc, err == nil
}

// StudySettings returns the learner's settings, the defaults if they never
// saved any (or for learner 0, a visitor not known yet).
func (s *Store) StudySettings(ctx context.Context, learnerID int64) (StudySettings, error) {
	var st StudySettings
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		st, err = studySettingsTx(ctx, tx, learnerID)
		return err
	})
	if err != nil {
		return StudySettings{}, fmt.Errorf("db: study settings of learner %d: %w", learnerID, err)
	}
	return st, nil
}

// schedulerTx is the learner's scheduler, built from their settings.
func schedulerTx(ctx context.Context, tx *sql.Tx, learnerID int64) (*quiz.Scheduler, error) {
	st, err := studySettingsTx(ctx, tx, learnerID)
	if err != nil {
		return nil, err
	}
	return st.Scheduler()
}

func studySettingsTx(ctx context.Context, tx *sql.Tx, learnerID int64) (StudySettings, error) {
	st := StudySettings{Saved: true}
	err := tx.QueryRowContext(ctx, `SELECT desired_retention, new_per_day, time_zone, rollover_hour
		FROM study_settings WHERE learner_id = ?`, learnerID).Scan(&st.DesiredRetention, &st.NewPerDay, &st.TimeZone, &st.RolloverHour)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultStudySettings(), nil
	}
	return st, err
}

// SaveStudySettings stores the learner's settings. Settings out of range
// give an invalid-input error naming the first problem (see Problems for
// all).
func (s *Store) SaveStudySettings(ctx context.Context, learnerID int64, st StudySettings) error {
	now := s.now()
	if p := st.Problems(); p != nil {
		for _, f := range []SettingsField{FieldRetention, FieldNewPerDay, FieldTimeZone, FieldRolloverHour} {
			if msg, ok := p[f]; ok {
				return fmt.Errorf("db: save study settings: %w", invalid("%s", msg))
			}
		}
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		return saveStudySettingsTx(ctx, tx, learnerID, st, now)
	})
	if err != nil {
		return fmt.Errorf("db: save study settings of learner %d: %w", learnerID, err)
	}
	return nil
}

func saveStudySettingsTx(ctx context.Context, tx *sql.Tx, learnerID int64, st StudySettings, now time.Time) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO study_settings (learner_id, desired_retention, new_per_day, time_zone, rollover_hour, updated_at)
		SELECT id, ?, ?, ?, ?, ? FROM learners WHERE id = ?
		ON CONFLICT (learner_id) DO UPDATE SET desired_retention = excluded.desired_retention, new_per_day = excluded.new_per_day,
			time_zone = excluded.time_zone, rollover_hour = excluded.rollover_hour, updated_at = excluded.updated_at`,
		math.Round(st.DesiredRetention*1000)/1000, st.NewPerDay, st.TimeZone, st.RolloverHour, now.UTC(), learnerID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return questions.ErrNotFound
	}
	return nil
}
