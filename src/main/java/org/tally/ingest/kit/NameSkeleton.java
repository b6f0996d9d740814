package org.tally.ingest.kit;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * What a name looks like, to tell two names that read alike apart from two names (a small
 * version of Unicode's confusable "skeleton", UTS #39): NFKC (fullwidth, ligature and
 * mathematical letters become plain ones), then Cyrillic and Greek letters that look like
 * Latin ones become those ("Аnn" with a Cyrillic А is "Ann"), 0 and 1 become o and l,
 * then case is folded and white space collapsed. Two different names with one skeleton in
 * one contest are a warning (docs/import.md, "Names a reader can trust"); accents are
 * kept: "José" and "Jose" may be two people.
 */
public final class NameSkeleton {

	/** Look-alikes, upper and lower case, to the Latin letter they pass for. */
	private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
			// Cyrillic capitals and small letters
			Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('Е', 'E'), Map.entry('К', 'K'), Map.entry('М', 'M'),
			Map.entry('Н', 'H'), Map.entry('О', 'O'), Map.entry('Р', 'P'), Map.entry('С', 'C'), Map.entry('Т', 'T'),
			Map.entry('Х', 'X'), Map.entry('У', 'Y'), Map.entry('І', 'I'), Map.entry('Ј', 'J'), Map.entry('Ѕ', 'S'),
			Map.entry('Ԛ', 'Q'), Map.entry('Ԝ', 'W'), Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'),
			Map.entry('р', 'p'), Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'),
			Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('һ', 'h'), Map.entry('ӏ', 'l'),
			Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'),
			// Greek capitals and small letters
			Map.entry('Α', 'A'), Map.entry('Β', 'B'), Map.entry('Ε', 'E'), Map.entry('Ζ', 'Z'), Map.entry('Η', 'H'),
			Map.entry('Ι', 'I'), Map.entry('Κ', 'K'), Map.entry('Μ', 'M'), Map.entry('Ν', 'N'), Map.entry('Ο', 'O'),
			Map.entry('Ρ', 'P'), Map.entry('Τ', 'T'), Map.entry('Υ', 'Y'), Map.entry('Χ', 'X'), Map.entry('α', 'a'),
			Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ν', 'v'), Map.entry('ο', 'o'), Map.entry('ρ', 'p'),
			Map.entry('υ', 'u'), Map.entry('χ', 'x'),
			// Latin and digits
			Map.entry('ı', 'i'), Map.entry('0', 'o'), Map.entry('1', 'l'), Map.entry('|', 'l'));

	private NameSkeleton() {
	}

	/** The name's skeleton: two names that look alike have the same. */
	public static String of(String name) {
		String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
		StringBuilder skeleton = new StringBuilder(compatible.length());
		boolean space = false;
		for (int i = 0; i < compatible.length(); i++) {
			char c = compatible.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = skeleton.length() > 0;
				continue;
			}
			if (space) {
				skeleton.append(' ');
				space = false;
			}
			skeleton.append(CONFUSABLES.getOrDefault(c, c));
		}
		return skeleton.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
	}

}
