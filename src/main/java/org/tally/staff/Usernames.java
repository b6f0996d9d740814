package org.tally.staff;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one spelling of a user name that sign-in, the sign-in throttle, account creation
 * and every table use (docs/security.md): Unicode NFKC (full-width and compatibility
 * letters become plain ones), invisible format characters (zero-width spaces, bidi marks,
 * BOM) dropped, white space of any kind (spaces, tabs, no-break spaces) trimmed at both
 * ends, lower case ({@link Locale#ROOT}), at most 100 characters kept. {@code "Admin\t"},
 * {@code " admin"} and {@code "ａｄｍｉｎ"} are all {@code admin}.
 */
public final class Usernames {

	static final int MAX_LENGTH = 100;

	private Usernames() {
	}

	/** The canonical form of what was typed; {@code ""} for null or blank. */
	public static String canonical(String typed) {
		if (typed == null) {
			return "";
		}
		String normal = Normalizer.normalize(typed, Normalizer.Form.NFKC);
		StringBuilder visible = new StringBuilder(normal.length());
		normal.codePoints().filter((c) -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
		String lower = Normalizer.normalize(strip(visible.toString()).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
		return (lower.length() > MAX_LENGTH) ? lower.substring(0, MAX_LENGTH) : lower;
	}

	private static String strip(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && blank(value.charAt(start))) {
			start++;
		}
		while (end > start && blank(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	private static boolean blank(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
	}

}
