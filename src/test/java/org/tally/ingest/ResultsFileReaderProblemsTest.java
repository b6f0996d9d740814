package org.tally.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.Problems;
import org.tally.ingest.kit.ReadSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the reader tells staff about files it cannot take as they are. Every problem names
 * the row (the header being row 1), the column and the value, and a bad row never stops
 * the reading: one upload shows everything that needs fixing.
 */
class ResultsFileReaderProblemsTest {

	private static final String HEADER = "county,precinct,office,district,party,candidate,votes\n";

	@Test
	void reportsNonNumericVotes() {
		RecordingSink sink = RecordingSink.read(HEADER + "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,12a\n");

		assertThat(sink.problems).containsExactly(new Problem(2, "votes", "12a", "not a whole number"));
		assertThat(sink.counts).isEmpty();
		assertThat(sink.summary.problems()).isEqualTo(1);
		assertThat(sink.summary.rows()).isEqualTo(1);
	}

	@Test
	void reportsNegativeVotes() {
		RecordingSink sink = RecordingSink.read(HEADER + "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,-309\n");

		assertThat(sink.problems)
			.containsExactly(new Problem(2, "votes", "-309", "negative count: counts are zero or more"));
	}

	@Test
	void reportsFractionalVotes() {
		RecordingSink sink = RecordingSink.read(HEADER + "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,12.5\n"
				+ "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,1.234\n");

		assertThat(sink.problems).containsExactly(
				new Problem(2, "votes", "12.5", "fractional count: counts are whole numbers"),
				new Problem(3, "votes", "1.234",
						"fractional count: counts are whole numbers (if '.' separates thousands, write 1234)"));
	}

