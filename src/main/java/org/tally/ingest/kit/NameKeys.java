package org.tally.ingest.kit;

/**
 * How readers compare names written many ways: by their letters only, case aside
 * ("Ballots - blank", "BALLOTS BLANK" and "Ballots_Blank" are one name). One copy for
 * every reader (docs/import.md, Names).
 */
public final class NameKeys {

	private NameKeys() {
	}

	/** The letters of a text, lower case: "Write-In Totals" is "writeintotals". */
	public static String letters(String text) {
		StringBuilder letters = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters.append(Character.toLowerCase(c));
			}
		}
		return letters.toString();
	}

}
