package org.tally.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the count says under a contest's rule: who wins, who advances, whether a measure
 * passes. It is computed, not called: staff call races. Ties are reported as ties and
 * never broken by ballot order.
 *
 * @param winners indices into the votes of the choices that win, most votes first
 * @param advancing indices of the choices that advance to a later election (top-two, or a
 * majority contest's runoff), most votes first
 * @param tie whether choices are tied for the last place that wins or advances; the tied
 * choices are in neither list
 * @param runoff whether a majority contest goes to a runoff
 * @param passed whether a measure passes
 * @param summary a machine-readable code: "winner", "advancing", "tie", "runoff",
 * "passes", "fails" or "no-votes"
 */
public record Outcome(List<Integer> winners, List<Integer> advancing, boolean tie, boolean runoff, boolean passed,
		String summary) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal FIFTY = BigDecimal.valueOf(50);

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private static final BigDecimal THREE = BigDecimal.valueOf(3);

	private static final BigDecimal TWO_THIRDS_LOW = new BigDecimal("66.66");

	private static final BigDecimal TWO_THIRDS_HIGH = new BigDecimal("66.7");

	public Outcome {
		winners = List.copyOf(winners);
		advancing = List.copyOf(advancing);
		Objects.requireNonNull(summary, "summary must not be null");
	}

	/**
	 * Applies a contest's rule to its votes.
	 * <ul>
	 * <li>No votes at all: nobody wins or advances ("no-votes").</li>
	 * <li>{@link Rule#PLURALITY}: the top {@code seats} win ("winner"). When the last
	 * winning place is tied with the next, the tied choices are left out and {@code tie}
	 * is set ("tie").</li>
	 * <li>{@link Rule#RANKED_CHOICE}: the votes are the final round's, and the top
	 * {@code seats} of it win, as for plurality.</li>
	 * <li>{@link Rule#TOP_TWO}: the top two advance, with the same tie rule ("advancing"
	 * or "tie").</li>
	 * <li>{@link Rule#MAJORITY}: more than half of the votes wins ("winner"); exactly
	 * half is not enough. Otherwise {@code runoff} is set and the top two advance
	 * ("runoff", or "tie" when second place is tied).</li>
	 * <li>{@link Rule#THRESHOLD}: votes are [Yes, No]; the measure passes when
	 * {@code yes * 100 / total >= threshold}, computed exactly ("passes" with winners
	 * [0], or "fails" with winners [1]). Two thresholds read as the law means them: 50 is
	 * a simple majority (more than half: a tie fails) and 66.67 (66.66 to 66.7) is
	 * two-thirds exactly.</li>
	 * </ul>
	 * @param rule the contest's rule
	 * @param seats how many choices win (vote for N); only {@link Rule#PLURALITY} and
	 * {@link Rule#RANKED_CHOICE} use it
	 * @param threshold the percent a measure needs, for example 55; required for
	 * {@link Rule#THRESHOLD}, ignored otherwise
	 * @param votes the votes of each choice; results refer to indices into it
	 * @return the outcome
	 * @throws IllegalArgumentException if votes are negative, seats are below 1, or a
	 * measure lacks a threshold in (0, 100] or does not have exactly two choices
	 */
	public static Outcome compute(Rule rule, int seats, BigDecimal threshold, long[] votes) {
		Objects.requireNonNull(rule, "rule must not be null");
		if (seats < 1) {
			throw new IllegalArgumentException("Seats must be at least 1, got " + seats);
		}
		long total = Percentages.total(votes);
		if (rule == Rule.THRESHOLD) {
			checkMeasure(threshold, votes);
		}
		if (total == 0) {
			return new Outcome(List.of(), List.of(), false, false, false, "no-votes");
		}
		List<Integer> ranked = ranked(votes);
		return switch (rule) {
			case PLURALITY, RANKED_CHOICE -> plurality(seats, ranked, votes);
			case TOP_TWO -> topTwo(ranked, votes);
			case MAJORITY -> majority(total, ranked, votes);
			case THRESHOLD -> measure(threshold, total, votes);
		};
	}

	private static Outcome plurality(int seats, List<Integer> ranked, long[] votes) {
		List<Integer> winners = clearlyIn(seats, ranked, votes);
		boolean tie = isTie(seats, ranked, votes);
		return new Outcome(winners, List.of(), tie, false, false, tie ? "tie" : "winner");
	}

	private static Outcome topTwo(List<Integer> ranked, long[] votes) {
		List<Integer> advancing = clearlyIn(2, ranked, votes);
		boolean tie = isTie(2, ranked, votes);
		return new Outcome(List.of(), advancing, tie, false, false, tie ? "tie" : "advancing");
	}

	private static Outcome majority(long total, List<Integer> ranked, long[] votes) {
		int leader = ranked.get(0);
		if (votes[leader] > total - votes[leader]) {
			return new Outcome(List.of(leader), List.of(), false, false, false, "winner");
		}
		List<Integer> advancing = clearlyIn(2, ranked, votes);
		boolean tie = isTie(2, ranked, votes);
		return new Outcome(List.of(), advancing, tie, true, false, tie ? "tie" : "runoff");
	}

	private static Outcome measure(BigDecimal threshold, long total, long[] votes) {
		BigDecimal yes = BigDecimal.valueOf(votes[0]);
		BigDecimal all = BigDecimal.valueOf(total);
		boolean passed;
		if (threshold.compareTo(FIFTY) == 0) {
			passed = yes.multiply(TWO).compareTo(all) > 0;
		}
		else if (threshold.compareTo(TWO_THIRDS_LOW) >= 0 && threshold.compareTo(TWO_THIRDS_HIGH) <= 0) {
			passed = yes.multiply(THREE).compareTo(all.multiply(TWO)) >= 0;
		}
		else {
			passed = yes.multiply(HUNDRED).compareTo(threshold.multiply(all)) >= 0;
		}
		return new Outcome(List.of(passed ? 0 : 1), List.of(), false, false, passed, passed ? "passes" : "fails");
	}

	private static void checkMeasure(BigDecimal threshold, long[] votes) {
		if (threshold == null || threshold.signum() <= 0 || threshold.compareTo(HUNDRED) > 0) {
			throw new IllegalArgumentException("A measure needs a threshold in (0, 100], got " + threshold);
		}
		if (votes.length != 2) {
			throw new IllegalArgumentException("A measure has votes for [Yes, No], got " + votes.length + " choices");
		}
	}

	/**
	 * Indices ordered by votes, most first; equal votes in index order.
	 */
	private static List<Integer> ranked(long[] votes) {
		Integer[] order = new Integer[votes.length];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, Comparator.<Integer>comparingLong((i) -> votes[i]).reversed().thenComparingInt((i) -> i));
		return Arrays.asList(order);
	}

	/**
	 * The first {@code places} of the ranking, less any choices tied with the first
	 * choice outside it.
	 */
	private static List<Integer> clearlyIn(int places, List<Integer> ranked, long[] votes) {
		if (ranked.size() <= places) {
			return List.copyOf(ranked);
		}
		long firstOut = votes[ranked.get(places)];
		List<Integer> in = new ArrayList<>(places);
		for (int index : ranked.subList(0, places)) {
			if (votes[index] > firstOut) {
				in.add(index);
			}
		}
		return in;
	}

	private static boolean isTie(int places, List<Integer> ranked, long[] votes) {
		return ranked.size() > places && votes[ranked.get(places - 1)] == votes[ranked.get(places)];
	}

}
