package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// This file is the study queue's reading side: what a learner's study of
// one set, or of all their sets ("Study now"), shows at one moment. A
// study page costs what the learner has studied, not the size of the
// sets: the store keeps, in memory, each set's flashcards in order and
// each learner's cards with today's totals, and plans from them.
//
// Both copies are of committed data and tell by themselves when they are
// stale. A learner's copy is kept with the learner's study version (see
// study_learners), which every change to their cards, log, settings or
// limits moves on in its own transaction, and which every study page
// reads with the learner's settings: so a copy any server made is used
// only while nothing changed. A set's copy is kept with the store's cache
// generation (see cache), which every committed write that is not an
// answer moves on. A flashcard answer writes its change through to the
// learner's copy once committed, so that the next card's page finds it.

// setDeck is a set's flashcards in the set's order, as the study queue
// reads them.
type setDeck struct {
	gen  uint64
	info SetInfo
	// cards are the question ids of the set's flashcards in order, and
	// versions their current versions.
	cards    []int64
	versions []int64
	index    map[int64]int // question id → place in cards
}

// learnerDeck is a learner's study state: their cards, today's totals by
// set, their limits by set and their last answer.
type learnerDeck struct {
	mu sync.Mutex
	// settings and sched are the learner's, as the version says.
	settings StudySettings
	sched    *quiz.Scheduler
	version  int64
	gen      uint64
	day      int
	cards    map[int64]learnerCard
	// today holds the day's totals by set; limits the learner's own
	// limits by set.
	today  map[int64]dayTotals
	limits map[int64]SetLimits
	// sets are the learner's sets, by id: those they have answered in and
	// those assigned to their classes.
	sets []int64
	last lastAnswer
	// hints remembers, by set copy, where the search for the first new
	// card got to; access which sets the learner may study.
	hints  map[*setDeck]int
	access map[int64]bool
	// owned says, of the sets in access, which belong to a teacher, whose
	// assignments may keep their flashcards closed (flashcardsOpenTx).
	owned map[int64]bool
}

type learnerCard struct {
	card      quiz.Card
	suspended bool
}

type dayTotals struct{ introduced, reviewed int }

// lastAnswer is the learner's last answer, which undo may take back.
type lastAnswer struct {
	id, questionID, setID int64
	source                string
	at                    time.Time
}

// studyCache holds the copies; maxCachedCards bounds the learners' cards
// it holds. Decoded questions are in the store's bounded cache
// (Store.version).
type studyCache struct {
	mu       sync.Mutex
	sets     map[int64]*setDeck
	learners map[int64]*learnerDeck
	cards    int // learner cards held
}

const (
	maxCachedCards = 1_000_000
	maxCachedSets  = 2_000
)

func newStudyCache() *studyCache {
	return &studyCache{sets: map[int64]*setDeck{}, learners: map[int64]*learnerDeck{}}
}

// SetLimits are a learner's limits of a day's study in one set.
type SetLimits struct {
	NewPerDay, ReviewsPerDay int
}

// Study is a learner's study session at one moment, in one set or in all
// their sets: the counts, the card to show and what the page offers
// around it.
type Study struct {
	// Set is the set studied; its ID is 0 for all the learner's sets.
	Set      SetInfo
	Settings StudySettings
	// Scheduler is the learner's scheduler, for the answer buttons'
	// intervals and the learner's calendar.
	Scheduler *quiz.Scheduler
	Queue     quiz.DeckQueue
	// Card is the card to show; nil when nothing is left to study. CardSet
	// is the set it is studied in (with all sets, the first of the
	// learner's sets that holds it).
	Card    *StudyCard
	CardSet SetInfo
	// From is the queue the card comes from.
	From quiz.Queue
	// Pool are flashcards of the card's set beside it, when the options
	// asked for them (quiz.StudyOptions.Pool).
	Pool []questions.Question
	// Sets counts the sets studied; Cards their flashcards; Suspended
	// those suspended.
	Sets, Cards, Suspended int
	// UndoID is the review UndoReview would take back: the learner's last
	// answer, when it was a flashcard answer given today to a card of the
	// sets studied; 0 for none.
	UndoID int64
}

