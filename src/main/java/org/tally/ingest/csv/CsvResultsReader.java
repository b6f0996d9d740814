package org.tally.ingest.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.Problems;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;

/**
 * The CSV formats' one entry (OpenElections, Clarity summary.csv). Files are UTF-8 (a
 * byte order mark is skipped) or Windows-1252 (see {@link Windows1252Fallback}) with RFC
 * 4180 quoting and LF, CRLF or CR line ends; cells are trimmed and stay text (precinct
 * "0850001A" keeps its zero). Row numbers are lines in the file, the header being row 1,
 * so a row whose quoted cell spans lines is named by its first line.
 */
public final class CsvResultsReader {

	private static final String UNRECOGNISED_HEADER = "unrecognised header: expected openelections "
			+ "(county,[precinct,]office,district,party,candidate,votes) or clarity-summary "
			+ "(\"line number\",\"contest name\",\"choice name\",...)";

	private CsvResultsReader() {
	}

	/**
	 * Reads a CSV results file once, in constant memory, calling the sink per row; never
	 * throws for bad content. A file that turns out to be binary gets one problem ("not a
	 * CSV text file") and is not read further.
	 * @param in the file, marked and reset to sniff its first bytes; not closed
	 * @param formatOrNull the format, or {@code null} to detect it from the header
	 * @param charsetOrNull the charset the sender named, or {@code null} to detect UTF-8
	 * or Windows-1252
	 * @param sink receives counts, progress, problems and warnings
	 * @return what was read
	 * @throws IOException only when the stream itself fails
	 */
	public static ReadSummary read(BufferedInputStream in, ImportFormat formatOrNull, Charset charsetOrNull,
			RowSink sink) throws IOException {
		ReaderReport report = new ReaderReport(sink);
		Problems problems = new Problems(report);
		in.mark(BinaryFormats.MAGIC_LENGTH);
		String binary = BinaryFormats.describe(in.readNBytes(BinaryFormats.MAGIC_LENGTH));
		in.reset();
		CsvRecordReader records = new CsvRecordReader(Windows1252Fallback.wrap(in, charsetOrNull, report));
		CsvRecord csv = records.record();
		if (binary != null) {
			problems.replaceAll(Problem.ofFile("not a CSV text file: " + binary));
			return new ReadSummary(formatOrNull, 0, problems.count(), List.of());
		}
		records.skipByteOrderMark();
		if (!records.next()) {
			problems.replaceAll(Problem.ofFile("empty file"));
			return new ReadSummary(formatOrNull, 0, problems.count(), List.of());
		}
		long headerRow = csv.line();
		if ((csv.recordFlags() & (CsvRecord.NUL | CsvRecord.CONTROL)) != 0) {
			problems.replaceAll(new Problem(headerRow, null, csv.shownRecord(),
					"not a CSV text file: the first line has binary bytes"));
			return new ReadSummary(formatOrNull, 0, problems.count(), List.of());
		}
		List<String> names = header(csv);
		ImportFormat format = (formatOrNull != null) ? formatOrNull : Columns.detect(names);
		if ((csv.recordFlags() & CsvRecord.BROKEN) != 0 || format == null) {
			RowCells.reportBrokenCells(csv, headerRow, (i) -> null, problems);
			if (format == null) {
				problems.report(new Problem(headerRow, null, csv.shownRecord(), UNRECOGNISED_HEADER));
			}
			problems.release();
			return new ReadSummary(format, 0, problems.count(), names);
		}
		Columns columns = Columns.match(format, names, headerRow, problems::report, problems::warn);
		if (columns == null) {
			problems.release();
			return new ReadSummary(format, 0, problems.count(), names);
		}
		return readRows(records, columns, problems, sink, names);
	}

	/** Reads the data rows after the header. */
	private static ReadSummary readRows(CsvRecordReader records, Columns columns, Problems problems, RowSink sink,
			List<String> names) throws IOException {
		CsvRecord csv = records.record();
		ImportFormat format = columns.format();
		CountyNamedRows countyNamed = new CountyNamedRows(sink);
		ResultRows rows = new ResultRows(csv, columns, problems, countyNamed);
		long read = 0;
		while (records.next()) {
			if (csv.isBlank()) {
				continue;
			}
			read++;
			if (!rows.read() && problems.binaryRow()) {
				problems.replaceAll(new Problem(csv.line(), null, null, "not a CSV text file: binary data "
						+ "(NUL or control bytes) in " + Problems.BINARY_ROWS + " of the first rows; stopped reading"));
				return new ReadSummary(format, read, problems.count(), names);
			}
			problems.rowRead(read);
		}
		rows.finish();
		countyNamed.finish();
		if (read == 0) {
			problems.report(Problem.ofFile("no data rows"));
		}
		problems.release();
		return new ReadSummary(format, read, problems.count(), names);
	}

	private static List<String> header(CsvRecord csv) {
		int cells = Math.min(csv.cellCount(), CsvRecord.MAX_CELLS);
		List<String> names = new ArrayList<>(cells);
		for (int i = 0; i < cells; i++) {
			names.add(csv.shownText(i));
		}
		return names;
	}

}
