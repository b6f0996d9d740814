package org.tally.ingest;

import org.tally.ingest.kit.OtherCountRow;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.results.VoteType;
import org.tally.support.TallyApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The variants real files come in (docs/contract.md §3), read from cuts of the files
 * themselves: Pennsylvania's OpenElections county file, Gloucester County's Clarity
 * summary.csv.
 */
class RealFileVariantsReaderTest {

	private static final String PA = "20221108__pa__general__chester__precinct-cut.csv";

	private static final String BEXAR = "20221108__tx__general__bexar__precinct-cut.csv";

	private static final String WI = "20201103__wi__general__ward-cut.csv";

	private static final String GA = "20200929__ga__special__us__house__5-cut.csv";

	private static final String VA = "20251104__va__general__statewide__precinct-cut.csv";

	private static final String FL = "20201103__fl__general__palm_beach__precinct-cut.csv";

	private static final String NV = "20041102__nv__general__churchill__precinct-cut.csv";

	private static final String OH = "20140506__oh__primary__democratic__adams__precinct-cut.csv";

	private static final String YORK = "20201103__pa__general__york__precinct-cut.csv";

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
			.containsExactly(tuple(VoteType.TOTAL, 197L), tuple(VoteType.ELECTION_DAY, 120L), tuple(VoteType.MAIL, 30L),
					tuple(VoteType.EARLY, 45L), tuple(VoteType.PROVISIONAL, 2L));
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

