package org.tally.ingest;

import java.util.Collection;
import java.util.Locale;

/**
 * Suggests the known name closest to a misspelt one, for strict-mode errors.
 */
final class Closest {

	private Closest() {
	}

	/** "; did you mean 'Jimmy Gomez'?" or "" when nothing is close. */
	static String suggestion(String value, Collection<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String target = value.toLowerCase(Locale.ROOT);
		for (String name : known) {
			int distance = distance(target, name.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = name;
				bestDistance = distance;
			}
		}
		if (best == null || bestDistance > Math.max(3, best.length() / 2)) {
			return "";
		}
		return "; did you mean '" + best + "'?";
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
