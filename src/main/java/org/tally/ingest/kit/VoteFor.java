package org.tally.ingest.kit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of seats a contest's name states, as election offices write it: Clarity's
 * "(Vote For 2)", ES&amp;S's "(Vote for not more than 2)" and "(Vote for up to 2)", and
 * "- Vote for 4" at the end of an office (Nevada). The one rule every reader applies.
 *
 * @param office the name without the statement
 * @param seats the seats it states (not checked against any range)
 */
public record VoteFor(String office, int seats) {

	private static final Pattern PATTERN = Pattern.compile(
			"\\s*(?:\\(\\s*vote\\s+for\\s+(?:(?:not|no)\\s+more\\s+than\\s+|up\\s+to\\s+)?(\\d{1,3})\\s*\\)"
					+ "|[-,]\\s*vote\\s+for\\s+(?:(?:not|no)\\s+more\\s+than\\s+|up\\s+to\\s+)?(\\d{1,3}))\\s*$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The seats stated at the end of {@code name}, or {@code null} when it states none
	 * (or is nothing but the statement).
	 */
	public static VoteFor in(String name) {
		Matcher matcher = PATTERN.matcher(name);
		if (!matcher.find() || matcher.start() == 0) {
			return null;
		}
		String seats = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
		return new VoteFor(name.substring(0, matcher.start()).strip(), Integer.parseInt(seats));
	}

}
