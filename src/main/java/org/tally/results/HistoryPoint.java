package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contest's totals as they stood after one revision that changed its counts.
 *
 * @param revision the revision
 * @param kind the revision's kind (import, correction...)
 * @param sourceUpdatedAt when the source says the count was made, or {@code null}
 * @param receivedAt when Tally received it
 * @param totalVotes all votes after the revision
 * @param progress precincts reporting after the revision
 * @param candidates each choice's votes, shown percentage and share, in ballot order
 * @param voteTypes the split by vote type after the revision, candidates in the order of
 * {@code candidates} (empty when there was none)
 * @param added what the revision added to the previous point ({@link Batch}), or
 * {@code null} when not read
 */
public record HistoryPoint(long revision, String kind, Instant sourceUpdatedAt, Instant receivedAt, long totalVotes,
		ReportingProgress progress, List<Votes> candidates, List<VoteTypeResult> voteTypes, Batch added) {

	/** This point with the batch its revision added. */
	HistoryPoint withAdded(Batch batch) {
		return new HistoryPoint(this.revision, this.kind, this.sourceUpdatedAt, this.receivedAt, this.totalVotes,
				this.progress, this.candidates, this.voteTypes, batch);
	}

	/** The count's time: what the source says, else when Tally received it. */
	public Instant at() {
		return (this.sourceUpdatedAt != null) ? this.sourceUpdatedAt : this.receivedAt;
	}

	/**
	 * One choice after the revision.
	 *
	 * @param name the choice's name
	 * @param party its party, or null
	 * @param votes its votes
	 * @param votePct its shown percentage, one decimal
	 * @param voteShare the unrounded share, 6 decimals
	 */
	public record Votes(String name, String party, long votes, BigDecimal votePct, BigDecimal voteShare) {
	}

}
