package org.tally.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How far the leader is ahead of the runner-up, in votes and in percentage points.
 *
 * @param votes the leader's votes minus the runner-up's; the leader's votes when there is
 * no runner-up
 * @param points the same difference as a percent of the total votes, one decimal, rounded
 * half up
 * @param leader index of the choice with the most votes (the lowest index on a tie), or
 * -1 when there are no choices
 * @param runnerUp index of the choice with the next most votes (the lowest index on a
 * tie), or -1 when there is none
 */
public record Margin(long votes, BigDecimal points, int leader, int runnerUp) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal NO_POINTS = BigDecimal.ZERO.setScale(1);

	public Margin {
		Objects.requireNonNull(points, "points must not be null");
	}

	/**
	 * Measures the margin of a contest. On a tie for first the margin is 0. With a single
	 * choice the margin is its votes and 100.0 points (0.0 when it has none).
	 * @param votes the votes of each choice
	 * @return the margin
	 * @throws IllegalArgumentException if any count is negative
	 */
	public static Margin of(long[] votes) {
		long total = Percentages.total(votes);
		int leader = -1;
		int runnerUp = -1;
		for (int i = 0; i < votes.length; i++) {
			if (leader == -1 || votes[i] > votes[leader]) {
				runnerUp = leader;
				leader = i;
			}
			else if (runnerUp == -1 || votes[i] > votes[runnerUp]) {
				runnerUp = i;
			}
		}
		if (leader == -1) {
			return new Margin(0, NO_POINTS, -1, -1);
		}
		long difference = votes[leader] - ((runnerUp != -1) ? votes[runnerUp] : 0);
		return new Margin(difference, points(difference, total), leader, runnerUp);
	}

	private static BigDecimal points(long difference, long total) {
		if (total == 0) {
			return NO_POINTS;
		}
		return BigDecimal.valueOf(difference)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
	}

}
