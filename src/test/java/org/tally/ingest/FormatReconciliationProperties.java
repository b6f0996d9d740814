package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.ReadContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random NIST, AP and RCTab files whose own totals (a county's row beside its precincts,
 * AP's state row beside its counties, RCTab's rounds) agree with their rows or not: the
 * readers report every stated total and exactly the disagreements, with what was stated
 * and what the rows add up to (docs/import.md, Reconciliation). The expected figures are
 * worked out here from the generated model, not by the readers.
 */
class FormatReconciliationProperties {

	record Expected(String choice, long stated, long computed) {

	}

	@Property(tries = 200)
	void apStateRowsAgainstTheirCountiesAreReconciledExactly(@ForAll long seed) {
		Random random = new Random(seed);
		int choices = 2 + random.nextInt(3);
		int counties = 1 + random.nextInt(5);
		long[] sums = new long[choices];
		StringBuilder units = new StringBuilder();
		for (int c = 0; c < counties; c++) {
			long[] votes = new long[choices];
			for (int i = 0; i < choices; i++) {
				votes[i] = random.nextInt(5000);
				sums[i] += votes[i];
			}
			units.append(",").append(unit("subunit", "County " + c, "u" + c, votes));
		}
		List<Expected> expected = new ArrayList<>();
		long[] state = new long[choices];
		for (int i = 0; i < choices; i++) {
			state[i] = random.nextBoolean() ? sums[i] : sums[i] + 1 + random.nextInt(50);
			expected.add(new Expected("Choice " + (char) ('A' + i), state[i], sums[i]));
		}
		String file = "{\"races\": [{\"test\": false, \"raceID\": \"101\", \"raceType\": \"General\", "
				+ "\"officeID\": \"G\", \"officeName\": \"Governor\", \"reportingUnits\": ["
				+ unit("state", "Kentucky", "1", state) + units + "]}]}";

		RecordingSink sink = RecordingSink.readFile(file.getBytes(StandardCharsets.UTF_8), ImportFormat.AP_JSON,
				new ReadContext("Kentucky", false));

		assertThat(sink.problems).isEmpty();
		assertThat(sink.stated).extracting((t) -> new Expected(t.choice(), t.stated(), t.computed()))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	private static String unit(String level, String name, String id, long[] votes) {
		StringBuilder candidates = new StringBuilder();
		for (int i = 0; i < votes.length; i++) {
			candidates.append((i > 0) ? "," : "")
				.append("{\"first\": \"Choice\", \"last\": \"")
				.append((char) ('A' + i))
				.append("\", \"candidateID\": \"c")
				.append(i)
				.append("\", \"voteCount\": ")
				.append(votes[i])
				.append("}");
		}
		return "{\"statePostal\": \"KY\", \"level\": \"" + level + "\", \"reportingunitName\": \"" + name
				+ "\", \"reportingunitID\": \"" + id + "\", \"candidates\": [" + candidates + "]}";
	}

	@Property(tries = 200)
	void nistCountyRowsAgainstTheirPrecinctsAreReconciledExactly(@ForAll long seed) {
		Random random = new Random(seed);
		int choices = 2 + random.nextInt(3);
		int precincts = 1 + random.nextInt(5);
		StringBuilder units = new StringBuilder("{\"@id\": \"county\", \"@type\": \"ElectionResults.ReportingUnit\", "
				+ "\"Type\": \"county\", \"Name\": {\"Text\": [{\"Content\": \"Adams\", \"Language\": \"en\"}]}, "
				+ "\"ComposingGpUnitIds\": [");
		for (int p = 0; p < precincts; p++) {
			units.append((p > 0) ? "," : "").append("\"p").append(p).append("\"");
		}
		units.append("]}");
		for (int p = 0; p < precincts; p++) {
			units.append(", {\"@id\": \"p")
				.append(p)
				.append("\", \"@type\": \"ElectionResults.ReportingUnit\", \"Type\": \"precinct\", "
						+ "\"Name\": {\"Text\": [{\"Content\": \"Precinct ")
				.append(p)
				.append("\", \"Language\": \"en\"}]}}");
		}
		List<Expected> expected = new ArrayList<>();
		StringBuilder selections = new StringBuilder();
		StringBuilder candidates = new StringBuilder();
		for (int i = 0; i < choices; i++) {
			String name = "Choice " + (char) ('A' + i);
			long sum = 0;
			StringBuilder counts = new StringBuilder();
			for (int p = 0; p < precincts; p++) {
				long votes = random.nextInt(3000);
				sum += votes;
				counts.append(", {\"@type\": \"ElectionResults.VoteCounts\", \"GpUnitId\": \"p")
					.append(p)
					.append("\", \"Type\": \"total\", \"Count\": ")
					.append(votes)
					.append("}");
			}
			long stated = random.nextBoolean() ? sum : sum + 1 + random.nextInt(40);
			expected.add(new Expected(name, stated, sum));
			candidates.append((i > 0) ? "," : "")
				.append("{\"@id\": \"can")
				.append(i)
				.append("\", \"BallotName\": {\"Text\": [{\"Content\": \"")
				.append(name)
				.append("\", \"Language\": \"en\"}]}}");
			selections.append((i > 0) ? "," : "")
				.append("{\"@id\": \"sel")
				.append(i)
				.append("\", \"@type\": \"ElectionResults.CandidateSelection\", \"CandidateIds\": [\"can")
				.append(i)
				.append("\"], \"VoteCounts\": [{\"@type\": \"ElectionResults.VoteCounts\", \"GpUnitId\": \"county\", "
						+ "\"Type\": \"total\", \"Count\": ")
				.append(stated)
				.append("}")
				.append(counts)
				.append("]}");
		}
		String file = "{\"@type\": \"ElectionResults.ElectionReport\", \"Issuer\": \"Adams County\", " + "\"GpUnit\": ["
				+ units + "], \"Election\": [{\"@type\": \"ElectionResults.Election\", "
				+ "\"ElectionScopeId\": \"county\", \"Candidate\": [" + candidates + "], \"Contest\": [{\"@id\": "
				+ "\"mayor\", \"@type\": \"ElectionResults.CandidateContest\", \"Name\": \"Mayor\", "
				+ "\"ElectionDistrictId\": \"county\", \"VotesAllowed\": 1, \"ContestSelection\": [" + selections
				+ "]}]}]}";

		RecordingSink sink = RecordingSink.readFile(file.getBytes(StandardCharsets.UTF_8), ImportFormat.NIST_CDF,
				new ReadContext("Adams", false));

		assertThat(sink.problems).isEmpty();
		assertThat(sink.stated).extracting((t) -> new Expected(t.choice(), t.stated(), t.computed()))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(sink.stated).allSatisfy((t) -> assertThat(t.unit()).isEqualTo("Adams"));
	}

	@Property(tries = 200)
	void rctabRoundsThatLoseOrGainBallotsAreReportedExactly(@ForAll long seed) {
		Random random = new Random(seed);
		int candidates = 3 + random.nextInt(3);
		long[] tally = new long[candidates];
		for (int i = 0; i < candidates; i++) {
			tally[i] = 100 + random.nextInt(5000);
		}
		long first = 0;
		for (long votes : tally) {
			first += votes;
		}
		long exhausted = 0;
		List<Expected> expected = new ArrayList<>();
		StringBuilder results = new StringBuilder();
		boolean[] out = new boolean[candidates];
		for (int round = 1; round < candidates; round++) {
			long error = (round > 1 && random.nextInt(3) == 0) ? 1 + random.nextInt(9) : 0;
			StringBuilder counts = new StringBuilder();
			long sum = 0;
			int lowest = -1;
			for (int i = 0; i < candidates; i++) {
				if (!out[i]) {
					counts.append((counts.length() > 0) ? ", " : "")
						.append("\"Cand ")
						.append(i)
						.append("\": \"")
						.append(tally[i])
						.append("\"");
					sum += tally[i];
					lowest = (lowest < 0 || tally[i] < tally[lowest]) ? i : lowest;
				}
			}
			results.append((round > 1) ? ", " : "")
				.append("{\"round\": ")
				.append(round)
				.append(", \"tally\": {")
				.append(counts)
				.append("}, \"inactiveBallots\": {\"exhaustedChoices\": \"")
				.append(exhausted + error)
				.append("\", \"overvotes\": \"0\"}, \"tallyResults\": [{\"eliminated\": \"Cand ")
				.append(lowest)
				.append("\", \"transfers\": {}}]}");
			if (round > 1) {
				expected.add(new Expected(null, sum + exhausted + error, first));
			}
			// the lowest's ballots move: half to the next candidate still in, the rest
			// exhausted
			out[lowest] = true;
			long moved = tally[lowest] / 2;
			for (int i = 0; i < candidates; i++) {
				if (!out[i]) {
					tally[i] += moved;
					break;
				}
			}
			exhausted += tally[lowest] - moved;
			tally[lowest] = 0;
		}
		String report = "{\"config\": {\"contest\": \"Mayor\"}, \"results\": [" + results + "]}";

		RecordingSink sink = RecordingSink.read(report.getBytes(StandardCharsets.UTF_8), ImportFormat.RCTAB);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.stated).extracting((t) -> new Expected(t.choice(), t.stated(), t.computed()))
			.containsExactlyElementsOf(expected);
	}

}
