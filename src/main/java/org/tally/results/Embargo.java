package org.tally.results;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How an embargo's end reads (docs/contract.md §7): the clock in the election's own time
 * zone with the zone's short name, "8:00 PM EST" ("8:00 p. m. EST" in {@code es-US}),
 * preceded by the date when it falls on another day than the election's, from the JDK's
 * locale data as every other time on the pages.
 */
public final class Embargo {

	/** The words of the API's answers: "Results after 8:00 PM EST". */
	public static final Locale API_LOCALE = Locale.US;

	private Embargo() {
	}

	/**
	 * "8:00 PM EST", or "Nov 4, 2026, 8:00 AM EST" on another day than the election's.
	 */
	public static String clock(ElectionState election, Locale locale) {
		ZonedDateTime at = election.publishAfter().atZone(zone(election.timeZone()));
		boolean sameDay = at.toLocalDate().equals(election.date());
		String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(sameDay ? null : FormatStyle.MEDIUM,
				FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
		DateTimeFormatter format = new DateTimeFormatterBuilder().appendPattern(pattern)
			.appendLiteral(' ')
			.appendZoneText(TextStyle.SHORT)
			.toFormatter(locale);
		return format.format(at);
	}

	/** The API's sentence: "Results after 8:00 PM EST". */
	public static String resultsAfter(ElectionState election) {
		return "Results after " + clock(election, API_LOCALE);
	}

	/** Seconds from {@code now} to the end of the embargo, at least 0. */
	public static long secondsLeft(ElectionState election, Instant now) {
		return (election.publishAfter() != null)
				? Math.max(0, java.time.Duration.between(now, election.publishAfter()).toSeconds()) : 0;
	}

	private static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