// Study returns the state of the learner's study at now of the set setID,
// or with setID 0 of all their sets (learner 0 is a visitor not known
// yet: every card is new). A set that is not published, or not open to
// the learner, gives ErrNotFound, as does a CardID (a question id) not
// among the flashcards studied. What to show is quiz.Scheduler's
// QueueDecks decision, within the learner's limits.
func (s *Store) Study(ctx context.Context, learnerID, setID int64, opt quiz.StudyOptions) (Study, error) {
	st, err := s.study(ctx, learnerID, setID, opt)
	if err != nil {
		return Study{}, fmt.Errorf("db: study set %d: %w", setID, err)
	}
	return st, nil
}

func (s *Store) study(ctx context.Context, learnerID, setID int64, opt quiz.StudyOptions) (Study, error) {
	now := s.now()
	ld, err := s.learnerDeck(ctx, learnerID, now)
	if err != nil {
		return Study{}, err
	}
	st := Study{Settings: ld.settings, Scheduler: ld.sched}
	ids := []int64{setID}
	if setID == 0 {
		ids = ld.sets
	}
	var decks []*setDeck
	for _, id := range ids {
		open, err := s.mayStudy(ctx, ld, learnerID, id)
		if errors.Is(err, errFlashcardsClosed) && setID == 0 {
			continue
		}
		if err != nil {
			return Study{}, err
		}
		if !open {
			if setID != 0 {
				return Study{}, questions.ErrNotFound
			}
			continue
		}
		d, err := s.setDeck(ctx, id)
		if err != nil {
			return Study{}, err
		}
		decks = append(decks, d)
	}
	if setID != 0 {
		st.Set = decks[0].info
	}
	st.Sets = len(decks)

	q, ok := s.plan(&st, ld, decks, now, opt)
	if !ok {
		return Study{}, questions.ErrNotFound
	}
	st.Queue = q
	if q.Deck >= 0 {
		d := decks[q.Deck]
		qid := q.Card.ID
		c := StudyCard{Card: q.Card.Card, Suspended: q.Card.Suspended,
			Question: StoredQuestion{ID: qid, VersionID: d.versions[d.index[qid]], SetID: d.info.ID, Position: d.index[qid]}}
		if c.Question.Question, err = s.cardVersion(ctx, c.Question.VersionID); err != nil {
			return Study{}, err
		}
		if st.Scheduler.Stale(c.Card) {
			// Weights fitted since the card's last answer: show the
			// intervals the answer will give, which rebuilds it.
			err := s.inRead(ctx, func(tx *sql.Tx) error {
				var err error
				c.Card, err = replayTx(ctx, tx, st.Scheduler, learnerID, qid)
				return err
			})
			if err != nil {
				return Study{}, err
			}
		}
		st.Card, st.CardSet, st.From = &c, d.info, q.From
		if st.Pool, err = s.pool(ctx, d, d.index[qid], opt.Pool); err != nil {
			return Study{}, err
		}
	}
	return st, nil
}

// pool returns up to n of the set's flashcards around place at, not
// counting it: the ones after it first, then the ones before.
func (s *Store) pool(ctx context.Context, d *setDeck, at, n int) ([]questions.Question, error) {
	var out []questions.Question
	for k := 1; len(out) < n && (at+k < len(d.cards) || at-k >= 0); k++ {
		for _, i := range []int{at + k, at - k} {
			if i < 0 || i >= len(d.cards) || len(out) >= n {
				continue
			}
			q, err := s.cardVersion(ctx, d.versions[i])
			if err != nil {
				return nil, err
			}
			out = append(out, q)
		}
	}
	return out, nil
}

// errTotalsStale stops a study read whose learner's totals must first be
// rebuilt from their log.
var errTotalsStale = errors.New("db: the learner's totals are being rebuilt")