	@Test
	void acceptsWholeNumbersWrittenWithDecimalZeros() {
		RecordingSink sink = RecordingSink.read(HEADER + "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,309.0\n"
				+ "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,28.00\n");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::votes).containsExactly(309L, 28L);
	}

	@Test
	void reportsCountsTooLargeToBeReal() {
		RecordingSink sink = RecordingSink
			.read(HEADER + "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,1000000000000\n"
					+ "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,1000000000001\n"
					+ "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,99999999999999999999999999\n");

		assertThat(sink.counts).extracting(CountRow::votes).containsExactly(1_000_000_000_000L);
		assertThat(sink.problems).extracting(Problem::row, Problem::value, Problem::message)
			.containsExactly(tuple(3L, "1000000000001", "count too large: more than 10^12 is not a real count"),
					tuple(4L, "99999999999999999999999999", "count too large: more than 10^12 is not a real count"));
	}

	@Test
	void readsThousandsSeparatorsButNotCommasElsewhere() {
		RecordingSink sink = RecordingSink
			.read(HEADER + "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,\"25,569\"\n"
					+ "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,\"17,61\"\n"
					+ "Los Angeles,0850002A,U.S. House,34,DEM,Jimmy Gomez,\"1,010,000\"\n");

		assertThat(sink.problems).containsExactly(new Problem(3, "votes", "17,61", "not a whole number"));
		assertThat(sink.counts).extracting(CountRow::row, CountRow::votes)
			.containsExactly(tuple(2L, 25_569L), tuple(4L, 1_010_000L));
	}

	@Test
	void reportsRaggedRows() {
		RecordingSink sink = RecordingSink
			.read(HEADER + "San Joaquin,0011101,State Assembly,13,REP,Kevin J. Lincoln, II,38\n"
					+ "San Joaquin,0011101,State Assembly,13,REP,38\n");

		assertThat(sink.problems).containsExactly(
				new Problem(2, null, "San Joaquin,0011101,State Assembly,13,REP,Kevin J. Lincoln,II,38",
						"expected 7 cells as in the header, found 8 (is a comma inside a cell not quoted?)"),
				new Problem(3, null, "San Joaquin,0011101,State Assembly,13,REP,38",
						"expected 7 cells as in the header, found 6"));
	}

	@Test
	void reportsUnterminatedQuoteAtTheRowWhereItOpened() {
		RecordingSink sink = RecordingSink
			.read(HEADER + "Sonoma,1075,State Assembly,10,DEM,\"Veronica \"\"Roni\"\" Jacobi\",24\n"
					+ "Sonoma,1077,State Assembly,10,DEM,\"Veronica \"\"Roni\"\" Jacobi,106\n"
					+ "Sonoma,1085,State Assembly,10,DEM,Veronica Jacobi,2\n"
					+ "Sonoma,1106,State Assembly,10,DEM,Veronica Jacobi,265\n");

		assertThat(sink.counts).extracting(CountRow::row).containsExactly(2L);
		assertThat(sink.problems).containsExactly(new Problem(3, "candidate",
				"Veronica \"Roni\" Jacobi,106\nSonoma,1085,State Assembly,10,DEM,Veronica Jacobi,2\nSono",
				"quote opened on row 3 is never closed: the rest of the file was read into this cell"));
		assertThat(sink.summary.rows()).isEqualTo(2);
	}

	@Test
	void reportsTextAfterClosingQuote() {
		RecordingSink sink = RecordingSink
			.read(HEADER + "Sonoma,1077,State Assembly,10,DEM,\"Veronica \"Roni\" Jacobi\",106\n"
					+ "Sonoma,1085,State Assembly,10,DEM,\"Veronica \"\"Roni\"\" Jacobi\" ,2\n");

		assertThat(sink.problems).containsExactly(new Problem(2, "candidate", "Veronica Roni\" Jacobi\"",
				"text after the closing quote: a quote inside a quoted cell must be doubled (\"\")"));
		assertThat(sink.counts).extracting(CountRow::candidate).containsExactly("Veronica \"Roni\" Jacobi");
	}

	@Test
	void readsLatin1AsWindows1252AndSaysSo() {
		byte[] latin1 = (HEADER + "Solano,17005,State Assembly,14,DEM,Mae Cendaña Torlakson,628\n"
				+ "Solano,17045,State Assembly,14,DEM,Mae Cendaña Torlakson,893\n")
			.getBytes(StandardCharsets.ISO_8859_1);

		RecordingSink sink = RecordingSink.read(latin1, null);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::candidate)
			.containsExactly("Mae Cendaña Torlakson", "Mae Cendaña Torlakson");
		assertThat(sink.warnings).extracting(Problem::row, Problem::message)
			.containsExactly(tuple(2L, "not UTF-8 (byte 0xF1 on row 2): read as Windows-1252, as Clarity and "
					+ "spreadsheets save it; check the accented names"));
	}

	@Test
	void reportsRowOfInvalidUtf8InAFileThatIsUtf8() {
		byte[] utf8 = (HEADER + "Solano,17005,State Assembly,14,DEM,Mae Cendaña Torlakson,628\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] latin1 = "Solano,17045,State Assembly,14,DEM,Mae Cendaña Torlakson,893\n"
			.getBytes(StandardCharsets.ISO_8859_1);

		RecordingSink sink = RecordingSink.read(concat(utf8, latin1), null);

		assertThat(sink.problems).extracting(Problem::row, Problem::column, Problem::value, Problem::message)
			.containsExactly(tuple(3L, "candidate", "Mae Cenda\uFFFDa Torlakson",
					"not UTF-8: byte 0xF1 (save the file as UTF-8; was it saved as Latin-1 or Windows-1252?)"));
	}

	@Test
	void reportsOverlongAndSurrogateUtf8() {
		byte[] overlong = { 'A', (byte) 0xC0, (byte) 0xAF };
		byte[] surrogate = { 'B', (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		byte[] file = concat(HEADER.getBytes(StandardCharsets.UTF_8),
				"Alpine,1,Mayor,,,Zoë Lee,1\nAlpine,1,Mayor,,,".getBytes(StandardCharsets.UTF_8), overlong,
				",1\nAlpine,1,Mayor,,,".getBytes(), surrogate, ",2\n".getBytes());

		RecordingSink sink = RecordingSink.read(file, null);

		assertThat(sink.problems).extracting(Problem::row, Problem::message)
			.containsExactly(
					tuple(3L,
							"not UTF-8: byte 0xC0 (save the file as UTF-8; was it saved as Latin-1 or Windows-1252?)"),
					tuple(4L,
							"not UTF-8: byte 0xED (save the file as UTF-8; was it saved as Latin-1 or Windows-1252?)"));
	}

	@Test
	void reportsNulBytes() {
		RecordingSink sink = RecordingSink.read(
				HEADER + "Mono,01,President,,REP,Donald J.\0 Trump,291\n" + "Mono,01,President,,LIB,Gary Johnson,23\n");

		assertThat(sink.problems).extracting(Problem::row, Problem::column, Problem::message)
			.containsExactly(tuple(2L, "candidate", "NUL byte: binary data, not CSV text"));
		assertThat(sink.counts).extracting(CountRow::candidate).containsExactly("Gary Johnson");
	}

	@Test
	void reportsCellsLongerThan500Characters() {
		String longName = "A".repeat(501);
		String longestAllowed = "é".repeat(500);

		RecordingSink sink = RecordingSink
			.read(HEADER + "Mono,01,President,,REP," + longName + ",291\n" + "Mono,01,President,,REP," + longestAllowed
					+ ",1\n" + "Mono,01,President,,REP," + "x".repeat(1_000_000) + ",2\n");

		assertThat(sink.problems).extracting(Problem::row, Problem::column, Problem::value, Problem::message)
			.containsExactly(tuple(2L, "candidate", "A".repeat(80), "cell longer than 500 characters"),
					tuple(4L, "candidate", "x".repeat(80), "cell longer than 500 characters"));
		assertThat(sink.counts).extracting(CountRow::candidate).containsExactly(longestAllowed);
	}

	@Test
	void reportsEmptyFile() {
		assertThat(RecordingSink.read("").problems).containsExactly(new Problem(0, null, null, "empty file"));
		assertThat(RecordingSink.read("\uFEFF\r\n\n   \n").problems)
			.containsExactly(new Problem(0, null, null, "empty file"));
		assertThat(RecordingSink.read("").summary).isEqualTo(new ReadSummary(null, 0, 1, List.of()));
	}

	@Test
	void reportsHeaderOnlyFile() {
		RecordingSink sink = RecordingSink.read(HEADER + "\n\n");

		assertThat(sink.problems).containsExactly(new Problem(0, null, null, "no data rows"));
		assertThat(sink.summary.format()).isEqualTo(ImportFormat.OPENELECTIONS);
	}

	@Test
	void reportsBinaryGarbageOnceAndStopsEarly() {
		byte[] garbage = new byte[5_000_000];
		new Random(2017).nextBytes(garbage);

		RecordingSink sink = RecordingSink.read(concat(HEADER.getBytes(StandardCharsets.UTF_8), garbage), null);

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).startsWith("not a CSV text file: binary data");
			assertThat(problem.row()).isBetween(2L, 200L);
		});
		assertThat(sink.summary.problems()).isEqualTo(1);
		assertThat(sink.summary.rows()).isLessThanOrEqualTo(Problems.PROBATION_ROWS);
	}

	@Test
	void reportsRandomBytesOnce() {
		byte[] garbage = new byte[1_000_000];
		new Random(34).nextBytes(garbage);
		garbage[0] = 'x';

		RecordingSink sink = RecordingSink.read(garbage, null);

		assertThat(sink.problemMessages()).singleElement()
			.isEqualTo("not a CSV text file: the first line has binary bytes");
	}

	@Test
	void recognisesSpreadsheetsArchivesAndXml() {
		byte[] xlsx = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0 };
		byte[] utf16 = "\uFEFFcounty,office".getBytes(StandardCharsets.UTF_16LE);

		assertThat(RecordingSink.read(xlsx, ImportFormat.OPENELECTIONS).problemMessages()).containsExactly(
				"not a CSV text file: this is a ZIP archive or an Excel .xlsx workbook: unzip it, or save the sheet as CSV UTF-8");
		assertThat(RecordingSink.read(xlsx, null).problemMessages()).containsExactly(
				"the zip holds no detail.xml: this is some other ZIP archive or an Excel .xlsx workbook; upload "
						+ "Clarity's detailxml.zip, or save the sheet as CSV UTF-8");
		assertThat(RecordingSink.read(utf16, null).problemMessages())
			.containsExactly("not a CSV text file: this is UTF-16 text: save it as UTF-8");
		assertThat(RecordingSink
			.read("<?xml version=\"1.0\"?><ElectionResult>".getBytes(StandardCharsets.UTF_8),
					ImportFormat.CLARITY_SUMMARY)
			.problemMessages())
			.containsExactly("not a CSV text file: this is an XML file (Clarity's detail.xml?): import it with "
					+ "format=clarity-detail or auto");
		assertThat(RecordingSink.read("<?xml version=\"1.0\"?><ElectionResult>").problemMessages()).singleElement()
			.asString()
			.startsWith("not well-formed XML (truncated or damaged file?)");
	}

	@Test
	void reportsMissingRequiredColumns() {
		RecordingSink sink = RecordingSink
			.read("county,precinct,contest,party,candidate,total\nMono,01,President,REP,Trump,291\n");

		assertThat(sink.problems).containsExactly(new Problem(1, null, "county,precinct,contest,party,candidate,total",
				"missing required columns: office, votes"));
		assertThat(sink.warnings).extracting(Problem::column).containsExactly("contest", "total");
		assertThat(sink.counts).isEmpty();
	}

	@Test
	void reportsDuplicateColumns() {
		RecordingSink sink = RecordingSink.read(
				"county,office,district,party,candidate,votes,absentee,mail\nMono,President,,REP,Trump,291,100,100\n");

		assertThat(sink.problems).containsExactly(
				new Problem(1, "mail", "mail", "duplicate column: 'absentee' and 'mail' both give mail votes"));
	}

	@Test
	void reportsBlankRequiredCells() {
		RecordingSink sink = RecordingSink
			.read(HEADER + ",0850001A,U.S. House,34,DEM,Jimmy Gomez,309\n" + "Los Angeles,0850001A, ,34,DEM,\"\",\n");

		assertThat(sink.problems).containsExactly(new Problem(2, "county", "", "blank county: every row needs one"),
				new Problem(3, "office", "", "blank office: every row needs one"),
				new Problem(3, "candidate", "", "blank candidate: every row needs one"),
				new Problem(3, "votes", "", "blank votes: every row needs a count"));
	}

	@Test
	void reportsUnrecognisedHeader() {
		RecordingSink sink = RecordingSink
			.read("Precinct Name,Contest Title,Candidate Name,Total Votes per Precinct Reporting "
					+ "in the County of Los Angeles\n1,2,3,4\n");

		assertThat(sink.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.row()).isEqualTo(1);
			assertThat(problem.column()).isNull();
			assertThat(problem.value()).hasSize(80).startsWith("Precinct Name,Contest Title,");
			assertThat(problem.message()).startsWith(
					"unrecognised header: expected openelections (county,[precinct,]office,district,party,candidate,votes) or clarity-summary");
		});
		assertThat(sink.summary.format()).isNull();
	}

	@Test
	void reportsDataWithoutHeaderAsUnrecognisedHeader() {
		RecordingSink sink = RecordingSink.read("Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,309\n");

		assertThat(sink.problems).hasSize(1);
		assertThat(sink.problems.get(0).message()).startsWith("unrecognised header");
	}

	@Test
	void reportsInvalidYesNoCells() {
		RecordingSink sink = RecordingSink.read("county,office,district,candidate,incumbent,write_in,party,votes\n"
				+ "Alameda,President,,Donald J. Trump,maybe,N,Republican,136309\n");

		assertThat(sink.problems)
			.containsExactly(new Problem(2, "incumbent", "maybe", "expected Y or N (or true/false, 1/0)"));
	}

	@Test
	void reportsProgressThatContradictsItsRun() {
		RecordingSink sink = RecordingSink
			.read("county,precinct,office,district,party,candidate,votes,precincts_reporting,precincts_total\n"
					+ "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,309,1,1\n"
					+ "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,28,0,1\n"
					+ "Los Angeles,,U.S. House,34,DEM,Jimmy Gomez,309,3,2\n");

		assertThat(sink.problems).containsExactly(
				new Problem(3, "precincts_reporting", "0",
						"differs from row 2 of the same precinct and contest (1): progress must agree"),
				new Problem(4, "precincts_reporting", "3", "more precincts reporting than precincts in total (2)"));
		assertThat(sink.progress).hasSize(1);
		assertThat(sink.counts).extracting(CountRow::row).containsExactly(2L);
	}

	@Test
	void keepsGoingAfterBadRowsAndCountsEveryProblem() {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < 150; i++) {
			file.append("Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,").append(i).append("x\n");
			file.append("Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,").append(i).append('\n');
		}

		RecordingSink sink = RecordingSink.read(file.toString());

		assertThat(sink.summary.problems()).isEqualTo(150);
		assertThat(sink.problems).hasSize(150)
			.last()
			.isEqualTo(new Problem(300, "votes", "149x", "not a whole number"));
		assertThat(sink.counts).hasSize(150);
		assertThat(sink.summary.rows()).isEqualTo(300);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
