package quiz

import (
	"strings"
	"testing"

	"factdrill/questions"
)

func shortQ(answers ...string) questions.Question {
	q := questions.Question{Kind: questions.ShortAnswer, Stem: "?"}
	for _, a := range answers {
		q.Answers = append(q.Answers, questions.Choice{Text: a, Weight: 100})
	}
	return q
}

// equivalentTests are issue 10's equivalent answers, and their near
// misses that must stay wrong.
var equivalentTests = []struct {
	name     string
	accepted string
	given    string
	spelling int
	right    bool
}{
	{"DateMonthFirst", "December 30, 1920", "30 Dec 1920", 0, true},
	{"DateDayFirst", "30 December 1920", "December 30th, 1920", 0, true},
	{"DateISO", "30 December 1920", "1920-12-30", 0, true},
	{"DateSlashesDayFirst", "30 December 1920", "30/12/1920", 0, true},
	{"DateDotsDayFirst", "30 December 1920", "30.12.1920", 0, true},
	{"DateSlashesMonthFirst", "30 December 1920", "12/30/1920", 0, true},
	{"DateAmbiguousEitherWay", "4 March 1921", "3/4/1921", 0, true},
	{"DateOfThe", "30 December 1920", "the 30th of December 1920", 0, true},
	{"DateAbbrevDot", "March 1921", "Mar. 1921", 0, true},
	{"DateOtherDay", "December 30, 1920", "31 Dec 1920", 0, false},
	{"DateOtherYear", "December 30, 1920", "30 Dec 1921", 0, false},
	{"DateBadDay", "31 April 1920", "31/4/1920", 0, false},
	{"DateDayAndMonthNotYear", "December 30, 1920", "December 30", 0, false},
	{"NumberWords", "21", "twenty-one", 0, true},
	{"NumberWordsBig", "1105", "one thousand one hundred and five", 0, true},
	{"NumberWordsAccepted", "seven", "7", 0, true},
	{"NumberDecimal", "5", "5.0", 0, true},
	{"NumberGrouped", "1000", "1,000", 0, true},
	{"NumberWrong", "21", "twenty-two", 0, false},
	{"TranslitYa", "Riazanov", "Ryazanov", 0, true},
	{"TranslitYo", "Kiselyov", "Kiselev", 0, true},
	{"TranslitYoWithName", "Nikolai Kiselyov", "nikolai kiselev", 0, true},
	{"TranslitFinalIy", "Yuriy", "Yuri", 0, true},
	{"TranslitYe", "Dostoyevsky", "Dostoevsky", 0, true},
	{"TranslitX", "Alexandr", "Aleksandr", 0, true},
	{"TranslitTch", "Tchaikovsky", "Chaikovsky", 0, true},
	{"TranslitNotY", "Lyon", "Lion", 0, false},
	{"SpellingOff", "Shlyapnikov", "Shlyapnikof", 0, false},
	{"SpellingSlip", "Shlyapnikov", "Shlyapnikof", 20, true},
	{"SpellingTooFar", "Shlyapnikov", "Shlapnkof", 20, false},
	{"SpellingShortWord", "Kiev", "Kyev", 50, false},
	{"SpellingNotNumbers", "19200", "19201", 50, false},
	{"SpellingLongAnswer", "Workers' Opposition", "Workers Oposition", 10, true},
}

func TestGradeWith_Equivalent(t *testing.T) {
	for _, tt := range equivalentTests {
		t.Run(tt.name, func(t *testing.T) {
			g := GradeWith(shortQ(tt.accepted), Answer{Text: tt.given}, Rules{Spelling: tt.spelling})
			if g.Right() != tt.right {
				t.Errorf("%q for %q with spelling %d%%: right = %v (%+v), want %v", tt.given, tt.accepted, tt.spelling, g.Right(), g, tt.right)
			}
		})
	}
}

func TestGradeWith_SlipFeedback(t *testing.T) {
	g := GradeWith(shortQ("Shlyapnikov"), Answer{Text: "Shlyapnikof"}, Rules{Spelling: 20})
	if !g.Right() || len(g.Feedback) != 1 || !strings.Contains(g.Feedback[0], "Shlyapnikov") {
		t.Errorf("a slip = %+v, want right with feedback giving the spelling", g)
	}
	if g := GradeWith(shortQ("Riazanov"), Answer{Text: "Ryazanov"}, Rules{}); len(g.Feedback) != 0 {
		t.Errorf("a romanisation = %+v, want no feedback: it is no slip", g)
	}
	cased := shortQ("Riazanov")
	cased.CaseSensitive = true
	if g := GradeWith(cased, Answer{Text: "Ryazanov"}, Rules{Spelling: 30}); g.Right() {
		t.Errorf("another romanisation in a case-sensitive question = %+v, want wrong: the exact form is asked", g)
	}
}

func TestWordsNumber(t *testing.T) {
	for in, want := range map[string]float64{
		"zero": 0, "seven": 7, "twelve": 12, "twenty-one": 21, "ninety nine": 99, "a hundred": 100,
		"one hundred and five": 105, "two thousand three hundred": 2300, "a million": 1e6,
		"three million two hundred thousand and ten": 3200010,
	} {
		if got, ok := WordsNumber(in); !ok || got != want {
			t.Errorf("WordsNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "and", "seven eight", "twenty thirty", "twelve one", "hundred hundred", "thousand million", "one and", "a", "ten x"} {
		if got, ok := WordsNumber(in); ok {
			t.Errorf("WordsNumber(%q) = %v, want no number", in, got)
		}
	}
}

func TestNumberProblem(t *testing.T) {
	for _, tt := range []struct {
		q    questions.Question
		text string
		ok   bool
	}{
		{num, "1822", true}, {num, " 1 822 ", true}, {num, "", true}, {num, "eighteen", true},
		{num, "100x", false}, {num, "about 5", false}, {dist, "5 km", true}, {dist, "5 miles", false}, {short, "100x", true},
	} {
		if msg := NumberProblem(tt.q, tt.text); (msg == "") != tt.ok {
			t.Errorf("NumberProblem(%s, %q) = %q, want a problem: %v", tt.q.Kind, tt.text, msg, !tt.ok)
		}
	}
	if msg := NumberProblem(num, "100x"); !strings.Contains(msg, "“100x” is not a number") {
		t.Errorf("NumberProblem(100x) = %q", msg)
	}
}