// plan builds the decks of the queue from the copies and asks quiz; ok is
// false when opt.CardID names no flashcard of the decks.
func (s *Store) plan(st *Study, ld *learnerDeck, decks []*setDeck, now time.Time, opt quiz.StudyOptions) (q quiz.DeckQueue, ok bool) {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	in := make([]quiz.StudyDeck, len(decks))
	var newToday, reviewedToday int
	for i, d := range decks {
		lim := SetLimits{NewPerDay: st.Settings.NewPerDay, ReviewsPerDay: st.Settings.ReviewsPerDay}
		if l, ok := ld.limits[d.info.ID]; ok {
			lim = l
		}
		today := ld.today[d.info.ID]
		in[i] = quiz.StudyDeck{NewLeft: lim.NewPerDay - today.introduced, ReviewLeft: lim.ReviewsPerDay - today.reviewed, NewAvailable: len(d.cards)}
		if opt.MoreNew {
			in[i].NewLeft = quiz.NoLimit
		}
		st.Cards += len(d.cards)
	}
	for _, t := range ld.today {
		newToday += t.introduced
		reviewedToday += t.reviewed
	}
	// Each of the learner's cards goes to the first deck that holds it.
	found, foundDeck := quiz.StudyItem{}, -1
	for qid, c := range ld.cards {
		i := slices.IndexFunc(decks, func(d *setDeck) bool { _, ok := d.index[qid]; return ok })
		if i < 0 {
			continue
		}
		it := quiz.StudyItem{ID: qid, Card: c.card, Suspended: c.suspended}
		if c.suspended {
			st.Suspended++
		}
		if c.card.State != quiz.StateNew || c.suspended {
			in[i].Studied = append(in[i].Studied, it)
			in[i].NewAvailable--
		}
		if qid == opt.CardID {
			found, foundDeck = it, i
		}
	}
	for i, d := range decks {
		if in[i].NewAvailable > 0 {
			if qid, ok := ld.firstNew(d); ok {
				in[i].New = &quiz.StudyItem{ID: qid}
			}
		}
		if foundDeck < 0 && opt.CardID != 0 {
			if _, ok := d.index[opt.CardID]; ok {
				found, foundDeck = quiz.StudyItem{ID: opt.CardID}, i
			}
		}
	}
	newLeft, reviewLeft := quiz.NoLimit, quiz.NoLimit
	if n := st.Settings.NewAllPerDay; n > 0 && !opt.MoreNew {
		newLeft = n - newToday
	}
	if n := st.Settings.ReviewsAllPerDay; n > 0 {
		reviewLeft = n - reviewedToday
	}
	q = st.Scheduler.QueueDecks(in, now, newLeft, reviewLeft, opt.Ahead)
	if opt.CardID != 0 {
		if foundDeck < 0 {
			return q, false
		}
		if q.Deck != foundDeck || q.Card.ID != found.ID {
			q.Deck, q.Card, q.From = foundDeck, found, st.Scheduler.QueueOf(found.Card, now)
		}
	}
	if ld.last.id != 0 && st.Scheduler.Undoable(ld.last.source == sourceQuiz, ld.last.at, now) {
		for _, d := range decks {
			if _, ok := d.index[ld.last.questionID]; ok {
				st.UndoID = ld.last.id
				break
			}
		}
	}
	return q, true
}

// firstNew is the first of the set's flashcards the learner has no card
// for (or a new card not suspended), in the set's order. The learner's
// copy remembers where the search got to for the set's copy: cards only
// leave the new state while the copy lives (an undo makes a new copy).
func (ld *learnerDeck) firstNew(d *setDeck) (int64, bool) {
	h := ld.hints[d]
	for ; h < len(d.cards); h++ {
		c, ok := ld.cards[d.cards[h]]
		if !ok || (c.card.State == quiz.StateNew && !c.suspended) {
			break
		}
	}
	if ld.hints == nil {
		ld.hints = map[*setDeck]int{}
	}
	ld.hints[d] = h
	if h >= len(d.cards) {
		return 0, false
	}
	return d.cards[h], true
}

// studySetsSQL is the condition on a set s that lets the learner (both
// arguments) study its flashcards: a deck of their own (see decks.go), or
// a published set open to all or assigned to one of their classes.
const studySetsSQL = `(s.learner_id = ? OR s.published = 1 AND (s.owner_id IS NULL OR EXISTS (
	SELECT 1 FROM assignments g JOIN class_members m ON m.class_id = g.class_id WHERE g.set_id = s.id AND m.learner_id = ?)))`

