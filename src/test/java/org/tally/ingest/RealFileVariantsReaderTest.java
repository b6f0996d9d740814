package org.tally.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The variants real files come in (SPEC §3), read from cuts of the files themselves:
 * Pennsylvania's OpenElections county file, Gloucester County's Clarity summary.csv.
 */
class RealFileVariantsReaderTest {

	private static final String PA = "20221108__pa__general__chester__precinct-cut.csv";

	@Test
	void pennsylvaniaVotesColumnWinsOverItsSplitWithAWarningNamingTheRow() {
		RecordingSink sink = RecordingSink.readResource(PA);

		assertThat(sink.problems).isEmpty();
		// row 33: Chester,Coatesville 5,U.S. Senate,,DEM,John Fetterman,367,265,92,0
		// (265+92+0 = 357)
		assertThat(sink.counts).filteredOn((c) -> c.row() == 33)
			.extracting(CountRow::voteType, CountRow::votes)
			.containsExactly(tuple(VoteType.TOTAL, 367L), tuple(VoteType.ELECTION_DAY, 265L),
					tuple(VoteType.EARLY, 92L), tuple(VoteType.PROVISIONAL, 0L));
		assertThat(sink.warnings).filteredOn((w) -> w.row() == 33)
			.extracting(Problem::message)
			.containsExactly("votes (367) is not the sum of the vote types (357): the votes column is used");
	}

	@Test
	void pennsylvaniaTurnoutRowsAreProgressOfTheCountyWideContestsNotCandidates() {
		RecordingSink sink = RecordingSink.readResource(PA);

		assertThat(sink.counts).extracting(CountRow::office)
			.doesNotContain("Registered Voters", "Ballots Cast", "Ballots Cast Blank");
		// Registered Voters 838 + 4714 + 1061; Ballots Cast 418 + 552 + "3,304"
		assertThat(sink.progress)
			.extracting(ProgressRow::office, ProgressRow::registeredVoters, ProgressRow::ballotsCast)
			.containsExactlyInAnyOrder(tuple("Governor", 6613L, 4274L), tuple("U.S. Senate", 6613L, 4274L),
					tuple("U.S. House", 6613L, 4274L));
	}

	@Test
	void pennsylvaniaThousandsSeparatorsAreRead() {
		RecordingSink sink = RecordingSink.readResource(PA);

		// Chester,Charlestown,Ballots Cast,,,,3304,2225,"1,048",31 is read without a
		// problem;
		// a count written "1,048" in a candidate's row is read as 1048
		RecordingSink row = RecordingSink.read("county,precinct,office,district,party,candidate,votes\n"
				+ "Chester,Charlestown,Governor,,DEM,Josh Shapiro and Austin Davis,\"2,110\"\n");
		assertThat(sink.problems).isEmpty();
		assertThat(row.counts).extracting(CountRow::votes).containsExactly(2110L);
	}

	@Test
	void voteTypeColumnsWithoutVotesColumnAddUpToTheTotal() {
		RecordingSink sink = RecordingSink.read(
				"county,precinct,office,district,party,candidate,election_day_votes,advanced_votes,absentee_by_mail_votes,provisional_votes\n"
						+ "Fulton,01A,Governor,,REP,Brian Kemp,120,45,30,2\n"
						+ "Fulton,01A,Governor,,DEM,Stacey Abrams,,,,\n");

		assertThat(sink.counts).extracting(CountRow::voteType, CountRow::votes)
			.containsExactly(tuple(VoteType.TOTAL, 197L), tuple(VoteType.ELECTION_DAY, 120L),
					tuple(VoteType.EARLY, 45L), tuple(VoteType.MAIL, 30L), tuple(VoteType.PROVISIONAL, 2L));
		assertThat(sink.problems).extracting(Problem::row, Problem::message)
			.containsExactly(tuple(3L, "no votes: every vote-type cell is blank (the total is their sum)"));
	}

	@Test
	void noneAndBlankPartiesAndExpectedVotes() {
		RecordingSink sink = RecordingSink.read("county,office,district,party,candidate,votes,expected_votes\n"
				+ "Kent,Mayor,,None,Ann Lee,40,900\n" + "Kent,Mayor,,,Bo Ray,12,900\n");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::party).containsExactly(null, null);
		assertThat(sink.progress).singleElement().extracting(ProgressRow::expectedVotes).isEqualTo(900L);
	}

	@Test
	void gloucesterSummaryVoteForTwoSetsSeatsAndDistrictsAreItsPrecincts() {
		RecordingSink sink = RecordingSink.readResource("clarity-summary-nj-gloucester-2017.csv");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.warnings).isEmpty();
		// row 19: 18,"General Assembly 3rd Legislative District (Vote For 2)"," - JOHN J.
		// BURZICHELLI",...,19686,...,84858,34002,97,97
		assertThat(sink.contests).contains(
				new ContestRow(19, "General Assembly 3rd Legislative District", "", false, 2),
				new ContestRow(2, "Governor", "", false, 1));
		CountRow burzichelli = sink.counts.stream().filter((c) -> c.row() == 19).findFirst().orElseThrow();
		assertThat(burzichelli.office()).isEqualTo("General Assembly 3rd Legislative District");
		assertThat(burzichelli.candidate()).isEqualTo("JOHN J. BURZICHELLI");
		assertThat(burzichelli.writtenName()).isEqualTo("- JOHN J. BURZICHELLI");
		assertThat(burzichelli.votes()).isEqualTo(19686);
		assertThat(sink.progress).filteredOn((p) -> p.row() == 19)
			.singleElement()
			.isEqualTo(new ProgressRow(19, null, null, "General Assembly 3rd Legislative District", "", 97, 97, 34002L,
					84858L, null));
	}

	@Test
	void claritySummarySavedAsWindows1252IsDetected() {
		String summary = "\"line number\",\"contest name\",\"choice name\",\"party name\",\"total votes\"\r\n"
				+ "1,\"Mayor (Vote For 1)\",\"José Núñez (DEM)\",\"\",412\r\n"
				+ "2,\"Mayor (Vote For 1)\",\"Zoë O’Brien (I)\",\"REP\",398\r\n";

		RecordingSink sink = RecordingSink.read(summary.getBytes(Charset.forName("windows-1252")), null);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::party, CountRow::incumbent)
			.containsExactly(tuple("José Núñez", "DEM", null), tuple("Zoë O’Brien", "REP", true));
		assertThat(sink.warningMessages()).singleElement().asString().startsWith("not UTF-8 (byte 0xE9 on row 2)");
		assertThat(RecordingSink.read(summary.getBytes(StandardCharsets.UTF_8), null).warnings).isEmpty();
	}

}
