package org.tally.results;

import java.util.List;

/**
 * One vote type's column of a contest or unit: each choice's votes of that type, with its
 * shown percentage ({@link Percentages}, among the type's votes) and share.
 *
 * @param type the contract's code (docs/contract.md §1): {@code election-day},
 * {@code mail}, {@code early} or {@code provisional}
 * @param totalVotes all votes of the type
 * @param candidates each choice's votes of the type, in the order of the contest's
 * candidates
 */
public record VoteTypeResult(String type, long totalVotes, List<UnitResult.Votes> candidates) {

	public VoteTypeResult {
		candidates = List.copyOf(candidates);
	}

}
