package org.tally.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.ElectionState;
import org.tally.results.Embargo;

/**
 * One election with a line per contest. {@code language} is the default language of the
 * election's pages ("en", "es"); the feed's field names and codes are English in every
 * language. {@code digest} is the current revision's in the chain (docs/verify.md).
 * Before {@code publishAfter} a reader who is not staff gets no contests and
 * {@code resultsAfter}, "Results after 8:00 PM EST" (docs/contract.md §7).
 */
record ElectionResponse(String slug, String name, LocalDate date, @Schema(allowableValues = {
		"general", "primary", "special-primary", "special-general", "runoff" }) String kind, String jurisdiction,
		@Schema(allowableValues = { "scheduled", "counting", "paused", "unofficial-complete",
				"certified" }) String status,
		boolean test, String language, long revision, @Nullable String digest, @Nullable Instant lastUpdated,
		@Nullable Instant publishAfter,
		@Nullable @Schema(description = "while the counts are embargoed, when they open, in the election's time zone",
				example = "Results after 8:00 PM EST") String resultsAfter,
		List<ContestSummary> contests){

	static ElectionResponse of(ElectionState election, List<ContestResult> contests) {
		return new ElectionResponse(election.slug(), election.name(), election.date(), election.kind(),
				election.jurisdiction(), election.status(), election.test(), election.language(), election.revision(),
				election.digest(), election.lastUpdated(), election.publishAfter(), null,
				contests.stream().map(ContestSummary::of).toList());
	}

	/** The election during its embargo, for a reader who is not staff: no contests. */
	static ElectionResponse withheld(ElectionState election) {
		return new ElectionResponse(election.slug(), election.name(), election.date(), election.kind(),
				election.jurisdiction(), election.status(), election.test(), election.language(), election.revision(),
				election.digest(), election.lastUpdated(), election.publishAfter(), Embargo.resultsAfter(election),
				List.of());
	}

	record ContestSummary(String slug, String name, String office, String district, long totalVotes,
			@Nullable String precinctsReportingPct, @Nullable String leader, boolean tie, @Schema(allowableValues = {
					"not-called", "too-early", "too-close", "called", "runoff", "uncalled" }) String callStatus,
			long revision, @Nullable Instant lastUpdated){

		/**
		 * The leader is {@code null} without votes and on a tie for first ({@code tie}).
		 */
		static ContestSummary of(ContestResult contest) {
			CandidateResult leader = contest.tiedForFirst() ? null : contest.leader();
			return new ContestSummary(contest.slug(), contest.name(), contest.office(), contest.district(),
					contest.totalVotes(), contest.progress().percentLabel(), (leader != null) ? leader.name() : null,
					contest.tiedForFirst(), contest.call().status(), contest.revision(), contest.lastUpdated());
		}

	}

}
