package org.tally.results.projection;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The one name normaliser that matches units across elections when their codes differ:
 * accents, case, punctuation and "St." spelled out go; the unit's type word stays, so
 * "Fairfax County" and "Fairfax city" are two units. A county-level name without a type
 * word is a county ("Fairfax" is "Fairfax County").
 */
public final class UnitNames {

	private static final Set<String> TYPE_WORDS = Set.of("county", "city", "parish", "borough", "area", "municipality",
			"town", "township", "village", "district", "island", "islands");

	private UnitNames() {
	}

	/**
	 * The name as matching compares it: "St. Mary's County" is "saint marys county".
	 * @param name the unit's name
	 * @param level its level ({@code county} takes "county" when no type word ends it)
	 */
	public static String normalise(String name, String level) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			.replace("'", "")
			.replace("\u2019", "")
			.replaceAll("[^a-z0-9]+", " ")
			.strip();
		StringBuilder normal = new StringBuilder();
		for (String word : plain.split(" ")) {
			if (word.isEmpty()) {
				continue;
			}
			if (!normal.isEmpty()) {
				normal.append(' ');
			}
			normal.append(switch (word) {
				case "st" -> "saint";
				case "ste" -> "sainte";
				case "co", "cnty" -> "county";
				default -> word;
			});
		}
		String words = normal.toString();
		String last = words.substring(words.lastIndexOf(' ') + 1);
		if ("county".equals(level) && !TYPE_WORDS.contains(last)) {
			words = words + " county";
		}
		return words;
	}

}
