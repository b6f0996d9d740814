package org.tally.ingest.ap;

import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.StatedTotal;
import org.tally.results.VoteType;
import org.tally.ingest.kit.WinnerRow;

/**
 * What an AP race says beyond its counts, once its first reading is done: its state row
 * against its counties (a warning and reconciliation entries) and AP's own calls.
 */
final class ApRaceChecks {

	private ApRaceChecks() {
	}

	/**
	 * Warns about a race whose state row differs from the sum of its counties: its totals
	 * are the state row's, and the difference is noted on the contest.
	 */
	static void differences(ApRace race, ReaderReport report) {
		String differ = race.differences();
		if (differ != null) {
			report.warning(new Problem(race.line, "reportingUnits", null,
					"race " + race.id + " (" + race.office + "): AP's state row differs from the sum of its "
							+ race.counties + " counties by " + differ
							+ "; the contest's totals are the state row's (AP's tabulation of record), the "
							+ "counties keep their own rows",
					race.at + "/reportingUnits"));
		}
	}

	/**
	 * AP's state row beside its counties, choice by choice, as reconciliation entries
	 * (docs/import.md, Reconciliation): the state row is stated, the counties' sum
	 * computed.
	 */
	static void reconcile(ApRace race, String jurisdiction, RowSink sink) {
		if (!race.stateTotals()) {
			return;
		}
		String contest = race.office + (race.district.isEmpty() ? "" : ", " + race.district)
				+ ((race.id != null) ? " [raceID " + race.id + "]" : "");
		race.stateVotes.forEach((name, votes) -> sink.stated(new StatedTotal(contest, name, jurisdiction,
				VoteType.TOTAL.code(), votes, race.unitVotes.getOrDefault(name, 0L), race.at + "/reportingUnits")));
		race.unitVotes.forEach((name, votes) -> {
			if (!race.stateVotes.containsKey(name)) {
				sink.stated(new StatedTotal(contest, name, jurisdiction, VoteType.TOTAL.code(), 0, votes,
						race.at + "/reportingUnits"));
			}
		});
	}

	/**
	 * AP's own calls in the race's state row: its {@code winner} flags (X, or R for a
	 * runoff).
	 */
	static void winners(ApRace race, JsonNode unit, long line, String at, RowSink sink) {
		JsonNode candidates = unit.get("candidates");
		if (candidates == null || !candidates.isArray()) {
			return;
		}
		for (int i = 0; i < candidates.size(); i++) {
			String flag = JsonFiles.string(candidates.get(i), "winner");
			String written = ApRace.name(candidates.get(i));
			if (written != null && ("X".equalsIgnoreCase(flag) || "R".equalsIgnoreCase(flag))) {
				String name = ChoiceNameNormaliser.name(written);
				sink.winner(new WinnerRow(line, race.office, race.district, name, "R".equalsIgnoreCase(flag),
						at + "/candidates/" + i + "/winner"));
			}
		}
	}

}
