package org.tally.feed;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.tally.results.ContestResult;
import org.tally.results.ContestRounds;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;

import org.springframework.stereotype.Component;

/**
 * The JSON bodies of the feed, each serialized once per revision under one key, so the
 * controllers and {@link FeedFastPath} answer with the same bytes and the same ETag.
 */
@Component
class FeedBodies {

	private final ResultsService results;

	private final FeedResponses responses;

	FeedBodies(ResultsService results, FeedResponses responses) {
		this.results = results;
		this.responses = responses;
	}

	/** The election's results as they stand now (from memory between revisions). */
	ElectionResults current(String election) {
		return this.results.results(this.results.current(election));
	}

	Rendered election(ElectionResults found) {
		return this.responses.json(found, List.of("election"),
				() -> ElectionResponse.of(found.election(), found.contests()));
	}

	Rendered contests(ElectionResults found, String office, Long since) {
		boolean test = found.election().test();
		return this.responses.json(found, Arrays.asList("contests", office, since),
				() -> found.contests()
					.stream()
					.filter((contest) -> office == null || contest.office().equalsIgnoreCase(office))
					.filter((contest) -> since == null || contest.revision() > since)
					.map((contest) -> ContestResponse.of(contest, test))
					.toList());
	}

	Rendered contest(ElectionResults found, ContestResult contest, String level) {
		boolean test = found.election().test();
		return this.responses.json(found, Arrays.asList("contest", contest.slug(), level),
				() -> ContestResponse.of(contest, test,
						(level != null) ? this.results.reportingUnits(found, contest, level)
							.stream()
							.map(ReportingUnitResponse::of)
							.toList() : null,
						firstChoiceVotes(found, contest)));
	}

	/** The contest's rounds, or {@code null} when it has none. */
	Rendered rounds(ElectionResults found, ContestResult contest, Long revision) {
		ContestRounds rounds = this.results.rounds(found, contest, revision);
		if (rounds == null) {
			return null;
		}
		return this.responses.json(found, Arrays.asList("rounds", contest.slug(), revision),
				() -> RoundsResponse.of(found, contest, rounds));
	}

	Rendered history(ElectionResults found, ContestResult contest) {
		return this.responses.json(found, List.of("history", contest.slug()),
				() -> HistoryResponse.of(found, contest, this.results.history(found, contest)));
	}

	private Map<String, BigDecimal> firstChoiceVotes(ElectionResults found, ContestResult contest) {
		ContestRounds rounds = this.results.rounds(found, contest, null);
		return (rounds != null) ? rounds.firstChoiceVotes() : null;
	}

}
