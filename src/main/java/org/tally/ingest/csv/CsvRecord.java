package org.tally.ingest.csv;

import java.util.Arrays;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.VoteNumber;

/**
 * The record {@link CsvRecordReader} has read: its cells' bytes (each capped at
 * {@value #MAX_CELL_CHARS} characters, the first {@value #MAX_CELLS} cells kept), what is
 * wrong with each cell (its flags), and the cells read as text or counts. The reader
 * fills it cell by cell; only cells that are read become strings.
 */
final class CsvRecord {

	static final int MAX_CELL_CHARS = 500;

	static final int MAX_CELLS = 1024;

	/** The cell has bytes above 0x7F. */
	static final int NON_ASCII = 1 << 1;

	/** The cell has more than {@value #MAX_CELL_CHARS} characters. */
	static final int TOO_LONG = 1 << 2;

	/** The cell has a NUL byte. */
	static final int NUL = 1 << 3;

	/** The cell has a control character other than tab, CR and LF. */
	static final int CONTROL = 1 << 4;

	/** Text follows the closing quote of the cell. */
	static final int TEXT_AFTER_QUOTE = 1 << 5;

	/** The cell's quote is never closed: the file ended inside it. */
	static final int UNTERMINATED = 1 << 6;

	/** The cell is not valid UTF-8. */
	static final int BAD_UTF8 = 1 << 7;

	static final int BROKEN = TOO_LONG | NUL | CONTROL | TEXT_AFTER_QUOTE | UNTERMINATED | BAD_UTF8;

	static final int MAX_CELL_BYTES = MAX_CELL_CHARS * 4;

	private byte[] bytes = new byte[1024];

	private int length;

	private final CsvCells cellsOf = new CsvCells();

	private int cells;

	private int recordFlags;

	private long recordLine;

	private int cellStart;

	private long cellBytes;

	private int cellFlags;

	private long unterminatedLine;

	/** Starts a record on the given line. */
	void begin(long line) {
		this.cells = 0;
		this.length = 0;
		this.recordFlags = 0;
		this.recordLine = line;
		this.cellStart = this.length;
		this.cellBytes = 0;
		this.cellFlags = 0;
	}

	/** Marks the current cell with a flag. */
	void flag(int flag) {
		this.cellFlags |= flag;
	}

	/** Marks the current cell as holding a control byte. */
	void control(int c) {
		this.cellFlags |= (c == 0) ? NUL : CONTROL;
	}

	/** Marks the current cell as ending inside a quote that opened on the line. */
	void unterminated(long quoteLine) {
		this.cellFlags |= UNTERMINATED;
		this.unterminatedLine = quoteLine;
	}

	/** Adds bytes to the current cell, keeping no more than the cell's cap. */
	void append(byte[] source, int offset, int count) {
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

	/** Ends the current cell and starts the next. */
	void endCell() {
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

	/** Line of the record's first byte. */
	long line() {
		return this.recordLine;
	}

	/**
	 * Cells in the record, including any beyond {@value #MAX_CELLS}, which are not kept.
	 */
	int cellCount() {
		return this.cells;
	}

	/** The union of all cells' flags. */
	int recordFlags() {
		return this.recordFlags;
	}

	int flags(int cell) {
		return this.cellsOf.flags(cell);
	}

	/** Whether every cell is empty (a row of bare commas, as spreadsheets write). */
	boolean isBlank() {
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
	String shownText(int cell) {
		return (cell < kept()) ? this.cellsOf.shownText(cell, this.bytes) : null;
	}

	/** The record as it might have looked, for a message about the whole row. */
	String shownRecord() {
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

}
