package apkg

import (
	"fmt"
	"html"
	"path"
	"slices"
	"strings"
	"time"

	"factdrill/questions"
)

// convert turns the collection's cards into questions, their images into
// media and the review history into Reviews.
func convert(name string, col *collection, pkg *pkgFiles) (Deck, error) {
	var d Deck
	byCard := map[int64][]int{} // card id -> indexes of its questions
	decks := map[string]bool{}
	media := &mediaCache{pkg: pkg, byName: map[string]mediaResult{}}
	for i := range col.notes {
		n := &col.notes[i]
		nt := col.notetypes[n.mid]
		cards := col.cards[n.id]
		switch {
		case len(cards) == 0:
			continue
		case nt == nil:
			d.skip(n, "its note type is missing from the collection")
			continue
		}
		if len(n.fields) < len(nt.fields) {
			n.fields = append(n.fields, make([]string, len(nt.fields)-len(n.fields))...)
		}
		if why := unmappable(nt, n); why != "" {
			d.skipNote(n, nt, why)
			continue
		}
		var made []cardQuestions
		for _, c := range cards {
			qs, why, warn := cardToQuestions(nt, n, c, col.decks[c.did])
			if why != "" {
				d.skipCard(n, nt, c, why)
				continue
			}
			made = append(made, cardQuestions{c, qs, warn})
		}
		total := 0
		for _, m := range made {
			total += len(m.qs)
		}
		for _, m := range made {
			for k, q := range m.qs {
				q.ID = questionID(n.guid, nt, m.card, k, total)
				stem, dropped, lost := media.rewrite(q.Stem)
				if lost {
					// A question about a picture it cannot show is no
					// question.
					d.skipCard(n, nt, m.card, strings.Join(dropped, "; "))
					continue
				}
				q.Stem = strings.TrimSpace(stem)
				fb, dropped2, _ := media.rewrite(q.Feedback)
				q.Feedback = strings.TrimSpace(fb)
				for _, what := range append(append(dropped, dropped2...), m.warn...) {
					d.tell(n, nt, m.card, what)
				}
				if strings.TrimSpace(htmlText(q.Feedback)) == "" && !strings.Contains(q.Feedback, "<img") {
					q.Feedback = ""
				}
				if err := q.Validate(); err != nil {
					d.skipCard(n, nt, m.card, err.Error())
					continue
				}
				if len(d.Set.Questions) == questions.MaxQuestions {
					return Deck{}, userErr("the deck makes more than %d questions; a set holds at most %d", questions.MaxQuestions, questions.MaxQuestions)
				}
				byCard[m.card.id] = append(byCard[m.card.id], len(d.Set.Questions))
				d.Set.Questions = append(d.Set.Questions, q)
				decks[q.Category] = true
			}
		}
	}
	if len(d.Set.Questions) == 0 {
		msg := "the package holds no cards"
		if len(d.Skipped) > 0 {
			msg = "no card of the package could be read: " + strings.Join(d.Skipped[:min(len(d.Skipped), 5)], "; ")
		}
		return Deck{}, userErr("%s", msg)
	}
	used := map[string]bool{}
	for _, q := range d.Set.Questions {
		for _, h := range questions.MediaRefs(q.Stem + q.Feedback) {
			used[h] = true
		}
	}
	for _, m := range media.media {
		if used[m.Hash] {
			d.Set.Media = append(d.Set.Media, m)
		}
	}
	if media.noAlt > 0 {
		d.Skipped = append(d.Skipped, fmt.Sprintf("%d images have no description (alt text) for people who cannot see them; add one in the editor", media.noAlt))
	}
	title, common := deckTitle(name, decks)
	d.Set.Title = title
	if common {
		// The set is the deck; categories are the decks below it.
		for i := range d.Set.Questions {
			q := &d.Set.Questions[i]
			q.Category = strings.TrimPrefix(strings.TrimPrefix(q.Category, title), "::")
		}
	}
	d.Set.Origin = "imported from " + path.Base(strings.ReplaceAll(name, `\`, "/"))

	for _, r := range col.revlog {
		for _, qi := range byCard[r.cid] {
			d.Reviews = append(d.Reviews, review(qi, r))
		}
	}
	return d, nil
}

type cardQuestions struct {
	card card
	qs   []questions.Question
	warn []string // what the card showed that its questions cannot
}

// unmappable says why a note cannot become questions at all, or "".
func unmappable(nt *notetype, n *note) string {
	if !nt.cloze {
		return ""
	}
	for _, f := range n.fields {
		for s := f; ; {
			d, ok := nextDeletion(s)
			if !ok {
				break
			}
			switch {
			case strings.HasPrefix(d.answer, "image-occlusion:"):
				return "image occlusion notes have no text to ask; factdrill cannot show them"
			case d.nested:
				return "it has a deletion inside another, which factdrill's cloze questions cannot hold"
			}
			s = s[d.end:]
		}
	}
	return ""
}

// cardToQuestions makes the questions of one card, or says why there are
// none.
func cardToQuestions(nt *notetype, n *note, c card, deck string) ([]questions.Question, string, []string) {
	if c.ord < 0 || (!nt.cloze && c.ord >= len(nt.templates)) || len(nt.templates) == 0 {
		return nil, fmt.Sprintf("its template %d is missing from the note type", c.ord+1), nil
	}
	t := nt.templates[0]
	if !nt.cloze {
		t = nt.templates[c.ord]
	}
	qfmt, afmt := parseTemplate(t.qfmt), parseTemplate(t.afmt)
	base := questions.Question{Tags: slices.Clone(n.tags), Category: deck}

	if !nt.cloze {
		front := &render{note: n, nt: nt, tmpl: t.name, deck: deck, place: -1}
		stem := strings.TrimSpace(front.run(qfmt))
		back := &render{note: n, nt: nt, tmpl: t.name, deck: deck, place: -1, front: stem}
		back.run(afmt)
		added := backOnly(front, back)
		answerField := front.typed
		if answerField == "" {
			for _, f := range added {
				v, _ := back.value(f)
				if htmlText(v) != "" {
					answerField = f
					break
				}
			}
		}
		if blankHTML(stem) {
			return nil, "its front shows nothing", nil
		}
		if answerField == "" {
			return nil, "its back adds no field with text to type as the answer", nil
		}
		v, _ := back.value(answerField)
		answer := htmlText(v)
		if answer == "" {
			return nil, fmt.Sprintf("its answer field %q has no text", answerField), nil
		}
		q := base
		q.Kind = questions.ShortAnswer
		q.Stem = stem
		if q.InPlace() {
			q.Kind = questions.Cloze
		}
		q.Answers = []questions.Choice{{Text: answer, Weight: 100}}
		q.Feedback = feedback(back, added, answerField)
		setFormat(&q)
		return []questions.Question{q}, "", answerMedia(v)
	}

	number := c.ord + 1
	var qs []questions.Question
	for place := 0; ; place++ {
		front := &render{note: n, nt: nt, tmpl: t.name, deck: deck, cloze: number, place: place}
		stem := strings.TrimSpace(front.run(qfmt))
		if front.seen <= place {
			if place == 0 {
				return nil, fmt.Sprintf("deletion c%d is not in its text", number), nil
			}
			break
		}
		back := &render{note: n, nt: nt, tmpl: t.name, deck: deck, cloze: number, place: -1, front: stem}
		back.run(afmt)
		added := backOnly(front, back)
		answer := htmlText(front.answer)
		if answer == "" {
			return nil, fmt.Sprintf("deletion c%d hides no text", number), nil
		}
		q := base
		q.Tags = slices.Clone(n.tags)
		q.Kind = questions.Cloze
		q.Stem = stem
		q.Answers = []questions.Choice{{Text: answer, Weight: 100}}
		q.Feedback = feedback(back, added, "")
		setFormat(&q)
		qs = append(qs, q)
		if place+1 >= maxPlaces {
			break
		}
	}
	return qs, "", nil
}

// answerMedia says what media an answer field shows that a typed answer
// cannot hold.
func answerMedia(field string) []string {
	var out []string
	for _, tag := range imgRE.FindAllString(field, -1) {
		out = append(out, fmt.Sprintf("image %q of the answer left out: an answer is text to type", html.UnescapeString(attr(srcRE, tag))))
	}
	for _, m := range soundRE.FindAllStringSubmatch(field, -1) {
		out = append(out, fmt.Sprintf("sound %q of the answer left out: an answer is text to type", m[1]))
	}
	return out
}

// maxPlaces bounds the questions one deletion number can give.
const maxPlaces = 100

// backOnly lists the fields the back shows that the front does not.
func backOnly(front, back *render) []string {
	var out []string
	for _, f := range back.shown {
		if !slices.ContainsFunc(front.shown, func(s string) bool { return strings.EqualFold(s, f) }) {
			out = append(out, f)
		}
	}
	return out
}

// feedback joins the non-empty fields the back adds, but the answer's.
func feedback(back *render, added []string, answerField string) string {
	var parts []string
	for _, f := range added {
		if strings.EqualFold(f, answerField) {
			continue
		}
		if v, _ := back.value(f); !blankHTML(v) {
			parts = append(parts, strings.TrimSpace(v))
		}
	}
	return strings.Join(parts, "<br>")
}

// setFormat makes the question HTML when its texts hold markup or an
// entity, else plain (""), as the Anki text reader decides. Plain texts
// have their white space collapsed, as HTML shows it: a line break in a
// template or field is a space on the card.
func setFormat(q *questions.Question) {
	if strings.ContainsAny(q.Stem+q.Feedback, "<&") {
		q.Format = questions.HTML
		return
	}
	q.Format = ""
	q.Stem = strings.Join(strings.Fields(q.Stem), " ")
	q.Feedback = strings.Join(strings.Fields(q.Feedback), " ")
}

// questionID is the note's GUID, with the card's template (-t2) or
// deletion (-c2, and -c2-2 for its second place) when the note gave more
// than one question.
func questionID(guid string, nt *notetype, c card, place, total int) string {
	guid = strings.TrimSpace(guid)
	if guid == "" || total <= 1 {
		return guid
	}
	id := fmt.Sprintf("%s-t%d", guid, c.ord+1)
	if nt.cloze {
		id = fmt.Sprintf("%s-c%d", guid, c.ord+1)
	}
	if place > 0 {
		id = fmt.Sprintf("%s-%d", id, place+1)
	}
	return id
}

// deckTitle is the deck every question is in, with its subdecks, and true;
// or, when the questions are in several decks, a title made from the
// file's name and false.
func deckTitle(name string, decks map[string]bool) (string, bool) {
	top := ""
	for d := range decks {
		t, _, _ := strings.Cut(d, "::")
		if t == "" || (top != "" && t != top) {
			top = ""
			break
		}
		top = t
	}
	if top != "" {
		return top, true
	}
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	if base = strings.Join(strings.Fields(strings.ReplaceAll(base, "_", " ")), " "); base == "" || base == "." {
		return "Anki deck", false
	}
	return base, false
}

func review(question int, r revlog) Review {
	interval := func(v int64) time.Duration {
		if v < 0 {
			return time.Duration(-v) * time.Second
		}
		return time.Duration(v) * 24 * time.Hour
	}
	return Review{
		Question:     question,
		CardID:       r.cid,
		Time:         time.UnixMilli(r.id).UTC(),
		Rating:       int(max(0, min(r.ease, 4))),
		Kind:         ReviewKind(r.kind),
		Interval:     interval(r.ivl),
		LastInterval: interval(r.lastIvl),
		Ease:         int(r.factor),
		Taken:        time.Duration(max(r.taken, 0)) * time.Millisecond,
	}
}

// noteName is a short label for a note in messages: its first field as
// text.
func noteName(n *note) string {
	s := ""
	if len(n.fields) > 0 {
		s = htmlText(n.fields[0])
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

func (d *Deck) skip(n *note, why string) {
	d.Skipped = append(d.Skipped, fmt.Sprintf("note %s left out: %s", noteName(n), why))
}

func (d *Deck) skipNote(n *note, nt *notetype, why string) {
	d.Skipped = append(d.Skipped, fmt.Sprintf("note %s (%s) left out: %s", noteName(n), nt.name, why))
}

func (d *Deck) skipCard(n *note, nt *notetype, c card, why string) {
	d.tell(n, nt, c, "left out: "+why)
}

// tell says something about one card.
func (d *Deck) tell(n *note, nt *notetype, c card, what string) {
	which := fmt.Sprintf("card %d", c.ord+1)
	if !nt.cloze && c.ord < len(nt.templates) {
		which = fmt.Sprintf("card %q", nt.templates[c.ord].name)
	} else if nt.cloze {
		which = fmt.Sprintf("deletion c%d", c.ord+1)
	}
	d.Skipped = append(d.Skipped, fmt.Sprintf("%s of note %s (%s): %s", which, noteName(n), nt.name, what))
}
