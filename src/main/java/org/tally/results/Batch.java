package org.tally.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The votes one revision added to a contest: the difference between its totals after the
 * revision and before it, the batch's split by the one rounding rule
 * ({@link Percentages}), and the units whose counts it set (docs/feed.md, "Batches"). A
 * correction can take votes away: then a choice's votes are negative and the batch has no
 * split ({@code votePct} null), since a share of a negative batch means nothing.
 *
 * @param totalVotes the votes added (negative when a correction took more away)
 * @param candidates each choice's added votes and share of the batch, in ballot order
 * @param units the codes of the units whose counts the revision set, sorted
 * @param unitLevel {@code precinct} or {@code county} when every unit is one, else
 * {@code unit}
 */
public record Batch(long totalVotes, List<ChoiceAdded> candidates, List<String> units, String unitLevel) {

	public Batch {
		candidates = List.copyOf(candidates);
		units = List.copyOf(units);
	}

	/**
	 * The batch between two states of a contest's totals, choices matched by name (a
	 * choice missing before had no votes).
	 * @param names the choices after the revision, in ballot order
	 * @param after their votes after it
	 * @param before votes per choice name before it (empty for the first revision)
	 */
	public static Batch between(List<String> names, long[] after, Map<String, Long> before, List<String> units,
			String unitLevel) {
		long[] added = new long[after.length];
		boolean taken = false;
		long total = 0;
		for (int i = 0; i < after.length; i++) {
			added[i] = after[i] - before.getOrDefault(names.get(i), 0L);
			taken |= added[i] < 0;
			total += added[i];
		}
		BigDecimal[] percents = (taken) ? null : Percentages.percents(added);
		List<ChoiceAdded> candidates = new ArrayList<>(after.length);
		for (int i = 0; i < after.length; i++) {
			candidates.add(new ChoiceAdded(names.get(i), added[i], (percents != null) ? percents[i] : null));
		}
		return new Batch(total, candidates, units, unitLevel);
	}

	/** Votes per choice name, what {@link #between} takes as {@code before}. */
	public static Map<String, Long> byName(List<String> names, long[] votes) {
		Map<String, Long> byName = new HashMap<>();
		for (int i = 0; i < votes.length; i++) {
			byName.put(names.get(i), votes[i]);
		}
		return byName;
	}

	/**
	 * The level word of a set of units: {@code precinct} or {@code county} when all are
	 * one, {@code unit} otherwise.
	 */
	public static String levelOf(List<String> levels) {
		String level = null;
		for (String each : levels) {
			if (level == null) {
				level = each;
			}
			else if (!level.equals(each)) {
				return "unit";
			}
		}
		return ("precinct".equals(level) || "county".equals(level)) ? level : "unit";
	}

	/** How many units the revision touched. */
	public int unitsTouched() {
		return this.units.size();
	}

	/**
	 * One choice's part of the batch.
	 *
	 * @param name the choice's name
	 * @param votes the votes the revision added (negative when a correction took some)
	 * @param votePct its share of the batch, one decimal, largest-remainder rounded;
	 * {@code null} when the batch took votes from any choice
	 */
	public record ChoiceAdded(String name, long votes, @Nullable BigDecimal votePct) {
	}

}