// studySetsTx returns, of the sets ids, those the learner may study, in
// the order given.
func studySetsTx(ctx context.Context, tx *sql.Tx, learnerID int64, ids []int64) ([]int64, error) {
	var out []int64
	for _, id := range ids {
		var ok int
		err := tx.QueryRowContext(ctx, "SELECT 1 FROM sets s WHERE s.id = ? AND "+studySetsSQL, id, learnerID, learnerID).Scan(&ok)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

// setDeck returns the set's flashcards, from the copy if it is current.
func (s *Store) setDeck(ctx context.Context, setID int64) (*setDeck, error) {
	gen := s.cache.current()
	c := s.decks
	c.mu.Lock()
	d, ok := c.sets[setID]
	c.mu.Unlock()
	if ok && d.gen == gen {
		return d, nil
	}
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = setDeckTx(ctx, tx, setID, gen)
		return err
	})
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if s.cache.gen.Load() == gen {
		if len(c.sets) >= maxCachedSets {
			clear(c.sets)
		}
		c.sets[setID] = d
	}
	c.mu.Unlock()
	return d, nil
}

// setDeckTx reads the set's flashcards in tx.
func setDeckTx(ctx context.Context, tx *sql.Tx, setID int64, gen uint64) (*setDeck, error) {
	d := &setDeck{gen: gen, index: map[int64]int{}}
	var err error
	if d.info, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ?", setID)); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT sq.question_id, q.version_id FROM set_questions sq JOIN questions q ON q.id = sq.question_id
		JOIN question_versions v ON v.id = q.version_id WHERE sq.set_id = ? AND v.kind IN `+cardKindsSQL+` ORDER BY sq.position`, setID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var qid, vid int64
		if err := rows.Scan(&qid, &vid); err != nil {
			return nil, err
		}
		d.index[qid] = len(d.cards)
		d.cards, d.versions = append(d.cards, qid), append(d.versions, vid)
	}
	return d, rows.Err()
}

// learnerDeck returns the learner's study state at now: the copy if it is
// current (the learner's study version, read with one small query, the
// cache generation and the learner's day are those it was made at), or a
// new copy read in one transaction.
func (s *Store) learnerDeck(ctx context.Context, learnerID int64, now time.Time) (*learnerDeck, error) {
	gen := s.cache.current()
	if learnerID == 0 {
		st := DefaultStudySettings()
		sched, err := st.Scheduler()
		if err != nil {
			return nil, err
		}
		return &learnerDeck{settings: st, sched: sched, day: sched.Day(now), cards: map[int64]learnerCard{}, access: map[int64]bool{}, owned: map[int64]bool{}}, nil
	}
	c := s.decks
	c.mu.Lock()
	ld, ok := c.learners[learnerID]
	c.mu.Unlock()
	if ok {
		var version sql.NullInt64
		err := s.read.QueryRowContext(ctx, "SELECT version FROM study_learners WHERE learner_id = ?", learnerID).Scan(&version)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("db: study version of learner %d: %w", learnerID, err)
		}
		ld.mu.Lock()
		current := ld.version == version.Int64 && ld.gen == gen && ld.day == ld.sched.Day(now)
		ld.mu.Unlock()
		if current {
			return ld, nil
		}
	}
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		ld, err = s.learnerDeckTx(ctx, tx, learnerID, gen, now)
		return err
	})
	if errors.Is(err, errTotalsStale) {
		if err := s.ensureTotals(ctx, learnerID); err != nil {
			return nil, err
		}
		return s.learnerDeck(ctx, learnerID, now)
	}
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if old, ok := c.learners[learnerID]; ok {
		c.cards -= len(old.cards)
	}
	if c.cards+len(ld.cards) > maxCachedCards {
		clear(c.learners)
		c.cards = 0
	}
	c.learners[learnerID] = ld
	c.cards += len(ld.cards)
	c.mu.Unlock()
	return ld, nil
}

// learnerDeckTx reads a learner's study state in tx.
func (s *Store) learnerDeckTx(ctx context.Context, tx *sql.Tx, learnerID int64, gen uint64, now time.Time) (*learnerDeck, error) {
	st, err := studySettingsTx(ctx, tx, learnerID)
	if err != nil {
		return nil, err
	}
	if !st.totals {
		return nil, errTotalsStale
	}
	sched, err := st.Scheduler()
	if err != nil {
		return nil, err
	}
	day := sched.Day(now)
	ld := &learnerDeck{settings: st, sched: sched, version: st.version, gen: gen, day: day, cards: map[int64]learnerCard{},
		today: map[int64]dayTotals{}, limits: map[int64]SetLimits{}, access: map[int64]bool{}, owned: map[int64]bool{}}
	rows, err := tx.QueryContext(ctx, "SELECT c.question_id, "+cardColumns+" FROM cards c WHERE c.learner_id = ?", learnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			qid int64
			n   nullCard
		)
		if err := rows.Scan(append([]any{&qid}, n.dest()...)...); err != nil {
			return nil, err
		}
		var lc learnerCard
		lc.card, lc.suspended = n.card()
		ld.cards[qid] = lc
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	today, err := queryAll(ctx, tx, func(row scanner) ([3]int64, error) {
		var v [3]int64
		err := row.Scan(&v[0], &v[1], &v[2])
		return v, err
	}, "SELECT set_id, introduced, reviewed FROM study_days WHERE learner_id = ? AND day = ?", learnerID, day)
	if err != nil {
		return nil, err
	}
	for _, v := range today {
		ld.today[v[0]] = dayTotals{introduced: int(v[1]), reviewed: int(v[2])}
	}
	limits, err := queryAll(ctx, tx, func(row scanner) ([3]int64, error) {
		var v [3]int64
		err := row.Scan(&v[0], &v[1], &v[2])
		return v, err
	}, "SELECT set_id, new_per_day, reviews_per_day FROM study_set_limits WHERE learner_id = ?", learnerID)
	if err != nil {
		return nil, err
	}
	for _, v := range limits {
		ld.limits[v[0]] = SetLimits{NewPerDay: int(v[1]), ReviewsPerDay: int(v[2])}
	}
	if ld.sets, err = queryAll(ctx, tx, scanInt64, `SELECT s.id FROM sets s WHERE s.id IN (`+learnerSetsSQL+`) ORDER BY s.title, s.id`,
		learnerID, learnerID, learnerID); err != nil {
		return nil, err
	}
	err = tx.QueryRowContext(ctx, `SELECT r.id, r.question_id, coalesce(rs.set_id, 0), r.source, r.reviewed_at
		FROM reviews r LEFT JOIN review_sets rs ON rs.review_id = r.id WHERE r.learner_id = ? ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1`,
		learnerID).Scan(&ld.last.id, &ld.last.questionID, &ld.last.setID, &ld.last.source, &ld.last.at)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return ld, nil
}

// mayStudy reports whether the learner may study the set (studySetsSQL),
// from the learner's copy when it knows: who may study what changes only
// with writes that move the cache generation on.
func (s *Store) mayStudy(ctx context.Context, ld *learnerDeck, learnerID, setID int64) (bool, error) {
	ld.mu.Lock()
	open, known := ld.access[setID]
	owned := ld.owned[setID]
	ld.mu.Unlock()
	if !known {
		err := s.read.QueryRowContext(ctx, "SELECT s.owner_id IS NOT NULL FROM sets s WHERE s.id = ? AND "+studySetsSQL, setID, learnerID, learnerID).Scan(&owned)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return false, fmt.Errorf("db: may learner %d study set %d: %w", learnerID, setID, err)
		}
		open = err == nil
		ld.mu.Lock()
		ld.access[setID], ld.owned[setID] = open, owned
		ld.mu.Unlock()
	}
	if !open || !owned {
		return open, nil
	}
	// A teacher's set may be assigned as a quiz, and its flashcards show
	// the answers: they open once the learner is done with the quiz
	// (flashcardsOpenTx, errFlashcardsClosed if not). Not kept, since an
	// attempt handed in changes it.
	if err := s.inRead(ctx, func(tx *sql.Tx) error { return flashcardsOpenTx(ctx, tx, learnerID, setID) }); err != nil {
		return false, err
	}
	return true, nil
}

// cardVersion returns a question version, decoded, from the store's
// bounded cache of versions (Store.version): versions never change.
// It is shared: callers must not change it.
func (s *Store) cardVersion(ctx context.Context, versionID int64) (questions.Question, error) {
	v, err := s.version(ctx, nil, versionID)
	if err != nil {
		return questions.Question{}, err
	}
	return v.question, nil
}

// answered writes a committed flashcard answer through to the learner's
// copy, if the copy was current just before it (version before the
// answer's): the card, today's totals and the last answer.
func (c *studyCache) answered(learnerID, versionBefore, versionAfter int64, day int, qid int64, card quiz.Card, last lastAnswer, add dayTotals) {
	c.mu.Lock()
	ld, ok := c.learners[learnerID]
	c.mu.Unlock()
	if !ok {
		return
	}
	ld.mu.Lock()
	defer ld.mu.Unlock()
	if ld.version != versionBefore || ld.day != day {
		return
	}
	if !slices.Contains(ld.sets, last.setID) {
		// A set the learner had not answered in becomes theirs: the copy
		// is made again, with its sets in order.
		ld.version = -1
		return
	}
	old, had := ld.cards[qid]
	ld.cards[qid] = learnerCard{card: card, suspended: old.suspended}
	if !had {
		c.mu.Lock()
		c.cards++
		c.mu.Unlock()
	}
	t := ld.today[last.setID]
	t.introduced += add.introduced
	t.reviewed += add.reviewed
	ld.today[last.setID] = t
	ld.last = last
	ld.version = versionAfter
}

// studySetTx checks that the learner may study the set's flashcards
// (studySetsSQL): questions.ErrNotFound if not.
func studySetTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64) error {
	open, err := studySetsTx(ctx, tx, learnerID, []int64{setID})
	if err == nil && len(open) == 0 {
		err = questions.ErrNotFound
	}
	return err
}

// SetStudyLimits sets the learner's own limits of a day's study in a set
// they may study, in place of their limits for each set; nil goes back to
// those. Limits out of range give an invalid-input error.
func (s *Store) SetStudyLimits(ctx context.Context, learnerID, setID int64, l *SetLimits) error {
	if l != nil && (l.NewPerDay < 0 || l.NewPerDay > MaxNewPerDay || l.ReviewsPerDay < 0 || l.ReviewsPerDay > MaxPerDay) {
		return fmt.Errorf("db: set study limits: %w", invalid("Choose from 0 to %d new cards and 0 to %d reviews a day.", MaxNewPerDay, MaxPerDay))
	}
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if err := studySetTx(ctx, tx, learnerID, setID); err != nil {
			return err
		}
		var err error
		if l == nil {
			_, err = tx.ExecContext(ctx, "DELETE FROM study_set_limits WHERE learner_id = ? AND set_id = ?", learnerID, setID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO study_set_limits (learner_id, set_id, new_per_day, reviews_per_day) VALUES (?, ?, ?, ?)
				ON CONFLICT (learner_id, set_id) DO UPDATE SET new_per_day = excluded.new_per_day, reviews_per_day = excluded.reviews_per_day`,
				learnerID, setID, l.NewPerDay, l.ReviewsPerDay)
		}
		if err != nil {
			return err
		}
		return bumpStudyTx(ctx, tx, learnerID)
	})
	if err != nil {
		return fmt.Errorf("db: set study limits of learner %d in set %d: %w", learnerID, setID, err)
	}
	return nil
}

