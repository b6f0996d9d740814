package org.tally.feed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.tally.kernel.InvalidRequestException;
import org.tally.results.ContestResult;
import org.tally.results.ContestRounds;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;

import org.springframework.stereotype.Component;
import org.tally.results.UnitLevel;

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
		return this.responses.json(found, FeedView.ELECTION,
				() -> ElectionResponse.of(found.election(), found.contests()));
	}

	/**
	 * The contests, all of them (kept for the revision) or those of an office or changed
	 * after a revision (made for the request: clients choose these).
	 */
	Rendered contests(ElectionResults found, String office, Long since) {
		if (office == null && since == null) {
			return this.responses.json(found, FeedView.CONTESTS, () -> contestList(found, null, null));
		}
		return this.responses.json(found.revision(), contestList(found, office, since));
	}

	private static List<ContestResponse> contestList(ElectionResults found, String office, Long since) {
		boolean test = found.election().test();
		return found.contests()
			.stream()
			.filter((contest) -> office == null || contest.office().equalsIgnoreCase(office))
			.filter((contest) -> since == null || contest.revision() > since)
			.map((contest) -> ContestResponse.of(contest, test))
			.toList();
	}

	/** The contest, with its counties or precincts for {@code level}. */
	Rendered contest(ElectionResults found, ContestResult contest, Level level) {
		boolean test = found.election().test();
		return this.responses.json(found, contest.slug(), level.view,
				() -> ContestResponse.of(contest, test,
						(level != Level.NONE) ? this.results.reportingUnits(found, contest, level.unit)
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
		if (revision == null) {
			return this.responses.json(found, contest.slug(), FeedView.ROUNDS,
					() -> RoundsResponse.of(found, contest, rounds));
		}
		return this.responses.json(found.revision(), RoundsResponse.of(found, contest, rounds));
	}

	Rendered history(ElectionResults found, ContestResult contest) {
		return this.responses.json(found, contest.slug(), FeedView.HISTORY,
				() -> HistoryResponse.of(found, contest, this.results.history(found, contest)));
	}

	/** The {@code ?level=} of a contest. */
	enum Level {

		NONE(null, FeedView.CONTEST), COUNTY(UnitLevel.COUNTY, FeedView.CONTEST_COUNTIES),
		PRECINCT(UnitLevel.PRECINCT, FeedView.CONTEST_PRECINCTS);

		private final UnitLevel unit;

		private final FeedView view;

		Level(UnitLevel unit, FeedView view) {
			this.unit = unit;
			this.view = view;
		}

		/** The level, or {@link InvalidRequestException} for another value. */
		static Level of(String level) {
			if (level == null) {
				return NONE;
			}
			return switch (level) {
				case "county" -> COUNTY;
				case "precinct" -> PRECINCT;
				default -> throw InvalidRequestException.of("level", "must be county or precinct");
			};
		}

	}

	private Map<String, BigDecimal> firstChoiceVotes(ElectionResults found, ContestResult contest) {
		ContestRounds rounds = this.results.rounds(found, contest, null);
		return (rounds != null) ? rounds.firstChoiceVotes() : null;
	}

}
