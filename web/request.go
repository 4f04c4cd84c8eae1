package web

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"

	"factdrill/questions"
)

// This file holds what handlers share to read a request and to answer
// one that is not a page: path ids, redirects, downloads.

// pathID reads a positive integer path value; anything else is not found.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, questions.ErrNotFound
	}
	return id, nil
}

// attemptPosition reads the attempt id and the 1-based question number.
func attemptPosition(r *http.Request) (int64, int, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, 0, err
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 {
		return 0, 0, questions.ErrNotFound
	}
	return id, n, nil
}

// redirect sends the browser to url with 303 See Other: the "redirect" of
// Post/Redirect/Get.
func redirect(w http.ResponseWriter, r *http.Request, url string) {
	http.Redirect(w, r, url, http.StatusSeeOther)
}

// clientKey is the address a request came from, without its port.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// siteURL is the address the request came to, for links to show students.
func siteURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// download sends body as a file to save.
func download(w http.ResponseWriter, ctype, name string, body []byte) {
	downloadHeaders(w, ctype, name)
	w.Write(body)
}

// downloadHeaders sets the headers of a file to download.
func downloadHeaders(w http.ResponseWriter, ctype, name string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	h.Set("Cache-Control", "no-store")
}

// fileName makes a safe file name from a title: letters, digits and
// dashes.
func fileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		return "set"
	}
	return name
}
