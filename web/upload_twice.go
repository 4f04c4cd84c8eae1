package web

import (
	"context"
	"crypto/sha256"
	"sync"
	"time"
)

// uploadTwiceWindow is how long an upload is remembered: the same file
// sent again by the same teacher within it (a double click, or a
// resubmission after a slow answer) makes no second set.
const uploadTwiceWindow = 10 * time.Second

// recentUploads remembers the question files each teacher uploaded in
// the last uploadTwiceWindow, by their content, and the set each made.
// It is this server's memory: two servers behind a balancer each know
// their own (the browser sends a double click to the same one, over its
// kept-alive connection, in practice).
type recentUploads struct {
	mu   sync.Mutex
	seen map[uploadKey]*recentUpload
}

type uploadKey struct {
	teacher int64
	sum     [sha256.Size]byte
}

// recentUpload is an upload being read or read: done is closed once it
// ended, then to says where it sent the teacher ("" if it was refused).
type recentUpload struct {
	at   time.Time
	done chan struct{}
	to   string
}

// begin records an upload of file sum by teacher at now. If the same
// upload began within the window, first is the location it redirected
// to, once it has ended (it waits for it, or for ctx): the caller sends
// the teacher there. Otherwise the caller reads the upload and calls end
// with where it sent the teacher ("" for a refusal, so that a resend is
// read again).
func (u *recentUploads) begin(ctx context.Context, teacher int64, sum [sha256.Size]byte, now time.Time) (first string, end func(to string)) {
	k := uploadKey{teacher, sum}
	u.mu.Lock()
	if u.seen == nil {
		u.seen = map[uploadKey]*recentUpload{}
	}
	for key, r := range u.seen {
		if now.Sub(r.at) >= uploadTwiceWindow {
			select {
			case <-r.done:
				delete(u.seen, key)
			default: // still being read: its end will find it
			}
		}
	}
	if r, ok := u.seen[k]; ok && now.Sub(r.at) < uploadTwiceWindow {
		u.mu.Unlock()
		select {
		case <-r.done:
		case <-ctx.Done():
			return "", func(string) {}
		}
		if r.to != "" {
			return r.to, func(string) {}
		}
		// The first was refused: this one is read again, and replies the
		// same way.
		return "", func(string) {}
	}
	r := &recentUpload{at: now, done: make(chan struct{})}
	u.seen[k] = r
	u.mu.Unlock()
	return "", func(to string) {
		u.mu.Lock()
		r.to = to
		u.mu.Unlock()
		close(r.done)
	}
}
