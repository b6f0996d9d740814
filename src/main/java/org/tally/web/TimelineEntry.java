package org.tally.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.tally.results.TimelineEvent;

/**
 * A call or a concession on the contest page's timeline.
 *
 * @param kind {@code call} or {@code concession}
 * @param at when it happened (called at, conceded at)
 * @param headline what happened, in words
 * @param who who called it, or the conceding candidate
 * @param text the call's note or the concession statement, or {@code null}
 * @param sourceUrl where the concession was reported, or {@code null}
 * @param withdrawn when a concession was withdrawn or replaced, or {@code null}
 * @param revision the revision that recorded it
 */
public record TimelineEntry(String kind, Instant at, String headline, String who, String text, String sourceUrl,
		Instant withdrawn, long revision) {

	static final Comparator<TimelineEntry> ORDER = Comparator
		.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(TimelineEntry::revision);

	/** The event in words. */
	static TimelineEntry of(TimelineEvent event) {
		return "call".equals(event.kind())
				? call(event.status(), event.at(), event.who(), event.text(), event.winners(), event.advancing(),
						event.revision())
				: concession(event.who(), event.at(), event.text(), event.sourceUrl(), event.withdrawn(),
						event.revision());
	}

	static TimelineEntry call(String status, Instant at, String calledBy, String note, List<String> winners,
			List<String> advancing, long revision) {
		String headline = switch (status) {
			case "called" -> "Called: " + names(winners, advancing, " wins", " win");
			case "runoff" -> "Runoff: " + String.join(" and ", advancing) + " advance";
			case "too-early" -> "Too early to call";
			case "too-close" -> "Too close to call";
			case "uncalled" -> "Call retracted";
			default -> "Not called";
		};
		if ("called".equals(status) && winners.isEmpty() && !advancing.isEmpty()) {
			headline = "Called: " + String.join(" and ", advancing) + " advance";
		}
		return new TimelineEntry("call", at, headline, calledBy, note, null, null, revision);
	}

	static TimelineEntry concession(String candidate, Instant at, String statement, String sourceUrl, Instant withdrawn,
			long revision) {
		return new TimelineEntry("concession", at, candidate + " conceded", candidate, statement, sourceUrl, withdrawn,
				revision);
	}

	private static String names(List<String> winners, List<String> advancing, String one, String many) {
		String text = String.join(" and ", winners) + ((winners.size() == 1) ? one : many);
		if (!advancing.isEmpty()) {
			text += "; " + String.join(" and ", advancing) + " advance";
		}
		return text;
	}

}
