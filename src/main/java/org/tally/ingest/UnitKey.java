package org.tally.ingest;

import org.tally.results.Slugs;

/**
 * Where a row's votes were counted: a county, or a precinct inside it. The reader has
 * already turned a county-total precinct cell (2018 Alameda's "ALAMEDA CA") into a
 * county-level row ({@link ChoiceNames#isCountyTotal}).
 */
record UnitKey(String countyCode, String county, String precinctCode, String precinct) {

	static UnitKey of(String county, String precinct) {
		String countyCode = Slugs.of(county);
		if (precinct == null || precinct.isBlank()) {
			return new UnitKey(countyCode, county, null, null);
		}
		return new UnitKey(countyCode, county, countyCode + "/" + precinct, precinct);
	}

}
