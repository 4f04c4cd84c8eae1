// factdrill's flashcards, enhanced. Every step works without this file: the
// answer is a link, the ratings and undo are forms. With it, answers are
// sent without a full page reload (the next card's HTML is fetched and
// swapped in place), and the keyboard drives the session:
//   Space or Enter  show the answer; once shown, answer Good (or the
//                   answer suggested, after typing or choosing)
//   1 2 3 4         Again, Hard, Good, Easy; on a choice's front, choose
//   U or Ctrl+Z     undo the last answer
// Typing an answer or choosing one loads the back of the card (a GET form,
// data-study-get) in place too.
// It also fills in the browser's time zone where a form asks for it.
(function () {
	"use strict";

	function browserZone() {
		try {
			return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
		} catch (e) {
			return "";
		}
	}

	function fillZone(root) {
		var tz = browserZone();
		root.querySelectorAll("[data-browser-tz]").forEach(function (el) {
			el.value = tz;
		});
	}

	// The settings page: offer the device's zone when it differs.
	var useZone = document.querySelector("[data-use-browser-tz]");
	var zoneSelect = document.getElementById("time_zone");
	if (useZone && zoneSelect) {
		var tz = browserZone();
		var known = Array.prototype.some.call(zoneSelect.options, function (o) { return o.value === tz; });
		if (tz && known && zoneSelect.value !== tz) {
			useZone.textContent = "Use this device’s time zone (" + tz.replace(/_/g, " ") + ")";
			useZone.hidden = false;
			useZone.addEventListener("click", function () {
				zoneSelect.value = tz;
				useZone.hidden = true;
				zoneSelect.focus();
			});
		}
	}

	// The settings page: a row of the retention trade-off fills in the
	// retention field.
	var retention = document.getElementById("retention");
	document.querySelectorAll("button.use-retention").forEach(function (b) {
		if (!retention) return;
		b.hidden = false;
		b.setAttribute("aria-label", "Use " + b.dataset.retention + "% retention");
		b.addEventListener("click", function () {
			retention.value = b.dataset.retention;
			retention.focus();
		});
	});

	// The practice test: count the time left down, and hand the test in
	// when it runs out.
	var practice = document.querySelector("form[data-practice]");
	if (practice) {
		var left = parseInt(practice.dataset.seconds, 10);
		var shown = practice.querySelector("[data-time-left]");
		var tick = window.setInterval(function () {
			left--;
			if (shown) {
				var m = Math.floor(Math.max(left, 0) / 60), s = Math.max(left, 0) % 60;
				shown.textContent = m + ":" + (s < 10 ? "0" : "") + s;
			}
			if (left === 60 || left === 10) practice.querySelector("[data-timer]").setAttribute("aria-live", "polite");
			if (left <= 0) {
				window.clearInterval(tick);
				practice.requestSubmit();
			}
		}, 1000);
		practice.addEventListener("submit", function () { window.clearInterval(tick); });
	}

	var study = document.getElementById("study");
	if (!study) return;
	fillZone(study);
	var live = document.getElementById("study-live");
	var busy = false;
	var swaps = 0;

	function side() {
		return study.dataset.side;
	}

	function announce(text) {
		if (!live) return;
		live.textContent = "";
		window.setTimeout(function () { live.textContent = text; }, 50);
	}

	function showAnswer() {
		if (side() !== "front" || !study.querySelector("[data-show]")) return;
		study.querySelectorAll("[data-front]").forEach(function (el) { el.hidden = true; });
		study.querySelectorAll("[data-back]").forEach(function (el) { el.hidden = false; });
		study.dataset.side = "back";
		var good = study.querySelector('button[name="rating"][value="3"]');
		if (good) good.focus();
		var answer = study.querySelector('[data-testid="answer"]');
		announce("Answer: " + (answer ? answer.textContent.trim() : ""));
	}

	// swap puts the #study of a fetched page in place of the current one.
	function swap(html, url) {
		var doc = new DOMParser().parseFromString(html, "text/html");
		var next = doc.getElementById("study");
		if (!next) {
			window.location.assign(url);
			return;
		}
		study.replaceWith(next);
		study = next;
		document.title = doc.title;
		fillZone(study);
		swaps++;
		document.body.dataset.swaps = String(swaps);
		try {
			var u = new URL(url);
			u.searchParams.delete("notice");
			window.history.replaceState(null, "", u.pathname + u.search);
		} catch (e) { /* keep the address as it is */ }
		var target = study.querySelector("[data-show]") || study.querySelector("#typed") ||
			study.querySelector("button.choice") || study.querySelector("button.rate.suggested") ||
			(side() === "back" ? study.querySelector('button[name="rating"][value="3"]') : null) ||
			study.querySelector("#done-title");
		if (target) target.focus();
		var counts = study.querySelector('[data-testid="counts"]');
		var message = study.querySelector(".study-message");
		announce((message ? message.textContent.trim() + " " : "") +
			(side() === "done" ? "All caught up." : "Next card.") +
			(counts ? " " + counts.textContent.replace(/\s+/g, " ").trim() + "." : ""));
	}

	// send posts a study form with fetch and swaps in the page the server
	// redirects to; if anything fails, the form is submitted the plain way.
	function send(form, submitter) {
		if (busy) return;
		busy = true;
		var data = new URLSearchParams(new FormData(form));
		if (submitter && submitter.name) data.append(submitter.name, submitter.value);
		study.setAttribute("aria-busy", "true");
		fetch(form.action, {
			method: "POST",
			body: data,
			credentials: "same-origin",
			headers: { "Accept": "text/html" }
		}).then(function (res) {
			if (!res.ok) throw new Error("status " + res.status);
			return res.text().then(function (html) { swap(html, res.url); });
		}).catch(function () {
			form.dataset.plain = "1";
			if (submitter) form.requestSubmit(submitter);
			else form.requestSubmit();
		}).finally(function () {
			busy = false;
			study.removeAttribute("aria-busy");
		});
	}

	document.addEventListener("submit", function (e) {
		var form = e.target;
		if (form.dataset.plain) return;
		if (form.matches("[data-study-get]")) {
			e.preventDefault();
			load(form, e.submitter);
			return;
		}
		if (!form.matches("[data-study-form]")) return;
		e.preventDefault();
		send(form, e.submitter);
	});

	// load fetches the page a GET form asks for (the back of a card with a
	// typed or chosen answer checked) and swaps it in.
	function load(form, submitter) {
		if (busy) return;
		busy = true;
		var data = new URLSearchParams(new FormData(form));
		if (submitter && submitter.name) data.set(submitter.name, submitter.value);
		var url = new URL(form.action, window.location.href);
		url.search = data.toString();
		study.setAttribute("aria-busy", "true");
		fetch(url.toString(), { credentials: "same-origin", headers: { "Accept": "text/html" } }).then(function (res) {
			if (!res.ok) throw new Error("status " + res.status);
			return res.text().then(function (html) { swap(html, res.url); });
		}).catch(function () {
			window.location.assign(url.toString());
		}).finally(function () {
			busy = false;
			study.removeAttribute("aria-busy");
		});
	}

	document.addEventListener("click", function (e) {
		var show = e.target.closest && e.target.closest("[data-show]");
		if (show && study.contains(show)) {
			e.preventDefault();
			showAnswer();
		}
	});

	function rate(n) {
		var b = study.querySelector('button[name="rating"][value="' + n + '"]');
		if (b && !b.closest("[hidden]")) b.form.requestSubmit(b);
	}

	function undo() {
		var f = study.querySelector("form.undo-form");
		if (f) f.requestSubmit();
	}

	function typing(t) {
		return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
	}

	document.addEventListener("keydown", function (e) {
		if (e.defaultPrevented || e.altKey || e.metaKey || typing(e.target)) return;
		var key = e.key;
		if (e.ctrlKey) {
			if (key === "z" || key === "Z") {
				e.preventDefault();
				if (!busy) undo();
			}
			return;
		}
		if (busy) {
			if (key === " " || /^[1-4]$/.test(key)) e.preventDefault();
			return;
		}
		// A focused control other than the card's own keeps its keys: Enter
		// on a link follows it, Space on a button presses it.
		var t = e.target.closest ? e.target.closest("a, button, summary") : null;
		var own = t && (t.matches("[data-show]") || (t.name === "rating" && t.value === "3"));
		if (key === "u" || key === "U") {
			e.preventDefault();
			undo();
		} else if (side() === "front" && (key === " " || key === "Enter")) {
			if (t && !own) return;
			e.preventDefault();
			showAnswer();
		} else if (side() === "front" && /^[1-9]$/.test(key) && study.querySelector("button.choice")) {
			var choice = study.querySelector('button.choice[value="' + (parseInt(key, 10) - 1) + '"]');
			if (choice) {
				e.preventDefault();
				choice.form.requestSubmit(choice);
			}
		} else if (side() === "back" && /^[1-4]$/.test(key)) {
			e.preventDefault();
			rate(key);
		} else if (side() === "back" && (key === " " || key === "Enter")) {
			if (t) return; // the focused button answers for itself
			e.preventDefault();
			var suggested = study.querySelector("button.rate.suggested");
			rate(suggested ? suggested.value : "3");
		}
	});
})();
