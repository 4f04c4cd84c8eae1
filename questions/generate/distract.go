package generate

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdrill/questions/generate/prose"
)

// pools hold the document's candidates for distractors: entities of each
// type in order of first appearance, and every date and quantity.
type pools struct {
	byType [nTypes][]*entity
	dates  []dateRef
	// counts are the values each paragraph counts plural things with
	// ("three suborders"): offered for another count of the paragraph,
	// such a value may be right too (see numberDistractors).
	counts map[int]map[float64]bool
}

type dateRef struct {
	sent int
	d    dateVal
	text string
}

func (d *document) buildPools() *pools {
	p := &pools{}
	for _, e := range d.ents {
		// Only names whose type is clear and that read as names can be
		// anyone's distractor.
		if e.merged == nil && e.typ != eName && !d.ambiguousName(e) && e.typeConfident() && !fragmentName(e.display()) {
			p.byType[e.typ] = append(p.byType[e.typ], e)
		}
	}
	for t := range p.byType {
		sort.SliceStable(p.byType[t], func(i, j int) bool { return p.byType[t][i].first < p.byType[t][j].first })
	}
	for _, s := range d.sents {
		for _, m := range s.ments {
			if m.typ == eDate && m.date.kind != dRange {
				p.dates = append(p.dates, dateRef{sent: s.idx, d: m.date, text: m.text})
			}
			if m.typ == eNumber && pluralCount(m) {
				if p.counts == nil {
					p.counts = map[int]map[float64]bool{}
				}
				if p.counts[s.block] == nil {
					p.counts[s.block] = map[float64]bool{}
				}
				p.counts[s.block][m.num.value] = true
			}
		}
	}
	return p
}

// ambiguousName reports whether a one-word name could be either of two
// people ("Curie" beside "Marie Curie" and "Pierre Curie"): as an option
// it would be a second right answer.
func (d *document) ambiguousName(e *entity) bool {
	return e.typ == ePerson && len(e.core) == 1 && d.nameWords[e.core[0]]
}

// distractors returns up to three wrong answers of the key's type, taken
// from the document first: the people, places, dates nearest the key's
// sentence. None is named in the source sentence (it could be a second
// right answer) or is a variant of the key.
func (d *document) distractors(p *pools, m mention, s *sentence, seed uint32) []string {
	if mo := lowerIn(months, m.text); mo > 0 && m.typ != eDate { // every month is 1 to 12
		return monthDistractors(mo, s, seed)
	}
	switch m.typ {
	case eDate:
		return d.dateDistractors(p, m, s, seed)
	case eNumber:
		return numberDistractors(m, s, seed, p.counts[s.block])
	case ePerson, eGroup, eOrg, ePlace, eEvent, eWork:
		return d.nameDistractors(p, m, s, seed)
	case eTerm:
		return d.termDistractors(m, s)
	}
	return nil
}

// monthDistractors are the months nearest a month named alone ("29 °C
// in August"), which the names take for a person or a place: a judge
// found "Pallabi", "Kahn" and "Bradley-Birt" offered for "August". None
// is a month the sentence names.
func monthDistractors(mo int, s *sentence, seed uint32) []string {
	steps := []int{1, -1, 2, -2, 3, -3}
	if seed%2 == 1 {
		steps = []int{-1, 1, -2, 2, -3, 3}
	}
	var out []string
	for _, k := range steps {
		name := monthNames[(mo-1+k+12)%12+1]
		if len(out) < 3 && !prose.ContainsWord(s.text, name) {
			out = append(out, name)
		}
	}
	return out
}

