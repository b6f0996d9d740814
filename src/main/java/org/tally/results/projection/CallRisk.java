package org.tally.results.projection;

import org.tally.results.ContestResult;

/**
 * When a race call comes while the count could still turn (docs/projection.md, "Call
 * guard"): the estimate's margin range includes zero, or a known remainder of votes is at
 * least the margin. A staff call then needs an {@code override}; a call taken from a file
 * ({@code calls=ap}) is recorded with a note saying so.
 */
public final class CallRisk {

	private CallRisk() {
	}

	/**
	 * Why a call of the contest now would need an override, or null when it would not.
	 * @param projection the contest's estimate
	 * @param contest the contest's count
	 */
	public static String reason(Projection projection, ContestResult contest) {
		if ("estimating".equals(projection.status()) && projection.margin() != null
				&& projection.margin().votes().low() <= 0) {
			return "the estimate's 90% margin range (" + projection.margin().votes().low() + " to "
					+ projection.margin().votes().high() + " votes) includes zero";
		}
		Long remaining = contest.votesRemaining();
		if (remaining != null && remaining > 0 && remaining >= contest.margin().votes()) {
			return remaining + " votes are still expected, at least the margin of " + contest.margin().votes();
		}
		return null;
	}

}
