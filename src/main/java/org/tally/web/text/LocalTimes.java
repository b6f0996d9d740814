package org.tally.web.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Shows instants in the election's own time zone, the way readers there read a clock,
 * with the exact UTC instant for a title attribute. Dates and clocks are the reader's
 * language's, from the JDK's locale data (CLDR): "Jun 6, 2017, 10:30 PM PDT" in
 * {@code en-US}, "6 jun. 2017 10:30 p. m. PDT" in {@code es-US}.
 */
public final class LocalTimes {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final ZoneId zone;

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter time;

	private final DateTimeFormatter date;

	LocalTimes(ZoneId zone, Locale locale) {
		this.zone = zone;
		this.dateTime = withZoneName(FormatStyle.MEDIUM, FormatStyle.SHORT, locale);
		this.time = withZoneName(null, FormatStyle.SHORT, locale);
		this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
	}

	/** Times in the zone (UTC when it is not a zone), in the locale's words. */
	static LocalTimes of(String zone, Locale locale) {
		try {
			return new LocalTimes(ZoneId.of(zone), locale);
		}
		catch (DateTimeException | NullPointerException ex) {
			return new LocalTimes(ZoneOffset.UTC, locale);
		}
	}

	/** "Jun 6, 2017, 9:41 PM PDT", or an empty string for no instant. */
	public String local(Instant instant) {
		return (instant != null) ? this.dateTime.format(instant.atZone(this.zone)) : "";
	}

	/** "Jun 7, 2017" ("7 jun. 2017"), or an empty string for no instant. */
	public String date(Instant instant) {
		return (instant != null) ? this.date.format(instant.atZone(this.zone)) : "";
	}

	/** "9:41 PM PDT", or an empty string for no instant. */
	public String clock(Instant instant) {
		return (instant != null) ? this.time.format(instant.atZone(this.zone)) : "";
	}

	/** "2017-06-07 04:41:00 UTC", or an empty string for no instant. */
	public String utc(Instant instant) {
		return (instant != null) ? UTC.format(instant) : "";
	}

	/** ISO-8601 for a time element's datetime attribute. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	/** The locale's own pattern for the styles, followed by the zone's short name. */
	private static DateTimeFormatter withZoneName(FormatStyle date, FormatStyle time, Locale locale) {
		String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(date, time, IsoChronology.INSTANCE,
				locale);
		return new DateTimeFormatterBuilder().appendPattern(pattern)
			.appendLiteral(' ')
			.appendZoneText(java.time.format.TextStyle.SHORT)
			.toFormatter(locale);
	}

}
