package org.tally.web;

import org.tally.results.ResultsService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every public page needs to know about keeping live: whether the results shown may
 * be behind because the database is out of reach ({@code resultsDelayed}, a quiet note in
 * the status line), and how the page follows new revisions ({@code tally.live.mode}):
 * {@code events} (Server-Sent Events, the default) or {@code poll} (the small cacheable
 * {@code /revision} resource every {@code tally.live.poll-seconds}, for deployments
 * behind a CDN, where event streams do not fan out).
 */
@ControllerAdvice(basePackageClasses = LivePages.class)
class LivePages {

	private final ResultsService results;

	private final boolean poll;

	private final int pollSeconds;

	LivePages(ResultsService results, @Value("${tally.live.mode:events}") String mode,
			@Value("${tally.live.poll-seconds:5}") int pollSeconds) {
		this.results = results;
		this.poll = "poll".equalsIgnoreCase(mode.strip());
		this.pollSeconds = Math.max(1, pollSeconds);
	}

	/** Asked when the page is rendered, after the handler has tried the database. */
	@ModelAttribute("resultsDelayed")
	Delayed resultsDelayed() {
		return new Delayed(this.results);
	}

	@ModelAttribute("livePoll")
	boolean livePoll() {
		return this.poll;
	}

	@ModelAttribute("livePollSeconds")
	int livePollSeconds() {
		return this.pollSeconds;
	}

	record Delayed(ResultsService results) {

		public boolean now() {
			return this.results.delayed();
		}

	}

}
