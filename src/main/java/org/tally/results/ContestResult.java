package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contest as readers see it after a revision: totals, progress, the call and the
 * computed outcome (a hint for staff, never a call).
 */
public record ContestResult(long id, String slug, String name, String office, String district, String kind, int seats,
		Rule rule, BigDecimal threshold, boolean uncontested, long totalVotes, ReportingProgress progress,
		Long ballotsOutstanding, Long registeredVoters, Margin margin, Outcome computed, boolean decided, RaceCall call,
		long revision, Instant lastUpdated, List<CandidateResult> candidates) {

	/** Whether two or more choices share the most votes (and there are votes). */
	public boolean tiedForFirst() {
		return this.totalVotes > 0 && this.margin.runnerUp() != -1 && this.margin.votes() == 0;
	}

	/** The first choice with the most votes, or {@code null} when there are none. */
	public CandidateResult leader() {
		return this.candidates.stream().filter(CandidateResult::leading).findFirst().orElse(null);
	}

}
