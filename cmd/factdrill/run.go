package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"
)

// Config is everything the commands take from flags and the environment,
// filled once and passed down.
type Config struct {
	Addr          string
	DB            string
	LogLevel      slog.Level
	SecureCookies bool
	// Questions is serve's folder of question files, imported at start.
	Questions string
	// OverdueEvery is how often serve hands in the quiz attempts past
	// their deadline.
	OverdueEvery time.Duration
}

const usage = `factdrill: quizzes and flashcards from documents and question files.

Usage:
  factdrill serve  [-addr HOST:PORT] [-db PATH]   serve the site (the default command)
  factdrill backup [-db PATH] DEST                 copy the database, safely, while it runs
                                                   (SQLite; on PostgreSQL use pg_dump)
  factdrill generate [-n N] [-kinds LIST] [-format gift|json] FILE
                                                   write questions generated from a document
                                                   (PDF, .docx, .odt, HTML, Markdown or text)
  factdrill import [-db PATH] [-set TITLE] [-dry-run] [-format json] FILE...
                                                   read question files (GIFT, Aiken, CSV/TSV, Anki
                                                   text and .apkg, Moodle XML, QTI packages)
  factdrill export [-db PATH] -set ID [-format gift|moodlexml|qti|apkg|csv|anki|json]
                                                   write a set as a question file
  factdrill teacher add [-db PATH] NAME            create a teacher account (password from the
                                                   terminal, or the first line of stdin)
  factdrill teacher password [-db PATH] NAME       set a teacher's password
  factdrill scores [-db PATH] [-class CODE] [-answers]
                                                   print the score export (CSV)
  factdrill optimize [-db PATH] [-learner ID | -class CODE | -all]
                                                   fit FSRS-6 weights to review logs (those
                                                   due, with no flag) and say what each fit did
  factdrill copy-db -from DB -to DB                move a whole site to a new, empty database
                                                   (SQLite to PostgreSQL, or back), verified

Every -db (and copy-db's -from and -to) is a SQLite file, or a PostgreSQL URL:
postgres://USER:PASSWORD@HOST/DATABASE. Any number of servers may serve one
PostgreSQL database behind a load balancer.

serve -questions DIR imports the question files of DIR at start. While no teacher
account exists, serve prints a one-time link to create the first one.

Environment: FACTDRILL_ADDR, FACTDRILL_DB, FACTDRILL_LOG_LEVEL (debug, info, warn,
error) and FACTDRILL_SECURE_COOKIES=1 (when served over TLS) give defaults for the
flags of the same names.
`

// errUsage is returned for a command line that cannot be run; the usage has
// been printed.
var errUsage = errors.New("bad command line (see above)")

// run is the whole program: main only adds the signal context and the
// process's environment, so that tests can call run directly.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, getenv, stdout, stderr)
	case "backup":
		return runBackup(ctx, args, getenv, stdout, stderr)
	case "generate":
		return runGenerate(ctx, args, stdin, stdout, stderr)
	case "import":
		return runImport(ctx, args, getenv, stdout, stderr)
	case "export":
		return runExport(ctx, args, getenv, stdout, stderr)
	case "teacher":
		return runTeacher(ctx, args, getenv, stdin, stdout, stderr)
	case "scores":
		return runScores(ctx, args, getenv, stdout, stderr)
	case "optimize":
		return runOptimize(ctx, args, getenv, stdout, stderr)
	case "copy-db":
		return runCopyDB(ctx, args, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "factdrill: unknown command %q\n\n%s", cmd, usage)
	return errUsage
}

// flags returns a flag set for a command with the flags every command
// shares (the database, the log level), defaults taken from the
// environment. An environment value that cannot be read is an error, as
// the same value given as a flag would be.
func flags(name string, getenv func(string) string, stderr io.Writer) (*Config, *flag.FlagSet, error) {
	cfg := &Config{}
	fs := flag.NewFlagSet("factdrill "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.DB, "db", envOr(getenv, "FACTDRILL_DB", "factdrill.db"), "the database: a SQLite `file` (created if missing) or a postgres:// URL (env FACTDRILL_DB)")
	cfg.LogLevel = slog.LevelInfo
	if v := getenv("FACTDRILL_LOG_LEVEL"); v != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return nil, nil, fmt.Errorf("FACTDRILL_LOG_LEVEL=%q: want debug, info, warn or error", v)
		}
	}
	fs.TextVar(&cfg.LogLevel, "log-level", cfg.LogLevel, "least `level` logged: debug, info, warn or error (env FACTDRILL_LOG_LEVEL)")
	return cfg, fs, nil
}

// parseArgs parses a command's arguments; nargs says whether the number
// of arguments left after the flags will do. A command line that will not
// is errUsage, after usage is printed.
func parseArgs(fs *flag.FlagSet, args []string, stderr io.Writer, usage string, nargs func(n int) bool) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if !nargs(fs.NArg()) {
		fmt.Fprintln(stderr, usage)
		return errUsage
	}
	return nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func newLogger(cfg Config, stderr io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
}
