package org.tally.results;

import java.util.Objects;

/**
 * Flags a contest the votes still to come can no longer change: the votes still expected
 * when there is an estimate of the final vote, else the ballots outstanding. A computed
 * flag is a hint for staff, not a call: staff call races.
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
		return isDecided(margin, ballotsOutstanding, null);
	}

	/**
	 * Whether the runner-up cannot catch the leader even if every vote still to come went
	 * to them; the votes still expected (estimate less counted) stand in for the ballots
	 * outstanding when there is an estimate.
	 * @param margin the contest's margin
	 * @param ballotsOutstanding the staff's estimate of ballots still to count, or
	 * {@code null} when unknown
	 * @param votesRemaining the expected vote less the votes counted, or {@code null}
	 * without an estimate
	 * @return {@code true} only when what remains is known, there is a runner-up, and
	 * less remains than the margin in votes
	 * @throws IllegalArgumentException if either is negative
	 */
	public static boolean isDecided(Margin margin, Long ballotsOutstanding, Long votesRemaining) {
		if (votesRemaining != null && votesRemaining < 0) {
			throw new IllegalArgumentException("Votes remaining must not be negative, got " + votesRemaining);
		}
		Objects.requireNonNull(margin, "margin must not be null");
		if (ballotsOutstanding != null && ballotsOutstanding < 0) {
			throw new IllegalArgumentException("Ballots outstanding must not be negative, got " + ballotsOutstanding);
		}
		Long remaining = (votesRemaining != null) ? votesRemaining : ballotsOutstanding;
		return remaining != null && margin.runnerUp() != -1 && remaining < margin.votes();
	}

}
