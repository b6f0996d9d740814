package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.WinnerRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * AP results files as newsdev/elex keeps them in its tests ({@code tests/data}), cut to a
 * few races: the 2015 national file (Kentucky governor with four counties, two Colorado
 * ballot issues), the 2012 Alaska presidential file, the 2016 Iowa caucus districts and
 * elex's fake test-data file.
 */
class ApJsonReaderTest {

	private static RecordingSink read(String file, String state, boolean test) {
		return RecordingSink.readFile(RecordingSink.json(file), null, new ReadContext(state, test));
	}

	@Test
	void readsOnlyTheElectionsStateAndNamesTheRacesItSkips() {
		RecordingSink sink = read("ap-20151103-national-cut.json", "Kentucky", false);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.summary.format()).isEqualTo(ImportFormat.AP_JSON);
		assertThat(sink.counts).extracting(CountRow::office).containsOnly("Governor");
		assertThat(sink.warnings).filteredOn((warning) -> "statePostal".equals(warning.column()))
			.extracting(Problem::value)
			.containsExactly("CO", "CO");
		assertThat(sink.warnings).filteredOn((warning) -> "statePostal".equals(warning.column()))
			.extracting(Problem::message)
			.allMatch((message) -> message.contains("not KY: skipped"));
	}

	@Test
	void theStateRowHoldsTheTotalsAndTheCountiesKeepTheirOwnRows() {
		RecordingSink sink = read("ap-20151103-national-cut.json", "Kentucky", false);

		// the file: Adair 2727, Allen 2344, Anderson 3724, Ballard 1312 for Bevin; the
		// state row's 511771 is all 120 counties (the cut keeps four): the state row is
		// the election's jurisdiction (county null), the contest's totals
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Matt Bevin"))
			.extracting(CountRow::county, CountRow::votes, CountRow::party)
			.containsExactly(tuple(null, 511771L, "GOP"), tuple("Adair", 2727L, "GOP"), tuple("Allen", 2344L, "GOP"),
					tuple("Anderson", 3724L, "GOP"), tuple("Ballard", 1312L, "GOP"));
		assertThat(sink.counts).hasSize(5 * 3).allMatch((row) -> row.precinct() == null);
		assertThat(sink.contests).singleElement()
			.satisfies((contest) -> assertThat(contest.unitsDifferBy()).containsExactly(
					java.util.Map.entry("Matt Bevin", 511771L - 2727 - 2344 - 3724 - 1312),
					java.util.Map.entry("Jack Conway", 426944L - 1268 - 977 - 2635 - 990),
					java.util.Map.entry("Drew Curtis", 35629L - 116 - 76 - 370 - 75)));
		assertThat(sink.warnings).filteredOn((warning) -> "reportingUnits".equals(warning.column()))
			.singleElement()
			.satisfies((warning) -> assertThat(warning.message())
				.contains("differs from the sum of its 4 counties by Matt Bevin +501664"));
		assertThat(sink.progress)
			.extracting(ProgressRow::county, ProgressRow::precinctsReporting, ProgressRow::precinctsTotal)
			.containsExactly(tuple("Adair", 16, 16), tuple("Allen", 13, 13), tuple("Anderson", 14, 14),
					tuple("Ballard", 13, 13));
	}

	@Test
	void keepsApsWinnerFlagFromTheStateRowAndTheLatestUpdate() {
		RecordingSink sink = read("ap-20151103-national-cut.json", "Kentucky", false);

		assertThat(sink.winners).extracting(WinnerRow::office, WinnerRow::candidate, WinnerRow::runoff)
			.containsExactly(tuple("Governor", "Matt Bevin", false));
		assertThat(sink.winners.get(0).location()).isEqualTo("/races/2/reportingUnits/0/candidates/0/winner");
		String file = new String(RecordingSink.json("ap-20151103-national-cut.json"), StandardCharsets.UTF_8);
		String kentucky = file.substring(file.indexOf("\"raceID\":\"18525\""));
		Instant latest = java.util.regex.Pattern
			.compile("\"level\":\"(?:subunit|state)\"[^}]*?\"lastUpdated\":\"([^\"]+)\"")
			.matcher(kentucky)
			.results()
			.map((match) -> Instant.parse(match.group(1)))
			.max(Instant::compareTo)
			.orElseThrow();
		assertThat(sink.sourceUpdatedAt).isEqualTo(latest);
	}

	@Test
	void readsBallotIssuesAsMeasuresWithYesAndNo() {
		RecordingSink sink = read("ap-20151103-national-cut.json", "Colorado", false);

		assertThat(sink.contests).extracting(ContestRow::office, ContestRow::measure)
			.containsExactly(tuple("Proposition BB Retain Revenue", true),
					tuple("Question Recall Williams Dist 1", true));
		assertThat(sink.counts).filteredOn((row) -> row.office().equals("Proposition BB Retain Revenue"))
			.extracting(CountRow::county, CountRow::candidate, CountRow::votes, CountRow::party)
			.containsExactly(tuple(null, "Yes", 805617L, null), tuple(null, "No", 354769L, null),
					tuple("Adams", "Yes", 39099L, null), tuple("Adams", "No", 19063L, null),
					tuple("Alamosa", "Yes", 2261L, null), tuple("Alamosa", "No", 1289L, null));
	}

	@Test
	void aStateWithoutCountiesIsCountedOnceAtItsOnlySubunit() {
		RecordingSink sink = read("ap-20121106-ak-prez.json", "Alaska", false);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::county, CountRow::candidate, CountRow::votes, CountRow::incumbent)
			.containsExactly(tuple("Alaska", "Mitt Romney", 136848L, null),
					tuple("Alaska", "Barack Obama", 102138L, true), tuple("Alaska", "Gary Johnson", 6131L, null),
					tuple("Alaska", "Jill Stein", 2366L, null));
	}

	@Test
	void caucusDistrictsAreNotAddedToTheStateRowAndPrimariesAreNamedByParty() {
		RecordingSink sink = read("ap-20160201-district.json", "IA", false);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.contests).extracting(ContestRow::office).containsExactly("President (Dem)", "President (GOP)");
		assertThat(sink.counts).allMatch((row) -> row.county() == null && row.precinct() == null);
		// the state rows: Clinton 701 (state delegate equivalents), Cruz 51666; the
		// districts (At Large, PLEO, District 1-4) are other cuts of the same caucuses
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Hillary Clinton"))
			.extracting(CountRow::votes)
			.containsExactly(701L);
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Ted Cruz"))
			.extracting(CountRow::votes)
			.containsExactly(51666L);
		assertThat(sink.counts).filteredOn((row) -> row.office().equals("President (Dem)")).hasSize(5);
		assertThat(sink.counts).filteredOn((row) -> row.office().equals("President (GOP)")).hasSize(13);
	}

	@Test
	void aTestRaceInARealElectionIsAProblemAtItsPointer() {
		RecordingSink sink = read("ap-00000000-fake-cut.json", "Virginia", false);

		assertThat(sink.problems).extracting(Problem::location).containsExactly("/races/0/test", "/races/1/test");
		assertThat(sink.problems).extracting(Problem::message).allMatch((message) -> message.contains("test data"));
	}

	@Test
	void aTestFileImportsIntoATestElection() {
		RecordingSink sink = read("ap-00000000-fake-cut.json", "Virginia", true);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.contests).extracting(ContestRow::office, ContestRow::district)
			.containsExactly(tuple("State Senate", "36"), tuple("State Senate", "37"));
		assertThat(sink.warnings).extracting(Problem::value).containsExactly("WA");
		assertThat(sink.counts).filteredOn((row) -> row.district().equals("36") && row.candidate().equals("Sally Ride"))
			.extracting(CountRow::county, CountRow::votes)
			.containsExactly(tuple(null, 31836L), tuple("Fairfax", 11266L), tuple("Prince William", 18489L),
					tuple("Stafford", 2081L));
		// the state row agrees with its counties: nothing to note
		assertThat(sink.contests).extracting(ContestRow::unitsDifferBy).allMatch(java.util.Map::isEmpty);
	}

	@Test
	void aNegativeVoteCountIsAProblemAtItsPointer() {
		String file = new String(RecordingSink.json("ap-20151103-national-cut.json"), StandardCharsets.UTF_8);

		RecordingSink sink = RecordingSink.readFile(
				file.replace("\"voteCount\":2727", "\"voteCount\":-2727").getBytes(StandardCharsets.UTF_8), null,
				new ReadContext("Kentucky", false));

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.location()).isEqualTo("/races/2/reportingUnits/1/candidates/0/voteCount");
			assertThat(problem.value()).isEqualTo("-2727");
		});
	}

	@Test
	void candidateNamesGoThroughTheOneNormaliserAndKeepTheWrittenName() {
		// the real Alaska file with names written as other formats write them
		String file = new String(RecordingSink.json("ap-20121106-ak-prez.json"), StandardCharsets.UTF_8)
			.replace("\"last\":\"Stein\"", "\"last\":\"Stein (I)\"")
			.replace("\"last\":\"Johnson\"", "\"last\":\"Johnson  (Lib)\"");

		RecordingSink sink = RecordingSink.readFile(file.getBytes(StandardCharsets.UTF_8), null,
				new ReadContext("Alaska", false));

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts)
			.extracting(CountRow::candidate, CountRow::writtenName, CountRow::incumbent, CountRow::votes)
			.containsExactly(tuple("Mitt Romney", "Mitt Romney", null, 136848L),
					tuple("Barack Obama", "Barack Obama", true, 102138L),
					tuple("Gary Johnson", "Gary Johnson  (Lib)", null, 6131L),
					tuple("Jill Stein", "Jill Stein (I)", true, 2366L));
		// AP's own party column wins over the name's
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Gary Johnson"))
			.extracting(CountRow::party)
			.containsExactly("Lib");
	}

	@Test
	void apsWinnerFlagNamesTheNormalisedChoice() {
		String file = new String(RecordingSink.json("ap-20151103-national-cut.json"), StandardCharsets.UTF_8)
			.replace("\"last\":\"Bevin\"", "\"last\":\"Bevin (GOP)\"");

		RecordingSink sink = RecordingSink.readFile(file.getBytes(StandardCharsets.UTF_8), null,
				new ReadContext("Kentucky", false));

		assertThat(sink.winners).extracting(WinnerRow::candidate).containsExactly("Matt Bevin");
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Matt Bevin")).hasSize(1 + 4);
	}

	@Test
	void apsExpectedVotePercentageOfAStateCountedRaceBecomesItsExpectedVote() {
		// the elex sample has no eevp (AP added it later, race-level, "estimated expected
		// vote percentage"): written into the Iowa GOP race, whose state row is counted
		String file = new String(RecordingSink.json("ap-20160201-district.json"), StandardCharsets.UTF_8)
			.replace("\"raceID\":\"16957\",", "\"raceID\":\"16957\",\"eevp\":95,");

		RecordingSink sink = RecordingSink.readFile(file.getBytes(StandardCharsets.UTF_8), null,
				new ReadContext("IA", false));

		assertThat(sink.problems).isEmpty();
		// the state row's 13 candidates add up to 186,874 votes: 186,874 x 100 / 95 =
		// 196,709.47
		assertThat(sink.progress).filteredOn((row) -> row.office().equals("President (GOP)"))
			.extracting(ProgressRow::county, ProgressRow::expectedVotes, ProgressRow::precinctsReporting)
			.containsExactly(tuple(null, 196_709L, 1681));
		assertThat(sink.progress).filteredOn((row) -> row.office().equals("President (Dem)"))
			.extracting(ProgressRow::expectedVotes)
			.containsOnlyNulls();
	}

	@Test
	void aCountysOwnExpectedVotePercentageIsItsAndTheRacesIsNotSpreadOverCounties() {
		String file = new String(RecordingSink.json("ap-20151103-national-cut.json"), StandardCharsets.UTF_8)
			.replace("\"raceID\":\"18525\",", "\"raceID\":\"18525\",\"eevp\":99,")
			.replace("\"reportingunitName\":\"Adair\",", "\"reportingunitName\":\"Adair\",\"eevp\":\"80\",")
			.replace("\"reportingunitName\":\"Allen\",", "\"reportingunitName\":\"Allen\",\"eevp\":140,")
			.replace("\"reportingunitName\":\"Anderson\",",
					"\"reportingunitName\":\"Anderson\",\"eevp\":\"0.0000000001\",");

		RecordingSink sink = RecordingSink.readFile(file.getBytes(StandardCharsets.UTF_8), null,
				new ReadContext("Kentucky", false));

		assertThat(sink.problems).isEmpty();
		// Adair: Bevin 2727 + Conway 1268 + Curtis 116 = 4111 votes, 80% of 5138.75; the
		// race's 99 is the state row's, which holds the totals: 511771 + 426944 + 35629 =
		// 974344 votes, 99% of 984185.86 (its precincts are the counties')
		assertThat(sink.progress)
			.extracting(ProgressRow::county, ProgressRow::expectedVotes, ProgressRow::precinctsTotal)
			.containsExactly(tuple(null, 984186L, null), tuple("Adair", 5139L, 16), tuple("Allen", null, 13),
					tuple("Anderson", null, 14), tuple("Ballard", null, 13));
		assertThat(sink.warnings).filteredOn((warning) -> "eevp".equals(warning.column()))
			.extracting(Problem::value, Problem::location)
			.containsExactlyInAnyOrder(tuple("140", "/races/2/reportingUnits/2/eevp"),
					tuple("0.0000000001", "/races/2/reportingUnits/3/eevp"));
	}

	@Test
	void anElectionOutsideAnyStateCannotTakeAnApFile() {
		RecordingSink sink = read("ap-20121106-ak-prez.json", "Los Angeles County", false);

		assertThat(sink.problems).extracting(Problem::message)
			.singleElement()
			.satisfies((message) -> assertThat(message).contains("not a US state"));
		assertThat(sink.counts).isEmpty();
	}

	@Test
	void jsonOfNeitherFormatIsRefused() {
		RecordingSink sink = RecordingSink.readFile("{\"results\": []}".getBytes(StandardCharsets.UTF_8), null,
				ReadContext.NONE);

		assertThat(sink.problems).extracting(Problem::message)
			.singleElement()
			.satisfies((message) -> assertThat(message).contains("neither a NIST"));
		assertThat(List.copyOf(sink.counts)).isEmpty();
	}

}
