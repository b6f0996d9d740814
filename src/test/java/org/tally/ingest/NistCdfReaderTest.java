package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tally.results.VoteType;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReadContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NIST SP 1500-100 v2 reports: {@code nist-err-gen-01-cut.json} is cut from NIST's
 * cdf-test-method synthetic report (its county of combined and split precincts, the
 * Election before the GpUnits it names); {@code nist-composed-units.json} is written by
 * hand to hold each role a unit can play: a state and a county that hold the sums of
 * units inside them, a county with no precincts, a city made of precincts, and counts
 * split by vote type.
 */
class NistCdfReaderTest {

	private static final ReadContext REAL = new ReadContext("Example State", false);

	@Test
	void countsEachCombinedAndSplitPrecinctOnceAndNeverTheCountyThatHoldsTheirSum() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-err-gen-01-cut.json"), null, REAL);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.summary.format()).isEqualTo(ImportFormat.NIST_CDF);
		// the file gives Harry Brown 12 in ru-county-1 ("Test County", the election's
		// scope) and 3 in each of its four precinct-level units
		List<CountRow> brown = totals(sink, "President and Vice President of the United States", "Harry Brown");
		assertThat(brown).extracting(CountRow::precinct)
			.containsExactly("Combined Precincts 1,4,5,6", "Combined Precincts 3,7,8,9", "Precinct 2a", "Precinct 2b");
		assertThat(brown).extracting(CountRow::county).containsOnly("Test County");
		assertThat(brown).extracting(CountRow::votes).containsOnly(3L);
		assertThat(brown).extracting(CountRow::party).containsOnly("Libertarian");
		assertThat(sum(totals(sink, "Representative in Congress - District 1", "Jim Gibbons"))).isEqualTo(6);
		assertThat(sum(totals(sink, "Proposal 2 - Stadium", "Yes"))).isEqualTo(10);
		assertThat(totals(sink, "President and Vice President of the United States", "Write-in"))
			.extracting(CountRow::writeIn)
			.containsOnly(true);
	}

	@Test
	void everySelectionsCountedUnitsAddUpToTheCountyRowTheFileGivesBesideThem() throws java.io.IOException {
		byte[] file = RecordingSink.json("nist-err-gen-01-cut.json");
		RecordingSink sink = RecordingSink.readFile(file, null, REAL);

		// the file's own figures: each selection's count for ru-county-1 (Test County),
		// which holds the sum of the precinct-level units beside it
		Map<String, Long> county = new java.util.TreeMap<>();
		tools.jackson.databind.JsonNode report = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(file);
		Map<String, String> names = new java.util.HashMap<>();
		report.path("Election")
			.get(0)
			.path("Candidate")
			.forEach((candidate) -> names.put(candidate.path("@id").asString(),
					candidate.path("BallotName").path("Text").get(0).path("Content").asString()));
		for (tools.jackson.databind.JsonNode contest : report.path("Election").get(0).path("Contest")) {
			if (contest.path("@type").asString().endsWith("PartyContest")) {
				continue;
			}
			for (tools.jackson.databind.JsonNode selection : contest.path("ContestSelection")) {
				if (selection.path("IsWriteIn").asBoolean(false)) {
					continue;
				}
				String name = selection.has("CandidateIds")
						? names.get(selection.path("CandidateIds").get(0).asString())
						: selection.path("Selection").path("Text").path(0).path("Content").asString(null);
				for (tools.jackson.databind.JsonNode count : selection.path("VoteCounts")) {
					if (count.path("GpUnitId").asString().equals("ru-county-1") && name != null) {
						// the reader writes a measure's YES and NO as Yes and No
						county.merge((contest.path("Name").asString() + " | " + name).toLowerCase(Locale.ROOT),
								count.path("Count").asLong(), Long::sum);
					}
				}
			}
		}
		Map<String, Long> counted = new java.util.TreeMap<>();
		sink.counts.stream()
			.filter((row) -> row.voteType() == VoteType.TOTAL && !row.candidate().startsWith("Write-in"))
			.forEach((row) -> counted.merge((row.office() + " | " + row.candidate()).toLowerCase(Locale.ROOT),
					row.votes(), Long::sum));

		assertThat(county).isNotEmpty();
		assertThat(counted).containsExactlyInAnyOrderEntriesOf(county);
		assertThat(sink.counts).noneMatch((row) -> "Test County".equals(row.precinct()));
	}

	@Test
	void aBadCountAtTheCountyTallyDoesNotPublishIsStillAProblem() {
		// the county holds its precincts' sums, so its counts are never published; its
		// first count for President made negative
		String file = new String(RecordingSink.json("nist-err-gen-01-cut.json"), StandardCharsets.UTF_8);
		int at = file.indexOf("\"GpUnitId\": \"ru-county-1\"", file.indexOf("\"cs-president-hb\""));
		int count = file.lastIndexOf("\"Count\": 12", at);
		String broken = file.substring(0, count) + "\"Count\": -12" + file.substring(count + "\"Count\": 12".length());

		RecordingSink sink = RecordingSink.readFile(broken.getBytes(StandardCharsets.UTF_8), null, REAL);

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.value()).isEqualTo("-12");
			assertThat(problem.message()).contains("ru-county-1", "does not publish");
			assertThat(problem.location()).endsWith("/Count");
		});
	}

	@Test
	void readsMeasuresSeatsAndLeavesStraightPartyContestsOut() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-err-gen-01-cut.json"), null, REAL);

		assertThat(sink.contests).extracting(ContestRow::office)
			.containsExactly("President and Vice President of the United States",
					"Representative in Congress - District 1", "Representative in Congress - District 2",
					"Proposal 2 - Stadium", "County Assessor");
		assertThat(sink.contests).filteredOn(ContestRow::measure)
			.extracting(ContestRow::office)
			.containsExactly("Proposal 2 - Stadium");
		assertThat(sink.contests).filteredOn((contest) -> contest.office().equals("County Assessor"))
			.extracting(ContestRow::seats)
			.containsExactly(2);
		assertThat(sink.counts).noneMatch((count) -> count.office().equals("Straight Party"));
		assertThat(sink.warnings).extracting(Problem::message).anyMatch((m) -> m.contains("straight-party"));
	}

	@Test
	void countsTheInnermostUnitsThatHoldCountsUnderTheCountyThatComposesThem() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-composed-units.json"), null, REAL);

		assertThat(sink.problems).isEmpty();
		// Ann Able: the state says 1000, North County 600 (= P-1 + P-2A), South County
		// 400
		List<CountRow> able = totals(sink, "Governor", "Ann Able");
		assertThat(able).extracting((row) -> row.county() + "/" + row.precinct() + "=" + row.votes())
			.containsExactly("North County/P-1=310", "North County/P-2A=290", "South County/null=400");
		assertThat(sum(able)).isEqualTo(1000);
		assertThat(sum(totals(sink, "Governor", "Bob Baker"))).isEqualTo(240 + 260 + 300);
		assertThat(sum(totals(sink, "Governor", "Write-in"))).isEqualTo(3 + 2 + 1);
		// the city of Riverton is made of P-1 and Vote Center 1, which both hold counts
		assertThat(totals(sink, "City Council", "Cy Cole"))
			.extracting((row) -> row.county() + "/" + row.precinct() + "=" + row.votes())
			.containsExactly("North County/P-1=40", "North County/Vote Center 1=30");
		// a measure counted only in its own district, a county
		assertThat(totals(sink, "Measure A - Parks", "Yes"))
			.extracting(CountRow::county, CountRow::precinct, CountRow::votes)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("South County", null, 220L));
	}

	@Test
	void splitsVoteTypesAndTakesTheTotalFromThePartsWhenTheFileGivesNone() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-composed-units.json"), null, REAL);

		Map<VoteType, Long> p1 = sink.counts.stream()
			.filter((row) -> row.candidate().equals("Ann Able") && "P-1".equals(row.precinct()))
			.collect(Collectors.toMap(CountRow::voteType, CountRow::votes));
		assertThat(p1).containsExactlyInAnyOrderEntriesOf(Map.of(VoteType.TOTAL, 100L + 150 + 50 + 10,
				VoteType.ELECTION_DAY, 100L, VoteType.MAIL, 150L, VoteType.EARLY, 50L, VoteType.PROVISIONAL, 10L));
		// Bob Baker's 7 overvotes in P-1 are not votes
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Bob Baker") && "P-1".equals(row.precinct()))
			.extracting(CountRow::voteType, CountRow::votes)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(VoteType.TOTAL, 240L),
					org.assertj.core.groups.Tuple.tuple(VoteType.ELECTION_DAY, 240L));
	}

	@Test
	void readsPartiesIncumbentsPersonsProgressAndTheGeneratedDate() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-composed-units.json"), null, REAL);

		assertThat(totals(sink, "Governor", "Bob Baker")).extracting(CountRow::party, CountRow::incumbent)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("REP", true));
		assertThat(totals(sink, "City Council", "Di Dunn")).extracting(CountRow::party).containsOnly("REP");
		assertThat(sink.progress).filteredOn((row) -> row.office().equals("Governor"))
			.extracting(ProgressRow::county, ProgressRow::registeredVoters, ProgressRow::ballotsCast)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("South County", 5000L, 900L));
		assertThat(sink.sourceUpdatedAt).isEqualTo(Instant.parse("2024-11-06T09:30:00Z"));
	}

	@Test
	void aTestFlagThatContradictsTheElectionIsAProblemAtItsPointer() {
		RecordingSink sink = RecordingSink.readFile(RecordingSink.json("nist-composed-units.json"), null,
				new ReadContext("Example State", true));

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.location()).isEqualTo("/IsTest");
			assertThat(problem.message()).contains("IsTest false");
		});
	}

	@Test
	void aNegativeCountIsAProblemNamingItsJsonPointerAndLine() {
		String file = new String(RecordingSink.json("nist-composed-units.json"), StandardCharsets.UTF_8);
		String bad = file.replaceFirst("\"Count\": 240", "\"Count\": -240");
		long line = bad.substring(0, bad.indexOf("-240")).lines().count();

		RecordingSink sink = RecordingSink.readFile(bad.getBytes(StandardCharsets.UTF_8), null, REAL);

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.location()).isEqualTo("/Election/0/Contest/0/ContestSelection/1/VoteCounts/2/Count");
			assertThat(problem.value()).isEqualTo("-240");
			assertThat(problem.row()).isBetween(line - 6, line);
		});
	}

	@Test
	void aUnitNoGpUnitDefinesIsAProblem() {
		String file = new String(RecordingSink.json("nist-composed-units.json"), StandardCharsets.UTF_8);

		RecordingSink sink = RecordingSink.readFile(
				file.replace("\"GpUnitId\": \"p2\"", "\"GpUnitId\": \"p9\"").getBytes(StandardCharsets.UTF_8), null,
				REAL);

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.value()).isEqualTo("p9");
			assertThat(problem.message()).contains("no GpUnit");
			assertThat(problem.location()).startsWith("/Election/0/Contest/0/ContestSelection/0/VoteCounts/");
		});
	}

	@Test
	void aReportOfAnotherSchemaIsRefused() {
		RecordingSink sink = RecordingSink.readFile(
				"{\"@type\":\"ElectionResults.BallotStyle\",\"Election\":[]}".getBytes(StandardCharsets.UTF_8), null,
				REAL);

		assertThat(sink.problems).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("not a NIST SP 1500-100 v2 ElectionReport"));
		assertThat(sink.counts).isEmpty();
	}

	@Test
	void aTruncatedReportIsAProblemWithTheLineWhereItStops() {
		byte[] file = RecordingSink.json("nist-composed-units.json");
		byte[] cut = java.util.Arrays.copyOf(file, file.length / 2);

		RecordingSink sink = RecordingSink.readFile(cut, ImportFormat.NIST_CDF, REAL);

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).startsWith("not readable as JSON");
			assertThat(problem.row()).isPositive();
		});
		assertThat(sink.counts).isEmpty();
	}

	@Test
	void ballotNamesGoThroughTheOneNormaliserAndKeepTheWrittenName() {
		// NIST's own cut, with two ballot names written as Clarity writes them
		String file = new String(RecordingSink.json("nist-err-gen-01-cut.json"), StandardCharsets.UTF_8)
			.replace("\"Content\": \"Harry Brown\"", "\"Content\": \"- Harry  Brown (I)\"")
			.replace("\"Content\": \"Jim Gibbons\"", "\"Content\": \"Jim Gibbons (REP)\"")
			.replaceFirst("(\"@id\": \"can-jg\",[\\s\\S]*?)\"PartyId\": \"par-lib\",", "$1");

		RecordingSink sink = RecordingSink.readFile(file.getBytes(StandardCharsets.UTF_8), null, REAL);

		assertThat(sink.problems).isEmpty();
		List<CountRow> brown = totals(sink, "President and Vice President of the United States", "Harry Brown");
		assertThat(brown).hasSize(4)
			.extracting(CountRow::writtenName, CountRow::party, CountRow::incumbent)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("- Harry  Brown (I)", "Libertarian", true));
		// no PartyId left on Jim Gibbons: the name's "(REP)" is the party
		assertThat(totals(sink, "Representative in Congress - District 1", "Jim Gibbons"))
			.extracting(CountRow::writtenName, CountRow::party)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("Jim Gibbons (REP)", "REP"));
		assertThat(sum(totals(sink, "Representative in Congress - District 1", "Jim Gibbons"))).isEqualTo(6);
	}

	@Test
	void countsByDeviceClassStandInForAUnitsCountOnlyWhenItHasNoneOfItsOwn() {
		// P-1's election-day count (100) beside a breakdown by device class that says
		// otherwise: the unit's own count is read
		String file = new String(RecordingSink.json("nist-composed-units.json"), StandardCharsets.UTF_8);
		String p1 = device(file, "p1", "election-day", 100,
				"{\"@type\": \"ElectionResults.DeviceClass\", " + "\"Type\": \"opscan-precinct\"}", 999);
		RecordingSink sink = RecordingSink.readFile(p1.getBytes(StandardCharsets.UTF_8), null, REAL);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts)
			.filteredOn((row) -> row.candidate().equals("Ann Able") && "P-1".equals(row.precinct())
					&& row.voteType() == VoteType.ELECTION_DAY)
			.extracting(CountRow::votes)
			.containsExactly(100L);
		assertThat(sink.warnings).extracting(Problem::column).contains("DeviceClass");

		String onlyByDevice = device(file, "p1", "election-day", 100,
				"{\"@type\": \"ElectionResults.DeviceClass\", \"Type\": \"dre\"}", 7);
		onlyByDevice = onlyByDevice.replaceFirst(
				"(\"GpUnitId\": \"p1\",\\s*\"Type\": \"election-day\",\\s*\"Count\": 100)",
				"$1, \"DeviceClass\": {\"@type\": \"ElectionResults.DeviceClass\", \"Type\": \"opscan-precinct\"}");
		sink = RecordingSink.readFile(onlyByDevice.getBytes(StandardCharsets.UTF_8), null, REAL);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Ann Able") && "P-1".equals(row.precinct()))
			.extracting(CountRow::voteType, CountRow::votes)
			.contains(org.assertj.core.groups.Tuple.tuple(VoteType.ELECTION_DAY, 107L),
					org.assertj.core.groups.Tuple.tuple(VoteType.TOTAL, 107L + 150 + 50 + 10));
	}

	@Test
	void aRankedChoiceContestIsReadAtItsFinalRound() {
		// NIST's Round: every count becomes round 2, and Ann Able's P-1 gets a round 1
		// beside it
		String file = new String(RecordingSink.json("nist-composed-units.json"), StandardCharsets.UTF_8);
		String rounds = file.replaceAll("(\"Count\": [0-9]+)", "$1, \"Round\": 2");
		rounds = device(rounds, "p1", "election-day", 100, null, 5);

		RecordingSink sink = RecordingSink.readFile(rounds.getBytes(StandardCharsets.UTF_8), null, REAL);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts)
			.filteredOn((row) -> row.candidate().equals("Ann Able") && "P-1".equals(row.precinct())
					&& row.voteType() == VoteType.ELECTION_DAY)
			.extracting(CountRow::votes)
			.containsExactly(100L);
		assertThat(sum(totals(sink, "Governor", "Ann Able"))).isEqualTo(1000);
		assertThat(sink.warnings).extracting(Problem::message).anyMatch((m) -> m.contains("final round (2)"));
	}

	@Test
	void aReportingDevicesCountsAreABreakdownOfTheUnitComposedOfIt() {
		// P-1 is composed of a scanner whose counts the file also gives
		String compact = new String(RecordingSink.json("nist-composed-units.json"), StandardCharsets.UTF_8)
			.replaceAll("\\s+", " ")
			.replace("\"Content\": \"P-1\", \"Language\": \"en\" } ] } }",
					"\"Content\": \"P-1\", \"Language\": \"en\" } ] }, \"ComposingGpUnitIds\": [\"scan-1\"] }, "
							+ "{ \"@type\": \"ElectionResults.ReportingDevice\", \"@id\": \"scan-1\", "
							+ "\"Name\": \"Scanner 1\" }")
			.replace("\"GpUnitId\": \"p1\", \"Type\": \"election-day\", \"Count\": 100 }",
					"\"GpUnitId\": \"p1\", \"Type\": \"election-day\", \"Count\": 100 }, "
							+ "{ \"@type\": \"ElectionResults.VoteCounts\", \"GpUnitId\": \"scan-1\", "
							+ "\"Type\": \"election-day\", \"Count\": 60 }");
		assertThat(compact).contains("\"@id\": \"scan-1\"", "\"GpUnitId\": \"scan-1\"");

		RecordingSink sink = RecordingSink.readFile(compact.getBytes(StandardCharsets.UTF_8), null, REAL);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).noneMatch((row) -> "Scanner 1".equals(row.precinct()));
		assertThat(totals(sink, "Governor", "Ann Able"))
			.extracting((row) -> row.county() + "/" + row.precinct() + "=" + row.votes())
			.containsExactly("North County/P-1=310", "North County/P-2A=290", "South County/null=400");
	}

	/**
	 * The file with one more VoteCounts after the first one of {@code unit} and
	 * {@code type} whose count is {@code count}: a round-1 count when {@code deviceClass}
	 * is {@code null}, else one filtered by that device class.
	 */
	private static String device(String file, String unit, String type, int count, String deviceClass, int votes) {
		String anchor = "\"GpUnitId\": \"" + unit + "\",";
		int at = file.indexOf(anchor);
		int typeAt = file.indexOf("\"Type\": \"" + type + "\"", at);
		int countAt = file.indexOf("\"Count\": " + count, typeAt);
		int end = file.indexOf('}', countAt) + 1;
		String extra = ", {\"@type\": \"ElectionResults.VoteCounts\", \"GpUnitId\": \"" + unit + "\", \"Type\": \""
				+ type + "\", \"Count\": " + votes
				+ ((deviceClass != null) ? ", \"DeviceClass\": " + deviceClass : ", \"Round\": 1") + "}";
		return file.substring(0, end) + extra + file.substring(end);
	}

	static List<CountRow> totals(RecordingSink sink, String office, String candidate) {
		return sink.counts.stream()
			.filter((row) -> row.office().equals(office) && row.candidate().equals(candidate)
					&& row.voteType() == VoteType.TOTAL)
			.toList();
	}

	static long sum(List<CountRow> rows) {
		return rows.stream().mapToLong(CountRow::votes).sum();
	}

}
