// factdrill's teacher pages: small enhancements. Every page works without
// this file (the CSP allows no inline script; this one is served from
// /static/).
(function () {
	"use strict";

	// A form marked data-confirm asks before it submits: a merge or a
	// removal. Deleting a set or a class asks with a required box instead,
	// which works without script.
	document.addEventListener("submit", function (e) {
		var form = e.target;
		var msg = form && form.getAttribute && form.getAttribute("data-confirm");
		if (msg && !window.confirm(msg)) {
			e.preventDefault();
		}
	});

	// A form marked data-once (an upload, a generation) sends once: its
	// buttons are disabled once it is on its way, after the browser has
	// taken the pressed button's value. The server refuses a double upload
	// too (web/upload_twice.go).
	document.addEventListener("submit", function (e) {
		var form = e.target;
		if (e.defaultPrevented || !form.hasAttribute || !form.hasAttribute("data-once")) {
			return;
		}
		window.setTimeout(function () {
			form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) {
				b.disabled = true;
				b.setAttribute("aria-busy", "true");
			});
		}, 0);
	});

	// A print button (the sign-in cards) prints the page; without script
	// it stays hidden and the browser's own Print does the same.
	document.querySelectorAll("[data-print]").forEach(function (b) {
		b.hidden = false;
		b.addEventListener("click", function () { window.print(); });
	});
})();
