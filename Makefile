# factdrill: `make run` serves the built-in set, `make test` runs the tests.
# The store's tests run on SQLite, and on PostgreSQL too when
# FACTDRILL_TEST_POSTGRES names a database; `make test-postgres` starts a
# throwaway PostgreSQL (.ci/postgres.sh; Debian's postgresql package) for
# them. Browser tests need Debian's chromium (apt-get install chromium);
# `make e2e` runs them and fails if it is missing. `make bench` needs wrk.

GO ?= go
BIN := bin/factdrill

# Every build and test has SQLite's full-text search (FTS5), which
# mattn/go-sqlite3 compiles in with this tag: question search uses it. A
# build without it still works, and searches by scanning instead.
export GOFLAGS := -tags=sqlite_fts5

.PHONY: run build test test-postgres race e2e generate lint bench bench-size quality stress clean

run: build
	./$(BIN) serve

build:
	$(GO) build -o $(BIN) ./cmd/factdrill

test:
	$(GO) test ./...
	@if [ -n "$$FACTDRILL_TEST_POSTGRES" ]; then \
		echo "make test: the store's and the web tests ran on SQLite and on PostgreSQL"; \
	else \
		echo "make test: the PostgreSQL half was skipped (FACTDRILL_TEST_POSTGRES is not set; make test-postgres starts a throwaway PostgreSQL)"; \
	fi

test-postgres:
	@eval "$$(.ci/postgres.sh start)" && trap '.ci/postgres.sh stop "$$FACTDRILL_PG_DIR"' EXIT && $(MAKE) --no-print-directory test

# race runs the tests of the packages where goroutines share memory (the
# store and its caches, the server, its limits and job workers) under the
# race detector. The pure packages (questions, quiz) have none, and their
# race build of the whole tree would double CI's time on two cores. -short
# leaves out the SIGKILL test, which `make test` runs: its server is a
# separate process. It runs on SQLite only: the PostgreSQL half under the
# race detector would add tens of minutes to CI, and the memory the
# goroutines share is the same on both engines.
race:
	FACTDRILL_TEST_POSTGRES= $(GO) test -race -short -count=1 ./db/... ./web/... ./cmd/factdrill/

e2e:
	FACTDRILL_E2E=1 $(GO) test -count=1 -run 'TestBrowser' -v ./cmd/factdrill/

generate:
	$(GO) tool templ generate

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '_templ.go$$'))" || { gofmt -l $$(git ls-files '*.go' | grep -v '_templ.go$$'); echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./...
	$(GO) tool templ generate
	@git diff --exit-code -- '*_templ.go' || { echo "templ: generated files are stale; commit the output of 'make generate'"; exit 1; }

# bench runs the PostgreSQL half on a throwaway cluster that commits as
# durably as SQLite does (fsync on).
bench: build
	@eval "$$(FACTDRILL_PG_DURABLE=1 .ci/postgres.sh start)" && trap '.ci/postgres.sh stop "$$FACTDRILL_PG_DIR"' EXIT && \
		$(GO) run ./cmd/loadbench -bin $(BIN) -postgres "$$FACTDRILL_TEST_POSTGRES" -out BENCHMARKS.md

# bench-size runs only bench's size section (issue 17: the same pages on a
# small and a large generated database) and writes it to bench-size.md.
bench-size: build
	$(GO) run ./cmd/loadbench -bin $(BIN) -only size -out bench-size.md

# stress replays the attacks of issue 14 against a real server on loopback
# and prints memory, /healthz latency and the outcome of each. Attacks on
# the file system need root (they mount small tmpfs file systems).
stress: build
	$(GO) run ./cmd/stress -bin $(BIN)

# quality measures the question generator on the development set's report
# half (shared/fixtures/qg/dev, or $$FACTDRILL_QG_DEV) and writes QUALITY.md.
quality:
	$(GO) test -count=1 -run '^TestQuality$$' -v ./questions/generate/ -args -quality.out=$(CURDIR)/QUALITY.md

clean:
	rm -rf bin .e2e
