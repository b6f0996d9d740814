package org.tally.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contest's totals as they stood after one revision that changed its counts.
 */
public record HistoryPoint(long revision, String kind, Instant sourceUpdatedAt, Instant receivedAt, long totalVotes,
		ReportingProgress progress, List<Votes> candidates) {

	public record Votes(String name, String party, long votes, BigDecimal votePct) {
	}

}
