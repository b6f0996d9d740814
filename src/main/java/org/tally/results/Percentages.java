package org.tally.results;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Vote percentages as the desk shows them, computed here and nowhere else. Rounding each
 * share on its own can make a contest add up to 99.9 or 100.1, so displayed values use
 * largest-remainder rounding and sum to exactly 100.0, except that equal votes always
 * show equal percentages (docs/contract.md §2).
 */
public final class Percentages {

	private static final int WHOLE = 1000;

	private static final BigInteger BIG_WHOLE = BigInteger.valueOf(WHOLE);

	private static final int SHARE_SCALE = 6;

	private Percentages() {
	}

	/**
	 * One decimal place, largest-remainder rounding (docs/contract.md §2): returns tenths
	 * of a percent (e.g. 601 = 60.1%); all zeros when total is 0. The tenths left after
	 * flooring go to the largest remainders; among equal remainders to more votes, then
	 * the lower index. Choices with equal votes always get equal values, which wins over
	 * the sum: a tied group that cannot take a tenth each takes none, and rounding stops
	 * there (1/1/1 shows 33.3 each). So the values sum to exactly 1000 when no two
	 * choices tie, and otherwise fall short by less than the size of the largest tied
	 * group. Each value is within 0.1 of the exact percentage, and more votes never show
	 * a smaller percent.
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
		// equal votes have equal remainders, so a tied group sits together in the order
		int at = 0;
		while (left > 0 && at < order.length) {
			int end = at + 1;
			while (end < order.length && votes[order[end]] == votes[order[at]]) {
				end++;
			}
			if (end - at > left) {
				break;
			}
			for (int k = at; k < end; k++) {
				tenths[order[k]]++;
			}
			left -= end - at;
			at = end;
		}
		return tenths;
	}

	/**
	 * One decimal place as a number: {@code 601} becomes {@code 60.1}.
	 * @param tenths tenths of a percent
	 * @return the percent with scale 1
	 */
	public static BigDecimal percent(int tenths) {
		return BigDecimal.valueOf(tenths, 1);
	}

	/**
	 * The one-decimal percentages of {@link #tenthsOfPercent} as numbers.
	 * @param votes the votes of each choice, in ballot order
	 * @return one percent with scale 1 per choice
	 */
	public static BigDecimal[] percents(long[] votes) {
		int[] tenths = tenthsOfPercent(votes);
		BigDecimal[] percents = new BigDecimal[tenths.length];
		for (int i = 0; i < tenths.length; i++) {
			percents[i] = percent(tenths[i]);
		}
		return percents;
	}

	/**
	 * The one-decimal percentages of {@link #tenthsOfPercent} for counts with decimals (a
	 * ranked-choice round's fractional transfers): the counts are scaled by the same
	 * power of ten to whole numbers, which keeps every share exact, so the one rule
	 * applies unchanged.
	 * @param votes the votes of each choice, none negative or null
	 * @return one percent with scale 1 per choice, all zeros when the total is 0
	 * @throws IllegalArgumentException if any count is negative
	 * @throws ArithmeticException if a scaled count does not fit in a {@code long}
	 */
	public static BigDecimal[] percents(BigDecimal[] votes) {
		int scale = 0;
		for (BigDecimal vote : votes) {
			scale = Math.max(scale, vote.stripTrailingZeros().scale());
		}
		long[] whole = new long[votes.length];
		for (int i = 0; i < votes.length; i++) {
			whole[i] = votes[i].setScale(scale).unscaledValue().longValueExact();
		}
		return percents(whole);
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
