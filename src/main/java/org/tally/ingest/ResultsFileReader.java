package org.tally.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tally.ingest.ap.ApJsonReader;
import org.tally.ingest.clarity.ClarityDetailReader;
import org.tally.ingest.csv.BinaryFormats;
import org.tally.ingest.csv.Columns;
import org.tally.ingest.csv.CountyNamedRows;
import org.tally.ingest.csv.CsvRecordReader;
import org.tally.ingest.csv.ResultRows;
import org.tally.ingest.csv.Windows1252Fallback;
import org.tally.ingest.kit.FileSource;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.Problems;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.nist.NistCdfReader;
import org.tally.ingest.rctab.RctabReader;

/**
 * The one entry for reading an uploaded results file: picks the reader by the named
 * format or, for {@code format=auto}, by the file's first bytes (a zip or {@code <} is
 * Clarity's detail.xml, <code>{</code> or {@code [} is JSON, anything else CSV), never by
 * the Content-Type. Every reader reads in one pass and constant memory, handing each
 * count, progress figure and problem to a {@link RowSink}; it only reads and validates:
 * what the counts mean for an election is the importer's business.
 * <p>
 * The CSV readers (OpenElections, Clarity summary.csv) are here. Files are UTF-8 (a byte
 * order mark is skipped) or Windows-1252 (see {@link Windows1252Fallback}) with RFC 4180
 * quoting and LF, CRLF or CR line ends; cells are trimmed and stay text (precinct
 * "0850001A" keeps its zero). Row numbers are lines in the file, the header being row 1,
 * so a row whose quoted cell spans lines is named by its first line.
 */
public final class ResultsFileReader {

	private static final String UNRECOGNISED_HEADER = "unrecognised header: expected openelections "
			+ "(county,[precinct,]office,district,party,candidate,votes) or clarity-summary "
			+ "(\"line number\",\"contest name\",\"choice name\",...)";

	private static final int RCTAB_SNIFF = 4096;

	private ResultsFileReader() {
	}

	/** Reads a file whose text encoding is to be detected. */
	public static ReadSummary read(InputStream in, ImportFormat formatOrNull, RowSink sink) throws IOException {
		return read(in, formatOrNull, null, sink);
	}

	/**
	 * Reads the whole stream once, in constant memory, calling the sink per row. Never
	 * throws for bad content: every problem goes to {@link RowSink#problem}, and reading
	 * goes on after a bad row so that all problems are found. A file that turns out to be
	 * binary gets one problem ("not a CSV text file") and is not read further.
	 * @param in the file; not closed
	 * @param formatOrNull the format, or {@code null} to detect it from the first bytes
	 * and the header
	 * @param charsetOrNull the charset the sender named for a CSV file, or {@code null}
	 * to detect UTF-8 or Windows-1252
	 * @param sink receives counts, progress, problems and warnings
	 * @return what was read
	 * @throws IOException only when the stream itself fails
	 */
	public static ReadSummary read(InputStream in, ImportFormat formatOrNull, Charset charsetOrNull, RowSink sink)
			throws IOException {
		Objects.requireNonNull(in, "in");
		Objects.requireNonNull(sink, "sink");
		BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
		FileKind kind = (formatOrNull != null) ? FileKind.of(formatOrNull) : FileKind.sniff(buffered);
		return switch (kind) {
			case CSV -> readCsv(buffered, formatOrNull, charsetOrNull, sink);
			case XML -> ClarityDetailReader.read(buffered, sink);
			case JSON -> readJson(buffered, formatOrNull, sink);
		};
	}

	/** JSON formats: nist-cdf, ap-json and rctab. */
	private static ReadSummary readJson(BufferedInputStream in, ImportFormat formatOrNull, RowSink sink)
			throws IOException {
		in.mark(RCTAB_SNIFF);
		byte[] head = in.readNBytes(RCTAB_SNIFF);
		in.reset();
		if (formatOrNull == ImportFormat.RCTAB || (formatOrNull == null && RctabReader.looksLike(head))) {
			return RctabReader.read(in, sink);
		}
		sink.problem(Problem.ofFile("a JSON file that is not RCTab's report: nist-cdf and ap-json files are read "
				+ "from a file that can be opened twice (ResultsFileReader.read(FileSource, ...))"));
		return new ReadSummary(formatOrNull, 0, 1, List.of());
	}

	private static ReadSummary readCsv(BufferedInputStream in, ImportFormat formatOrNull, Charset charsetOrNull,
			RowSink sink) throws IOException {
		Problems problems = new Problems(sink);
		in.mark(BinaryFormats.MAGIC_LENGTH);
		String binary = BinaryFormats.describe(in.readNBytes(BinaryFormats.MAGIC_LENGTH));
		in.reset();
		CsvRecordReader csv = new CsvRecordReader(Windows1252Fallback.wrap(in, charsetOrNull, sink));
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
		CountyNamedRows countyNamed = new CountyNamedRows(sink);
		ResultRows rows = new ResultRows(csv, columns, problems, countyNamed);
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
		rows.finish();
		countyNamed.finish();
		if (read == 0) {
			problems.report(Problem.ofFile("no data rows"));
		}
		problems.release();
		return new ReadSummary(format, read, problems.count(), names);
	}

	// NIST and AP JSON: told from CSV by the first byte, from each other by their keys;
	// they read the file twice, so they take a source they can open again.

	/** Reads a file that can be opened again, its text encoding detected. */
	public static ReadSummary read(FileSource source, ImportFormat formatOrNull, ReadContext context, RowSink sink)
			throws IOException {
		return read(source, formatOrNull, null, context, sink);
	}

	/**
	 * Reads a file that can be opened again: NIST and AP JSON go to their readers
	 * ({@link NistCdfReader}, {@link ApJsonReader}), which read it twice; anything else
	 * is read once by {@link #read(InputStream, ImportFormat, Charset, RowSink)}. Never
	 * throws for bad content.
	 * @param source the file
	 * @param formatOrNull the format, or {@code null} to detect it from the bytes
	 * @param charsetOrNull the charset the sender named for a CSV file, or {@code null}
	 * @param context the election the file is read for
	 * @param sink receives counts, progress, problems and warnings
	 * @return what was read
	 * @throws IOException only when the file itself fails
	 */
	public static ReadSummary read(FileSource source, ImportFormat formatOrNull, Charset charsetOrNull,
			ReadContext context, RowSink sink) throws IOException {
		ImportFormat format = formatOrNull;
		if (format == null && JsonFormats.looksLikeJson(source) && !looksLikeRctab(source)) {
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
			return read(in, format, charsetOrNull, sink);
		}
	}

	private static boolean looksLikeRctab(FileSource source) throws IOException {
		try (InputStream in = source.open()) {
			return RctabReader.looksLike(in.readNBytes(RCTAB_SNIFF));
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
