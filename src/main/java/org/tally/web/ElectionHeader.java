package org.tally.web;

import org.tally.web.text.LocalTimes;

import org.tally.web.text.ReaderFormat;

import org.tally.results.ElectionKind;
import org.tally.results.ElectionState;
import org.tally.results.ElectionStatus;

/**
 * An election as page headers and the election list show it, in the reader's language.
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
 * @param digest the revision's digest in the chain (docs/verify.md), or null
 */
public record ElectionHeader(String slug, String name, String date, String isoDate, String kind, String jurisdiction,
		String status, String statusLabel, boolean live, boolean test, long revision, String updated, String updatedUtc,
		String updatedIso, String timeZone, String digest) {

	/** The header of the election's row as the feed reads it too. */
	static ElectionHeader of(ElectionState election, ReaderFormat format) {
		LocalTimes times = format.times();
		String status = election.status();
		return new ElectionHeader(election.slug(), election.name(), format.date(election.date()),
				election.date().toString(), format.text(kindKey(election.kind())), election.jurisdiction(), status,
				format.text(statusKey(status)), live(status), election.test(), election.revision(),
				times.local(election.lastUpdated()), times.utc(election.lastUpdated()),
				times.iso(election.lastUpdated()), election.timeZone(), election.digest());
	}

	/** The first hex digits of the digest, as pages show it ("3f2a…"), or empty. */
	public String shortDigest() {
		return (this.digest != null) ? this.digest.substring(0, 8) + "…" : "";
	}

	/** The message key of a status: "election.status.counting". */
	static String statusKey(String status) {
		return ElectionStatus.find(status).orElse(ElectionStatus.SCHEDULED).labelKey();
	}

	/** The message key of a kind: "election.kind.special-general". */
	static String kindKey(String kind) {
		return ElectionKind.find(kind).orElse(ElectionKind.GENERAL).labelKey();
	}

	private static boolean live(String status) {
		return ElectionStatus.find(status).map(ElectionStatus::live).orElse(false);
	}

}
