package org.tally.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Shows instants in the election's own time zone, the way readers there read a clock,
 * with the exact UTC instant for a title attribute.
 */
public final class LocalTimes {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a z", Locale.US);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, h:mm a z", Locale.US);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final ZoneId zone;

	LocalTimes(ZoneId zone) {
		this.zone = zone;
	}

	static LocalTimes of(String zone) {
		try {
			return new LocalTimes(ZoneId.of(zone));
		}
		catch (DateTimeException | NullPointerException ex) {
			return new LocalTimes(ZoneOffset.UTC);
		}
	}

	/** "Jun 6, 9:41 PM PDT", or an empty string for no instant. */
	public String local(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.zone)) : "";
	}

	/** "Jun 7", or an empty string for no instant. */
	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(this.zone)) : "";
	}

	/** "9:41 PM PDT", or an empty string for no instant. */
	public String clock(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "";
	}

	/** "2017-06-07 04:41:00 UTC", or an empty string for no instant. */
	public String utc(Instant instant) {
		return (instant != null) ? UTC.format(instant) : "";
	}

	/** ISO-8601 for a time element's datetime attribute. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

}
