package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tally.ingest.format.ApJsonReader;
import org.tally.ingest.format.JsonFormats;
import org.tally.ingest.format.NistCdfReader;

/**
 * Reads an uploaded results file (OpenElections CSV or a Clarity summary.csv) in one pass
 * and constant memory, handing each count, progress figure and problem to a
 * {@link RowSink}. It only reads and validates: what the counts mean for an election is
 * the importer's business.
 * <p>
 * Files are UTF-8 (a byte order mark is skipped) with RFC 4180 quoting and LF, CRLF or CR
 * line ends; cells are trimmed and stay text (precinct "0850001A" keeps its zero). Row
 * numbers are lines in the file, the header being row 1, so a row whose quoted cell spans
 * lines is named by its first line.
 */
public final class ResultsFileReader {

	private static final String UNRECOGNISED_HEADER = "unrecognised header: expected openelections "
			+ "(county,[precinct,]office,district,party,candidate,votes) or clarity-summary "
			+ "(\"line number\",\"contest name\",\"choice name\",...)";

	private ResultsFileReader() {
	}

	/**
	 * Reads the whole stream once, in constant memory, calling the sink per row. Never
	 * throws for bad content: every problem goes to {@link RowSink#problem}, and reading
	 * goes on after a bad row so that all problems are found. A file that turns out to be
	 * binary gets one problem ("not a CSV text file") and is not read further.
	 * @param in the file; not closed
	 * @param formatOrNull the format, or {@code null} to detect it from the header
	 * @param sink receives counts, progress, problems and warnings
	 * @return what was read
	 * @throws IOException only when the stream itself fails
	 */
	public static ReadSummary read(InputStream in, ImportFormat formatOrNull, RowSink sink) throws IOException {
		Objects.requireNonNull(in, "in");
		Objects.requireNonNull(sink, "sink");
		Problems problems = new Problems(sink);
		CsvRecordReader csv = new CsvRecordReader(in);
		String binary = BinaryFormats.describe(csv.peek(BinaryFormats.MAGIC_LENGTH));
		if (binary != null) {
			problems.replaceAll(Problem.ofFile("not a CSV text file: " + binary));
			return new ReadSummary(formatOrNull, 0, problems.count(), List.of());
		}
		csv.skipByteOrderMark();
		if (!csv.next()) {
			problems.replaceAll(Problem.ofFile("empty file"));
			return new ReadSummary(formatOrNull, 0, problems.count(), List.of());
		}
		long headerRow = csv.line();
		if ((csv.recordFlags() & (CsvRecordReader.NUL | CsvRecordReader.CONTROL)) != 0) {
			problems.replaceAll(new Problem(headerRow, null, csv.shownRecord(),
					"not a CSV text file: the first line has binary bytes"));
			return new ReadSummary(formatOrNull, 0, problems.count(), List.of());
		}
		List<String> names = header(csv);
		ImportFormat format = (formatOrNull != null) ? formatOrNull : Columns.detect(names);
		if ((csv.recordFlags() & CsvRecordReader.BROKEN) != 0 || format == null) {
			ResultRows.reportBrokenCells(csv, headerRow, (i) -> null, problems);
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
		ResultRows rows = new ResultRows(csv, columns, problems, sink);
		long read = 0;
		while (csv.next()) {
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
		if (read == 0) {
			problems.report(Problem.ofFile("no data rows"));
		}
		problems.release();
		return new ReadSummary(format, read, problems.count(), names);
	}

	// JSON formats (nist-cdf, ap-json): told from CSV by the first byte, from each other
	// by
	// their keys; they read the file twice, so they take a source they can open again.

	/**
	 * Reads a file that can be opened again: JSON goes to its format's reader
	 * ({@link NistCdfReader}, {@link ApJsonReader}), anything else is read as CSV by
	 * {@link #read(InputStream, ImportFormat, RowSink)}. Never throws for bad content.
	 * @param source the file
	 * @param formatOrNull the format, or {@code null} to detect it from the bytes
	 * @param context the election the file is read for
	 * @param sink receives counts, progress, problems and warnings
	 * @return what was read
	 * @throws IOException only when the file itself fails
	 */
	public static ReadSummary read(FileSource source, ImportFormat formatOrNull, ReadContext context, RowSink sink)
			throws IOException {
		ImportFormat format = formatOrNull;
		if (format == null && JsonFormats.looksLikeJson(source)) {
			JsonFormats.Detection detection = JsonFormats.detect(source);
			if (detection.format() == null) {
				sink.problem(detection.problem());
				return new ReadSummary(null, 0, 1, List.of());
			}
			format = detection.format();
		}
		if (format == ImportFormat.NIST_CDF) {
			return NistCdfReader.read(source, context, sink);
		}
		if (format == ImportFormat.AP_JSON) {
			return ApJsonReader.read(source, context, sink);
		}
		try (InputStream in = source.open()) {
			return read(in, format, sink);
		}
	}

	private static List<String> header(CsvRecordReader csv) {
		int cells = Math.min(csv.cellCount(), CsvRecordReader.MAX_CELLS);
		List<String> names = new ArrayList<>(cells);
		for (int i = 0; i < cells; i++) {
			names.add(csv.shownText(i));
		}
		return names;
	}

}
