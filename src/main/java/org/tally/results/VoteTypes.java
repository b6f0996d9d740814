package org.tally.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The split of a count by vote type (docs/contract.md §2), computed here and nowhere
 * else: the types in their canonical order, one column per type a source reported (never
 * a column of invented zeros), each with its percentages.
 */
public final class VoteTypes {

	private VoteTypes() {
	}

	/**
	 * The position of a type in {@link VoteType#SPLIT}, or -1 ({@code total}, unknown).
	 */
	public static int indexOf(String type) {
		return VoteType.find(type).map(VoteType::splitIndex).orElse(-1);
	}

	/**
	 * The columns of the types present.
	 * @param names each choice's name, in the contest's candidate order
	 * @param parties each choice's party (or null), in the same order
	 * @param votes per type of {@link VoteType#SPLIT} (by index), each choice's votes in
	 * that order, or {@code null} when no count of the type exists
	 */
	static List<VoteTypeResult> columns(List<String> names, List<String> parties, long[][] votes) {
		List<VoteTypeResult> columns = new ArrayList<>();
		for (int t = 0; t < VoteType.SPLIT.size(); t++) {
			long[] column = votes[t];
			if (column == null) {
				continue;
			}
			long total = Percentages.total(column);
			BigDecimal[] percents = Percentages.percents(column);
			List<UnitResult.Votes> candidates = new ArrayList<>(column.length);
			for (int i = 0; i < column.length; i++) {
				candidates.add(new UnitResult.Votes(names.get(i), parties.get(i), column[i], percents[i],
						Percentages.share(column[i], total)));
			}
			columns.add(new VoteTypeResult(VoteType.SPLIT.get(t).code(), total, candidates));
		}
		return List.copyOf(columns);
	}

	/** One choice's votes per type present, in canonical order. */
	static Map<String, Long> ofChoice(long[][] votes, int choice) {
		Map<String, Long> types = new LinkedHashMap<>();
		for (int t = 0; t < VoteType.SPLIT.size(); t++) {
			if (votes[t] != null) {
				types.put(VoteType.SPLIT.get(t).code(), votes[t][choice]);
			}
		}
		return types.isEmpty() ? Map.of() : Collections.unmodifiableMap(types);
	}

	/**
	 * Votes of {@code total} not covered by any type: 0 when fully split (or when the
	 * parts exceed a stated total, which wins: docs/contract.md §2).
	 */
	static long unsplit(long total, List<VoteTypeResult> columns) {
		long split = 0;
		for (VoteTypeResult column : columns) {
			split += column.totalVotes();
		}
		return Math.max(0, total - split);
	}

	/** An empty split: one null column per type. */
	static long[][] none() {
		return new long[VoteType.SPLIT.size()][];
	}

}
