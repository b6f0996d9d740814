package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;

import org.tally.ingest.kit.ImportFormat;

/**
 * The three kinds of file Tally reads, told apart by their first bytes so that a file is
 * read as what it is whatever Content-Type it came with.
 */
enum FileKind {

	/** OpenElections or Clarity summary.csv (and anything that is not the others). */
	CSV,

	/** Clarity's detail.xml, plain or zipped. */
	XML,

	/** NIST SP 1500-100, AP or RCTab JSON. */
	JSON;

	private static final int SNIFF_BYTES = 64;

	static FileKind of(ImportFormat format) {
		return switch (format) {
			case OPENELECTIONS, CLARITY_SUMMARY -> CSV;
			case CLARITY_DETAIL -> XML;
			case NIST_CDF, AP_JSON, RCTAB -> JSON;
		};
	}

	/**
	 * The kind of the file by its first bytes: a zip archive or {@code <} is XML,
	 * <code>{</code> or {@code [} is JSON (after a byte order mark and white space),
	 * anything else CSV. The stream is reset to where it was.
	 */
	static FileKind sniff(InputStream in) throws IOException {
		in.mark(SNIFF_BYTES);
		byte[] start = new byte[SNIFF_BYTES];
		int length = 0;
		int read;
		while (length < start.length && (read = in.read(start, length, start.length - length)) > 0) {
			length += read;
		}
		in.reset();
		return sniff(start, length);
	}

	static FileKind sniff(byte[] start, int length) {
		if (length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
			return XML;
		}
		int i = 0;
		if (length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
			i = 3;
		}
		while (i < length && (start[i] == ' ' || start[i] == '\t' || start[i] == '\r' || start[i] == '\n')) {
			i++;
		}
		if (i == length) {
			return CSV;
		}
		return switch (start[i]) {
			case '<' -> XML;
			case '{', '[' -> JSON;
			default -> CSV;
		};
	}

}
