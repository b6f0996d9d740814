package org.tally.results;

import java.util.Objects;

/**
 * Flags a contest the outstanding ballots can no longer change. A computed flag is a hint
 * for staff, not a call: staff call races.
 */
public final class Decided {

	private Decided() {
	}

	/**
	 * Whether the runner-up cannot catch the leader even if every outstanding ballot went
	 * to them. Meaningful for single-winner contests, where the margin is the one between
	 * first and second place.
	 * @param margin the contest's margin
	 * @param ballotsOutstanding the staff's estimate of ballots still to count, or
	 * {@code null} when unknown
	 * @return {@code true} only when the estimate is known, there is a runner-up, and
	 * fewer ballots are outstanding than the margin in votes
	 * @throws IllegalArgumentException if the estimate is negative
	 */
	public static boolean isDecided(Margin margin, Long ballotsOutstanding) {
		Objects.requireNonNull(margin, "margin must not be null");
		if (ballotsOutstanding != null && ballotsOutstanding < 0) {
			throw new IllegalArgumentException("Ballots outstanding must not be negative, got " + ballotsOutstanding);
		}
		return ballotsOutstanding != null && margin.runnerUp() != -1 && ballotsOutstanding < margin.votes();
	}

}
