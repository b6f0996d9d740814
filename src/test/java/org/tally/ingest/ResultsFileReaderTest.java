package org.tally.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tally.results.VoteType;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.StatedTotal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading the real files staff upload: OpenElections cuts from California and Clarity
 * summaries.
 */
class ResultsFileReaderTest {

	@Test
	void readsTheCertifiedCa34SpecialGeneral() {
		RecordingSink sink = RecordingSink.readResource("20170606__ca__special__general__los_angeles__precinct.csv");

		assertThat(sink.summary.format()).isEqualTo(ImportFormat.OPENELECTIONS);
		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.summary.rows()).isEqualTo(390);
		assertThat(sink.summary.columns()).containsExactly("county", "precinct", "office", "district", "party",
				"candidate", "votes");
		Map<String, Long> votes = sink.counts.stream()
			.collect(Collectors.groupingBy(CountRow::candidate, Collectors.summingLong(CountRow::votes)));
		assertThat(votes).containsExactlyInAnyOrderEntriesOf(Map.of("Jimmy Gomez", 25_569L, "Robert Lee Ahn", 17_610L));
		assertThat(sink.counts.stream().map(CountRow::precinct).distinct()).hasSize(195);
		assertThat(sink.counts).allSatisfy((count) -> {
			assertThat(count.county()).isEqualTo("Los Angeles");
			assertThat(count.office()).isEqualTo("U.S. House");
			assertThat(count.district()).isEqualTo("34");
			assertThat(count.party()).isEqualTo("DEM");
			assertThat(count.voteType()).isEqualTo(VoteType.TOTAL);
			assertThat(count.incumbent()).isNull();
			assertThat(count.writeIn()).isNull();
		});
		assertThat(sink.progress).isEmpty();
		assertThat(sink.warnings).isEmpty();
	}

	@Test
	void numbersRowsAsLinesCountingTheHeader() {
		RecordingSink sink = RecordingSink.readResource("20170606__ca__special__general__los_angeles__precinct.csv");

		assertThat(sink.counts.get(0)).isEqualTo(new CountRow(2, "Los Angeles", "0850001A", "U.S. House", "34", "DEM",
				"Jimmy Gomez", VoteType.TOTAL, 309, null, null));
		assertThat(sink.counts.get(sink.counts.size() - 1).row()).isEqualTo(391);
	}

	@Test
	void keepsLeadingZerosInPrecinctCodes() {
		RecordingSink sink = RecordingSink.readResource("20161108__ca__general__fresno__precinct-cut.csv");

		assertThat(sink.counts).extracting(CountRow::precinct).containsOnly("0000001");
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::party, CountRow::votes)
			.contains(tuple("Hillary Clinton", "DEM", 456L), tuple("Yes", null, 415L));
	}

	@Test
	void readsCountyTotalRowsAsCountyLevelCounts() {
		RecordingSink sink = RecordingSink.readResource("20181106__ca__general__alameda__precinct-cut.csv");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.summary.rows()).isEqualTo(30);
		assertThat(sink.counts).filteredOn((count) -> count.precinct() == null)
			.extracting(CountRow::row, CountRow::office, CountRow::district, CountRow::candidate, CountRow::votes)
			.containsExactlyInAnyOrder(tuple(10L, "Governor", "", "John Cox", 111_677L),
					tuple(19L, "Governor", "", "Gavin Newsom", 462_558L),
					tuple(23L, "State Senate", "10", "Bob Wieckowski", 138_122L),
					tuple(27L, "State Senate", "10", "Victor San Vicente", 42_650L),
					tuple(29L, "State Assembly", "18", "Stephen Slauson", 18_894L),
					tuple(30L, "State Assembly", "20", "Joseph Grcar", 30_863L),
					tuple(31L, "State Assembly", "25", "Bob Brunton", 10_962L));
		assertThat(sink.warnings).singleElement().satisfies((warning) -> {
			assertThat(warning.row()).isEqualTo(10);
			assertThat(warning.column()).isEqualTo("precinct");
			assertThat(warning.value()).isEqualTo("ALAMEDA CA");
			assertThat(warning.message()).startsWith("county-total row ('ALAMEDA CA'): at least the sum");
		});
		// each county row checked against the precincts of the cut beside it
		assertThat(sink.stated).extracting(StatedTotal::contest, StatedTotal::choice, StatedTotal::stated)
			.contains(tuple("Governor", "John Cox", 111_677L), tuple("Governor", "Gavin Newsom", 462_558L));
	}

	@Test
	void readsCrlfFilesWithoutFinalNewline() {
		RecordingSink sink = RecordingSink.readResource("20161108__ca__general__plumas__precinct-cut.csv");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.counts).last()
			.isEqualTo(new CountRow(6, "Plumas", "29", "U.S. Senate", "1", "DEM", "Loretta L. Sanchez", VoteType.TOTAL,
					115, null, null));
	}

	@Test
	void readsIncumbentAndWriteInColumns() {
		RecordingSink sink = RecordingSink.readResource("20201103__ca__general__county-cut.csv");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::party, CountRow::incumbent, CountRow::writeIn)
			.contains(tuple("Joseph R. Biden", "Democratic", false, false),
					tuple("Donald J. Trump", "Republican", true, false),
					tuple("Roque \"Rocky\" De La Fuente Guerra", "American Independent", false, false),
					tuple("Brian Carroll", null, false, true), tuple("Juan M Hidalgo, Jr", "Republican", false, false));
		assertThat(sink.counts).allSatisfy((count) -> assertThat(count.precinct()).isNull());
	}

	@Test
	void warnsOnceAboutTextEncodedTwice() {
		RecordingSink sink = RecordingSink.readResource("20201103__ca__general__county-cut.csv");

		assertThat(sink.counts).extracting(CountRow::candidate).contains("AngÃ©lica MarÃ\u00ada DueÃ±as");
		assertThat(sink.warnings).singleElement().satisfies((warning) -> {
			assertThat(warning.row()).isEqualTo(17);
			assertThat(warning.column()).isEqualTo("candidate");
			assertThat(warning.message()).contains("'Angélica María Dueñas'");
		});
	}

	@Test
	void unescapesDoubledQuotes() {
		RecordingSink sink = RecordingSink.readResource("20161108__ca__general-cut.csv");

		assertThat(sink.counts.get(0)).isEqualTo(new CountRow(2, "Alameda", null, "President", "", "NPP",
				"Bernard \"Bernie\" Sanders", VoteType.TOTAL, 4206, null, null));
		assertThat(sink.counts).last()
			.isEqualTo(new CountRow(12, "Alameda", null, "Proposition 51", "", null, "No", VoteType.TOTAL, 238_800,
					null, null));
	}

	@Test
	void keepsAccents() {
		RecordingSink sink = RecordingSink.readResource("20161108__ca__general__solano__precinct-cut.csv");

		assertThat(sink.counts).extracting(CountRow::candidate).containsOnly("Mae Cendaña Torlakson");
		assertThat(sink.warnings).isEmpty();
	}

	@Test
	void readsQuotedCommasAndQuotes() {
		RecordingSink sink = RecordingSink.readResource("20161108__ca__general__san_joaquin__precinct-cut.csv");

		assertThat(sink.counts).extracting(CountRow::precinct, CountRow::candidate, CountRow::votes)
			.containsExactly(tuple("0011101", "Kevin J. Lincoln, II", 38L),
					tuple("0011101", "Antonio C. \"Tony\" Amador", 52L), tuple("0011102", "Kevin J. Lincoln, II", 71L),
					tuple("0011102", "Antonio C. \"Tony\" Amador", 98L));
	}

	@Test
	void marksWriteInPartiesAsWriteIns() {
		RecordingSink sink = RecordingSink.readResource("20061107__ca__general__governor-cut.csv");

		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::party, CountRow::writeIn)
			.contains(tuple("Arnold Schwarzenegger", "REP", null), tuple("Donald \"Dr. Don\" Etkes", "IND", true),
					tuple("Robert C. Newman, II", "REP", true));
	}

	@Test
	void readsClaritySummaries() {
		RecordingSink sink = RecordingSink.readResource("clarity-summary-co-2024-cut.csv");

		assertThat(sink.summary.format()).isEqualTo(ImportFormat.CLARITY_SUMMARY);
		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.counts).hasSize(15);
		assertThat(sink.counts.get(0)).isEqualTo(new CountRow(2, null, null, "Presidential Electors", "", "DEM",
				"Kamala D. Harris / Tim Walz", VoteType.TOTAL, 1_728_159, null, null));
		assertThat(sink.counts).extracting(CountRow::candidate).contains("Kristi ''KBB'' Burton Brown", "Yes/For");
		// registered voters and ballots cast 0 beside 1,728,159 votes: not stated
		assertThat(sink.progress).isEmpty();
		// "Presidential Electors (Vote For 1)": the seats, taken off the name
		assertThat(sink.contests.get(0)).isEqualTo(new ContestRow(2, "Presidential Electors", "", false, 1));
		assertThat(sink.warnings).extracting(Problem::column, Problem::message)
			.containsExactly(tuple("num Area total", "counts counties or areas reporting, not precincts: ignored"),
					tuple("num Area rptg", "counts counties or areas reporting, not precincts: ignored"),
					tuple("registered voters",
							"0 registered voters: read as not stated, and so are its 0 ballots cast"));
	}

	@Test
	void readsClarityPrecinctsReporting() {
		RecordingSink sink = RecordingSink.readResource("clarity-summary-mi-cut.csv");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.warnings).isEmpty();
		assertThat(sink.progress).containsExactly(
				new ProgressRow(2, null, null, "Straight Party Ticket", "", 506, 506, 775_379L, 1_035_172L, null),
				new ProgressRow(3, null, null, "United States Senator", "", 506, 506, 775_379L, 1_035_172L, null));
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::votes)
			.containsExactly(tuple("Democratic Party", 246_801L), tuple("Gary Peters", 418_312L));
	}

	@Test
	void skipsClarityOverAndUnderVoteChoices() {
		RecordingSink sink = RecordingSink
			.read("""
					"line number","contest name","choice name","party name","total votes","percent of votes","registered voters","ballots cast","num Precinct total","num Precinct rptg","over votes","under votes"
					1,"Mayor (Vote For 1)","Ann Ortiz","",5012,61.20,20000,9000,12,10,"3","41"
					2,"Mayor (Vote For 1)","Bo Lee","",3110,37.98,20000,9000,12,10,"3","41"
					3,"Mayor (Vote For 1)","Write-in","",67,0.82,20000,9000,12,10,"3","41"
					4,"Mayor (Vote For 1)","Over Votes","",3,0,20000,9000,12,10,"3","41"
					5,"Mayor (Vote For 1)","Under Votes","",41,0,20000,9000,12,10,"3","41"
					6,"Mayor (Vote For 1)","Total Votes","",8189,0,20000,9000,12,10,"3","41"
					""");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::votes, CountRow::writeIn)
			.containsExactly(tuple("Ann Ortiz", 5012L, null), tuple("Bo Lee", 3110L, null),
					tuple("Write-in", 67L, true));
		assertThat(sink.warnings).extracting(Problem::row, Problem::value)
			.containsExactly(tuple(5L, "Over Votes"), tuple(6L, "Under Votes"), tuple(7L, "Total Votes"));
		assertThat(sink.progress)
			.containsExactly(new ProgressRow(2, null, null, "Mayor", "", 10, 12, 9000L, 20000L, null));
	}

	@Test
	void readsVoteTypeColumns() {
		RecordingSink sink = RecordingSink.read("""
				county,precinct,office,district,party,candidate,votes,election_day,early_voting,absentee,provisional
				Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,309,120,,180,9
				""");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.counts).extracting(CountRow::voteType, CountRow::votes)
			.containsExactly(tuple(VoteType.TOTAL, 309L), tuple(VoteType.ELECTION_DAY, 120L),
					tuple(VoteType.MAIL, 180L), tuple(VoteType.PROVISIONAL, 9L));
	}

	@Test
	void passesProgressOncePerPrecinctAndContest() {
		RecordingSink sink = RecordingSink
			.read("""
					county,precinct,office,district,party,candidate,votes,precincts_reporting,precincts_total,ballots_cast,registered_voters,ballots_outstanding
					Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,309,1,1,341,1200,15
					Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,28,1,1,341,1200,15
					Los Angeles,0850002A,U.S. House,34,DEM,Jimmy Gomez,100,,,,,
					Los Angeles,0850002A,U.S. House,34,DEM,Robert Lee Ahn,50,,,,,
					Los Angeles,,U.S. House,34,DEM,Jimmy Gomez,409,1,2,,,
					Los Angeles,,U.S. House,34,DEM,Robert Lee Ahn,78,1,2,,,
					""");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.progress).containsExactly(
				new ProgressRow(2, "Los Angeles", "0850001A", "U.S. House", "34", 1, 1, 341L, 1200L, 15L),
				new ProgressRow(6, "Los Angeles", null, "U.S. House", "34", 1, 2, null, null, null));
		assertThat(sink.counts).hasSize(6);
	}

	@Test
	void readsARowWithoutCandidateAndVotesAsItsUnitsProgress() {
		RecordingSink sink = RecordingSink.read("""
				county,precinct,office,district,party,candidate,votes,election_day,registered_voters,ballots_cast
				Chester,,Governor,,,,,,2870,1853
				Chester,Atglen,Governor,,DEM,Josh Shapiro,271,216,,
				Chester,,U.S. Senate,,,,,,,
				""");

		assertThat(sink.progress)
			.containsExactly(new ProgressRow(2, "Chester", null, "Governor", "", null, null, 1853L, 2870L, null));
		assertThat(sink.counts).extracting(CountRow::candidate).containsExactly("Josh Shapiro", "Josh Shapiro");
		// no progress, no candidate and no votes: an office row that is no choice,
		// skipped
		assertThat(sink.problems).isEmpty();
		assertThat(sink.warnings).extracting(Problem::row, Problem::column, Problem::value)
			.contains(tuple(4L, "office", "U.S. Senate"));
	}

	@Test
	void matchesHeaderNamesWhateverTheirCaseAndSpacing() {
		RecordingSink sink = RecordingSink.read("""
				 County ,PRECINCT,Office,District,Party,Candidate,Votes,Election Day
				Sutter,01,President,,REP,Donald J. Trump,334,200
				""");

		assertThat(sink.summary.format()).isEqualTo(ImportFormat.OPENELECTIONS);
		assertThat(sink.summary.columns()).containsExactly("County", "PRECINCT", "Office", "District", "Party",
				"Candidate", "Votes", "Election Day");
		assertThat(sink.counts).extracting(CountRow::precinct, CountRow::voteType, CountRow::votes)
			.containsExactly(tuple("01", VoteType.TOTAL, 334L), tuple("01", VoteType.ELECTION_DAY, 200L));
	}

	@Test
	void warnsAboutUnknownColumns() {
		RecordingSink sink = RecordingSink.read("""
				county,office,district,party,candidate,votes,notes
				Alameda,President,,DEM,Hillary Clinton,514842,checked
				""");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.counts).hasSize(1);
		assertThat(sink.warnings).containsExactly(new Problem(1, "notes", "notes", "unknown column, ignored"));
	}

	@Test
	void readsTheNamedFormatWithoutDetecting() {
		byte[] file = RecordingSink.resource("clarity-summary-mi-cut.csv");

		RecordingSink asOpenElections = RecordingSink.read(file, ImportFormat.OPENELECTIONS);
		RecordingSink asClarity = RecordingSink.read(file, ImportFormat.CLARITY_SUMMARY);

		assertThat(asOpenElections.problemMessages())
			.containsExactly("missing required columns: county, office, candidate, votes");
		assertThat(asClarity.summary.problems()).isZero();
	}

	@Test
	void skipsByteOrderMarkAndBlankLines() {
		RecordingSink sink = RecordingSink.read("\uFEFFcounty,office,district,party,candidate,votes\r\n"
				+ "Alpine,President,,DEM,Hillary Clinton,298\r\n\r\n,,,,,\r\n"
				+ "Alpine,President,,REP,Donald J. Trump,217\r\n\r\n\n  \n");

		assertThat(sink.summary.problems()).isZero();
		assertThat(sink.summary.rows()).isEqualTo(2);
		assertThat(sink.summary.columns()).first().isEqualTo("county");
		assertThat(sink.counts).extracting(CountRow::row, CountRow::votes)
			.containsExactly(tuple(2L, 298L), tuple(5L, 217L));
	}

	@Test
	void readsQuotedLineBreaksAndNamesRowsByTheirFirstLine() {
		RecordingSink sink = RecordingSink.read("county,office,district,party,candidate,votes\r"
				+ "Alpine,\"Measure\r\nA\",,,Yes,120\r" + "Alpine,\"Measure\nB\",,,Yes,12a\r");

		assertThat(sink.counts).singleElement().satisfies((count) -> {
			assertThat(count.row()).isEqualTo(2);
			assertThat(count.office()).isEqualTo("Measure\r\nA");
		});
		assertThat(sink.problems).containsExactly(new Problem(4, "votes", "12a", "not a whole number"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "20170606__ca__special__general__los_angeles__precinct.csv",
			"20181106__ca__general__alameda__precinct-cut.csv", "20201103__ca__general__county-cut.csv",
			"20161108__ca__general-cut.csv", "20161108__ca__general__solano__precinct-cut.csv",
			"20161108__ca__general__plumas__precinct-cut.csv", "clarity-summary-co-2024-cut.csv" })
	void readsTheSameWhenBytesArriveOneAtATime(String fixture) {
		byte[] file = RecordingSink.resource(fixture);

		RecordingSink whole = RecordingSink.read(file, null);
		RecordingSink trickled = RecordingSink.read(new OneByteAtATime(file), null);

		assertThat(trickled.counts).isEqualTo(whole.counts).isNotEmpty();
		assertThat(trickled.progress).isEqualTo(whole.progress);
		assertThat(trickled.problems).isEqualTo(whole.problems);
		assertThat(trickled.warnings).isEqualTo(whole.warnings);
		assertThat(trickled.summary).isEqualTo(whole.summary);
	}

	/** A stream that returns one byte per read, so that every byte ends a buffer. */
	static final class OneByteAtATime extends InputStream {

		private final ByteArrayInputStream in;

		OneByteAtATime(byte[] bytes) {
			this.in = new ByteArrayInputStream(bytes);
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] b, int off, int len) {
			return this.in.read(b, off, Math.min(len, 1));
		}

	}

}
