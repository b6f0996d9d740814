package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.StatedTotal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals NIST, AP and RCTab files state about themselves, read as reconciliation
 * entries, their other counts and their keys (docs/import.md, Reconciliation, Other
 * counts, Identity by key), on cuts of real files (provenance in
 * {@code src/test/resources/json/README.md} and {@code rctab/README.md}).
 */
class FileTotalsReconciledTests {

	private static final ReadContext NIST = new ReadContext("Example State", false);

	private static final String TEST_COUNTY = "Test County";

	@Test
	void nistCountyRowsAreCheckedAgainstTheirPrecinctLevelUnits() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-err-gen-01-cut.json"), null, NIST);

		assertThat(sink.problems).isEmpty();
		// one entry per selection of the counted contests: ru-county-1 (the election's
		// scope) states each selection's total beside its four precinct-level units
		assertThat(sink.stated).isNotEmpty().allSatisfy((total) -> {
			assertThat(total.unit()).isEqualTo(TEST_COUNTY);
			assertThat(total.agrees()).as(total.toString()).isTrue();
			assertThat(total.location())
				.matches("/Election/0/Contest/\\d+/ContestSelection/\\d+/VoteCounts/\\d+/Count");
		});
		assertThat(sink.stated).anySatisfy((total) -> {
			assertThat(total.contest()).isEqualTo("President and Vice President of the United States [cc-president]");
			assertThat(total.choice()).isEqualTo("Harry Brown");
			assertThat(total.stated()).isEqualTo(12);
		});
		assertThat(sink.stated).extracting((total) -> total.contest() + "/" + total.choice())
			.doesNotHaveDuplicates()
			.hasSizeGreaterThan(10);
	}

	@Test
	void aNistCountyRowThatDisagreesWithItsUnitsIsReportedWithWhereItIs() {
		String file = new String(RecordingSink.json("nist-err-gen-01-cut.json"), StandardCharsets.UTF_8);
		// Harry Brown's first count is ru-county-1's 12
		int brown = file.indexOf("\"Count\": 12");
		String changed = file.substring(0, brown) + "\"Count\": 13" + file.substring(brown + "\"Count\": 12".length());
		RecordingSink sink = RecordingSink.readFile(changed.getBytes(StandardCharsets.UTF_8), null, NIST);

		assertThat(sink.problems).isEmpty();
		List<StatedTotal> disagreements = sink.stated.stream().filter((total) -> !total.agrees()).toList();
		assertThat(disagreements).singleElement().satisfies((total) -> {
			assertThat(total.stated()).isEqualTo(13);
			assertThat(total.computed()).isEqualTo(12);
			assertThat(total.unit()).isEqualTo(TEST_COUNTY);
			assertThat(total.voteType()).isEqualTo("total");
		});
	}

	@Test
	void nistOtherCountsAreKeptForTheCountedUnitsNeverAsVotes() {
		// the whole err-gen-01.json: cc-assembly-2 states Undervotes 3 in each of its
		// split precincts and 6 in ru-county-1 (not counted: its units are)
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-err-gen-01.json"), null, NIST);

		assertThat(sink.problems).isEmpty();
		String assembly = sink.keys.stream()
			.filter((key) -> key.kind() == SourceKey.Kind.CONTEST && key.key().equals("cc-assembly-2"))
			.findFirst()
			.orElseThrow()
			.office();
		List<OtherCountRow> rows = sink.otherCounts.stream().filter((row) -> row.office().equals(assembly)).toList();
		assertThat(rows).filteredOn((row) -> row.kind() == OtherCountRow.Kind.UNDERVOTES)
			.extracting(OtherCountRow::precinct, OtherCountRow::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Precinct 2a", 3L),
					org.assertj.core.groups.Tuple.tuple("Precinct 2b", 3L));
		assertThat(rows).filteredOn((row) -> row.kind() == OtherCountRow.Kind.OVERVOTES)
			.extracting(OtherCountRow::count)
			.containsExactly(0L, 0L);
		assertThat(rows).allSatisfy((row) -> assertThat(row.location()).contains("/OtherCounts/"));
		// the whole file's county rows all agree with their units
		assertThat(sink.stated).isNotEmpty().allMatch(StatedTotal::agrees);
		assertThat(sink.counts).noneMatch((row) -> row.candidate().toLowerCase().contains("vote"));
	}

	@Test
	void nistBallotCountsAreTheCountedUnitsBallotsCastAndTheCountysAreCheckedAgainstThem() {
		// err-gen-01.json whole, with the Election's BallotCounts a report states: its
		// four counted units, a device's breakdown, and ru-county-1 (the election's
		// scope) right, then one too many
		for (long county : new long[] { 97, 98 }) {
			RecordingSink sink = RecordingSink.readFile(withBallotCounts(county), null, NIST);

			assertThat(sink.problems).isEmpty();
			List<StatedTotal> ballots = sink.stated.stream()
				.filter((total) -> total.voteType().equals("ballots-cast"))
				.toList();
			assertThat(ballots).singleElement().satisfies((total) -> {
				assertThat(total.unit()).isEqualTo(TEST_COUNTY);
				assertThat(total.contest()).isNull();
				assertThat(total.stated()).isEqualTo(county);
				assertThat(total.computed()).isEqualTo(40 + 35 + 10 + 12);
				assertThat(total.location()).isEqualTo("/Election/0/BallotCounts/5/BallotsCast");
			});
			// the units' figures are their ballots cast (no VotersParticipated)
			assertThat(sink.progress).filteredOn((row) -> "Precinct 2a".equals(row.precinct()))
				.isNotEmpty()
				.allSatisfy((row) -> assertThat(row.ballotsCast()).isEqualTo(10L));
			// every vote count's county row still agrees
			assertThat(sink.stated).filteredOn((total) -> !total.agrees())
				.hasSize((county == 97) ? 0 : 1)
				.allSatisfy((total) -> assertThat(total.voteType()).isEqualTo("ballots-cast"));
		}
	}

	private static byte[] withBallotCounts(long county) {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.node.ObjectNode report = (tools.jackson.databind.node.ObjectNode) json
			.readTree(RecordingSink.json("nist-err-gen-01.json"));
		tools.jackson.databind.node.ArrayNode counts = ((tools.jackson.databind.node.ObjectNode) report.get("Election")
			.get(0)).putArray("BallotCounts");
		String[] units = { "cp-1-4-5-6", "cp-3-7-8-9", "ps-2a", "ps-2b", "ps-2a", "ru-county-1" };
		long[] cast = { 40, 35, 10, 12, 4, county };
		for (int i = 0; i < units.length; i++) {
			tools.jackson.databind.node.ObjectNode entry = counts.addObject()
				.put("@type", "ElectionResults.BallotCounts")
				.put("GpUnitId", units[i])
				.put("Type", "total")
				.put("BallotsCast", cast[i]);
			if (i == 4) {
				entry.put("DeviceClass", "ballot-scanner");
			}
		}
		return json.writeValueAsBytes(report);
	}

	@Test
	void nistIdsAreTheKeysOfContestsChoicesAndUnits() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-err-gen-01-cut.json"), null, NIST);

		String scope = "nist:National Institute of Standards and Technology:ru-county-1";
		assertThat(sink.keys).anySatisfy((key) -> {
			assertThat(key.kind()).isEqualTo(SourceKey.Kind.CONTEST);
			assertThat(key.scope()).isEqualTo(scope);
			assertThat(key.key()).isEqualTo("cc-president");
			assertThat(key.office()).isEqualTo("President and Vice President of the United States");
		});
		assertThat(sink.keys).anySatisfy((key) -> {
			assertThat(key.kind()).isEqualTo(SourceKey.Kind.CHOICE);
			assertThat(key.choice()).isEqualTo("Harry Brown");
		});
		assertThat(sink.keys).filteredOn((key) -> key.kind() == SourceKey.Kind.UNIT)
			.extracting(SourceKey::key)
			.containsExactlyInAnyOrder("cp-1-4-5-6", "cp-3-7-8-9", "ps-2a", "ps-2b");
	}

	@Test
	void apStateRowAgainstItsCountiesIsOneEntryPerChoice() {
		// Colorado's 2015 Proposition BB (newsdev/elex): state row Yes 805,617, No
		// 354,769;
		// its 64 counties 801,232 and 351,144
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("ap-20151103-co-prop-bb.json"), null,
				new ReadContext("Colorado", false));

		assertThat(sink.problems).isEmpty();
		assertThat(sink.stated).extracting(StatedTotal::choice, StatedTotal::stated, StatedTotal::computed)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Yes", 805617L, 801232L),
					org.assertj.core.groups.Tuple.tuple("No", 354769L, 351144L));
		assertThat(sink.stated).allSatisfy((total) -> {
			assertThat(total.contest()).startsWith("Proposition BB").contains("[raceID ");
			assertThat(total.unit()).isEqualTo("Colorado");
			assertThat(total.location()).endsWith("/reportingUnits");
		});
		assertThat(sink.keys).filteredOn((key) -> key.kind() == SourceKey.Kind.UNIT).hasSize(64);
		assertThat(sink.keys).filteredOn((key) -> key.kind() == SourceKey.Kind.CONTEST)
			.singleElement()
			.satisfies((key) -> assertThat(key.scope()).isEqualTo("ap:CO"));
	}

	@Test
	void rctabRoundsKeepTheFirstRoundsBallotsAndTheSummaryAddsTheUndervotes() throws java.io.IOException {
		// Minneapolis 2013 mayor (BrightSpots/rcv): 33 rounds of 79,462 ballots (tallies
		// and inactive), totalNumBallots 80,101 with 639 undervotes
		RecordingSink sink = rctab("/rctab/2013_minneapolis_mayor_expected_detailed_report.json");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.stated).hasSize(33)
			.allSatisfy((total) -> assertThat(total.agrees()).as(total.toString()).isTrue());
		assertThat(sink.stated).filteredOn((total) -> "ballots-cast".equals(total.voteType()))
			.singleElement()
			.satisfies((total) -> assertThat(total.stated()).isEqualTo(80101));
		assertThat(sink.stated).filteredOn((total) -> "round 33 ballots".equals(total.voteType()))
			.singleElement()
			.satisfies((total) -> assertThat(total.computed()).isEqualTo(79462));
		assertThat(sink.otherCounts).extracting(OtherCountRow::kind, OtherCountRow::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(OtherCountRow.Kind.OVERVOTES, 140L),
					org.assertj.core.groups.Tuple.tuple(OtherCountRow.Kind.UNDERVOTES, 639L));
	}

	@Test
	void rctabStvRoundsCountTheResidualSurplusSetAside() throws java.io.IOException {
		// Minneapolis 2013 Park Board (3 seats, fractional transfers)
		RecordingSink sink = rctab("/rctab/2013_minneapolis_park_expected_detailed_report.json");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.stated).isNotEmpty()
			.allSatisfy((total) -> assertThat(total.agrees()).as(total.toString()).isTrue());
	}

	@Test
	void anRctabRoundThatLosesBallotsIsReported() throws java.io.IOException {
		String report = new String(read("/rctab/2018_maine_governor_primary_expected_detailed_report.json"),
				StandardCharsets.UTF_8);
		// round 2's exhausted choices 1959 written as 1960: one ballot too many
		String changed = report.replaceFirst("\"exhaustedChoices\" : \"1959\"", "\"exhaustedChoices\" : \"1960\"");
		assertThat(changed).isNotEqualTo(report);
		RecordingSink sink = RecordingSink.read(changed.getBytes(StandardCharsets.UTF_8), ImportFormat.RCTAB);

		assertThat(sink.stated.stream().filter((total) -> !total.agrees()).toList()).singleElement()
			.satisfies((total) -> {
				assertThat(total.voteType()).isEqualTo("round 2 ballots");
				assertThat(total.stated()).isEqualTo(total.computed() + 1);
				assertThat(total.location()).isEqualTo("/results/1");
			});
	}

	private static RecordingSink rctab(String name) throws java.io.IOException {
		return RecordingSink.read(read(name), ImportFormat.RCTAB);
	}

	private static byte[] read(String name) throws java.io.IOException {
		try (java.io.InputStream in = FileTotalsReconciledTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

}
