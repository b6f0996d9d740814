package org.tally.results;

/**
 * How many of a contest's precincts have reported. Readers take "100%" to mean the count
 * is in, so the percentage is floored and shows 100 only once every precinct is in.
 *
 * @param precinctsReporting precincts that have reported, or {@code null} when unknown
 * @param precinctsTotal precincts in the contest, or {@code null} when unknown
 */
public record ReportingProgress(Integer precinctsReporting, Integer precinctsTotal) {

	public ReportingProgress {
		if (precinctsReporting != null && precinctsReporting < 0) {
			throw new IllegalArgumentException("Precincts reporting must not be negative, got " + precinctsReporting);
		}
		if (precinctsTotal != null && precinctsTotal < 0) {
			throw new IllegalArgumentException("Precincts total must not be negative, got " + precinctsTotal);
		}
		if (precinctsReporting != null && precinctsTotal != null && precinctsReporting > precinctsTotal) {
			throw new IllegalArgumentException(
					"Precincts reporting " + precinctsReporting + " exceeds precincts total " + precinctsTotal);
		}
	}

	/**
	 * Whole percent of precincts reporting, floored, so it is 100 only when all are in.
	 * @return the percent, 0 when some but under 1% are in, or {@code null} when either
	 * count is unknown or the total is 0
	 */
	public Integer percent() {
		if (this.precinctsReporting == null || this.precinctsTotal == null || this.precinctsTotal == 0) {
			return null;
		}
		return (int) ((long) this.precinctsReporting * 100 / this.precinctsTotal);
	}

	/**
	 * The percent as displayed: {@code "<1"} when some but under 1% are in, never "100"
	 * until every precinct is in.
	 * @return the label, or {@code null} when {@link #percent()} is {@code null}
	 */
	public String percentLabel() {
		Integer percent = percent();
		if (percent == null) {
			return null;
		}
		return (percent == 0 && this.precinctsReporting > 0) ? "<1" : String.valueOf(percent);
	}

}