// SetStudyLimits is a learner's limits of a day's study in a set.
type SetStudyLimits struct {
	Set SetInfo
	// Limits are those in force; Own says whether they are the set's own,
	// Usual are the learner's limits for each set.
	Limits, Usual SetLimits
	Own           bool
}

// StudyLimits returns the learner's limits of a day's study in a set they
// may study (questions.ErrNotFound otherwise).
func (s *Store) StudyLimits(ctx context.Context, learnerID, setID int64) (SetStudyLimits, error) {
	return read(ctx, s, fmt.Sprintf("study limits of learner %d in set %d", learnerID, setID), func(tx *sql.Tx) (SetStudyLimits, error) {
		var l SetStudyLimits
		if err := studySetTx(ctx, tx, learnerID, setID); err != nil {
			return l, err
		}
		var err error
		if l.Set, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ?", setID)); err != nil {
			return l, err
		}
		st, err := studySettingsTx(ctx, tx, learnerID)
		if err != nil {
			return l, err
		}
		l.Usual = SetLimits{NewPerDay: st.NewPerDay, ReviewsPerDay: st.ReviewsPerDay}
		l.Limits = l.Usual
		err = tx.QueryRowContext(ctx, "SELECT new_per_day, reviews_per_day FROM study_set_limits WHERE learner_id = ? AND set_id = ?",
			learnerID, setID).Scan(&l.Limits.NewPerDay, &l.Limits.ReviewsPerDay)
		if errors.Is(err, sql.ErrNoRows) {
			return l, nil
		}
		l.Own = err == nil
		return l, err
	})
}

