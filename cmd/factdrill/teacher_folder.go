package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/formats"
)

// folderExts are the question-file extensions the folder import reads.
var folderExts = map[string]bool{".gift": true, ".txt": true, ".csv": true, ".tsv": true, ".tab": true, ".aiken": true,
	".xml": true, ".zip": true, ".imscc": true, ".apkg": true}

// importFolder imports every question file under dir whose content is new
// or changed since its last import (by SHA-256). A file that cannot be
// read is reported with its problems and skipped whole; the others are
// imported each in one transaction. The sets belong to no teacher: every
// teacher may assign them, and they are changed by editing the files.
func importFolder(ctx context.Context, store *db.Store, dir string, stdout, stderr io.Writer) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("questions folder: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("questions folder: %s is not a folder", dir)
	}
	var imported, updated, unchanged, refused int
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && path != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !folderExts[strings.ToLower(filepath.Ext(name))] {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		data, err := readLimited(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])
		prev, err := store.FolderFileByPath(ctx, rel)
		if err == nil && prev.Hash == hash {
			unchanged++
			return nil
		} else if err != nil && !errors.Is(err, questions.ErrNotFound) {
			return err
		}
		set, err := formats.Read(ctx, rel, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			refused++
			fmt.Fprintf(stderr, "factdrill: %s not imported:\n", filepath.Join(dir, rel))
			var list questions.ErrorList
			if errors.As(err, &list) {
				for _, p := range list {
					fmt.Fprintf(stderr, "  %s\n", p)
				}
			} else {
				fmt.Fprintf(stderr, "  %v\n", err)
			}
			return nil
		}
		_, created, err := store.ImportFolderFile(ctx, rel, hash, set)
		switch {
		case questions.ErrorCode(err) == questions.CodeInvalid:
			refused++
			fmt.Fprintf(stderr, "factdrill: %s not imported: %s\n", filepath.Join(dir, rel), questions.ErrorMessage(err))
		case err != nil:
			return err
		case created:
			imported++
		default:
			updated++
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("questions folder: %w", err)
	}
	fmt.Fprintf(stdout, "factdrill: questions folder %s: %d imported, %d updated, %d unchanged, %d not imported\n",
		dir, imported, updated, unchanged, refused)
	return nil
}

// readLimited reads a file up to one byte over the largest question file
// (a package that carries images), so that the reader refuses one too
// large without the whole being read.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, formats.MaxSize+1))
}
