package org.tally.feed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tally.results.VoteTypeResult;

/**
 * The split by vote type as the feed writes it (docs/contract.md §4):
 * {@code {"election-day": n, "mail": n, ...}}, only the types present, in the read
 * model's order; empty (and the key omitted) without a split.
 */
final class VoteTypesJson {

	private VoteTypesJson() {
	}

	/** Each type's votes of all choices. */
	static Map<String, Long> totals(List<VoteTypeResult> columns) {
		if (columns.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> totals = new LinkedHashMap<>();
		columns.forEach((column) -> totals.put(column.type(), column.totalVotes()));
		return Collections.unmodifiableMap(totals);
	}

	/** The choice at {@code index}'s votes of each type. */
	static Map<String, Long> of(List<VoteTypeResult> columns, int index) {
		if (columns.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> votes = new LinkedHashMap<>();
		columns.forEach((column) -> votes.put(column.type(), column.candidates().get(index).votes()));
		return Collections.unmodifiableMap(votes);
	}

}