// DueCount is what the learner has to study today in all their sets, as
// the home page shows it.
type DueCount struct {
	quiz.StudyCounts
	// Sets counts the learner's sets.
	Sets int
}

// StudyDue counts the cards the learner has to study now in all their
// sets, within their limits (see Study).
func (s *Store) StudyDue(ctx context.Context, learnerID int64) (DueCount, error) {
	st, err := s.study(ctx, learnerID, 0, quiz.StudyOptions{})
	if err != nil {
		return DueCount{}, fmt.Errorf("db: cards due for learner %d: %w", learnerID, err)
	}
	return DueCount{StudyCounts: st.Queue.Counts, Sets: st.Sets}, nil
}

// knownCard reports whether the copies, current at the cache generation
// gen, already say that the learner may study the set and that the
// question is one of its flashcards; and, if the learner's copy is there,
// their scheduler and the study version it is of (nil otherwise).
func (c *studyCache) knownCard(gen uint64, learnerID, setID, questionID int64) (known bool, sched *quiz.Scheduler, version int64) {
	c.mu.Lock()
	ld, okL := c.learners[learnerID]
	d, okS := c.sets[setID]
	c.mu.Unlock()
	if !okL {
		return false, nil, 0
	}
	ld.mu.Lock()
	defer ld.mu.Unlock()
	if ld.gen != gen {
		return false, nil, 0
	}
	if !okS || d.gen != gen || !ld.access[setID] || ld.owned[setID] {
		return false, ld.sched, ld.version
	}
	_, inSet := d.index[questionID]
	return inSet, ld.sched, ld.version
}

