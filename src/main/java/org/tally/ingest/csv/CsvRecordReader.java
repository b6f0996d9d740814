package org.tally.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.VoteNumber;

/**
 * Splits a byte stream into RFC 4180 records without decoding it first. Working on bytes
 * lets every encoding problem name its row and cell, keeps memory constant (one input
 * buffer and one record, whose cells are capped), and is fast: only cells that are read
 * become strings.
 * <p>
 * Commas, quotes and line ends are ASCII and never occur inside a UTF-8 sequence, so the
 * structure can be found on bytes; each cell's bytes are checked to be UTF-8 when it
 * ends. Cells are trimmed. A line end is LF, CRLF or CR. Blank lines are skipped.
 */
public final class CsvRecordReader {

	static final int MAX_CELL_CHARS = 500;

	public static final int MAX_CELLS = 1024;

	/** The cell has bytes above 0x7F. */
	static final int NON_ASCII = 1 << 1;

	/** The cell has more than {@value #MAX_CELL_CHARS} characters. */
	static final int TOO_LONG = 1 << 2;

	/** The cell has a NUL byte. */
	public static final int NUL = 1 << 3;

	/** The cell has a control character other than tab, CR and LF. */
	public static final int CONTROL = 1 << 4;

	/** Text follows the closing quote of the cell. */
	static final int TEXT_AFTER_QUOTE = 1 << 5;

	/** The cell's quote is never closed: the file ended inside it. */
	static final int UNTERMINATED = 1 << 6;

	/** The cell is not valid UTF-8. */
	static final int BAD_UTF8 = 1 << 7;

	public static final int BROKEN = TOO_LONG | NUL | CONTROL | TEXT_AFTER_QUOTE | UNTERMINATED | BAD_UTF8;

	static final int MAX_CELL_BYTES = MAX_CELL_CHARS * 4;

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

	private byte[] bytes = new byte[1024];

	private int length;

	private final CsvCells cellsOf = new CsvCells();

	private int cells;

	private int recordFlags;

	private long recordLine;

	private int cellStart;

	private long cellBytes;

	private int cellFlags;

	private long quoteLine;

	private long unterminatedLine;

	private boolean crInQuotes;

	public CsvRecordReader(InputStream in) {
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
	public void skipByteOrderMark() throws IOException {
		byte[] start = peek(3);
		if (start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
			this.pos += 3;
		}
	}

	/**
	 * Reads the next record, skipping blank lines.
	 * @return {@code false} at the end of the stream
	 */
	public boolean next() throws IOException {
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
		if (this.cells == 0 && (c == '\n' || c == '\r')) {
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
			this.cellFlags |= NON_ASCII;
		}
		return p;
	}

	private int unquoted() {
		byte[] buf = this.buffer;
		int lim = this.limit;
		int run = this.pos;
		int p = scan(',');
		append(buf, run, p - run);
		this.pos = p;
		if (p == lim) {
			return UNQUOTED;
		}
		int c = buf[p];
		this.pos = p + 1;
		if (c == ',') {
			endCell();
			return START;
		}
		if (c == '\n' || c == '\r') {
			endCell();
			endLine(c);
			return END_OF_RECORD;
		}
		control(c);
		append(buf, p, 1);
		return UNQUOTED;
	}

	private int inQuotes() {
		byte[] buf = this.buffer;
		int lim = this.limit;
		int run = this.pos;
		int p = scan('"');
		if (p > run) {
			this.crInQuotes = false;
			append(buf, run, p - run);
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
			control(c);
		}
		append(buf, p, 1);
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
			append(this.buffer, p, 1);
			return IN_QUOTES;
		}
		if (c == ',') {
			endCell();
			return START;
		}
		if (c == '\n' || c == '\r') {
			endCell();
			endLine(c);
			return END_OF_RECORD;
		}
		if (c == ' ' || c == '\t') {
			return AFTER_QUOTE;
		}
		this.cellFlags |= TEXT_AFTER_QUOTE;
		this.pos = p;
		return UNQUOTED;
	}

	/** Line of the record's first byte. */
	public long line() {
		return this.recordLine;
	}

	/**
	 * Cells in the record, including any beyond {@value #MAX_CELLS}, which are not kept.
	 */
	public int cellCount() {
		return this.cells;
	}

	/** The union of all cells' flags. */
	public int recordFlags() {
		return this.recordFlags;
	}

	int flags(int cell) {
		return this.cellsOf.flags(cell);
	}

	/** Whether every cell is empty (a row of bare commas, as spreadsheets write). */
	public boolean isBlank() {
		return this.cellsOf.isBlank(kept());
	}

	boolean isEmpty(int cell) {
		return this.cellsOf.isEmpty(cell);
	}

	/** The first byte that is not valid UTF-8 in a {@link #BAD_UTF8} cell. */
	int badByte(int cell) {
		return this.cellsOf.badByte(cell);
	}

	/** Line where the quote of an {@link #UNTERMINATED} cell opened. */
	long unterminatedLine() {
		return this.unterminatedLine;
	}

	/**
	 * The cell as text. A cell equal to the same column's previous one returns the same
	 * string, so a file's thousand "Los Angeles" cost one.
	 */
	String text(int cell) {
		return this.cellsOf.text(cell, this.bytes);
	}

	/**
	 * The cell for a message: as much as was kept, with anything that is not UTF-8 shown
	 * as U+FFFD.
	 */
	public String shownText(int cell) {
		return (cell < kept()) ? this.cellsOf.shownText(cell, this.bytes) : null;
	}

	/** The record as it might have looked, for a message about the whole row. */
	public String shownRecord() {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < kept() && shown.length() <= Problem.MAX_VALUE_LENGTH; i++) {
			if (i > 0) {
				shown.append(',');
			}
			shown.append(shownText(i));
		}
		return shown.toString();
	}

	/** The cell as a count, or one of the {@link VoteNumber} error codes. */
	long number(int cell) {
		return this.cellsOf.number(cell, this.bytes);
	}

	private int kept() {
		return Math.min(this.cells, MAX_CELLS);
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
		this.cells = 0;
		this.length = 0;
		this.recordFlags = 0;
		this.recordLine = this.line;
		beginCell();
	}

	private void beginCell() {
		this.cellStart = this.length;
		this.cellBytes = 0;
		this.cellFlags = 0;
	}

	private boolean endOfStream(int state) {
		if (state == START && this.cells == 0) {
			return false;
		}
		if (state == IN_QUOTES) {
			this.cellFlags |= UNTERMINATED;
			this.unterminatedLine = this.quoteLine;
		}
		endCell();
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

	private void control(int c) {
		this.cellFlags |= (c == 0) ? NUL : CONTROL;
	}

	private void append(byte[] source, int offset, int count) {
		if (count == 0) {
			return;
		}
		this.cellBytes += count;
		if (this.cells >= MAX_CELLS) {
			return;
		}
		int room = MAX_CELL_BYTES - (this.length - this.cellStart);
		int keep = Math.min(count, room);
		if (keep <= 0) {
			return;
		}
		if (this.length + keep > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + keep));
		}
		System.arraycopy(source, offset, this.bytes, this.length, keep);
		this.length += keep;
	}

	private void endCell() {
		int cell = this.cells++;
		if (cell < MAX_CELLS) {
			this.recordFlags |= this.cellsOf.end(cell, this.bytes, this.cellStart, this.length, this.cellBytes,
					this.cellFlags);
		}
		else {
			this.recordFlags |= this.cellFlags;
		}
		this.cellStart = this.length;
		this.cellBytes = 0;
		this.cellFlags = 0;
	}

}
