package org.tally.ingest.kit;

import java.util.Locale;

/**
 * How readers compare names written many ways: by their letters only, case aside
 * ("Ballots - blank", "BALLOTS BLANK" and "Ballots_Blank" are one name). One copy for
 * every reader (docs/import.md, Names).
 */
public final class NameKeys {

	private NameKeys() {
	}

	/**
	 * The letters of a text, lower case: "Write-In Totals" is "writeintotals". Letters
	 * outside the Basic Multilingual Plane count as letters too.
	 */
	public static String letters(String text) {
		StringBuilder letters = new StringBuilder(text.length());
		text.codePoints()
			.filter(Character::isLetter)
			.forEach((letter) -> letters.appendCodePoint(Character.toLowerCase(letter)));
		return letters.toString();
	}

	/** A text in lower case whatever the machine's locale; {@code null} stays null. */
	public static String lower(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

}