	@Test
	void bexarOverAndUnderVotesAreLeftOutWriteInsAndNotAssignedAreWriteInChoices() {
		RecordingSink sink = RecordingSink.readResource(BEXAR);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::candidate)
			.doesNotContain("Over Votes", "Under Votes", "Registered Voters", "Ballots Cast", "Ballots Cast - Blank");
		assertThat(sink.counts).extracting(CountRow::office)
			.doesNotContain("Registered Voters", "Ballots Cast", "Ballots Cast - Blank");
		// row 14: Bexar,1001,Governor,,Not Assigned,,0,0,0,0 (ES&S: write-ins not
		// assigned to a write-in candidate)
		assertThat(sink.counts).filteredOn(
				(c) -> c.voteType() == VoteType.TOTAL && c.office().equals("Governor") && c.precinct().equals("1001"))
			.extracting(CountRow::candidate, CountRow::writeIn)
			.containsExactly(tuple("Greg Abbott", null), tuple("Beto O'Rourke", null), tuple("Mark Tippetts", null),
					tuple("Delilah Barrios", null), tuple("Write-ins", true), tuple("Not Assigned", true));
		// columns in Bexar's order: candidate before party; absentee and early_voting
		assertThat(sink.counts).filteredOn((c) -> c.row() == 9)
			.extracting(CountRow::party, CountRow::voteType, CountRow::votes)
			.containsExactly(tuple("REP", VoteType.TOTAL, 89L), tuple("REP", VoteType.ELECTION_DAY, 34L),
					tuple("REP", VoteType.MAIL, 3L), tuple("REP", VoteType.EARLY, 52L));
		assertThat(sink.warnings).extracting(Problem::row, Problem::value)
			.contains(tuple(4L, "Ballots Cast - Blank"), tuple(7L, "Over Votes"), tuple(14L, "Not Assigned"));
		// the Over Votes and Under Votes rows are their contest's other counts
		assertThat(sink.otherCounts).filteredOn((o) -> o.office().equals("Governor"))
			.extracting(OtherCountRow::row, OtherCountRow::precinct, OtherCountRow::kind, OtherCountRow::count)
			.contains(tuple(15L, "1001", OtherCountRow.Kind.OVERVOTES, 0L),
					tuple(16L, "1001", OtherCountRow.Kind.UNDERVOTES, 4L),
					tuple(48L, "1002", OtherCountRow.Kind.UNDERVOTES, 2L));
		assertThat(sink.otherCounts).filteredOn((o) -> o.row() == 8)
			.extracting(OtherCountRow::office, OtherCountRow::district, OtherCountRow::county, OtherCountRow::count)
			.containsExactly(tuple("U.S. House", "35", "Bexar", 17L));
	}

	@Test
	void bexarPrecinctTurnoutRowsAddUpToTheCountyWideContestsProgress() {
		RecordingSink sink = RecordingSink.readResource(BEXAR);

		// Registered Voters 934 (1001) + 679 (1002); Ballots Cast 528 + 287. U.S. House
		// 35 and 20 each cover one of the two precincts: no county turnout for them.
		assertThat(sink.progress)
			.extracting(ProgressRow::office, ProgressRow::registeredVoters, ProgressRow::ballotsCast)
			.containsExactly(tuple("Governor", 934L + 679L, 528L + 287L));
	}

	@Test
	void wisconsinWardsAreUnitsScatteringAndWriteInNamesAreWriteInsAndTheTotalColumnIsChecked() {
		RecordingSink sink = RecordingSink.readResource(WI);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::precinct)
			.containsOnly("Town Of Adams Wards 1-3", "Town Of Big Flats Wards 1-2");
		assertThat(sink.counts).filteredOn((c) -> Boolean.TRUE.equals(c.writeIn()))
			.extracting(CountRow::candidate)
			.contains("Scattering", "Kanye West & Michelle Tidball (Write-In)")
			.doesNotContain("Joseph R. Biden & Kamala D. Harris");
		// 741 and 565 are the sums of the wards' choices
		assertThat(sink.warnings).extracting(Problem::message).noneMatch((m) -> m.contains("stated total"));

		// one vote moved: 263 -> 264 in the first ward
		String edited = new String(TallyApi.read("ingest/" + WI), StandardCharsets.UTF_8)
			.replace("Joseph R. Biden & Kamala D. Harris,263", "Joseph R. Biden & Kamala D. Harris,264");
		RecordingSink moved = RecordingSink.read(edited);
		assertThat(moved.problems).isEmpty();
		assertThat(moved.warnings).filteredOn((w) -> "totalvotes".equals(w.column()))
			.extracting(Problem::row, Problem::message)
			.containsExactly(tuple(2L, "the stated total of President in Town Of Adams Wards 1-3 (741) is not the "
					+ "sum of its choices (742): the choices are counted"));
	}

	@Test
	void aTotalColumnWithoutAVotesColumnIsRefusedNamingIt() {
		RecordingSink sink = RecordingSink.read("county,ward,office,district,total votes,party,candidate\n"
				+ "Adams,Town Of Adams Wards 1-3,President,,741,DEM,Joseph R. Biden & Kamala D. Harris\n");

		assertThat(sink.counts).isEmpty();
		assertThat(sink.problems).extracting(Problem::message)
			.containsExactly(
					"missing required column: votes ('total votes' is read as the contest's total in the unit, "
							+ "not each candidate's votes)");
	}

	@Test
	void totalVotesRowsAreCheckedAgainstTheirChoices() {
		RecordingSink sink = RecordingSink.read("county,precinct,office,district,party,candidate,votes\n"
				+ "Kent,P1,Mayor,,,Ann Lee,40\n" + "Kent,P1,Mayor,,,Bo Ray,12\n" + "Kent,P1,Mayor,,,Total Votes,52\n"
				+ "Kent,P2,Mayor,,,Ann Lee,7\n" + "Kent,P2,Mayor,,,Bo Ray,3\n" + "Kent,P2,Mayor,,,Total Votes,11\n");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::candidate).containsOnly("Ann Lee", "Bo Ray");
		assertThat(sink.warnings).extracting(Problem::row, Problem::message)
			.contains(tuple(7L, "the stated total of Mayor in P2 (11) is not the sum of its choices (10): the choices "
					+ "are counted"));
	}

	@Test
	void aTurnoutOfficeNamingAChoiceAndBlankBallotsAndOverVoteOfficesAreSkippedWithAWarning() {
		RecordingSink sink = RecordingSink.read("county,precinct,office,district,party,candidate,votes\n"
				+ "Kent,P1,Registered Voters,,,REGISTERED VOTERS - TOTAL,900\n" + "Kent,P1,Ballots Cast,,,Ann Lee,40\n"
				+ "Kent,P1,Over Votes,,,,3\n" + "Kent,P1,Mayor,,,Ann Lee,40\n" + "Kent,P1,Mayor,,,Blank,2\n");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.warnings).extracting(Problem::row, Problem::value, Problem::message)
			.contains(tuple(3L, "Ann Lee", "a turnout row ('Ballots Cast') naming a choice: Tally cannot tell what "
					+ "it counts; such rows are skipped, never votes"));
		assertThat(sink.counts).extracting(CountRow::candidate).containsOnly("Ann Lee");
		assertThat(sink.counts).extracting(CountRow::office).containsOnly("Mayor");
	}

	@Test
	void georgiaVoteTypeOnlyFileWithPartiesWrittenOut() {
		RecordingSink sink = RecordingSink.readResource(GA);

		assertThat(sink.problems).isEmpty();
		// Clayton,ELLENWOOD,U.S. House,5,Democrat,Able Mable Thomas,21,44,9,0
		assertThat(sink.counts).filteredOn((c) -> c.row() == 2)
			.extracting(CountRow::party, CountRow::voteType, CountRow::votes)
			.containsExactly(tuple("Democrat", VoteType.TOTAL, 21L + 44 + 9 + 0),
					tuple("Democrat", VoteType.ELECTION_DAY, 21L), tuple("Democrat", VoteType.MAIL, 9L),
					tuple("Democrat", VoteType.EARLY, 44L), tuple("Democrat", VoteType.PROVISIONAL, 0L));
	}

	@Test
	void yorkTrailingUnnamedColumnsGiveOneWarning() {
		RecordingSink sink = RecordingSink.readResource(YORK);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).hasSize(4);
		assertThat(sink.warnings).extracting(Problem::row, Problem::message)
			.containsExactly(tuple(1L, "unnamed columns, ignored"));
	}

	@Test
	void virginiaWriteInRowsWithoutACountAreSkippedWithAWarning() {
		RecordingSink sink = RecordingSink.readResource(VA);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::candidate).doesNotContain("WRITE IN VOTES").hasSize(8);
		assertThat(sink.warnings).extracting(Problem::row, Problem::value, Problem::message)
			.containsExactly(tuple(10L, "WRITE IN VOTES", "write-ins with no count: such rows are skipped"));
		// a candidate's blank count is still a problem
		RecordingSink blank = RecordingSink.read("county,precinct,office,district,party,candidate,votes\n"
				+ "ACCOMACK COUNTY,101 - CHINCOTEAGUE,Governor,,Democratic,Abigail D. Spanberger,\n");
		assertThat(blank.problemMessages()).containsExactly("blank votes: every row needs a count");
	}

	@Test
	void palmBeachRowsWithOnlyATotalGiveOnlyTheTotal() {
		RecordingSink sink = RecordingSink.readResource(FL);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).filteredOn((c) -> c.row() == 3)
			.extracting(CountRow::voteType, CountRow::votes)
			.containsExactly(tuple(VoteType.TOTAL, 5L));
		// Palm Beach,1019,President,,Donald J. Trump,REP,0,103,149,183,435
		assertThat(sink.counts).filteredOn((c) -> c.row() == 4)
			.extracting(CountRow::voteType, CountRow::votes)
			.containsExactly(tuple(VoteType.TOTAL, 435L), tuple(VoteType.ELECTION_DAY, 183L),
					tuple(VoteType.MAIL, 103L), tuple(VoteType.EARLY, 149L), tuple(VoteType.PROVISIONAL, 0L));
		assertThat(sink.warnings).isEmpty();
	}

	@Test
	void voteForNotMoreThanNSetsSeats() {
		RecordingSink sink = RecordingSink
			.read("\"line number\",\"contest name\",\"choice name\",\"party name\",\"total votes\"\n"
					+ "1,\"Board of Education (Vote for not more than 3)\",\"Ann Lee\",\"\",412\n"
					+ "2,\"Town Council (Vote for up to 2)\",\"Bo Ray\",\"\",40\n");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.contests).extracting(ContestRow::office, ContestRow::seats)
			.containsExactly(tuple("Board of Education", 3), tuple("Town Council", 2));
	}

	@Test
	void nevadaCountyFileWithoutACountyColumnAndVoteForInTheOffice() {
		RecordingSink sink = RecordingSink.readResource(NV);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::county).containsOnlyNulls();
		assertThat(sink.counts).extracting(CountRow::precinct).containsOnly("Precinct 01", "Precinct 02");
		assertThat(sink.contests).extracting(ContestRow::office, ContestRow::seats)
			.containsExactly(tuple("Board of School Trustees", 4));
		assertThat(sink.counts).extracting(CountRow::candidate).contains("None Of These Candidates");
		assertThat(sink.warnings).extracting(Problem::message)
			.containsExactly("no county column: the precincts are counted under the import's county= (or the "
					+ "election's jurisdiction when it names none)");
	}

	@Test
	void ohioPrecinctNamesAndTheirVotersAndTurnoutColumns() {
		RecordingSink sink = RecordingSink.readResource(OH);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::precinct).containsOnly("BRATTON TOWNSHIP", "BRUSH CREEK TWP");
		// Registered Voters 933, Total Voters 143 (the voters who voted) for each contest
		assertThat(sink.progress)
			.extracting(ProgressRow::precinct, ProgressRow::office, ProgressRow::registeredVoters,
					ProgressRow::ballotsCast)
			.containsExactly(tuple("BRATTON TOWNSHIP", "Governor/Lieutenant Governor", 933L, 143L),
					tuple("BRATTON TOWNSHIP", "U.S. House of Representatives", 933L, 143L),
					tuple("BRUSH CREEK TWP", "Governor/Lieutenant Governor", 820L, 141L),
					tuple("BRUSH CREEK TWP", "U.S. House of Representatives", 820L, 141L));
		assertThat(sink.warnings).extracting(Problem::column, Problem::message)
			.containsExactlyInAnyOrder(tuple("Precinct Code", "ignored: the precincts are named by 'Precinct Name'"),
					tuple("Region", "unknown column, ignored"), tuple("Media Market", "unknown column, ignored"));
	}

}
