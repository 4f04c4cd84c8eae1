package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"
)

// client is an HTTP client whose connections come from the loopback
// address ip (any of 127.0.0.0/8), with cookies when jar is true. It
// follows no redirect, so that callers see each 303.
func client(ip string, jar bool) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 10 * time.Second}
	c := &http.Client{
		Transport:     &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 8},
		Timeout:       120 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	if jar {
		c.Jar, _ = cookiejar.New(nil)
	}
	return c
}

// addr is the n-th client address of a block: 127.block.x.y.
func addr(block, n int) string {
	return fmt.Sprintf("127.%d.%d.%d", block, n/250, n%250+1)
}

// form makes url.Values of name, value pairs.
func form(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// post posts a form and returns the status and the Location.
func post(c *http.Client, u string, f url.Values) (int, string, error) {
	code, loc, _, err := postBody(c, u, f)
	return code, loc, err
}

// postBody posts a form and returns the status, the Location and the
// body.
func postBody(c *http.Client, u string, f url.Values) (int, string, string, error) {
	resp, err := c.PostForm(u, f)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(body), err
}

// getBody gets a page that must answer 200.
func getBody(c *http.Client, u string) (string, error) {
	code, body, err := get(c, u)
	if err == nil && code != http.StatusOK {
		err = fmt.Errorf("GET %s = %d", u, code)
	}
	return body, err
}

func get(c *http.Client, u string) (int, string, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), err
}

// upload posts a multipart form with a file.
func upload(c *http.Client, u, field, name string, data []byte, fields url.Values) (int, string, string, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if name != "" {
		fw, err := mw.CreateFormFile(field, name)
		if err != nil {
			return 0, "", "", err
		}
		fw.Write(data)
	}
	mw.Close()
	req, err := http.NewRequest("POST", u, &buf)
	if err != nil {
		return 0, "", "", err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(body), err
}

// pageForm collects what a browser would post for the first form of page
// whose action contains action: text and hidden inputs, checked boxes and
// radios, textareas and the first option of each select.
func pageForm(page, action string) url.Values {
	f := url.Values{}
	i := strings.Index(page, `action="`+action)
	if i < 0 {
		return f
	}
	page = page[i:]
	if j := strings.Index(page, "</form>"); j >= 0 {
		page = page[:j]
	}
	for rest := page; ; {
		k := strings.IndexByte(rest, '<')
		if k < 0 {
			break
		}
		rest = rest[k:]
		end := strings.IndexByte(rest, '>')
		if end < 0 {
			break
		}
		tag := rest[:end+1]
		rest = rest[end+1:]
		name := unescape(attr(tag, "name"))
		switch {
		case name == "":
		case strings.HasPrefix(tag, "<input"):
			typ := attr(tag, "type")
			if (typ == "checkbox" || typ == "radio") && !strings.Contains(tag, " checked") {
				continue
			}
			if typ == "submit" {
				continue
			}
			f.Add(name, unescape(attr(tag, "value")))
		case strings.HasPrefix(tag, "<textarea"):
			f.Add(name, unescape(rest[:strings.Index(rest, "</textarea>")]))
		case strings.HasPrefix(tag, "<select"):
			f.Add(name, unescape(between(rest, `value="`, `"`)))
		}
	}
	return f
}

// attr is the value of an attribute of a tag, "" for none.
func attr(tag, name string) string {
	return between(tag, " "+name+`="`, `"`)
}

var unescape = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`).Replace
