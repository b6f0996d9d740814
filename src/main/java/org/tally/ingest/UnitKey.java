package org.tally.ingest;

import java.util.Locale;

import org.tally.results.Slugs;

/**
 * Where a row's votes were counted: a county, or a precinct inside it. A precinct cell
 * that names the county itself (2018 Alameda's "ALAMEDA CA") is the county's total row.
 */
record UnitKey(String countyCode, String county, String precinctCode, String precinct) {

	static UnitKey of(String county, String precinct) {
		String countyCode = Slugs.of(county);
		if (precinct == null || precinct.isBlank() || isCountyTotal(county, precinct)) {
			return new UnitKey(countyCode, county, null, null);
		}
		return new UnitKey(countyCode, county, countyCode + "/" + precinct, precinct);
	}

	static boolean isCountyTotal(String county, String precinct) {
		String p = precinct.strip().toLowerCase(Locale.ROOT);
		String c = county.strip().toLowerCase(Locale.ROOT);
		return p.equals(c) || p.equals(c + " ca") || p.equals(c + " county") || p.equals("total")
				|| p.equals("county total") || p.equals(c + " total") || p.equals(c + " county total");
	}

}
