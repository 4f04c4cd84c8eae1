package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// This file commits flashcard answers in groups. An answer is durable
// only once its transaction commits, and a commit with synchronous=FULL
// waits for the disk; one commit per answer would make the disk's flush
// the limit of answers a second. So answers that arrive while a commit is
// under way wait, and the next commit takes all of them in one
// transaction, each in its own savepoint: an answer that fails (a card
// answered meanwhile) is rolled back alone, and each answer is
// acknowledged only after the transaction that holds it has committed.
// Nothing is acknowledged early and nothing is made less durable; the
// disk's flush is shared.

// maxBatch bounds the answers of one transaction, so that a transaction
// stays short.
const maxBatch = 64

// batcher runs write functions in shared transactions. Whoever holds the
// token (sem) runs the answers waiting, then hands the token on.
type batcher struct {
	sem   chan struct{}
	mu    sync.Mutex
	queue []*batchItem
}

type batchItem struct {
	ctx  context.Context
	fn   func(tx *sql.Tx) error
	done chan error
}

func newBatcher() *batcher { return &batcher{sem: make(chan struct{}, 1)} }

// inWriteBatch runs fn in a write transaction shared with other calls
// waiting at the same time, in a savepoint of its own, and returns once
// that transaction has committed (nil), or fn's error (fn's changes
// rolled back, the others' kept), or the commit's error. Like
// inWriteKeep, it leaves the read cache alone: only changes the read
// cache does not hold may go through it.
//
// On PostgreSQL each call runs in a transaction of its own (inWriteKeep):
// writers run side by side there, and the database shares the flush of
// commits made at once by itself; one transaction holding many learners'
// row locks would only make deadlocks between servers' batches.
func (s *Store) inWriteBatch(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.engine == postgresEngine {
		return s.inWriteKeep(ctx, fn)
	}
	b := s.batch
	it := &batchItem{ctx: ctx, fn: fn, done: make(chan error, 1)}
	b.mu.Lock()
	b.queue = append(b.queue, it)
	b.mu.Unlock()
	for {
		select {
		case err := <-it.done:
			return err
		case b.sem <- struct{}{}:
		}
		// This call holds the token: run what waits (its own answer among
		// them, unless the last holder took it).
		b.mu.Lock()
		n := min(len(b.queue), maxBatch)
		batch := b.queue[:n:n]
		b.queue = append([]*batchItem(nil), b.queue[n:]...)
		b.mu.Unlock()
		if len(batch) > 0 {
			s.runBatch(batch)
		}
		<-b.sem
	}
}

// runBatch runs the items in one transaction and tells each the outcome.
func (s *Store) runBatch(batch []*batchItem) {
	results := make([]error, len(batch))
	commit := func() error {
		tx, err := s.write.BeginTx(context.Background(), nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		for i, it := range batch {
			if err := it.ctx.Err(); err != nil {
				results[i] = err
				continue
			}
			if _, err := tx.Exec("SAVEPOINT answer"); err != nil {
				return err
			}
			results[i] = it.fn(tx)
			if results[i] != nil {
				if _, err := tx.Exec("ROLLBACK TO SAVEPOINT answer"); err != nil {
					return err
				}
			}
			if _, err := tx.Exec("RELEASE SAVEPOINT answer"); err != nil {
				return err
			}
		}
		return tx.Commit()
	}
	if err := commit(); err != nil {
		err = fmt.Errorf("db: commit %d answers: %w", len(batch), err)
		for i := range results {
			results[i] = errors.Join(results[i], err)
		}
	}
	for i, it := range batch {
		it.done <- results[i]
	}
}
