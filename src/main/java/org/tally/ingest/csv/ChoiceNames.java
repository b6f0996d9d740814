package org.tally.ingest.csv;

import java.util.Locale;
import java.util.Set;

import org.tally.ingest.kit.NameKeys;

/**
 * What the names in results files mean beyond their letters: rows that are not votes for
 * a choice (over and under votes, contest totals), write-in markers, county-total rows.
 */
final class ChoiceNames {

	enum Kind {

		/** A real choice. */
		CHOICE,

		/**
		 * A real choice that stands for write-in votes ("Write-ins", "Write-In Totals").
		 */
		WRITE_IN,

		/**
		 * Over or under votes: not votes for any choice, excluded from the contest's
		 * total.
		 */
		OVER_UNDER,

		/** The sum of the other choices: reading it would count every vote twice. */
		TOTAL

	}

	/**
	 * Write-in votes under a name of their own: "Write-ins", Wisconsin's "Scattering",
	 * Texas's "Not Assigned" (ES&S: write-ins not assigned to a write-in candidate).
	 */
	private static final Set<String> WRITE_IN_NAMES = Set.of("writein", "writeins", "writeintotal", "writeintotals",
			"writeinvotes", "totalwriteins", "scattering", "scatter", "notassigned", "unassignedwriteins",
			"unassignedwritein", "unresolvedwriteins", "uncertifiedwriteins");

	/** Not votes for any choice: over and under votes, blank ballots. */
	private static final Set<String> OVER_UNDER_NAMES = Set.of("overvote", "overvotes", "undervote", "undervotes",
			"timesovervoted", "timesundervoted", "timesblankvoted", "blank", "blanks", "blankvotes", "blankballots",
			"ballotscastblank", "overundervotes");

	/** A write-in candidate's name as the state writes it: "Kasey Wells (Write-In)". */
	private static final String[] WRITE_IN_SUFFIXES = { "(write-in)", "(write in)", "(writein)", "(w/i)" };

	private static final Set<String> TOTAL_NAMES = Set.of("total", "totals", "totalvotes", "totalvotescast",
			"contesttotal", "contesttotals");

	private static final String WRITE_IN_MARK = "(W/I)";

	private ChoiceNames() {
	}

	static Kind kind(String candidate) {
		for (String suffix : WRITE_IN_SUFFIXES) {
			if (candidate.regionMatches(true, candidate.length() - suffix.length(), suffix, 0, suffix.length())) {
				return Kind.WRITE_IN;
			}
		}
		if (candidate.length() > 24) {
			return Kind.CHOICE;
		}
		String key = NameKeys.letters(candidate);
		if (WRITE_IN_NAMES.contains(key)) {
			return Kind.WRITE_IN;
		}
		if (OVER_UNDER_NAMES.contains(key)) {
			return Kind.OVER_UNDER;
		}
		return TOTAL_NAMES.contains(key) ? Kind.TOTAL : Kind.CHOICE;
	}

	/** Whether a party cell marks a write-in: "IND (W/I)", "Write-In", "W/I". */
	static boolean isWriteInParty(String party) {
		return indexOfWriteInMark(party) >= 0 || isWriteInPartyName(party);
	}

	/**
	 * The party without its write-in marker ("IND (W/I)" is "IND"); {@code null} when
	 * nothing is left, or for "None".
	 */
	static String party(String party) {
		String named = party;
		int mark = indexOfWriteInMark(party);
		if (mark >= 0) {
			named = (party.substring(0, mark) + party.substring(mark + WRITE_IN_MARK.length())).trim();
		}
		else if (isWriteInPartyName(party)) {
			named = "";
		}
		return (named.isEmpty() || named.equalsIgnoreCase("none")) ? null : named;
	}

	/**
	 * Whether a precinct cell names the county itself: "ALAMEDA CA" or "Alameda County"
	 * in Alameda, "Total", "County Total". Such rows carry the county's totals beside its
	 * precincts.
	 */
	static boolean isCountyTotal(String county, String precinct) {
		if (county != null && !county.isEmpty() && precinct.regionMatches(true, 0, county, 0, county.length())) {
			String rest = precinct.substring(county.length()).trim().toLowerCase(Locale.ROOT);
			return rest.isEmpty() || rest.equals("ca") || rest.equals("county") || rest.equals("total")
					|| rest.equals("county total");
		}
		return precinct.equalsIgnoreCase("total") || precinct.equalsIgnoreCase("totals")
				|| precinct.equalsIgnoreCase("county total");
	}

	private static boolean isWriteInPartyName(String party) {
		return party.equalsIgnoreCase("W/I") || (party.length() <= 10 && NameKeys.letters(party).equals("writein"));
	}

	private static int indexOfWriteInMark(String party) {
		int length = WRITE_IN_MARK.length();
		for (int i = 0; i + length <= party.length(); i++) {
			if (party.regionMatches(true, i, WRITE_IN_MARK, 0, length)) {
				return i;
			}
		}
		return -1;
	}

}
