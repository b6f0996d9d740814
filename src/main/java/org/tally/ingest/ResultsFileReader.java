package org.tally.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

import org.tally.ingest.ap.ApJsonReader;
import org.tally.ingest.clarity.ClarityDetailReader;
import org.tally.ingest.csv.CsvResultsReader;
import org.tally.ingest.kit.FileSource;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
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
 * CSV files (OpenElections, Clarity summary.csv) go to {@link CsvResultsReader}, the csv
 * package's one entry.
 */
public final class ResultsFileReader {

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
			case CSV -> CsvResultsReader.read(buffered, formatOrNull, charsetOrNull, sink);
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

}
