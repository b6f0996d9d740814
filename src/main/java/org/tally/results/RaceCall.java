package org.tally.results;

import java.time.Instant;
import java.util.List;

/**
 * The current staff decision on a contest. A contest nobody called is {@code not-called}.
 * {@code calledBy} is the role of who called it as the revision recorded it, or
 * {@code null} when nobody did: readers see roles, never user names (docs/security.md).
 */
public record RaceCall(String status, List<String> winners, List<String> advancing, Instant calledAt,
		RecordedRole calledBy, String note) {

	public static final RaceCall NOT_CALLED = new RaceCall(CallStatus.NOT_CALLED.code(), List.of(), List.of(), null,
			null, null);

	public boolean isCalled() {
		return CallStatus.decides(this.status);
	}

}