// termDistractors are the other terms the document defines, nearest
// first.
func (d *document) termDistractors(m mention, s *sentence) []string {
	var out []string
	nk := prose.Normalize(m.text)
	srcPlain := prose.Plain(s.text)
	nearest(len(d.terms), func(i int) int { return d.terms[i].sent }, s.idx, 200, func(i int) bool {
		t := d.terms[i]
		// Not the document's subject ("violin" offered for a technique
		// of the violin), nor a term read across words ("name Cello").
		if d.isTopic(mention{text: t.text}) || lowerThenUpper(t.text) {
			return len(out) < 3
		}
		if t.sent != s.idx && !isAliasNorm(prose.Normalize(t.text), nk) && !contains(out, t.text) && !prose.ContainsWord(srcPlain, prose.Plain(t.text)) {
			out = append(out, t.text)
		}
		return len(out) < 3
	})
	return out
}

// lowerThenUpper reports a phrase with a capitalised word after a
// lower-case one: words read across a boundary ("name Cello").
func lowerThenUpper(s string) bool {
	lower := false
	for w := range strings.FieldsSeq(s) {
		switch {
		case unicode.IsLower(prose.FirstRune(w)):
			lower = true
		case lower && unicode.IsUpper(prose.FirstRune(w)):
			return true
		}
	}
	return false
}

// nearest visits the indexes 0..n-1 of a list ordered by sentence (sentOf
// gives an index's sentence), nearest to sentence at first, taking the
// nearer side at each step, for at most limit steps or until visit
// returns false.
func nearest(n int, sentOf func(i int) int, at, limit int, visit func(i int) bool) {
	i0 := sort.Search(n, func(i int) bool { return sentOf(i) >= at })
	lo, hi := i0-1, i0
	for steps := 0; (lo >= 0 || hi < n) && steps < limit; steps++ {
		var i int
		if hi >= n || lo >= 0 && at-sentOf(lo) <= sentOf(hi)-at {
			i, lo = lo, lo-1
		} else {
			i, hi = hi, hi+1
		}
		if !visit(i) {
			return
		}
	}
}

