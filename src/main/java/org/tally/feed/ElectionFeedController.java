package org.tally.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.system.EmbargoFilter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JSON feed of elections and contests. Each answer is serialized once per
 * revision and is cacheable (see docs/api.md).
 */
@RestController
@RequestMapping("/api/v1/elections")
@Tag(name = "Results feed", description = "Public, cacheable reads: strong ETag, If-None-Match answered 304, "
		+ "Cache-Control: " + PublicHttpPolicy.PUBLIC + "; a Tally-Revision header.")
class ElectionFeedController {

	private final ResultsService results;

	private final FeedBodies bodies;

	private final FeedResponses responses;

	ElectionFeedController(ResultsService results, FeedBodies bodies, FeedResponses responses) {
		this.results = results;
		this.bodies = bodies;
		this.responses = responses;
	}

	@GetMapping
	@Operation(summary = "Elections, those being counted first")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			array = @ArraySchema(schema = @Schema(implementation = ElectionSummaryResponse.class))))
	ResponseEntity<byte[]> elections() {
		return this.responses
			.ok(this.responses.json(this.results.elections().stream().map(ElectionSummaryResponse::of).toList()));
	}

	@GetMapping("/{election}")
	@Operation(summary = "One election with a summary line per contest")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = ElectionResponse.class)))
	ResponseEntity<byte[]> election(@PathVariable String election, HttpServletRequest request) {
		ElectionResults found = this.bodies.current(election);
		if (request.getAttribute(EmbargoFilter.WITHHELD) instanceof ElectionState withheld) {
			// before publishAfter (docs/contract.md §7): the election without its counts
			return this.responses.ok(found, this.responses.json(found.revision(), ElectionResponse.withheld(withheld)),
					null);
		}
		return this.responses.ok(found, this.bodies.election(found), null);
	}

	@GetMapping("/{election}/revision")
	@Operation(summary = "The election's current revision",
			description = "A tiny cacheable answer, {\"revision\": n, \"digest\": \"…\"}, for pages behind a CDN to poll: "
					+ "fetch the changed contests (?since=) only when it moves.")
	ResponseEntity<byte[]> revision(@PathVariable String election) {
		ElectionResults found = this.bodies.current(election);
		return this.responses.ok(found, this.responses.json(found, FeedView.REVISION, () -> revision(found)), null);
	}

	/**
	 * The revision and its digest in the chain (docs/verify.md; null before any
	 * revision).
	 */
	private static CurrentRevision revision(ElectionResults found) {
		return new CurrentRevision(found.revision(), found.digest());
	}

	/** The body of {@code /revision}: {@code {"revision": n, "digest": "…"}}. */
	record CurrentRevision(long revision, @Nullable String digest) {
	}

	@GetMapping("/{election}/contests")
	@Operation(summary = "Contests of the election",
			description = "Every answer carries the election's current revision in the Tally-Revision header: "
					+ "pass it as ?since= next time to get only the contests changed after it.")
	@ApiResponse(responseCode = "200",
			headers = @Header(name = FeedResponses.REVISION_HEADER, description = "the revision to ask ?since= next",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = ContestResponse.class))))
	ResponseEntity<byte[]> contests(@PathVariable String election,
			@Parameter(description = "only contests of this office (case-insensitive)",
					example = "U.S. House") @RequestParam(required = false) String office,
			@Parameter(description = "only contests changed after this revision",
					example = "3") @RequestParam(required = false) Long since) {
		ElectionResults found = this.bodies.current(election);
		Rendered body = this.bodies.contests(found, office, since);
		return this.responses.ok(found, body, null);
	}

	@GetMapping("/{election}/contests/{contest}")
	@Operation(summary = "One contest",
			description = "?level=county or precinct adds reportingUnits[]: "
					+ "per unit its code, name, level, parent, totalVotes and candidates with votes and votePct; "
					+ "a county also carries expectedVotes, expectedVotePct, votesRemaining, ballotsCast, "
					+ "registeredVoters and turnoutPct where a file gave them. "
					+ "Where the source splits the count by vote type, the contest, each candidate, each unit "
					+ "and each unit's candidates carry voteTypes: votes per election-day, mail, early, "
					+ "provisional (only the types present; the key is absent without a split).")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = ContestResponse.class),
			examples = { @ExampleObject(name = "CA-34, certified", value = ContestExample.JSON),
					@ExampleObject(name = "CA-34, election night with an expected vote",
							value = ContestExample.ELECTION_NIGHT_JSON),
					@ExampleObject(name = "Chester County PA, split by vote type", value = ContestExample.SPLIT) }))
	ResponseEntity<byte[]> contest(@PathVariable String election, @PathVariable String contest,
			@Parameter(description = "county or precinct",
					schema = @Schema(allowableValues = { "county", "precinct" })) @RequestParam(
							required = false) String level) {
		ElectionResults found = this.bodies.current(election);
		ContestResult result = this.results.contest(found, contest);
		Rendered body = this.bodies.contest(found, result, FeedBodies.Level.of(level));
		return this.responses.ok(found, body, result.lastUpdated());
	}

	@GetMapping("/{election}/contests/{contest}/history")
	@Operation(summary = "The contest's totals after each revision that changed its counts, oldest first")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = HistoryResponse.class)))
	ResponseEntity<byte[]> history(@PathVariable String election, @PathVariable String contest) {
		ElectionResults found = this.bodies.current(election);
		ContestResult result = this.results.contest(found, contest);
		Rendered body = this.bodies.history(found, result);
		return this.responses.ok(found, body, result.lastUpdated());
	}

	@GetMapping("/{election}/contests/{contest}/rounds")
	@Operation(summary = "A ranked-choice contest's rounds",
			description = "The latest RCTab report's rounds: per round each choice's tally, share and transfer, who "
					+ "was elected or eliminated, inactive ballots and the threshold. ?revision= reads an earlier "
					+ "report's rounds. 404 for a contest without rounds.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = RoundsResponse.class)))
	ResponseEntity<byte[]> rounds(@PathVariable String election, @PathVariable String contest,
			@Parameter(description = "read the rounds as they stood at this revision",
					example = "3") @RequestParam(required = false) Long revision) {
		ElectionResults found = this.bodies.current(election);
		ContestResult result = this.results.contest(found, contest);
		Rendered body = this.bodies.rounds(found, result, revision);
		if (body == null) {
			throw ContestNotFoundException.withoutRounds(found.election().slug(), contest);
		}
		return this.responses.ok(found, body, result.lastUpdated());
	}

}
