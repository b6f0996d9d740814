package org.tally.results;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Vote percentages as the desk shows them. Rounding each share on its own can make a
 * contest add up to 99.9 or 100.1, so displayed values use largest-remainder rounding and
 * always sum to exactly 100.0.
 */
public final class Percentages {

	private static final int WHOLE = 1000;

	private static final BigInteger BIG_WHOLE = BigInteger.valueOf(WHOLE);

	private static final int SHARE_SCALE = 6;

	private Percentages() {
	}

	/**
	 * One decimal place, largest-remainder rounding: returns tenths of a percent (e.g.
	 * 601 = 60.1%) that sum to exactly 1000 whenever any votes exist; all zeros when
	 * total is 0. Ties in remainders: the larger vote count first, then lower index. Each
	 * value is within 0.1 of the exact percentage, and more votes never show a smaller
	 * percent than fewer votes.
	 * @param votes the votes of each choice, in ballot order
	 * @return tenths of a percent, one per choice, in the same order
	 * @throws IllegalArgumentException if any count is negative
	 * @throws ArithmeticException if the total does not fit in a {@code long}
	 */
	public static int[] tenthsOfPercent(long[] votes) {
		long total = total(votes);
		int[] tenths = new int[votes.length];
		if (total == 0) {
			return tenths;
		}
		long[] remainders = new long[votes.length];
		int left = WHOLE;
		for (int i = 0; i < votes.length; i++) {
			long[] quotientAndRemainder = thousandthsOf(votes[i], total);
			tenths[i] = (int) quotientAndRemainder[0];
			remainders[i] = quotientAndRemainder[1];
			left -= tenths[i];
		}
		Integer[] order = new Integer[votes.length];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order,
				Comparator.<Integer>comparingLong((i) -> remainders[i])
					.thenComparingLong((i) -> votes[i])
					.reversed()
					.thenComparingInt((i) -> i));
		for (int i = 0; i < left; i++) {
			tenths[order[i]]++;
		}
		return tenths;
	}

	/**
	 * Unrounded fraction votes/total rounded to 6 decimals (HALF_EVEN), for programs;
	 * 0.000000 when total is 0.
	 * @param votes the votes of one choice
	 * @param total the contest's total votes
	 * @return the share, always with scale 6
	 * @throws IllegalArgumentException if either is negative or votes exceed total
	 */
	public static BigDecimal share(long votes, long total) {
		if (votes < 0 || total < 0 || votes > total) {
			throw new IllegalArgumentException(
					"Share needs 0 <= votes <= total, got votes " + votes + " of total " + total);
		}
		if (total == 0) {
			return BigDecimal.ZERO.setScale(SHARE_SCALE);
		}
		return BigDecimal.valueOf(votes).divide(BigDecimal.valueOf(total), SHARE_SCALE, RoundingMode.HALF_EVEN);
	}

	/**
	 * "60.1" style formatting of tenths of a percent.
	 * @param tenths tenths of a percent, for example 601
	 * @return the percent with one decimal, for example "60.1"
	 */
	public static String format(int tenths) {
		long magnitude = Math.abs((long) tenths);
		return ((tenths < 0) ? "-" : "") + (magnitude / 10) + "." + (magnitude % 10);
	}

	static long total(long[] votes) {
		Objects.requireNonNull(votes, "votes must not be null");
		long total = 0;
		for (int i = 0; i < votes.length; i++) {
			if (votes[i] < 0) {
				throw new IllegalArgumentException("Votes must not be negative, got " + votes[i] + " at " + i);
			}
			total = Math.addExact(total, votes[i]);
		}
		return total;
	}

	/**
	 * Returns floor(votes * 1000 / total) and its remainder, without overflowing.
	 */
	private static long[] thousandthsOf(long votes, long total) {
		if (votes <= Long.MAX_VALUE / WHOLE) {
			long scaled = votes * WHOLE;
			return new long[] { scaled / total, scaled % total };
		}
		BigInteger[] quotientAndRemainder = BigInteger.valueOf(votes)
			.multiply(BIG_WHOLE)
			.divideAndRemainder(BigInteger.valueOf(total));
		return new long[] { quotientAndRemainder[0].longValueExact(), quotientAndRemainder[1].longValueExact() };
	}

}
