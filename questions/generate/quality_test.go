package generate

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"factdrill/questions"
)

// squad is the layout of the SQuAD 2.0 fixture.
type squad struct {
	Data []struct {
		Title      string `json:"title"`
		Paragraphs []struct {
			Context string `json:"context"`
			QAs     []struct {
				Question   string `json:"question"`
				Impossible bool   `json:"is_impossible"`
				Answers    []struct {
					Text string `json:"text"`
				} `json:"answers"`
			} `json:"qas"`
		} `json:"paragraphs"`
	} `json:"data"`
}

func readSquad(t testing.TB) squad {
	t.Helper()
	b, err := os.ReadFile("testdata/qg/squad2_dev_normans_20p.json")
	if err != nil {
		t.Fatal(err)
	}
	var sq squad
	if err := json.Unmarshal(b, &sq); err != nil {
		t.Fatal(err)
	}
	return sq
}

// itemAnswers are the answers an item states: the key of a multiple-choice
// question, the accepted answers of a short-answer or cloze question.
// True/false statements state no single answer.
func itemAnswers(q questions.Question) []string {
	var out []string
	switch q.Kind {
	case questions.MultipleChoice:
		for _, c := range q.Choices {
			if c.Weight > 0 {
				out = append(out, c.Text)
			}
		}
	case questions.ShortAnswer, questions.Cloze:
		for _, a := range q.Answers {
			if a.Weight >= 100 { // a half-credit answer is not the answer
				out = append(out, a.Text)
			}
		}
	}
	return out
}

// TestQuality measures the generator on the SQuAD slice: the share of
// answerable human questions whose answer (after SQuAD normalisation) is
// the answer of some generated item, with the items per paragraph, the kind
// mix and the rejections of each check, since recall alone would reward
// writing everything. It fails only below a floor that guards against
// regressions; run it with -v to read the figures.
func TestQuality(t *testing.T) {
	sq := readSquad(t)
	var answerable, hit, items, paragraphs int
	kinds := map[questions.Kind]int{}
	rejected := map[string]int{}
	considered := 0
	for _, art := range sq.Data {
		for _, p := range art.Paragraphs {
			paragraphs++
			set, rep, err := GenerateWithReport(p.Context, Options{Title: art.Title})
			if err != nil {
				t.Logf("paragraph %d: %v", paragraphs, err)
			}
			items += len(set.Questions)
			considered += rep.Candidates
			for k, n := range rep.Kinds {
				kinds[k] += n
			}
			for c, n := range rep.Rejected {
				rejected[c] += n
			}
			got := map[string]bool{}
			for _, q := range set.Questions {
				for _, a := range itemAnswers(q) {
					got[normalize(a)] = true
				}
			}
			for _, qa := range p.QAs {
				if qa.Impossible || len(qa.Answers) == 0 {
					continue
				}
				answerable++
				found := false
				for _, a := range qa.Answers {
					if got[normalize(a.Text)] {
						hit++
						found = true
						break
					}
				}
				if testing.Verbose() && os.Getenv("QUALITY_MISSES") != "" && !found {
					t.Logf("missed: %s -> %s", qa.Question, qa.Answers[0].Text)
				}
			}
		}
	}
	recall := float64(hit) / float64(answerable)
	t.Logf("SQuAD slice: %d paragraphs, %d answerable questions", paragraphs, answerable)
	t.Logf("recall: %d/%d = %.1f%% of answerable human questions answered by a generated item", hit, answerable, 100*recall)
	t.Logf("items: %d, %.1f per paragraph", items, float64(items)/float64(paragraphs))
	var mix []string
	for _, k := range GeneratedKinds {
		mix = append(mix, string(k)+"="+itoa(kinds[k]))
	}
	t.Logf("kind mix: %s", strings.Join(mix, " "))
	var rej []string
	for _, c := range Checks {
		if rejected[c] > 0 {
			rej = append(rej, c+"="+itoa(rejected[c]))
		}
	}
	sort.Strings(rej)
	t.Logf("candidates considered: %d; rejected by check: %s", considered, strings.Join(rej, " "))
	if recall < 0.25 {
		t.Errorf("recall = %.1f%%, want at least 25%%", 100*recall)
	}
	if per := float64(items) / float64(paragraphs); per < 3 || per > 12 {
		t.Errorf("items per paragraph = %.1f, want 3 to 12", per)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
