package org.tally.results;

import java.time.Instant;
import java.util.List;

/**
 * A call or a concession in a contest's timeline, as recorded (retracted and superseded
 * calls, withdrawn concessions too).
 *
 * @param kind {@code call} or {@code concession}
 * @param at when it happened (called at, conceded at)
 * @param status the call's status, or {@code null} for a concession
 * @param winners the call's winners (empty for a concession)
 * @param advancing the call's advancing choices (empty for a concession)
 * @param calledBy the role that called it (never a user name), or {@code null} for a
 * concession
 * @param candidate the conceding candidate, or {@code null} for a call
 * @param text the call's note or the concession statement, or {@code null}
 * @param sourceUrl where the concession was reported, or {@code null}
 * @param withdrawn when a concession was withdrawn or replaced, or {@code null}
 * @param revision the revision that recorded it
 */
public record TimelineEvent(String kind, Instant at, String status, List<String> winners, List<String> advancing,
		RecordedRole calledBy, String candidate, String text, String sourceUrl, Instant withdrawn, long revision) {

	public TimelineEvent {
		winners = List.copyOf(winners);
		advancing = List.copyOf(advancing);
	}

}
