package org.tally.staff;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.tally.kernel.InvalidRequestException;

/**
 * What the audit page shows: one action, one user (who acted, in the canonical form), and
 * a time range {@code [from, to)} in UTC; each may be absent.
 */
record AuditFilter(String action, String user, Instant from, Instant to) {

	/**
	 * From the page's query parameters: times as {@code 2026-11-03},
	 * {@code 2026-11-03T20:15} (UTC, what a {@code datetime-local} field sends) or an ISO
	 * instant; a day as {@code to} includes that day.
	 */
	static AuditFilter of(String action, String user, String from, String to) {
		return new AuditFilter(blankToNull(action), (user == null || user.isBlank()) ? null : Usernames.canonical(user),
				time("from", from, false), time("to", to, true));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Instant time(String field, String value, boolean endOfDay) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return Instant.parse(text);
			}
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			throw new InvalidRequestException(
					field + ": '" + text + "' is not a time (2026-11-03, 2026-11-03T20:15 or an ISO instant, UTC)");
		}
	}

	boolean any() {
		return this.action != null || this.user != null || this.from != null || this.to != null;
	}

}
