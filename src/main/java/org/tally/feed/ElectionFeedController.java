package org.tally.feed;

import java.util.List;

import org.tally.results.ContestResult;
import org.tally.results.Election;
import org.tally.results.ResultsService;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public JSON feed of elections and contests.
 */
@RestController
@RequestMapping("/api/v1/elections")
class ElectionFeedController {

	static final String REVISION_HEADER = "Tally-Revision";

	private final ResultsService results;

	private final ElectionEventStream events;

	ElectionFeedController(ResultsService results, ElectionEventStream events) {
		this.results = results;
		this.events = events;
	}

	@GetMapping(path = "/{election}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String election) {
		return this.events.connect(this.results.election(election).getSlug());
	}

	@GetMapping
	List<ElectionSummaryResponse> elections() {
		return this.results.elections().stream().map(ElectionSummaryResponse::of).toList();
	}

	@GetMapping("/{election}")
	ElectionResponse election(@PathVariable String election) {
		Election found = this.results.election(election);
		return ElectionResponse.of(found, this.results.contests(found));
	}

	@GetMapping("/{election}/contests")
	ResponseEntity<List<ContestResponse>> contests(@PathVariable String election,
			@RequestParam(required = false) String office, @RequestParam(required = false) Long since) {
		Election found = this.results.election(election);
		List<ContestResponse> contests = this.results.contests(found)
			.stream()
			.filter((contest) -> office == null || contest.office().equalsIgnoreCase(office))
			.filter((contest) -> since == null || contest.revision() > since)
			.map((contest) -> ContestResponse.of(contest, found.isTest()))
			.toList();
		return ResponseEntity.ok().header(REVISION_HEADER, Long.toString(found.getRevision())).body(contests);
	}

	@GetMapping("/{election}/contests/{contest}")
	ContestResponse contest(@PathVariable String election, @PathVariable String contest) {
		Election found = this.results.election(election);
		ContestResult result = this.results.contest(found, contest);
		return ContestResponse.of(result, found.isTest());
	}

}
