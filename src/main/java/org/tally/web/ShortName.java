package org.tally.web;

import java.util.Locale;
import java.util.Set;

/**
 * The short name a page uses where a full name does not fit (a card's lead line, a
 * chart's labels, a bar's segments): a person's surname, a ticket's first person's ("Josh
 * Shapiro and Austin Davis" is "Shapiro"), a measure's choice as it is ("Yes"). The one
 * rule for every page.
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
