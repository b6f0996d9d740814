package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.tally.results.CallStatus;
import org.tally.results.RecordedRole;
import org.tally.results.TimelineEvent;

/**
 * A call or a concession on the contest page's timeline.
 *
 * @param kind {@code call} or {@code concession}
 * @param at when it happened (called at, conceded at)
 * @param status the call's status, or {@code null} for a concession
 * @param winners the call's winners (or the conceding candidate)
 * @param advancing the call's advancing candidates
 * @param calledBy the role of who called it (never a user name), or {@code null} for a
 * concession
 * @param candidate the conceding candidate, or {@code null} for a call
 * @param text the call's note or the concession statement, or {@code null}
 * @param sourceUrl where the concession was reported, or {@code null}
 * @param withdrawn when a concession was withdrawn or replaced, or {@code null}
 * @param revision the revision that recorded it
 */
public record TimelineEntry(String kind, Instant at, String status, List<String> winners, List<String> advancing,
		RecordedRole calledBy, String candidate, String text, String sourceUrl, Instant withdrawn, long revision) {

	static final Comparator<TimelineEntry> ORDER = Comparator
		.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(TimelineEntry::revision);

	/** The event in words. */
	static TimelineEntry of(TimelineEvent event) {
		return "call".equals(event.kind())
				? call(event.status(), event.at(), event.calledBy(), event.text(), event.winners(), event.advancing(),
						event.revision())
				: concession(event.candidate(), event.at(), event.text(), event.sourceUrl(), event.withdrawn(),
						event.revision());
	}

	static TimelineEntry call(String status, Instant at, RecordedRole calledBy, String note, List<String> winners,
			List<String> advancing, long revision) {
		return new TimelineEntry("call", at, status, winners, advancing, calledBy, null, note, null, null, revision);
	}

	static TimelineEntry concession(String candidate, Instant at, String statement, String sourceUrl, Instant withdrawn,
			long revision) {
		return new TimelineEntry("concession", at, null, List.of(candidate), List.of(), null, candidate, statement,
				sourceUrl, withdrawn, revision);
	}

	/** Who made a call, in the reader's words: "By staff" (a role, never a name). */
	public String by(ReaderFormat format) {
		String role = switch (this.calledBy) {
			case ADMIN -> "role.admin";
			case STAFF -> "role.staff";
			case SYSTEM -> "role.system";
		};
		return format.text("timeline.by", format.text(role));
	}

	/** What happened, in the reader's words: "Called: Jimmy Gomez wins". */
	public String headline(ReaderFormat format) {
		if ("concession".equals(this.kind)) {
			return format.text("timeline.conceded", this.candidate);
		}
		CallStatus status = CallStatus.find(this.status).orElse(CallStatus.NOT_CALLED);
		return switch (status) {
			case CALLED -> format.text("timeline.called",
					this.winners.isEmpty() ? advance(this.advancing, format) : names(format));
			case RUNOFF -> format.text("timeline.runoff", advance(this.advancing, format));
			case NOT_CALLED, TOO_EARLY, TOO_CLOSE, UNCALLED -> format.text(ContestCard.callKey(status));
		};
	}

	private String names(ReaderFormat format) {
		String text = format.text("timeline.wins", and(this.winners, format), this.winners.size());
		if (!this.advancing.isEmpty()) {
			text = format.text("timeline.and.advance", text, advance(this.advancing, format));
		}
		return text;
	}

	private static String advance(List<String> names, ReaderFormat format) {
		return format.text("timeline.advance", and(names, format), names.size());
	}

	private static String and(List<String> names, ReaderFormat format) {
		return String.join(format.text("timeline.and"), names);
	}

}
