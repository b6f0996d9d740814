package org.tally.staff;

import org.tally.kernel.InvalidRequestException;
import org.tally.results.CallStatus;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.results.projection.CallRisk;
import org.tally.results.projection.Projections;

import org.springframework.stereotype.Component;

/**
 * Asks for a reason before a race is called while the count could still turn
 * (docs/projection.md, "Call guard"): a staff call ({@code called} or {@code runoff})
 * while the estimate's margin range includes zero, or while a known remainder of votes is
 * at least the margin, needs an {@code override}. Without an estimate or a known
 * remainder there is nothing to guard. The rule is {@link CallRisk}'s (a call taken from
 * a file is noted by the same rule, never refused).
 */
@Component
class CallGuard {

	private final ResultsService results;

	private final Projections projections;

	CallGuard(ResultsService results, Projections projections) {
		this.results = results;
		this.projections = projections;
	}

	/**
	 * Why the call needs an override, or null when it does not.
	 */
	String reason(String election, String contest, String status) {
		if (!CallStatus.decides(status)) {
			return null;
		}
		ElectionResults current = this.results.results(this.results.election(election));
		ContestResult result = this.results.contest(current, contest);
		return CallRisk.reason(this.projections.of(current, result), result);
	}

	/**
	 * Throws when the call needs an override and has none; answers the reason it needed
	 * one (kept with the call), or null.
	 */
	String check(String election, String contest, CallRequest request) {
		String reason = reason(election, contest, request.status());
		if (reason != null && request.override() == null) {
			throw InvalidRequestException.of("override",
					"required to call now: " + reason + "; give the reason to call anyway");
		}
		return reason;
	}

}
