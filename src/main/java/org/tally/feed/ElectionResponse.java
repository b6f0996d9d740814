package org.tally.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.ElectionState;

/**
 * One election with a line per contest. {@code language} is the default language of the
 * election's pages ("en", "es"); the feed's field names and codes are English in every
 * language. {@code digest} is the current revision's in the chain (docs/verify.md).
 */
record ElectionResponse(String slug, String name, LocalDate date, String kind, String jurisdiction, String status,
		boolean test, String language, long revision, String digest, Instant lastUpdated,
		List<ContestSummary> contests) {

	static ElectionResponse of(ElectionState election, List<ContestResult> contests) {
		return new ElectionResponse(election.slug(), election.name(), election.date(), election.kind(),
				election.jurisdiction(), election.status(), election.test(), election.language(), election.revision(),
				election.digest(), election.lastUpdated(), contests.stream().map(ContestSummary::of).toList());
	}

	record ContestSummary(String slug, String name, String office, String district, long totalVotes,
			String precinctsReportingPct, String leader, boolean tie, String callStatus, long revision,
			Instant lastUpdated) {

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
