package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"sync"
	"time"

	"factdrill/questions"
	"factdrill/questions/apkg"
)

// attackDecks sends Anki decks of the largest size allowed, each carrying
// a dozen images of the largest size, from many addresses at once, as
// visitors without an account may: the server must stay within its
// memory whatever the number of imports in flight, and refuse a single
// address past its limit.
func attackDecks(ctx context.Context, h *harness) (string, bool, error) {
	body, contentType, err := largeDeckForm()
	if err != nil {
		return "", false, err
	}
	const clients = 16
	var (
		mu     sync.Mutex
		counts = map[int]int{}
		wg     sync.WaitGroup
	)
	start := time.Now()
	for i := range clients {
		wg.Go(func() {
			c := client(addr(40, i+1), true)
			defer c.CloseIdleConnections()
			code, err := postRaw(ctx, c, h.base+"/decks/import", contentType, body)
			if err != nil {
				code = -1
			}
			mu.Lock()
			counts[code]++
			mu.Unlock()
		})
	}
	wg.Wait()
	took := time.Since(start)
	return fmt.Sprintf("%d decks of %d MB from %d addresses at once: statuses %v in %v", clients, len(body)>>20, clients, counts, took.Round(100*time.Millisecond)),
		counts[http.StatusSeeOther]+counts[http.StatusServiceUnavailable] == clients && counts[http.StatusSeeOther] > 0, nil
}

// largeDeckForm is the multipart form of an Anki package of twelve
// images of noise (which no compression shrinks), each just under
// questions.MaxMediaBytes: about 58 MB, within formats.MaxSize.
func largeDeckForm() ([]byte, string, error) {
	r := rand.New(rand.NewPCG(1, 2))
	set := questions.Set{Title: "Noise"}
	for i := range 12 {
		img := image.NewNRGBA(image.Rect(0, 0, 1100, 1100))
		for j := range img.Pix {
			img.Pix[j] = byte(r.Uint32())
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&buf, img); err != nil {
			return nil, "", err
		}
		m, err := questions.NewMedia(fmt.Sprintf("noise-%d.png", i), buf.Bytes())
		if err != nil {
			return nil, "", err
		}
		set.Media = append(set.Media, m)
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer, Format: questions.HTML,
			Stem:    fmt.Sprintf(`What is shown? <img src="%s" alt="noise">`, questions.MediaPath(m.Hash)),
			Answers: []questions.Choice{{Text: "noise", Weight: 100}}})
	}
	var pkg bytes.Buffer
	if _, err := apkg.Write(context.Background(), &pkg, set, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		return nil, "", err
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("deck", "noise.apkg")
	if err != nil {
		return nil, "", err
	}
	fw.Write(pkg.Bytes())
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return body.Bytes(), mw.FormDataContentType(), nil
}

// postRaw posts body as it is, so that many requests share one copy of it.
func postRaw(ctx context.Context, c *http.Client, u, contentType string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", u, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
