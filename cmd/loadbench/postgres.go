package main

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to make schemas
)

// engineRow is one configuration's figures for the question page and an
// answer.
type engineRow struct {
	name        string
	page, write wrkResult
}

// postgresBenchmark drives the question page and answer submission on
// PostgreSQL (each configuration in a fresh schema of o.postgres): one app
// server, two app servers with wrk's connections split between them (the
// balancing a load balancer does), each with the read cache off (the
// default) and with LISTEN/NOTIFY. It writes them beside the SQLite rows,
// as ratios to the static baseline of the same run.
func postgresBenchmark(doc *bytes.Buffer, o options, dir string, rows []engineRow, staticPage, staticWrite wrkResult) error {
	admin, err := sql.Open("pgx", o.postgres)
	if err != nil {
		return err
	}
	defer admin.Close()
	var synchronous string
	if err := admin.QueryRow("SHOW synchronous_commit").Scan(&synchronous); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	for _, c := range []struct {
		name    string
		servers int
		cache   string
	}{
		{"PostgreSQL, one server, cache off", 1, "off"},
		{"PostgreSQL, two servers, cache off", 2, "off"},
		{"PostgreSQL, one server, NOTIFY cache", 1, "notify"},
		{"PostgreSQL, two servers, NOTIFY cache", 2, "notify"},
	} {
		fmt.Fprintf(os.Stderr, "loadbench: %s\n", c.name)
		r, err := postgresRun(admin, o, dir, c.servers, c.cache)
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		r.name = c.name
		rows = append(rows, r)
	}

	fmt.Fprintf(doc, "\n## Load: PostgreSQL with one and two app servers, beside SQLite, same run\n\n")
	fmt.Fprintf(doc, "The quiz question page and answer submission as above (the same wrk settings and scripts, "+
		"%d learners), on a PostgreSQL %s on this machine with synchronous_commit=%s, each configuration in a fresh schema. "+
		"Two servers share wrk's connections half and half, as a load balancer would; their req/s are added and the "+
		"larger p99 is shown. The cache is the store's read cache of sessions and attempts: off (the default on "+
		"PostgreSQL) or kept by LISTEN/NOTIFY. Everything, wrk and PostgreSQL included, shares the machine's %d cores.\n\n",
		o.learners, postgresVersion(admin), synchronous, runtime.NumCPU())
	fmt.Fprintf(doc, "| configuration | question page req/s | p50 | p99 | ratio to static | answer req/s | p50 | p99 | ratio to static | errors |\n")
	fmt.Fprintf(doc, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(doc, "| %s | %.0f | %s | %s | %.2f | %.0f | %s | %s | %.2f | %d |\n", r.name,
			r.page.rps, fmtDur(r.page.p50), fmtDur(r.page.p99), r.page.rps/staticPage.rps,
			r.write.rps, fmtDur(r.write.p50), fmtDur(r.write.p99), r.write.rps/staticWrite.rps,
			r.page.errors+r.page.non2xx+r.write.errors+r.write.non2xx)
	}
	return nil
}

// postgresRun starts n servers on a fresh schema and drives the question
// page, then answers, through them.
func postgresRun(admin *sql.DB, o options, dir string, n int, cache string) (engineRow, error) {
	schema := "bench_" + strings.ToLower(rand.Text()[:10])
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		return engineRow{}, err
	}
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	u, err := url.Parse(o.postgres)
	if err != nil {
		return engineRow{}, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("factdrill_cache", cache)
	u.RawQuery = q.Encode()

	var bases []string
	for range n {
		addr, err := freeAddr()
		if err != nil {
			return engineRow{}, err
		}
		srv := exec.Command(o.bin, "serve", "-addr", addr, "-db", u.String())
		srv.Env = append(os.Environ(), "FACTDRILL_LOG_LEVEL=error")
		srv.Stderr = os.Stderr
		if err := srv.Start(); err != nil {
			return engineRow{}, err
		}
		defer func() { srv.Process.Kill(); srv.Wait() }()
		bases = append(bases, "http://"+addr)
	}
	for _, b := range bases {
		if err := waitHealthy(b + "/healthz"); err != nil {
			return engineRow{}, err
		}
	}
	var ls []learner
	for i := range o.learners {
		l, err := newLearner(bases[i%n])
		if err != nil {
			return engineRow{}, err
		}
		ls = append(ls, l)
	}
	questions, err := countQuestions(bases[0], ls[0])
	if err != nil {
		return engineRow{}, err
	}
	getScript, err := writeScript(dir, ls, false, questions)
	if err != nil {
		return engineRow{}, err
	}
	postScript, err := writeScript(dir, ls, true, questions)
	if err != nil {
		return engineRow{}, err
	}
	var r engineRow
	if r.page, err = runSplit(o, bases, getScript); err != nil {
		return engineRow{}, err
	}
	if r.write, err = runSplit(o, bases, postScript); err != nil {
		return engineRow{}, err
	}
	return r, nil
}

// runSplit runs wrk against each server at once, the connections split
// between them, and adds their figures up.
func runSplit(o options, bases []string, script string) (wrkResult, error) {
	part := o
	part.conns = max(1, o.conns/len(bases))
	part.threads = max(1, o.threads/len(bases))
	results := make([]wrkResult, len(bases))
	errs := make([]error, len(bases))
	var wg sync.WaitGroup
	for i, b := range bases {
		wg.Go(func() { results[i], _, errs[i] = runWrk(part, b, script) })
	}
	wg.Wait()
	var sum wrkResult
	for i, r := range results {
		if errs[i] != nil {
			return wrkResult{}, errs[i]
		}
		sum.rps += r.rps
		sum.requests += r.requests
		sum.errors += r.errors
		sum.non2xx += r.non2xx
		sum.p50 = max(sum.p50, r.p50)
		sum.p99 = max(sum.p99, r.p99)
	}
	return sum, nil
}

func postgresVersion(admin *sql.DB) string {
	var v string
	if err := admin.QueryRow("SHOW server_version").Scan(&v); err != nil {
		return "(version unknown)"
	}
	v, _, _ = strings.Cut(v, " ")
	return v
}
