package org.tally.results;

import java.util.Map;

/**
 * A choice with its contest-wide total after the totals rule, and its votes per vote type
 * (only the types it has counts of; the codes of docs/contract.md §1).
 */
public record ChoiceTotal(long id, long contestId, String name, String party, boolean incumbent, boolean writeIn,
		int ballotOrder, long votes, Map<String, Long> voteTypes) {
}
