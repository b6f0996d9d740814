package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A contest's setup as stored, before any counting.
 */
public record ContestRow(long id, long electionId, String slug, String office, String district, String name,
		String kind, int seats, Rule rule, BigDecimal threshold, boolean uncontested, Integer precinctsTotal,
		Long registeredVoters, Long ballotsOutstanding, long revision, Instant lastUpdated) {
}
