package formats

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"factdrill/questions"
)

// imageSet is a set of every card kind and an essay, with an image.
func imageSet(t *testing.T) questions.Set {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	m, err := questions.NewMedia("dot.png", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return questions.Set{
		Title: "Gauges",
		Questions: []questions.Question{
			{Kind: questions.ShortAnswer, Format: questions.HTML, Stem: `What does this gauge show? <img src="` + questions.MediaPath(m.Hash) + `" alt="A gauge">`,
				Answers: []questions.Choice{{Text: "pressure", Weight: 100}}},
			{Kind: questions.MultipleChoice, Stem: "Which unit is pressure?", Choices: []questions.Choice{{Text: "pascal", Weight: 100}, {Text: "joule"}}},
			{Kind: questions.Essay, Stem: "Describe a gauge you use."},
		},
		Media: []questions.Media{m},
	}
}

func TestWrite(t *testing.T) {
	set := imageSet(t)
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	for _, f := range Formats {
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			notes, err := f.Write(context.Background(), &buf, set, now)
			if err != nil {
				t.Fatalf("Write = %v", err)
			}
			mentions := strings.Contains(strings.Join(notes, "\n"), "question 3 (essay)")
			if mentions != f.Cards {
				t.Errorf("notes %q mention the essay: %t, want %t", notes, mentions, f.Cards)
			}
			if f.Name == "json" {
				return
			}
			back, err := Read(context.Background(), "back."+f.Ext, bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Fatalf("reading back what Write wrote: %v\n%s", err, buf.String())
			}
			want := len(set.Questions)
			if f.Cards {
				want--
			}
			if len(back.Questions) != want {
				t.Errorf("read back %d questions, want %d", len(back.Questions), want)
			}
			if f.Media && (len(back.Media) != 1 || back.Media[0].Hash != set.Media[0].Hash) {
				t.Errorf("read back %d images, want the set's one", len(back.Media))
			}
		})
	}
}

func TestWrite_NothingToHold(t *testing.T) {
	essays := questions.Set{Title: "Essays", Questions: []questions.Question{{Kind: questions.Essay, Stem: "Discuss."}}}
	for _, name := range []string{"csv", "anki", "apkg"} {
		f, _ := Lookup(name)
		var buf bytes.Buffer
		if _, err := f.Write(context.Background(), &buf, essays, time.Now()); questions.ErrorCode(err) != questions.CodeInvalid || buf.Len() > 0 {
			t.Errorf("%s of a set of essays: error %v, %d bytes written; want invalid and nothing", name, err, buf.Len())
		}
	}
	if _, ok := Lookup("docx"); ok {
		t.Error(`Lookup("docx") found a format`)
	}
}