func (d *document) nameDistractors(p *pools, m mention, s *sentence, seed uint32) []string {
	if m.typ == ePerson && classNoun(s.text, m.text) {
		return nil
	}
	pool := p.byType[m.typ]
	short := m.typ == ePerson && !strings.Contains(m.text, " ")
	var out, outNorm []string
	acronym := (prose.Token{Text: m.text}).AllCaps() && !strings.Contains(m.text, " ")
	kind := placeKind(m.text)
	nk := prose.Normalize(m.text)
	keyKind := kindOf(m.text)
	ok := func(e *entity) bool {
		if e == m.ent || mentionedIn(s, e) {
			return false
		}
		if !e.typeConfident() {
			return false // "Odin" offered as a place: an option must be surely of the key's type
		}
		opt := e.asOption(short)
		if m.typ == ePlace && opt.place != kind {
			return false // a city against a city, a country against a country
		}
		if m.typ == eOrg && e.votesAcronym() != acronym {
			return false // an acronym among names stands out, and the reverse
		}
		if !sameKindSig(m.typ, keyKind, opt.kind) {
			return false // a party for a navy, a woman for a man: see distractorsFit
		}
		text, nt := opt.text, opt.norm
		if isAliasNorm(nt, nk) || m.ent != nil && aliasOfEntityNorm(nt, m.ent) {
			return false
		}
		// One word the text also writes in lower case is a common word
		// that began a sentence or a title ("Thoughts", "Works"), not a
		// name.
		if !strings.Contains(text, " ") && lowerIn(d.freq, text) > 0 {
			return false
		}
		for _, o := range outNorm {
			if isAliasNorm(o, nt) {
				return false
			}
		}
		if strings.Contains(s.lower, opt.lower) {
			return false
		}
		out = append(out, text)
		outNorm = append(outNorm, nt)
		return true
	}
	// Walk outwards from the key's sentence: near entities first.
	nearest(len(pool), func(i int) int { return pool[i].first }, s.idx, 400, func(i int) bool {
		ok(pool[i])
		return len(out) < 3
	})
	if len(out) < 3 && m.typ == ePlace && kind == placeCountry && lowerIn(countries, m.text) {
		for k := 0; k < len(wellKnownCountries) && len(out) < 3; k++ {
			c := wellKnownCountries[(int(seed)+k*7)%len(wellKnownCountries)]
			if !isAlias(c, m.text) && !strings.Contains(s.text, c) && !contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// classNoun reports a name read as a person where the words before it
// make it a class or a title ("was also a _____" for "Freemason", "are
// sometimes called _____" for "Paramahamsa"): people offered for it
// ("Marshall", "Burton"; "Martínez", "Darío") are of another kind
// (tuning judgements).
func classNoun(sent, key string) bool {
	i := strings.Index(sent, key)
	if i < 0 {
		return false
	}
	// The last two words before the key, lower-cased alone: the
	// sentence's start is never read.
	before := strings.TrimRightFunc(sent[:i], unicode.IsSpace)
	last := lastField(before)
	before = before[:len(before)-len(last)]
	if last == "" {
		return false
	}
	last = strings.ToLower(last)
	if last == "a" || last == "an" {
		return true
	}
	if last != "called" && last != "termed" {
		return false
	}
	prev := lastField(before)
	if prev == "" {
		return false
	}
	prev = strings.ToLower(prev)
	return beFormList.has(prev) || prev == "sometimes" || prev == "often" || prev == "also" || prev == "usually" || prev == "commonly"
}

// sameKind reports whether an option's words are of the key's kind
// within its type, as keep's distractorsFit checks them: the same title
// and gender for a person, the same class of organisation or event, the
// same article for a place.
func sameKind(typ etype, key, opt []string) bool {
	return sameKindSig(typ, kindOf(strings.Join(key, " ")), kindOf(strings.Join(opt, " ")))
}

// A kindSig is what sameKind compares of a name, read once for each
// option an entity gives.
type kindSig struct {
	titled, female, document, the bool
	org, event                    int
}

// kindOf reads a name's kindSig.
func kindOf(name string) kindSig {
	w := strings.Fields(name)
	return kindSig{titled: titled(w), female: female(w), document: documentName(w), the: takesThe(name), org: orgClass(w), event: eventClass(w)}
}

// sameKindSig is sameKind on names already read.
func sameKindSig(typ etype, key, opt kindSig) bool {
	switch typ {
	case ePerson:
		return key.titled == opt.titled && key.female == opt.female
	case eOrg:
		return key.org == 0 || opt.org == 0 || key.org == opt.org
	case eEvent:
		return key.document == opt.document && key.event == opt.event
	case ePlace:
		return key.the == opt.the
	}
	return true
}

// Kinds of place: a distractor for a place is a place of the same kind.
const (
	placeCity = iota
	placeCountry
	placeRegion
	placeFeature // a river, a mountain, a sea
	placeSite    // a building, a street, a park
)

var (
	regionNames = prose.WordSet(`europe asia africa america antarctica oceania scandinavia balkans caucasus
		siberia mediterranean middle_east near_east far_east north_america south_america latin_america
		central_asia central_europe eastern_europe western_europe southeast_asia east_asia south_asia
		west_africa east_africa north_africa new_england midwest levant anatolia`)
	regionHeads = prose.WordSet(`region province oblast county district state territory territories
		voivodeship prefecture department shire canton krai governorate marches basin`)
	stateHeads = prose.WordSet(`empire kingdom republic duchy principality khanate sultanate caliphate
		emirate confederation union federation commonwealth`)
	featureHeads = prose.WordSet(`river rivers mountains mountain mount mt. sea ocean bay gulf island islands
		isle valley peninsula lake coast strait channel desert forest plain plains plateau hills hill cape
		delta falls pass`)
	siteHeads = prose.WordSet(`castle palace cathedral abbey monastery fortress fort citadel square street
		road avenue bridge gate harbour harbor port canal park garden gardens station airport stadium
		museum hall tower church mosque temple wall walls`)
	// The countries list holds cities and regions too, to type a name as
	// a place; these tell them apart, so that London is offered against
	// Edinburgh, not against Italy or Antarctica.
	worldCities = prose.WordSet(`moscow london paris rome berlin vienna madrid lisbon athens constantinople istanbul
		jerusalem petrograd leningrad kiev kyiv warsaw prague budapest stockholm oslo copenhagen amsterdam
		brussels dublin edinburgh venice florence naples milan genoa antioch alexandria baghdad cairo damascus
		beijing tokyo delhi washington boston chicago york`)
	historicRegions = prose.WordSet(`americas anatolia arabia siberia scandinavia caucasus manchuria mesopotamia nubia
		normandy brittany bavaria saxony bohemia moravia silesia lombardy tuscany sicily sardinia corsica crete
		thrace dalmatia flanders burgundy aquitaine gascony provence castile aragon catalonia andalusia
		galicia navarre crimea judea`)
	compassWords = prose.WordSet(`north south east west northern southern eastern western central upper lower`)
)

// placeKind tells a country from a city, a region, a natural feature or a
// site, by the name's words.
func placeKind(name string) int {
	low := strings.ToLower(name)
	low = strings.TrimPrefix(low, "the ")
	words := strings.Fields(low)
	if len(words) == 0 {
		return placeCity
	}
	head := words[len(words)-1]
	for i, w := range words {
		if w == "of" && i > 0 {
			head = words[i-1]
			break
		}
	}
	switch {
	case worldCities[low]:
		return placeCity
	case regionNames[low] || historicRegions[low]:
		return placeRegion
	case countryList.has(low) || stateHeads[head] || len(words) > 1 && words[0] == "united":
		return placeCountry
	case regionHeads[head] || len(words) > 1 && compassWords[words[0]] && !featureHeads[head]:
		return placeRegion
	case featureHeads[head] || featureHeads[words[0]]:
		return placeFeature
	case siteHeads[head]:
		return placeSite
	}
	return placeCity
}

// typeConfident reports whether the evidence for an entity's type is
// clear: its type had a vote of one or more, half again any other's.
// Only such entities are offered as distractors or asked for with them.
func (e *entity) typeConfident() bool {
	if e.typ == eName || e.typ == eNone {
		return false
	}
	v := e.votes[e.typ]
	if e.typ == ePlace && lowerIn(countries, e.display()) {
		return true
	}
	for t, o := range e.votes {
		if etype(t) != e.typ && o*1.5 > v {
			return false
		}
	}
	return v >= 1.5
}

// fragmentName reports a name that is a piece of a sentence rather than
// a name: one that starts with a function word ("The Mochica" is fine in
// the text but not as an option), holds "I", or is one letter.
func fragmentName(name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 || len([]rune(name)) < 2 {
		return true
	}
	if lowerIn(functionWords, f[0]) {
		return true
	}
	for _, w := range f {
		if w == "I" && len(f) > 1 && !isRomanWord(f[0]) {
			return true
		}
	}
	return false
}

// wellKnownCountries fill a place question when the document names too few
// places.
var wellKnownCountries = []string{"France", "England", "Italy", "Spain", "Germany", "Russia", "Poland",
	"Scotland", "Ireland", "Norway", "Denmark", "Sweden", "Greece", "Portugal", "Austria", "Hungary",
	"Egypt", "Turkey", "Netherlands", "Belgium", "Switzerland", "China", "Japan", "India"}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func mentionedIn(s *sentence, e *entity) bool {
	for _, m := range s.ments {
		if m.ent == e {
			return true
		}
	}
	return false
}

// dateDistractors prefers other dates of the same form from the document,
// near in time, then dates a step or two away from the key.
func (d *document) dateDistractors(p *pools, m mention, s *sentence, seed uint32) []string {
	key := m.date
	// Options are written in one form: a key written otherwise ("June 28
	// 1940" without its comma, "300 BC") would stand out among them.
	if f := key.format(); f != "" && !strings.EqualFold(f, m.text) {
		return nil
	}
	var out []string
	used := map[string]bool{strings.ToLower(m.text): true}
	bad := func(x dateVal, text string) bool {
		if lowerIn(used, text) || strings.Contains(s.text, text) || overlaps(x, key) {
			return true
		}
		for _, o := range s.ments {
			if o.typ == eDate && (overlaps(o.date, x) || strings.EqualFold(o.text, text)) {
				return true
			}
		}
		return false
	}
	// From the document: same form, within a lifetime of the key, from the
	// sentences nearest the key's.
	near := make([]dateRef, 0, 12)
	nearest(len(p.dates), func(i int) int { return p.dates[i].sent }, s.idx, 200, func(i int) bool {
		r := p.dates[i]
		if r.d.kind != key.kind || r.d.kind == dPart && (r.d.inner != key.inner || r.d.part != key.part) {
			return true
		}
		if diff := absInt(r.d.months() - key.months()); diff <= 12*60 && diff != 0 {
			near = append(near, r)
		}
		return len(near) < 12
	})
	sort.SliceStable(near, func(i, j int) bool {
		return absInt(near[i].d.months()-key.months()) < absInt(near[j].d.months()-key.months())
	})
	for _, r := range near {
		if len(out) >= 2 {
			break
		}
		r.d.dayFirst = key.dayFirst
		text := r.d.format()
		if text == "" || bad(r.d, text) {
			continue
		}
		used[strings.ToLower(text)] = true
		out = append(out, text)
	}
	// Made up: a step or two away, in alternating directions.
	steps := []int{1, -1, 2, -2, 3, -3, 4, -4, 5}
	if key.kind == dYear {
		// A year a step away is a quibble; a few years away is a choice.
		steps = []int{2, -3, 5, -1, 4, -6, 1, 7}
	}
	// "the late 1700s" is a century's decades, not a decade: its options
	// step by a hundred years ("the late 1600s"), not by ten ("the late
	// 1710s", which no one writes).
	centuryDecades := key.year%100 == 0 && (key.kind == dDecade || key.kind == dPart && key.inner == dDecade)
	for i := range steps {
		if seed%2 == 1 {
			steps[i] = -steps[i]
		}
		if centuryDecades {
			steps[i] *= 10
		}
	}
	for _, k := range steps {
		if len(out) >= 3 {
			break
		}
		x := key.shifted(k)
		if !x.valid() {
			continue
		}
		text := x.format()
		if text == "" || bad(x, text) {
			continue
		}
		used[strings.ToLower(text)] = true
		out = append(out, text)
	}
	// Options are written as the key is: "15th Century" among "14th
	// century" and "16th century" stands out (tuning judgement).
	for _, w := range []string{"century", "centuries"} {
		if strings.Contains(m.text, capitalize(w)) {
			for i, o := range out {
				out[i] = strings.ReplaceAll(o, w, capitalize(w))
			}
		}
	}
	return out
}

// overlaps reports whether two dates could both be right: the same year
// written with and without a month, a year inside a range.
func overlaps(a, b dateVal) bool {
	if a.kind == dCentury || b.kind == dCentury {
		return a.kind == b.kind && a.century == b.century && a.plural == b.plural
	}
	if a.kind == dDecade || b.kind == dDecade {
		if a.kind == b.kind {
			return a.year == b.year
		}
		x, y := a, b
		if y.kind == dDecade {
			x, y = y, x
		}
		return y.year >= x.year && y.year < x.year+10
	}
	if a.kind == dMonthDay || b.kind == dMonthDay {
		return a.month == b.month && a.day == b.day
	}
	if a.year != b.year {
		return false
	}
	if a.kind == b.kind && a.kind == dPart {
		return a.part == b.part
	}
	if a.month != 0 && b.month != 0 && a.kind != dPart && b.kind != dPart {
		return a.month == b.month && (a.day == 0 || b.day == 0 || a.day == b.day)
	}
	return true
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// numberDistractors are quantities near the key, written like it: within
// a third of it either way, since a judge takes double, triple or half the
// key for an option no reader would weigh ("239.04 years" of a life,
// "twenty-one" lean years beside "seven"), and a share no higher than a
// whole ("100%" beside "50% + 1", "120%" beside "100%"), and not within a
// tenth of it either ("29%" beside "approaching 30%"). A whole number that leaves too few such
// options takes its neighbours as round as it ("four", "six" for "five";
// "40%", "60%", "70%" for "50%").
//
// A count of plural things takes no value its paragraph counts other
// things with: "broken down into _____ groups" with "three" offered,
// where the text goes on to speak of three suborders, has two
// defensible answers. counts holds those values (nil for none).
func numberDistractors(m mention, s *sentence, seed uint32, counts map[float64]bool) []string {
	var out []string
	x := m.num.value
	places := decimalPlaces(m.text)
	near := nearNumbers(x, seed)
	if places > 0 {
		near = nearDecimals(x, places, seed)
	} else if x >= 1 && x == math.Trunc(x) {
		step := roundStep(x)
		near = append(near, x-step, x+step, x+2*step, x-2*step, x-3*step)
	}
	share := strings.HasSuffix(m.text, "%") || strings.HasSuffix(m.text, " percent")
	// "split into two conferences": a count of more than one thing of a
	// plural noun takes no "one" ("one conferences" reads wrong and gives
	// the key away), and "two" takes "five" instead ("three", "four", "five").
	plural := pluralCount(m)
	if plural && x == 2 {
		near = append(near, x+3)
	}
	// An age of twenty or more takes ages a few years off (four to
	// eight under forty, ten to twenty above), within a life: "108"
	// and "129" offered for a death at 86 are no ages (tuning
	// judgement).
	if m.num.age && x >= 20 && places == 0 {
		near = nil
		step := 10.0
		if x < 40 {
			step = 4
		}
		for _, o := range []float64{step, 1.5 * step, 2 * step} {
			if seed%2 == 1 {
				near = append(near, x+o, x-o)
			} else {
				near = append(near, x-o, x+o)
			}
		}
	}
	for _, y := range near {
		if len(out) >= 3 {
			break
		}
		if m.num.age && y > 100 || plural && (y < 2 || counts[y]) || !(plausibleNear(x, y) || plural && x == 2 && y == 5) || share && (y >= 100 && x < 100 || y > 100) {
			continue
		}
		// "29%" beside "approaching 30%", "1,600" beside "about 1,654":
		// too near the key to be wrong by the text.
		if x >= 10 && math.Abs(y-x) < x/10 {
			continue
		}
		text := m.num.format(y)
		if places > 0 {
			text = m.num.formatPlaces(y, places)
		}
		if strings.EqualFold(text, m.text) || prose.ContainsWord(s.text, text) || contains(out, text) {
			continue
		}
		out = append(out, text)
	}
	return out
}

// pluralCount reports a whole count of two or more before the plural
// noun it counts ("two conferences", "three linguistic subfamilies"), not
// a figure with a sign or a scale ("2%", "$2", "2 million").
func pluralCount(m mention) bool {
	v := m.num
	return v.value >= 2 && v.value == math.Trunc(v.value) && v.prefix == "" && v.suffix == "" &&
		len(v.unit) > 2 && strings.HasSuffix(v.unit, "s") && !strings.HasSuffix(v.unit, "ss")
}

// roundStep is the step between a whole number and its next neighbours
// as round as it: 10 for 50, 100,000 for 1,000,000, 1 for 36 or 7.
func roundStep(x float64) float64 {
	step := 1.0
	for g := 10.0; g <= x/4; g *= 10 {
		if math.Mod(x, g) == 0 {
			step = g
		}
	}
	return step
}

// plausibleNear reports whether y is near enough the key x to be offered
// for it: between two thirds and one and a half times x, or one or two
// away from a whole number under ten ("1.88" males per female is no count:
// "0.94" is half of it).
func plausibleNear(x, y float64) bool {
	if y <= 0 {
		return false
	}
	if x < 10 && x == math.Trunc(x) && math.Abs(y-x) <= 2 {
		return true
	}
	return y >= x*2/3 && y <= x*1.5
}

// isAlias reports whether two answers name the same thing: equal, one
// contained in the other, or spelt almost alike.
func isAlias(a, b string) bool {
	return isAliasNorm(prose.Normalize(a), prose.Normalize(b))
}

// isAliasNorm is isAlias on normalised answers.
func isAliasNorm(na, nb string) bool {
	if na == "" || nb == "" {
		return false
	}
	if na == nb || prose.ContainsWord(na, nb) || prose.ContainsWord(nb, na) {
		return true
	}
	// A name and a longer form of it ("Salai", "Salaino").
	if short, long := na, nb; len(short) >= 4 && !hasDigit(na) && !hasDigit(nb) {
		if len(short) > len(long) {
			short, long = long, short
		}
		if strings.HasPrefix(long, short) {
			return true
		}
	}
	if titledVariant(na, nb) {
		return true
	}
	// "Mexican-American War" for "Mexican War": the longer has every word
	// of the shorter, in order, and one more; another name of the thing.
	if wordsWithin(na, nb) || wordsWithin(nb, na) {
		return true
	}
	// Spelling variants of a name ("Yuri"/"Yury Lutovinov"); numbers and
	// dates that differ by a digit are different answers.
	if len(na) >= 6 && len(nb) >= 6 && absInt(len(na)-len(nb)) <= 2 && !hasDigit(na) && !hasDigit(nb) && prose.WithinEdits(na, nb, 2) {
		return true
	}
	return false
}

// wordsWithin reports whether long is short with one word put in: both
// of two words or more, no figures, short's words in order in long.
func wordsWithin(short, long string) bool {
	if len(short) >= len(long) || strings.IndexByte(short, ' ') < 0 || hasDigit(long) {
		return false
	}
	// Counted and matched in place: this runs for every pair of names.
	if strings.Count(strings.TrimSpace(long), " ") != strings.Count(strings.TrimSpace(short), " ")+1 {
		return false
	}
	rest := strings.TrimSpace(short)
	for w := range strings.FieldsSeq(long) {
		if rest == "" {
			break
		}
		sw, tail, _ := strings.Cut(rest, " ")
		if w == sw {
			rest = tail
		}
	}
	return rest == ""
}

// hasDigit reports whether s has an ASCII digit (without the allocation
// and rune decoding of strings.ContainsAny: this runs for every pair of
// names compared).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// titledVariant reports whether two normalised names are one person's,
// one of them with a title before the surname: "miss storer" and "anne
// storer", "president buchanan" and "james buchanan". Two names with
// titles and different surnames ("king john", "king henry") are not.
func titledVariant(na, nb string) bool {
	// Only the first and the last word matter: read them in place, for
	// this runs for every pair of names a distractor search compares.
	fa, la, ma := outerWords(na)
	fb, lb, mb := outerWords(nb)
	ta, tb := ma && personTitleList.has(fa), mb && personTitleList.has(fb)
	if !ta && !tb || fa == "" || fb == "" {
		return false
	}
	return len(la) >= 3 && la == lb && strings.Trim(la, "0123456789") != ""
}

// outerWords returns the first and the last of the words strings.Fields
// would cut s into, and whether there are two or more, without cutting it.
func outerWords(s string) (first, last string, several bool) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, s, false
	}
	j := strings.LastIndexFunc(s, unicode.IsSpace)
	_, size := utf8.DecodeRuneInString(s[j:])
	return s[:i], s[j+size:], true
}

// aliasOfEntityNorm reports whether a normalised text is one of the
// entity's forms, or a word of its name on its own.
func aliasOfEntityNorm(nt string, e *entity) bool {
	for _, f := range e.normForms() {
		if isAliasNorm(nt, f) {
			return true
		}
	}
	return false
}
