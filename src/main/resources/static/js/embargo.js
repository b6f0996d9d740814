// The embargo page (docs/contract.md §7): reloads itself when the results open, on the
// live event stream's opening revision, else a moment after the announced time.
(function () {
	"use strict";
	var embargo = document.getElementById("embargo");
	if (!embargo) {
		return;
	}
	var reloading = false;
	function reload() {
		if (!reloading) {
			reloading = true;
			window.location.reload();
		}
	}
	var events = embargo.getAttribute("data-events");
	if (events && window.EventSource) {
		var source = new EventSource(events);
		source.addEventListener("results", reload);
	}
	var at = Date.parse(embargo.getAttribute("data-publish-after"));
	if (!isNaN(at)) {
		// spread the readers over a few seconds after the time
		var wait = Math.max(0, at - Date.now()) + 1500 + Math.floor(Math.random() * 3000);
		window.setTimeout(reload, Math.min(wait, 2147483000));
	}
})();
