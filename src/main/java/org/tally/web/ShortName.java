package org.tally.web;

import java.util.Locale;
import java.util.Set;

/**
 * The short name a page uses where a full name does not fit (a card's lead line, a
 * chart's labels, a bar's segments): a person's surname, a ticket's first person's ("Josh
 * Shapiro and Austin Davis" is "Shapiro"), a measure's choice as it is ("Yes"). A name
 * written surname first, "Last, First M." as RCTab reports and many county files write
 * them ("Mills, Janet T."), is its part before the comma ("Mills"; "De La Cruz, Maria" is
 * "De La Cruz"); a comma before a suffix ("John Smith, III") is not that. The one rule
 * for every page.
 */
final class ShortName {

	private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

	private static final String[] TICKET = { " and ", " & ", " / ", "/" };

	private ShortName() {
	}

	static String of(String name) {
		String person = name.strip();
		for (String joint : TICKET) {
			int at = person.toLowerCase(Locale.ROOT).indexOf(joint);
			if (at > 0) {
				person = person.substring(0, at).strip();
			}
		}
		int comma = person.indexOf(',');
		if (comma > 0 && comma < person.length() - 1) {
			String after = person.substring(comma + 1).strip();
			String first = after.split("[\\s,]+")[0].toLowerCase(Locale.ROOT);
			if (!after.isEmpty() && !SUFFIXES.contains(first) && !SUFFIXES.contains(first + ".")) {
				return person.substring(0, comma).strip();
			}
		}
		String[] words = person.split("\\s+");
		int last = words.length - 1;
		while (last > 0 && SUFFIXES.contains(words[last].toLowerCase(Locale.ROOT).replace(",", ""))) {
			last--;
		}
		String surname = words[last];
		if (surname.endsWith(",") && surname.length() > 1) {
			surname = surname.substring(0, surname.length() - 1);
		}
		return surname;
	}

}
