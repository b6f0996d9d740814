// Tally's pages work without this script. With it: the live status of the event stream,
// the "new numbers" cue on cards the stream changed, and filtering cards as you type.
(function () {
	'use strict';

	var state = document.getElementById('live-state');
	var fetcher = document.getElementById('live-fetch');
	// Counts may change between rendering the page and subscribing: catch up on first open too.
	var lostConnection = true;
	var CUE_MILLIS = 60000;
	// The page's language: its words come with the page (data-text-* on #live-state, from
	// the message bundles) and its clock is formatted for the page's locale (<html lang>).
	var locale = document.documentElement.lang || 'en-US';

	function text(name, count, time) {
		var words = (state && state.dataset['text' + name]) || '';
		return words.replace('{0}', String(count)).replace('{1}', time || '');
	}

	// The same clock as the rest of the page: the election's time zone.
	function clock() {
		var options = { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' };
		var zone = state && state.dataset.timeZone;
		try {
			return new Date().toLocaleTimeString(locale, zone ? Object.assign({ timeZone: zone }, options) : options);
		}
		catch (e) {
			return new Date().toLocaleTimeString(locale, options);
		}
	}

	function show(name, text) {
		if (!state) {
			return;
		}
		state.hidden = false;
		state.dataset.state = name;
		state.textContent = text;
	}

	document.body.addEventListener('htmx:sseOpen', function () {
		stopPolling();
		show('live', text('On'));
		if (lostConnection && fetcher) {
			htmx.trigger(fetcher, 'tally:catchup');
		}
		lostConnection = false;
	});

	document.body.addEventListener('htmx:sseError', function (event) {
		lostConnection = true;
		show('reconnecting', text('Reconnecting'));
		// A closed source was refused (an HTTP error, such as 503 from an instance whose
		// streams are full): a browser's EventSource gives up then. Follow the revision
		// resource instead until the extension's next attempt opens a stream again.
		var source = event.detail && event.detail.source;
		if (source && source.readyState === 2 && live && live.dataset.pollFallback) {
			startPolling(live.dataset.pollFallback, live.dataset.pollSeconds);
		}
	});

	document.body.addEventListener('htmx:afterRequest', function (event) {
		if (event.detail.elt !== fetcher) {
			return;
		}
		if (!event.detail.successful) {
			show('reconnecting', text('Failed'));
			return;
		}
		window.setTimeout(markUpdated, 50);
	});

	function markUpdated() {
		var target = fetcher.getAttribute('hx-target');
		if (target) {
			var swapped = document.querySelector(target);
			if (swapped) {
				swapped.classList.add('is-updated');
			}
		}
		var fresh = document.querySelectorAll('.card.is-updated:not([data-cued])');
		fresh.forEach(function (card) {
			card.setAttribute('data-cued', '');
			window.setTimeout(function () {
				card.classList.remove('is-updated');
			}, CUE_MILLIS);
		});
		applyFilter();
		if (fresh.length > 0) {
			show('updated', text(fresh.length === 1 ? 'UpdatedOne' : 'UpdatedMany', fresh.length, clock()));
		}
		document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
	}

	// Poll mode (tally.live.mode=poll, for deployments behind a CDN, or while an event stream
	// is refused): instead of an event stream, ask the small cacheable revision resource every
	// few seconds (through the same caches as everyone else) and fetch the changed cards only
	// when it has moved.
	var live = document.getElementById('live');
	var since = document.getElementById('live-since');
	var pollTimer = null;
	var polling = false;

	function startPolling(url, seconds) {
		if (pollTimer !== null || !fetcher) {
			return;
		}
		pollTimer = window.setInterval(function () {
			if (polling || document.hidden) {
				return;
			}
			polling = true;
			fetch(url, { headers: { Accept: 'application/json' } })
				.then(function (response) {
					if (!response.ok) {
						throw new Error(String(response.status));
					}
					return response.json();
				})
				.then(function (body) {
					var shown = Number(since && since.value) || 0;
					if (body.revision > shown) {
						htmx.trigger(fetcher, 'tally:catchup');
					}
					else if (state && state.dataset.state === 'reconnecting') {
						show('live', text('On'));
					}
				})
				.catch(function () {
					show('reconnecting', text('Reconnecting'));
				})
				.finally(function () {
					polling = false;
				});
		}, 1000 * Math.max(1, Number(seconds) || 5));
	}

	function stopPolling() {
		if (pollTimer !== null) {
			window.clearInterval(pollTimer);
			pollTimer = null;
		}
	}

	if (live && live.dataset.poll) {
		show('live', text('On'));
		startPolling(live.dataset.poll, live.dataset.pollSeconds);
	}

	// Filtering as you type; the same form works without JavaScript as a GET request.
	var form = document.getElementById('filters');
	var query = document.getElementById('filter-q');
	var office = document.getElementById('filter-office');
	var count = document.getElementById('shown-count');
	var empty = document.getElementById('no-match');
	var serverFiltered = form !== null && form.dataset.filtered === 'true';

	function applyFilter() {
		if (!form || serverFiltered) {
			return;
		}
		var words = query.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
		var wanted = office.value.toLowerCase();
		var shown = 0;
		document.querySelectorAll('#cards .card').forEach(function (card) {
			var text = card.dataset.search || '';
			var match = (!wanted || (card.dataset.office || '').toLowerCase() === wanted)
				&& words.every(function (word) { return text.indexOf(word) !== -1; });
			card.hidden = !match;
			if (match) {
				shown++;
			}
		});
		count.textContent = String(shown);
		empty.hidden = shown > 0;
	}

	function filterChanged(event) {
		if (serverFiltered) {
			// This page holds only the contests the server matched: ask it again.
			if (event.type === 'change') {
				form.submit();
			}
			return;
		}
		applyFilter();
		var params = new URLSearchParams();
		if (form.elements.lang && form.elements.lang.value) {
			params.set('lang', form.elements.lang.value);
		}
		if (office.value) {
			params.set('office', office.value);
		}
		if (query.value.trim()) {
			params.set('q', query.value.trim());
		}
		var search = params.toString();
		history.replaceState(null, '', location.pathname + (search ? '?' + search : ''));
	}

	if (form) {
		query.addEventListener('input', filterChanged);
		office.addEventListener('change', filterChanged);
	}
})();