// PracticeTest returns up to n cards for a practice test of the learner's
// study of a set (or, with setID 0, of all their sets): the cards due
// first, then the weakest (quiz.Scheduler.Practice), of the kinds a test
// can grade (quiz.Testable), each with its question and the set it is
// tested in (Question.SetID).
func (s *Store) PracticeTest(ctx context.Context, learnerID, setID int64, n int) ([]StudyCard, error) {
	ld, err := s.learnerDeck(ctx, learnerID, s.now())
	if err != nil {
		return nil, fmt.Errorf("db: practice test of set %d: %w", setID, err)
	}
	if setID != 0 {
		if open, err := s.mayStudy(ctx, ld, learnerID, setID); err != nil || !open {
			return nil, fmt.Errorf("db: practice test of set %d: %w", setID, cmp.Or(err, error(questions.ErrNotFound)))
		}
	}
	ids := []int64{setID}
	if setID == 0 {
		ids = ld.sets
	}
	var (
		items []quiz.StudyItem
		where = map[int64]*setDeck{}
	)
	var decks []*setDeck
	for _, id := range ids {
		if open, err := s.mayStudy(ctx, ld, learnerID, id); err != nil || !open {
			if err != nil && !errors.Is(err, errFlashcardsClosed) {
				return nil, err
			}
			continue
		}
		d, err := s.setDeck(ctx, id)
		if err != nil {
			return nil, err
		}
		decks = append(decks, d)
	}
	ld.mu.Lock()
	for _, d := range decks {
		for qid, c := range ld.cards {
			if _, in := d.index[qid]; in && where[qid] == nil {
				where[qid] = d
				items = append(items, quiz.StudyItem{ID: qid, Card: c.card, Suspended: c.suspended})
			}
		}
	}
	ld.mu.Unlock()
	var out []StudyCard
	for _, it := range ld.sched.Practice(items, s.now(), len(items)) {
		if len(out) == n {
			break
		}
		d := where[it.ID]
		at := d.index[it.ID]
		q, err := s.cardVersion(ctx, d.versions[at])
		if err != nil {
			return nil, err
		}
		if !quiz.Testable(q) {
			continue
		}
		out = append(out, StudyCard{Card: it.Card, Suspended: it.Suspended,
			Question: StoredQuestion{ID: it.ID, VersionID: d.versions[at], SetID: d.info.ID, Position: at, Question: q}})
	}
	return out, nil
}
