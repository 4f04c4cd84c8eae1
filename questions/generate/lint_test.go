package generate

import (
	"testing"

	"factdrill/questions"
)

const lintSource = "On 5 July 1921 Kollontai took the floor before the Third Congress of the Comintern."

func mc(stem, key string, ds ...string) item {
	choices := []questions.Choice{{Text: key, Weight: 100}}
	for _, d := range ds {
		choices = append(choices, questions.Choice{Text: d})
	}
	return item{
		q:           questions.Question{Kind: questions.MultipleChoice, Stem: stem, Choices: choices},
		key:         key,
		answers:     []string{key},
		distractors: ds,
		source:      lintSource,
	}
}

func cloze(stem, key string) item {
	return item{
		q:       questions.Question{Kind: questions.Cloze, Stem: stem, Answers: []questions.Choice{{Text: key, Weight: 100}}},
		key:     key,
		answers: []string{key},
		source:  lintSource,
	}
}

func falseStatement(stem, from, to string, contradicted bool) item {
	return item{
		q:        questions.Question{Kind: questions.TrueFalse, Stem: stem},
		source:   lintSource,
		swapFrom: from, swapTo: to, contradicted: contradicted,
	}
}

// lintTests are items and the check each must fail ("" for a good item).
var lintTests = []struct {
	name string
	it   item
	want string
}{
	{"GoodChoice", mc("Who took the floor before the Third Congress of the Comintern on 5 July 1921?", "Kollontai", "Trotsky", "Zinoviev", "Lenin"), ""},
	{"GoodCloze", cloze("On 5 July 1921 _____ took the floor before the Third Congress of the Comintern.", "Kollontai"), ""},
	{"GoodFalse", falseStatement("On 5 July 1922 Kollontai took the floor before the Third Congress of the Comintern.", "5 July 1921", "5 July 1922", true), ""},
	{"KeyNotInSource", mc("Who took the floor before the Third Congress of the Comintern?", "Shlyapnikov", "Trotsky", "Zinoviev", "Lenin"), CheckKeyNotInSource},
	{"SwapNotInSource", falseStatement("On 5 July 1922 Kollontai took the floor.", "6 July 1921", "5 July 1922", true), CheckKeyNotInSource},
	{"HyphenatedNameInStem", func() item {
		it := cloze("The _____ introduced by Representative William Wilson passed the House in 1894.", "Wilson-Gorman Tariff Act")
		it.source = "The Wilson-Gorman Tariff Act introduced by Representative William Wilson passed the House in 1894."
		return it
	}(), CheckAnswerInStem},
	{"AtTheTime", cloze("At the time, _____ was the world's second-largest oil exporter.", "Kollontai"), CheckNeedsContext},
	{"AtTheTimeOf", cloze("At the time of the Third Congress, _____ took the floor on 5 July 1921.", "Kollontai"), ""},
	{"ByTheTimeOfAClause", cloze("By the time Lenin took the floor, _____ had left on 5 July 1921.", "Kollontai"), ""},
	{"AThird", cloze("A third prefix of the verb is the _____ in Swahili.", "Kollontai"), CheckNeedsContext},
	{"OrFirst", cloze("Or, as stated in the biography, _____ took the floor on 5 July 1921.", "Kollontai"), CheckNeedsContext},
	{"DistractorEqualsKey", mc("Who took the floor on 5 July 1921?", "Kollontai", "kollontai", "Zinoviev", "Lenin"), CheckDistractorIsKey},
	{"DistractorContainsKey", mc("Who took the floor on 5 July 1921?", "Kollontai", "Alexandra Kollontai", "Zinoviev", "Lenin"), CheckDistractorIsKey},
	{"DistractorVariantOfKey", mc("Who took the floor on 5 July 1921?", "Kollontai", "Kolontai", "Zinoviev", "Lenin"), CheckDistractorIsKey},
	{"DuplicateDistractors", mc("Who took the floor on 5 July 1921?", "Kollontai", "Trotsky", "Lenin", "Lenin"), CheckDuplicateDistractor},
	{"DistractorInSource", mc("On 5 July 1921 _____ took the floor before the Third Congress.", "Kollontai", "Comintern", "Zinoviev", "Lenin"), CheckSecondRightAnswer},
	{"TooFewDistractors", mc("Who took the floor on 5 July 1921?", "Kollontai", "Trotsky", "Lenin"), CheckTooFewDistractors},
	{"HeadOfAnotherName", cloze("On 5 July 1921 Kollontai, once heard at the Ninth Congress, took the floor before the _____ of the Comintern.", "Third Congress"), ""},
	{"AnswerInStem", mc("Who, Kollontai or another, took the floor on 5 July 1921?", "Kollontai", "Trotsky", "Zinoviev", "Lenin"), CheckAnswerInStem},
	{"SurnameInStem", func() item {
		it := mc("Who was Lutovinov's ally?", "Yuri Lutovinov", "Trotsky", "Zinoviev", "Lenin")
		it.source = "Yuri Lutovinov was Lutovinov's ally."
		return it
	}(), CheckAnswerInStem},
	{"NoVerb", cloze("Kollontai, one of the spokespersons for the _____.", "Comintern"), CheckNoVerb},
	{"PronounStart", cloze("This confrontation led to the election of _____.", "Kollontai"), CheckNeedsContext},
	{"DemonstrativeInside", cloze("_____ did not support this proposal at the meeting.", "Kollontai"), CheckNeedsContext},
	{"OrdinalWithoutNoun", cloze("The first could be attributed to _____ and Mikhail Tomsky.", "Kollontai"), CheckNeedsContext},
	{"ThemOfTheSubject", cloze("In battle _____ would be afraid of them.", "Kollontai"), CheckNeedsContext},
	{"ThemAtTheStart", cloze("_____ would be afraid of them in battle.", "Kollontai"), CheckNeedsContext},
	{"ThemOfANameBefore", cloze("_____ led the Romans against the Gauls and defeated them.", "Kollontai"), ""},
	{"ItsAfterInWhat", item{q: questions.Question{Kind: questions.ShortAnswer, Stem: "In what year was its existence first proved?", Answers: []questions.Choice{{Text: "1921", Weight: 100}}}, key: "1921", answers: []string{"1921"}, source: "In 1921 its existence was first proved."}, CheckNeedsContext},
	{"ItsOfWhich", item{q: questions.Question{Kind: questions.ShortAnswer, Stem: "Which congress lost its delegates in 1921?", Answers: []questions.Choice{{Text: "Comintern", Weight: 100}}}, key: "Comintern", answers: []string{"Comintern"}, source: "The Comintern lost its delegates in 1921."}, ""},
	{"ThisAlone", item{q: questions.Question{Kind: questions.ShortAnswer, Stem: "When did this finally happen to the Comintern?", Answers: []questions.Choice{{Text: "1921", Weight: 100}}}, key: "1921", answers: []string{"1921"}, source: "This finally happened to the Comintern in 1921."}, CheckNeedsContext},
	{"ThisOfANoun", cloze("Kollontai saw this Congress of the Comintern open on 5 July _____.", "1921"), ""},
	{"TheRemainder", cloze("The religion of most of the remainder is _____.", "Kollontai"), CheckNeedsContext},
	{"TheRemainderOf", cloze("The remainder of the Congress heard _____ on 5 July 1921.", "Kollontai"), ""},
	{"TheNextDecade", cloze("Over the next decade, _____ from every state gathered in the Comintern.", "Kollontai"), CheckNeedsContext},
	{"TheNextDecadeOf", cloze("In the next decade of the Comintern, _____ took the floor often.", "Kollontai"), ""},
	{"TheRemainderAfterItsPart", cloze("Of the Congress, _____ held 5% and the remainder went to the Comintern in 1921.", "Kollontai"), ""},
	{"ThePreviousDayAfterTheVerb", cloze("The vote was delayed by _____ due to the death of Lenin the previous day.", "Kollontai"), ""},
	{"FirstOfASequence", cloze("First, _____ took the floor before the Third Congress of the Comintern.", "Kollontai"), CheckNeedsContext},
	{"FirstOfANoun", cloze("First Secretary _____ took the floor before the Third Congress of the Comintern.", "Kollontai"), ""},
	{"InfinitiveOnly", falseStatement("The only delegate to have a seat at the Third Congress of the Comintern on 5 July 1921.", "Kollontai", "Trotsky", true), CheckNoVerb},
	{"InfinitiveAfterAVerb", cloze("_____ was the only delegate to have a seat at the Third Congress on 5 July 1921.", "Kollontai"), ""},
	{"InfinitiveAfterSeem", cloze("The outbreaks of 1921 seem to have begun with _____ at the Third Congress.", "Kollontai"), ""},
	{"TooShort", cloze("_____ spoke.", "Kollontai"), CheckStemLength},
	{"NotContradicted", falseStatement("On 5 July 1921 Trotsky took the floor before the Third Congress of the Comintern.", "Kollontai", "Trotsky", false), CheckNotContradicted},
	{"ClozeWithAnswer", cloze("On 5 July 1921 Kollontai took the floor before the Third Congress of the Comintern.", "Kollontai"), CheckAnswerInStem},
	{"InvalidNoBlank", func() item {
		it := cloze("On 5 July 1921 she took the floor before the Third Congress of the Comintern.", "Kollontai")
		return it
	}(), CheckInvalid},
}

func TestLint(t *testing.T) {
	for _, tt := range lintTests {
		t.Run(tt.name, func(t *testing.T) {
			it := tt.it
			if got := lint(&it); got != tt.want {
				t.Errorf("lint(%q) = %q, want %q", it.q.Stem, got, tt.want)
			}
		})
	}
}

// TestLint_Duplicate checks that two items asking the same thing in the
// same words are not both kept.
func TestLint_Duplicate(t *testing.T) {
	a := &candidate{item: cloze("On 5 July 1921 _____ took the floor before the Third Congress of the Comintern.", "Kollontai"), group: "1:kollontai", score: 2}
	b := &candidate{item: cloze("On 5 July 1921 _____ took the floor before the Third Congress of the Comintern.", "Kollontai"), group: "2:kollontai", score: 1, order: 1}
	rejected := map[string]int{}
	got := dedupe([]*candidate{a, b}, map[string]bool{}, rejected)
	if len(got) != 1 || got[0] != a || rejected[CheckDuplicate] != 1 {
		t.Errorf("dedupe kept %d items and counted %d duplicates, want the better item kept and 1 duplicate", len(got), rejected[CheckDuplicate])
	}
}
