package org.tally.results;

/**
 * A choice with its contest-wide total after the totals rule.
 */
public record ChoiceTotal(long id, long contestId, String name, String party, boolean incumbent, boolean writeIn,
		int ballotOrder, long votes) {
}
