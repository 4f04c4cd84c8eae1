// Package quality measures the question generator against documents people
// wrote questions about: it reads the development set (SQuAD articles and
// the CMU question-answer articles), splits it into a tuning half and a
// report half, scores the answers of generated items against the human
// answers (SQuAD's token F1), computes the naive floor that any generator
// must beat, and prepares and tallies blind judgements.
//
// It knows nothing of how items are generated: callers hand it each
// item's answers, so that the generator and its measure stay apart.
package quality

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// A Document is an article with the questions people asked about it.
type Document struct {
	// ID names the document within the development set: "squad/Normans",
	// "cmu/S08/data/set1/a9".
	ID string
	// Title is the article's title, with spaces ("Nikola Tesla").
	Title string
	// Text is the article as a teacher would paste it.
	Text      string
	Questions []Human
}

// A Human is a question a person wrote, with every answer people gave.
type Human struct {
	Question string
	Answers  []string
	// Context is the paragraph the question was written about, when the
	// source says (SQuAD); else empty.
	Context string
}

// Words counts the document's words, as the budget of items counts them.
func (d Document) Words() int { return len(strings.Fields(d.Text)) }

// Budget is the number of items a document of this length is given: one
// item per 40 words, at least one.
func (d Document) Budget() int { return max(1, (d.Words()+20)/40) }

// Load reads the development set in dir: its SQuAD files (squad*.json)
// and the CMU folders cmu/S08 and cmu/S09. Documents come in ID order.
func Load(dir string) ([]Document, error) {
	files, err := filepath.Glob(filepath.Join(dir, "squad*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("quality: no squad*.json in %s", dir)
	}
	var docs []Document
	for _, f := range files {
		sq, err := LoadSQuAD(f)
		if err != nil {
			return nil, err
		}
		docs = append(docs, sq...)
	}
	for _, year := range []string{"S08", "S09"} {
		c, err := LoadCMU(filepath.Join(dir, "cmu"), year)
		if err != nil {
			return nil, err
		}
		docs = append(docs, c...)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}

// squadFile is the layout of a SQuAD JSON file.
type squadFile struct {
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

// LoadSQuAD reads a SQuAD file (1.1 or 2.0 layout). Each article becomes
// one document: its title as a heading, then its paragraphs. Unanswerable
// questions are left out.
func LoadSQuAD(path string) ([]Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("quality: %w", err)
	}
	var f squadFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("quality: %s: %w", path, err)
	}
	var docs []Document
	for _, a := range f.Data {
		title := strings.ReplaceAll(a.Title, "_", " ")
		d := Document{ID: "squad/" + a.Title, Title: title}
		parts := []string{title}
		for _, p := range a.Paragraphs {
			parts = append(parts, p.Context)
			for _, qa := range p.QAs {
				if qa.Impossible || len(qa.Answers) == 0 {
					continue
				}
				h := Human{Question: qa.Question, Context: p.Context}
				for _, an := range qa.Answers {
					if !containsString(h.Answers, an.Text) {
						h.Answers = append(h.Answers, an.Text)
					}
				}
				d.Questions = append(d.Questions, h)
			}
		}
		d.Text = strings.Join(parts, "\n\n")
		docs = append(docs, d)
	}
	return docs, nil
}

// LoadCMU reads one year's folder of the CMU Question-Answer Dataset
// (dir/year/question_answer_pairs.txt and the article files it names).
// Questions asked twice are merged with all their answers; "NULL" answers
// are dropped. Files in Latin-1 are read as such.
func LoadCMU(dir, year string) ([]Document, error) {
	base := filepath.Join(dir, year)
	b, err := os.ReadFile(filepath.Join(base, "question_answer_pairs.txt"))
	if err != nil {
		return nil, fmt.Errorf("quality: %w", err)
	}
	byFile := map[string]*Document{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue // the header
		}
		f := strings.Split(decodeLatin1(sc.Text()), "\t")
		if len(f) < 6 {
			continue
		}
		title, q, a, file := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2]), strings.TrimSpace(f[5])
		if file == "" || q == "" {
			continue
		}
		d := byFile[file]
		if d == nil {
			d = &Document{ID: "cmu/" + year + "/" + file, Title: strings.ReplaceAll(title, "_", " ")}
			byFile[file] = d
			order = append(order, file)
		}
		k := -1
		for i, h := range d.Questions {
			if h.Question == q {
				k = i
				break
			}
		}
		if k < 0 {
			d.Questions = append(d.Questions, Human{Question: q})
			k = len(d.Questions) - 1
		}
		if a != "" && a != "NULL" && !containsString(d.Questions[k].Answers, a) {
			d.Questions[k].Answers = append(d.Questions[k].Answers, a)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("quality: %s: %w", base, err)
	}
	var docs []Document
	for _, file := range order {
		text, err := os.ReadFile(filepath.Join(base, file+".txt"))
		if err != nil {
			return nil, fmt.Errorf("quality: %w", err)
		}
		d := byFile[file]
		d.Text = decodeLatin1(string(text))
		docs = append(docs, *d)
	}
	return docs, nil
}

// decodeLatin1 returns s unchanged when it is UTF-8, else reads it as
// Latin-1, as a few files of the CMU set are written.
func decodeLatin1(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Half says which part of the development set a document belongs to.
type Half int

const (
	// Tuning documents are the ones the generator may be tuned on.
	Tuning Half = iota
	// Reporting documents are only measured, never read item by item
	// while tuning.
	Reporting
)

// HalfOf assigns a document to a half by a hash of its title, so that
// the same article in two sources (SQuAD and CMU both have "Nikola
// Tesla") lands in the same half, and the split never changes.
func HalfOf(d Document) Half {
	h := fnv.New32a()
	h.Write([]byte("factdrill/qg-split/" + strings.ToLower(strings.ReplaceAll(d.Title, "_", " "))))
	return Half(h.Sum32() % 2)
}

// Split returns the documents of one half, in their order.
func Split(docs []Document, half Half) []Document {
	var out []Document
	for _, d := range docs {
		if HalfOf(d) == half {
			out = append(out, d)
		}
	}
	return out
}
