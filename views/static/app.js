// factdrill's progressive enhancement. Every page works without this file;
// it adds keyboard shortcuts where they save time.
(function () {
	"use strict";

	// On a question page, number keys pick an option (1-9), and F ticks or
	// unticks "Flag for review", when focus is not in a text field.
	document.addEventListener("keydown", function (e) {
		if (e.altKey || e.ctrlKey || e.metaKey) return;
		var t = e.target;
		if (t && (t.tagName === "INPUT" && (t.type === "text" || t.type === "number") || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
		var form = document.querySelector('form[data-testid="question"]');
		if (!form) return;
		if (e.key === "f" || e.key === "F") {
			var flag = form.querySelector('input[name="flag"]');
			if (flag) {
				flag.click();
				e.preventDefault();
			}
			return;
		}
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

	// The time limit: the server's deadline is the truth (the page says
	// when it is, in UTC, without this script). Here the clock counts down
	// each second, corrected for the difference between this computer's
	// clock and the server's; screen readers hear the time left only at
	// sensible moments, not every second; the answer on the page is saved
	// just before the end, and at the end the page reloads, which shows
	// the result the server handed in.
	var timer = document.querySelector('[data-testid="timer"]');
	if (timer) {
		var deadline = Date.parse(timer.getAttribute("data-deadline"));
		var skew = Date.parse(timer.getAttribute("data-now")) - Date.now();
		var left = timer.querySelector("[data-timer-left]");
		var live = timer.querySelector("[data-timer-live]");
		var end = timer.querySelector("[data-timer-end]");
		var form = document.querySelector('form[data-testid="question"]');
		var pad = function (n) { return (n < 10 ? "0" : "") + n; };
		var remaining = function () { return deadline - (Date.now() + skew); };
		var atLoad = remaining();
		end.textContent = new Date(deadline).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
		// Moments to speak at, in seconds left: every 5 minutes down to 10
		// minutes, then 5, 2 and 1 minutes, 30 and 10 seconds.
		var moments = [600, 300, 120, 60, 30, 10];
		for (var m = 3600 * 24; m > 600; m -= 300) moments.push(m);
		var spoken = {};
		var say = function (secs) {
			if (secs >= 120) return Math.round(secs / 60) + " minutes left";
			if (secs >= 60) return "1 minute left";
			return secs + " seconds left";
		};
		var saving = false;
		var tick = function () {
			var ms = remaining();
			var secs = Math.max(0, Math.ceil(ms / 1000));
			var h = Math.floor(secs / 3600), mins = Math.floor(secs % 3600 / 60), s = secs % 60;
			left.textContent = h > 0 ? h + ":" + pad(mins) + ":" + pad(s) : mins + ":" + pad(s);
			timer.classList.toggle("timer-low", secs <= 60);
			moments.forEach(function (mark) {
				if (secs <= mark && atLoad / 1000 > mark && !spoken[mark]) {
					spoken[mark] = true;
					live.textContent = say(mark);
				}
			});
			if (form && !saving && ms <= 3000 && atLoad > 3000) {
				saving = true;
				var nav = document.createElement("input");
				nav.type = "hidden";
				nav.name = "nav";
				nav.value = "stay";
				form.appendChild(nav);
				live.textContent = "Time is up: saving your answer";
				form.submit();
				return;
			}
			if (ms <= -1000) {
				location.reload();
				return;
			}
			// Next when the time left reaches a whole second.
			setTimeout(tick, ((ms % 1000) + 1000) % 1000 || 1000);
		};
		tick();
	}
})();
