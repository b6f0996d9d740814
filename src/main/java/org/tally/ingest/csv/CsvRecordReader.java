package org.tally.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into RFC 4180 records without decoding it first. Working on bytes
 * lets every encoding problem name its row and cell, keeps memory constant (one input
 * buffer and one record, whose cells are capped), and is fast: only cells that are read
 * become strings.
 * <p>
 * Commas, quotes and line ends are ASCII and never occur inside a UTF-8 sequence, so the
 * structure can be found on bytes; each cell's bytes are checked to be UTF-8 when it
 * ends. Cells are trimmed. A line end is LF, CRLF or CR. Blank lines are skipped. The
 * record read is kept in a {@link CsvRecord}.
 */
final class CsvRecordReader {

	private static final int START = 0;

	private static final int UNQUOTED = 1;

	private static final int IN_QUOTES = 2;

	private static final int QUOTE_IN_QUOTES = 3;

	private static final int AFTER_QUOTE = 4;

	private static final int END_OF_RECORD = 5;

	private final InputStream in;

	private final byte[] buffer = new byte[1 << 16];

	private int pos;

	private int limit;

	private boolean eof;

	private boolean skipLineFeed;

	private long line = 1;

	private final CsvRecord record = new CsvRecord();

	private long quoteLine;

	private boolean crInQuotes;

	CsvRecordReader(InputStream in) {
		this.in = in;
	}

	/**
	 * Returns up to {@code n} bytes at the start of the stream, to recognise binary
	 * formats, before any record is read.
	 */
	byte[] peek(int n) throws IOException {
		while (this.limit < n && !this.eof) {
			int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read < 0) {
				this.eof = true;
			}
			else {
				this.limit += read;
			}
		}
		return Arrays.copyOfRange(this.buffer, this.pos, Math.min(this.limit, this.pos + n));
	}

	/** Skips a UTF-8 byte order mark at the start of the stream. */
	void skipByteOrderMark() throws IOException {
		byte[] start = peek(3);
		if (start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
			this.pos += 3;
		}
	}

	/**
	 * Reads the next record into {@link #record()}, skipping blank lines.
	 * @return {@code false} at the end of the stream
	 */
	boolean next() throws IOException {
		beginRecord();
		int state = START;
		while (true) {
			if (this.pos >= this.limit && !fill()) {
				return endOfStream(state);
			}
			if (this.skipLineFeed) {
				this.skipLineFeed = false;
				if (this.buffer[this.pos] == '\n') {
					this.pos++;
					continue;
				}
			}
			state = switch (state) {
				case START -> startCell();
				case UNQUOTED -> unquoted();
				case IN_QUOTES -> inQuotes();
				default -> afterQuote(state);
			};
			if (state == END_OF_RECORD) {
				return true;
			}
		}
	}

	private int startCell() {
		int c = this.buffer[this.pos];
		if (c == ' ' || c == '\t') {
			this.pos++;
			return START;
		}
		if (c == '"') {
			this.quoteLine = this.line;
			this.crInQuotes = false;
			this.pos++;
			return IN_QUOTES;
		}
		if (this.record.cellCount() == 0 && (c == '\n' || c == '\r')) {
			this.pos++;
			endLine(c);
			beginRecord();
			return START;
		}
		return UNQUOTED;
	}

	/**
	 * Runs over plain bytes from the current position up to the stop byte, a control byte
	 * or the end of the buffer, noting non-ASCII bytes; answers where it stopped.
	 */
	private int scan(int stop) {
		byte[] buf = this.buffer;
		int p = this.pos;
		int lim = this.limit;
		int seen = 0;
		while (p < lim) {
			int c = buf[p];
			if (c == stop || (c >= 0 && c < 0x20)) {
				break;
			}
			seen |= c;
			p++;
		}
		if (seen < 0) {
			this.record.flag(CsvRecord.NON_ASCII);
		}
		return p;
	}

	private int unquoted() {
		byte[] buf = this.buffer;
		int lim = this.limit;
		int run = this.pos;
		int p = scan(',');
		this.record.append(buf, run, p - run);
		this.pos = p;
		if (p == lim) {
			return UNQUOTED;
		}
		int c = buf[p];
		this.pos = p + 1;
		if (c == ',') {
			this.record.endCell();
			return START;
		}
		if (c == '\n' || c == '\r') {
			this.record.endCell();
			endLine(c);
			return END_OF_RECORD;
		}
		this.record.control(c);
		this.record.append(buf, p, 1);
		return UNQUOTED;
	}

	private int inQuotes() {
		byte[] buf = this.buffer;
		int lim = this.limit;
		int run = this.pos;
		int p = scan('"');
		if (p > run) {
			this.crInQuotes = false;
			this.record.append(buf, run, p - run);
		}
		this.pos = p;
		if (p == lim) {
			return IN_QUOTES;
		}
		int c = buf[p];
		this.pos = p + 1;
		if (c == '"') {
			this.crInQuotes = false;
			return QUOTE_IN_QUOTES;
		}
		if (c == '\r') {
			this.line++;
			this.crInQuotes = true;
		}
		else if (c == '\n') {
			if (!this.crInQuotes) {
				this.line++;
			}
			this.crInQuotes = false;
		}
		else {
			this.record.control(c);
		}
		this.record.append(buf, p, 1);
		return IN_QUOTES;
	}

	/**
	 * After a quote in a quoted cell: an escaped quote, the cell's end, or stray text.
	 */
	private int afterQuote(int state) {
		int p = this.pos;
		int c = this.buffer[p];
		this.pos = p + 1;
		if (c == '"' && state == QUOTE_IN_QUOTES) {
			this.record.append(this.buffer, p, 1);
			return IN_QUOTES;
		}
		if (c == ',') {
			this.record.endCell();
			return START;
		}
		if (c == '\n' || c == '\r') {
			this.record.endCell();
			endLine(c);
			return END_OF_RECORD;
		}
		if (c == ' ' || c == '\t') {
			return AFTER_QUOTE;
		}
		this.record.flag(CsvRecord.TEXT_AFTER_QUOTE);
		this.pos = p;
		return UNQUOTED;
	}

	/** The record last read. */
	CsvRecord record() {
		return this.record;
	}

	private boolean fill() throws IOException {
		if (this.eof) {
			return false;
		}
		int read = this.in.read(this.buffer, 0, this.buffer.length);
		while (read == 0) {
			read = this.in.read(this.buffer, 0, this.buffer.length);
		}
		if (read < 0) {
			this.eof = true;
			this.pos = 0;
			this.limit = 0;
			return false;
		}
		this.pos = 0;
		this.limit = read;
		return true;
	}

	private void beginRecord() {
		this.record.begin(this.line);
	}

	private boolean endOfStream(int state) {
		if (state == START && this.record.cellCount() == 0) {
			return false;
		}
		if (state == IN_QUOTES) {
			this.record.unterminated(this.quoteLine);
		}
		this.record.endCell();
		return true;
	}

	private void endLine(int c) {
		this.line++;
		if (c == '\r') {
			if (this.pos < this.limit) {
				if (this.buffer[this.pos] == '\n') {
					this.pos++;
				}
			}
			else {
				this.skipLineFeed = true;
			}
		}
	}

}
