package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contest as readers see it after a revision: totals, progress, the call and the
 * computed outcome (a hint for staff, never a call).
 *
 * @param voteTypes the split by vote type: one column per type a source reported, in the
 * order of {@link VoteType#SPLIT}, candidates in the order of {@code candidates}; empty
 * when the contest has no split (never invented zeros)
 * @param unsplitVotes votes of {@code totalVotes} that no type covers ({@code totalVotes}
 * without a split, 0 when fully split)
 * @param notes what the figures are (votes unless a source said otherwise)
 */
public record ContestResult(long id, String slug, String name, String office, String district, String kind, int seats,
		Rule rule, BigDecimal threshold, boolean uncontested, long totalVotes, ReportingProgress progress,
		Long ballotsOutstanding, Long registeredVoters, Margin margin, Outcome computed, boolean decided, RaceCall call,
		long revision, Instant lastUpdated, List<CandidateResult> candidates, List<VoteTypeResult> voteTypes,
		long unsplitVotes, Turnout turnout, ContestNotes notes) implements WithTurnout {

	public ContestResult {
		notes = (notes != null) ? notes : ContestNotes.NONE;
	}

	/** Whether two or more choices share the most votes (and there are votes). */
	public boolean tiedForFirst() {
		return this.totalVotes > 0 && this.margin.runnerUp() != -1 && this.margin.votes() == 0;
	}

	/** The first choice with the most votes, or {@code null} when there are none. */
	public CandidateResult leader() {
		return this.candidates.stream().filter(CandidateResult::leading).findFirst().orElse(null);
	}

}
