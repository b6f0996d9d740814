package org.tally.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.Batch;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.HistoryPoint;

/**
 * A contest's totals after each revision that changed its counts, oldest first.
 */
record HistoryResponse(String election, String contest, boolean test, long revision, @Nullable String digest,
		List<Point> revisions) {

	static HistoryResponse of(ElectionResults results, ContestResult contest, List<HistoryPoint> history) {
		return new HistoryResponse(results.election().slug(), contest.slug(), results.election().test(),
				results.revision(), results.digest(), history.stream().map(Point::of).toList());
	}

	/**
	 * One revision's totals; {@code at} is the count's time (sourceUpdatedAt, else
	 * receivedAt), what a chart of the count over time puts on its x axis.
	 */
	record Point(long revision, @Schema(allowableValues = {
			"import", "correction", "call", "concession", "setup", "opening" }) String kind, Instant at,
			@Nullable Instant sourceUpdatedAt, Instant receivedAt, long totalVotes,
			@Nullable Integer precinctsReporting, @Nullable Integer precinctsTotal,
			@Nullable String precinctsReportingPct, List<Votes> candidates,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
					description = "Votes per vote type (election-day, mail, early, provisional), only the types the source reported; absent without a split",
					example = "{\"election-day\": 93802, \"early\": 57276, \"provisional\": 1223}") Map<String, Long> voteTypes,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
					description = "What this revision added to the one before: votes per choice, the batch's split (null when a correction took votes away) and the codes of the units whose counts it set") Batch added){

		static Point of(HistoryPoint point) {
			return new Point(point.revision(), point.kind(), point.at(), point.sourceUpdatedAt(), point.receivedAt(),
					point.totalVotes(), point.progress().precinctsReporting(), point.progress().precinctsTotal(),
					point.progress().percentLabel(), IntStream.range(0, point.candidates().size()).mapToObj((i) -> {
						HistoryPoint.Votes votes = point.candidates().get(i);
						return new Votes(votes.name(), votes.party(), votes.votes(), votes.votePct(), votes.voteShare(),
								VoteTypesJson.of(point.voteTypes(), i));
					}).toList(), VoteTypesJson.totals(point.voteTypes()), point.added());
		}

	}

	record Votes(String name, @Nullable String party, long votes, @Nullable BigDecimal votePct,
			@Nullable BigDecimal voteShare,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
					description = "Votes per vote type (election-day, mail, early, provisional), only the types the source reported; absent without a split",
					example = "{\"election-day\": 93802, \"early\": 57276, \"provisional\": 1223}") Map<String, Long> voteTypes) {
	}

}
