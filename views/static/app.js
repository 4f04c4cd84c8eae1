// factdrill's progressive enhancement. Every page works without this file;
// it adds keyboard shortcuts where they save time.
(function () {
	"use strict";

	// On a question page, number keys pick an option (1-9) when focus is not
	// in a text field.
	document.addEventListener("keydown", function (e) {
		if (e.altKey || e.ctrlKey || e.metaKey) return;
		var t = e.target;
		if (t && (t.tagName === "INPUT" && (t.type === "text" || t.type === "number") || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
		var form = document.querySelector('form[data-testid="question"]');
		if (!form) return;
		var n = parseInt(e.key, 10);
		if (n >= 1 && n <= 9) {
			var inputs = form.querySelectorAll('.options input');
			if (inputs[n - 1]) {
				inputs[n - 1].click();
				inputs[n - 1].focus();
				e.preventDefault();
			}
		}
	});
})();
