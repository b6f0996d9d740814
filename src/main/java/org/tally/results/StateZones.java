package org.tally.results;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone an election's times are shown in when staff name none: its US state's
 * (docs/data-model.md, "Time zones"). A state spanning two zones takes the zone most of
 * its people live in (Texas: Central, not El Paso's Mountain; Florida: Eastern, not the
 * western Panhandle's Central). Plain Java, no Spring.
 */
public final class StateZones {

	private static final Map<String, String> ZONES = new HashMap<>();

	static {
		zone("America/New_York", "CT Connecticut", "DE Delaware", "DC District of Columbia", "FL Florida", "GA Georgia",
				"KY Kentucky", "ME Maine", "MD Maryland", "MA Massachusetts", "NH New Hampshire", "NJ New Jersey",
				"NY New York", "NC North Carolina", "OH Ohio", "PA Pennsylvania", "RI Rhode Island",
				"SC South Carolina", "VT Vermont", "VA Virginia", "WV West Virginia");
		zone("America/Detroit", "MI Michigan");
		zone("America/Indiana/Indianapolis", "IN Indiana");
		zone("America/Chicago", "AL Alabama", "AR Arkansas", "IL Illinois", "IA Iowa", "KS Kansas", "LA Louisiana",
				"MN Minnesota", "MS Mississippi", "MO Missouri", "NE Nebraska", "ND North Dakota", "OK Oklahoma",
				"SD South Dakota", "TN Tennessee", "TX Texas", "WI Wisconsin");
		zone("America/Denver", "CO Colorado", "MT Montana", "NM New Mexico", "UT Utah", "WY Wyoming");
		zone("America/Boise", "ID Idaho");
		zone("America/Phoenix", "AZ Arizona");
		zone("America/Los_Angeles", "CA California", "NV Nevada", "OR Oregon", "WA Washington");
		zone("America/Anchorage", "AK Alaska");
		zone("Pacific/Honolulu", "HI Hawaii");
		zone("America/Puerto_Rico", "PR Puerto Rico");
		zone("America/St_Thomas", "VI U.S. Virgin Islands");
		zone("Pacific/Guam", "GU Guam");
		zone("Pacific/Pago_Pago", "AS American Samoa");
		zone("Pacific/Saipan", "MP Northern Mariana Islands");
	}

	private StateZones() {
	}

	/**
	 * The zone of the state a jurisdiction names ("Pennsylvania", "PA", "State of Texas",
	 * "Chester County, Pennsylvania"), if it names one.
	 */
	public static Optional<String> of(String jurisdiction) {
		if (jurisdiction == null) {
			return Optional.empty();
		}
		String key = jurisdiction.strip().toLowerCase(Locale.ROOT).replaceFirst("^(the )?(state|commonwealth) of ", "");
		// "Chester County, Pennsylvania": the state after the last comma
		String state = key.substring(key.lastIndexOf(',') + 1).strip();
		return Optional.ofNullable(ZONES.getOrDefault(key, ZONES.get(state)));
	}

	private static void zone(String zone, String... states) {
		for (String state : states) {
			ZONES.put(state.substring(0, 2).toLowerCase(Locale.ROOT), zone);
			ZONES.put(state.substring(3).toLowerCase(Locale.ROOT), zone);
		}
	}

}
