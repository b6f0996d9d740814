package org.tally.ingest.kit;

import java.util.Locale;
import java.util.Map;

/**
 * The US states (and DC and the territories) by name, for telling which of a multi-state
 * file's races belong to an election whose jurisdiction is a state.
 */
public final class States {

	private static final Map<String, String> BY_NAME = Map.ofEntries(Map.entry("alabama", "AL"),
			Map.entry("alaska", "AK"), Map.entry("arizona", "AZ"), Map.entry("arkansas", "AR"),
			Map.entry("california", "CA"), Map.entry("colorado", "CO"), Map.entry("connecticut", "CT"),
			Map.entry("delaware", "DE"), Map.entry("district of columbia", "DC"), Map.entry("florida", "FL"),
			Map.entry("georgia", "GA"), Map.entry("hawaii", "HI"), Map.entry("idaho", "ID"),
			Map.entry("illinois", "IL"), Map.entry("indiana", "IN"), Map.entry("iowa", "IA"), Map.entry("kansas", "KS"),
			Map.entry("kentucky", "KY"), Map.entry("louisiana", "LA"), Map.entry("maine", "ME"),
			Map.entry("maryland", "MD"), Map.entry("massachusetts", "MA"), Map.entry("michigan", "MI"),
			Map.entry("minnesota", "MN"), Map.entry("mississippi", "MS"), Map.entry("missouri", "MO"),
			Map.entry("montana", "MT"), Map.entry("nebraska", "NE"), Map.entry("nevada", "NV"),
			Map.entry("new hampshire", "NH"), Map.entry("new jersey", "NJ"), Map.entry("new mexico", "NM"),
			Map.entry("new york", "NY"), Map.entry("north carolina", "NC"), Map.entry("north dakota", "ND"),
			Map.entry("ohio", "OH"), Map.entry("oklahoma", "OK"), Map.entry("oregon", "OR"),
			Map.entry("pennsylvania", "PA"), Map.entry("rhode island", "RI"), Map.entry("south carolina", "SC"),
			Map.entry("south dakota", "SD"), Map.entry("tennessee", "TN"), Map.entry("texas", "TX"),
			Map.entry("utah", "UT"), Map.entry("vermont", "VT"), Map.entry("virginia", "VA"),
			Map.entry("washington", "WA"), Map.entry("west virginia", "WV"), Map.entry("wisconsin", "WI"),
			Map.entry("wyoming", "WY"), Map.entry("american samoa", "AS"), Map.entry("guam", "GU"),
			Map.entry("northern mariana islands", "MP"), Map.entry("puerto rico", "PR"),
			Map.entry("u.s. virgin islands", "VI"));

	private States() {
	}

	/**
	 * The postal code of a jurisdiction written as a state's name ("California", "State
	 * of California") or code ("CA"); {@code null} for anything else.
	 */
	public static String postalCode(String jurisdiction) {
		if (jurisdiction == null) {
			return null;
		}
		String name = jurisdiction.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("state of ")) {
			name = name.substring("state of ".length()).strip();
		}
		if (name.startsWith("commonwealth of ")) {
			name = name.substring("commonwealth of ".length()).strip();
		}
		String code = BY_NAME.get(name);
		if (code != null) {
			return code;
		}
		String upper = name.toUpperCase(Locale.ROOT);
		return BY_NAME.containsValue(upper) ? upper : null;
	}

}
