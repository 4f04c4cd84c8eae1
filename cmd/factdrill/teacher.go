package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"factdrill/db"
	"factdrill/questions"
)

// runTeacher manages teacher accounts from the command line:
//
//	factdrill teacher add [-db PATH] NAME      create an account
//	factdrill teacher password [-db PATH] NAME set a new password (logs the teacher out everywhere)
//
// The password is read from the terminal without echo, typed twice; when
// standard input is not a terminal, its first line is the password (for
// scripts: `printf '%s\n' "$PW" | factdrill teacher add Rivera`).
func runTeacher(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	const use = "usage: factdrill teacher add|password [-db PATH] NAME"
	if len(args) == 0 || (args[0] != "add" && args[0] != "password") {
		fmt.Fprintln(stderr, use)
		return errUsage
	}
	action := args[0]
	cfg, fs, err := flags("teacher "+action, getenv, stderr)
	if err != nil {
		return err
	}
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	if fs.NArg() < 1 {
		fmt.Fprintln(stderr, use)
		return errUsage
	}
	name := strings.Join(fs.Args(), " ")
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	password, err := readPassword(stdin, stderr, name)
	if err != nil {
		return err
	}
	if action == "password" {
		if err := store.SetTeacherPassword(ctx, name, password); err != nil {
			if errors.Is(err, questions.ErrNotFound) {
				return fmt.Errorf("teacher: no teacher is named %q", name)
			}
			return teacherError(err)
		}
		fmt.Fprintf(stdout, "factdrill: new password set for %s; their logins have ended\n", name)
		return nil
	}
	t, err := store.CreateTeacher(ctx, name, password)
	if err != nil {
		return teacherError(err)
	}
	fmt.Fprintf(stdout, "factdrill: teacher %q can now log in at /login\n", t.Name)
	return nil
}

// teacherError gives the reason of an invalid input plainly.
func teacherError(err error) error {
	if questions.ErrorCode(err) == questions.CodeInvalid {
		return fmt.Errorf("teacher: %s", questions.ErrorMessage(err))
	}
	return err
}

// readPassword reads a new password: twice without echo from a terminal,
// else the first line of stdin.
func readPassword(stdin io.Reader, stderr io.Writer, name string) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(stderr, "Password for %s (at least %d characters): ", name, db.MinPasswordLen)
		p1, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", fmt.Errorf("teacher: read password: %w", err)
		}
		fmt.Fprint(stderr, "The same password again: ")
		p2, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", fmt.Errorf("teacher: read password: %w", err)
		}
		if string(p1) != string(p2) {
			return "", errors.New("teacher: the two passwords are not the same")
		}
		return string(p1), nil
	}
	if stdin == nil {
		return "", errors.New("teacher: no password given on standard input")
	}
	line, err := bufio.NewReader(io.LimitReader(stdin, db.MaxPasswordLen+2)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("teacher: read password: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("teacher: no password given on standard input")
	}
	return line, nil
}
