package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"time"

	"factdrill/db"
)

// setupLinkTTL is how long the first teacher's setup link works.
const setupLinkTTL = 24 * time.Hour

// teacherFlags adds serve's teacher flag: the questions folder.
func teacherFlags(fs *flag.FlagSet, cfg *Config, getenv func(string) string) {
	fs.StringVar(&cfg.Questions, "questions", getenv("FACTDRILL_QUESTIONS"),
		"`folder` of question files to import at start: new and changed files are imported, unchanged ones skipped (env FACTDRILL_QUESTIONS)")
}

// teacherStart does serve's teacher work before it serves: it imports the
// questions folder, and while no teacher exists prints a one-time link to
// create the first one.
func teacherStart(ctx context.Context, store *db.Store, cfg Config, addr net.Addr, stdout, stderr io.Writer) error {
	err := startTeachers(ctx, store, cfg, addr, stdout, stderr)
	if ctx.Err() != nil {
		return nil // stopped while starting: the server stops cleanly
	}
	return err
}

func startTeachers(ctx context.Context, store *db.Store, cfg Config, addr net.Addr, stdout, stderr io.Writer) error {
	if cfg.Questions != "" {
		if err := importFolder(ctx, store, cfg.Questions, stdout, stderr); err != nil {
			return err
		}
	}
	n, err := store.TeacherCount(ctx)
	if err != nil || n > 0 {
		return err
	}
	token, err := store.CreateSetupToken(ctx, setupLinkTTL)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "factdrill: no teacher account yet. Create the first teacher account: http://%s/setup/%s (works once, for 24 hours)\n",
		linkHost(addr), token)
	return nil
}

// linkHost is the host:port to print in a link to a server listening on
// addr: an unspecified address (0.0.0.0, ::) is shown as localhost.
func linkHost(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
