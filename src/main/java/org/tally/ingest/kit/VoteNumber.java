package org.tally.ingest.kit;

/**
 * Reads counts (votes, precincts, ballots) straight from a cell's bytes. Anything but a
 * plain whole number is refused with a reason, since a misread count is the worst thing
 * Tally can show; no exceptions or regular expressions, because every row has one.
 */
public final class VoteNumber {

	/** More than any electorate on earth: a larger count is a typo or a corrupt file. */
	public static final long MAX = 1_000_000_000_000L;

	static final long NOT_A_NUMBER = -1;

	static final long NEGATIVE = -2;

	static final long FRACTION = -3;

	public static final long THOUSANDS_SEPARATOR = -4;

	public static final long TOO_LARGE = -5;

	private VoteNumber() {
	}

	/**
	 * Parses {@code b[start, end)}: digits, optionally followed by ".0" or ".00" (as
	 * spreadsheets and pandas write whole numbers).
	 * @return the number, or a negative error code
	 */
	public static long parse(byte[] b, int start, int end) {
		int p = start;
		boolean negative = (p < end && b[p] == '-');
		if (negative) {
			p++;
		}
		long value = 0;
		boolean large = false;
		int digitsStart = p;
		while (p < end) {
			int digit = b[p] - '0';
			if (digit < 0 || digit > 9) {
				break;
			}
			if (!large) {
				value = value * 10 + digit;
				large = value > MAX;
			}
			p++;
		}
		if (p == digitsStart) {
			return NOT_A_NUMBER;
		}
		if (p < end) {
			if (b[p] == ',') {
				return isGroupedByThousands(b, digitsStart, end) ? THOUSANDS_SEPARATOR : NOT_A_NUMBER;
			}
			if (b[p] != '.') {
				return NOT_A_NUMBER;
			}
			int fractionStart = ++p;
			boolean zero = true;
			while (p < end && b[p] >= '0' && b[p] <= '9') {
				zero &= (b[p] == '0');
				p++;
			}
			if (p < end || p == fractionStart) {
				return NOT_A_NUMBER;
			}
			if (!zero || p - fractionStart > 2) {
				return negative ? NEGATIVE : FRACTION;
			}
		}
		if (negative && (value > 0 || large)) {
			return NEGATIVE;
		}
		return large ? TOO_LARGE : value;
	}

	/** Why {@link #parse} refused a cell, for staff. */
	public static String reason(long code, String cell) {
		if (code == NEGATIVE) {
			return "negative count: counts are zero or more";
		}
		if (code == FRACTION) {
			String reason = "fractional count: counts are whole numbers";
			int dot = cell.indexOf('.');
			return (dot >= 0 && cell.length() - dot - 1 == 3)
					? reason + " (if '.' separates thousands, write " + cell.replace(".", "") + ")" : reason;
		}
		if (code == THOUSANDS_SEPARATOR) {
			return "thousands separator in a count: write " + cell.replace(",", "") + " without commas";
		}
		if (code == TOO_LARGE) {
			return "count too large: more than 10^12 is not a real count";
		}
		return "not a whole number";
	}

	private static boolean isGroupedByThousands(byte[] b, int start, int end) {
		int group = 0;
		boolean first = true;
		for (int p = start; p < end; p++) {
			if (b[p] == ',') {
				if ((first && (group == 0 || group > 3)) || (!first && group != 3)) {
					return false;
				}
				first = false;
				group = 0;
			}
			else if (b[p] >= '0' && b[p] <= '9') {
				group++;
			}
			else {
				return false;
			}
		}
		return !first && group == 3;
	}

}
