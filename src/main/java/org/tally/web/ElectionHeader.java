package org.tally.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.tally.results.Election;
import org.tally.results.ElectionState;

/**
 * An election as page headers and the election list show it.
 *
 * @param slug the election's slug
 * @param name the election's name
 * @param date "June 6, 2017"
 * @param isoDate "2017-06-06"
 * @param kind "Special general"
 * @param jurisdiction where
 * @param status the status code, for styling
 * @param statusLabel the status in words
 * @param live whether the count is going on (counting or paused)
 * @param test whether this is rehearsal data
 * @param revision the election's revision
 * @param updated last updated, local time, or empty
 * @param updatedUtc last updated, UTC, or empty
 * @param updatedIso last updated, ISO-8601, or empty
 * @param timeZone the election's zone id, as a footnote for local times
 */
public record ElectionHeader(String slug, String name, String date, String isoDate, String kind, String jurisdiction,
		String status, String statusLabel, boolean live, boolean test, long revision, String updated, String updatedUtc,
		String updatedIso, String timeZone) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	static ElectionHeader of(Election election, LocalTimes times) {
		String status = election.getStatus();
		return new ElectionHeader(election.getSlug(), election.getName(), DATE.format(election.getDate()),
				election.getDate().toString(), kindLabel(election.getKind()), election.getJurisdiction(), status,
				statusLabel(status), "counting".equals(status) || "paused".equals(status), election.isTest(),
				election.getRevision(), times.local(election.getLastUpdated()), times.utc(election.getLastUpdated()),
				times.iso(election.getLastUpdated()), election.getTimeZone());
	}

	/** The header from the in-memory state the feed reads too. */
	static ElectionHeader of(ElectionState election, LocalTimes times) {
		String status = election.status();
		return new ElectionHeader(election.slug(), election.name(), DATE.format(election.date()),
				election.date().toString(), kindLabel(election.kind()), election.jurisdiction(), status,
				statusLabel(status), "counting".equals(status) || "paused".equals(status), election.test(),
				election.revision(), times.local(election.lastUpdated()), times.utc(election.lastUpdated()),
				times.iso(election.lastUpdated()), election.timeZone());
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "counting" -> "Counting";
			case "paused" -> "Count paused";
			case "unofficial-complete" -> "Unofficial results, count complete";
			case "certified" -> "Certified";
			default -> "Not yet reporting";
		};
	}

	static String kindLabel(String kind) {
		return switch (kind) {
			case "special-primary" -> "Special primary";
			case "special-general" -> "Special general";
			case "runoff" -> "Runoff";
			case "primary" -> "Primary";
			default -> "General";
		};
	}

}
