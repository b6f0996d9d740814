package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A contest's setup as stored, before any counting.
 *
 * @param expectedVotes staff's estimate of the contest's final vote, or {@code null}
 * @param ballotsCast ballots cast as staff set them, or {@code null}
 * @param notes what the figures are (votes unless a source said otherwise)
 */
public record ContestRow(long id, long electionId, String slug, String office, String district, String name,
		String kind, int seats, Rule rule, BigDecimal threshold, boolean uncontested, Integer precinctsTotal,
		Long registeredVoters, Long ballotsOutstanding, long revision, Instant lastUpdated, Long expectedVotes,
		Long ballotsCast, ContestNotes notes) {

	public ContestRow {
		notes = (notes != null) ? notes : ContestNotes.NONE;
	}

	/** A contest whose figures are votes. */
	public ContestRow(long id, long electionId, String slug, String office, String district, String name, String kind,
			int seats, Rule rule, BigDecimal threshold, boolean uncontested, Integer precinctsTotal,
			Long registeredVoters, Long ballotsOutstanding, long revision, Instant lastUpdated, Long expectedVotes,
			Long ballotsCast) {
		this(id, electionId, slug, office, district, name, kind, seats, rule, threshold, uncontested, precinctsTotal,
				registeredVoters, ballotsOutstanding, revision, lastUpdated, expectedVotes, ballotsCast,
				ContestNotes.NONE);
	}

}
