package org.tally.ingest.ap;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;

/** AP's expected vote percentage ({@code eevp}) as the expected vote Tally keeps. */
final class ApExpectedVote {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal MAX_EXPECTED = BigDecimal.valueOf(1_000_000_000_000L);

	private ApExpectedVote() {
	}

	/**
	 * The expected vote of a counted unit from AP's {@code eevp} (estimated expected vote
	 * percentage: the share of the expected vote counted so far): the unit's own, else,
	 * for a race counted by its state row, the race's. Tally keeps the expected vote
	 * itself, the votes counted times 100 over the percentage, to the nearest vote, so
	 * that the share it shows is AP's. {@code null} when AP gives none, or 0.
	 */
	static Long of(ApRace race, JsonNode unit, boolean stateRow, long votes, long line, String at,
			ReaderReport report) {
		JsonNode own = unit.get("eevp");
		String text = (own != null && own.isValueNode() && !own.isNull()) ? own.asString().strip()
				: stateRow ? race.eevp : null;
		if (text == null) {
			if (race.eevp != null && !stateRow && !race.levels.contains("state")) {
				report.warnOnce("eevp/" + race.id,
						new Problem(race.line, "eevp", race.eevp, "race " + race.id + " (" + race.office
								+ "): AP's expected vote is given for the whole race, not for each county, so Tally's "
								+ "county units have none", race.at + "/eevp"));
			}
			return null;
		}
		BigDecimal percent;
		try {
			percent = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			percent = null;
		}
		if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
			report.warning(new Problem(line, "eevp", text,
					"AP's expected vote percentage should be a number from 0 to 100: left out",
					(own != null) ? at + "/eevp" : race.at + "/eevp"));
			return null;
		}
		if (percent.signum() == 0) {
			return null;
		}
		BigDecimal expected = BigDecimal.valueOf(votes).multiply(HUNDRED).divide(percent, 0, RoundingMode.HALF_UP);
		if (expected.compareTo(MAX_EXPECTED) > 0) {
			// a percentage so small that the estimate passes any electorate
			report.warning(new Problem(line, "eevp", text,
					"AP's expected vote percentage gives more than 10^12 expected votes: left out",
					(own != null) ? at + "/eevp" : race.at + "/eevp"));
			return null;
		}
		return expected.longValueExact();
	}

}
