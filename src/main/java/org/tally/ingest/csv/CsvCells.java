package org.tally.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tally.ingest.kit.VoteNumber;

/**
 * The cells of the record {@link CsvRecord} holds: where each lies in the record's bytes,
 * its flags (trimmed, too long, not UTF-8), and its text, decoded only when read.
 */
final class CsvCells {

	private int[] starts = new int[16];

	private int[] ends = new int[16];

	private int[] flags = new int[16];

	private int[] badBytes = new int[16];

	private byte[][] cachedBytes = new byte[16][];

	private String[] cachedText = new String[16];

	/**
	 * Ends a cell: trims it and checks its length and its UTF-8.
	 * @param bytes the record's bytes
	 * @param start where the cell's kept bytes start
	 * @param end where they end
	 * @param cellBytes the bytes the cell had, kept or not
	 * @param cellFlags the flags found while scanning
	 * @return the cell's flags
	 */
	int end(int cell, byte[] bytes, int start, int end, long cellBytes, int cellFlags) {
		if (cell == this.starts.length) {
			grow();
		}
		while (start < end && (bytes[start] & 0xFF) <= ' ') {
			start++;
		}
		while (end > start && (bytes[end - 1] & 0xFF) <= ' ') {
			end--;
		}
		if (cellBytes > CsvRecord.MAX_CELL_BYTES) {
			cellFlags |= CsvRecord.TOO_LONG;
		}
		else if (end - start > CsvRecord.MAX_CELL_CHARS) {
			if ((cellFlags & CsvRecord.NON_ASCII) == 0
					|| Utf8.codePoints(bytes, start, end) > CsvRecord.MAX_CELL_CHARS) {
				cellFlags |= CsvRecord.TOO_LONG;
			}
		}
		if ((cellFlags & (CsvRecord.NON_ASCII | CsvRecord.TOO_LONG)) == CsvRecord.NON_ASCII) {
			int bad = Utf8.firstInvalid(bytes, start, end);
			if (bad >= 0) {
				cellFlags |= CsvRecord.BAD_UTF8;
				this.badBytes[cell] = bytes[bad] & 0xFF;
			}
		}
		this.starts[cell] = start;
		this.ends[cell] = end;
		this.flags[cell] = cellFlags;
		return cellFlags;
	}

	int flags(int cell) {
		return this.flags[cell];
	}

	boolean isEmpty(int cell) {
		return this.ends[cell] == this.starts[cell];
	}

	/** Whether every one of the first cells is empty and readable. */
	boolean isBlank(int kept) {
		for (int i = 0; i < kept; i++) {
			if (this.ends[i] > this.starts[i] || (this.flags[i] & CsvRecord.BROKEN) != 0) {
				return false;
			}
		}
		return true;
	}

	int badByte(int cell) {
		return this.badBytes[cell];
	}

	/**
	 * The cell as text. A cell equal to the same column's previous one returns the same
	 * string, so a file's thousand "Los Angeles" cost one.
	 */
	String text(int cell, byte[] bytes) {
		int start = this.starts[cell];
		int length = this.ends[cell] - start;
		if (length == 0) {
			return "";
		}
		byte[] cached = this.cachedBytes[cell];
		String text = this.cachedText[cell];
		if (text != null && cached.length == length && Arrays.equals(bytes, start, start + length, cached, 0, length)) {
			return text;
		}
		text = new String(bytes, start, length,
				((this.flags[cell] & CsvRecord.NON_ASCII) != 0) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
		this.cachedBytes[cell] = Arrays.copyOfRange(bytes, start, start + length);
		this.cachedText[cell] = text;
		return text;
	}

	/**
	 * The cell for a message: as much as was kept, with anything that is not UTF-8 shown
	 * as U+FFFD.
	 */
	String shownText(int cell, byte[] bytes) {
		String text = new String(bytes, this.starts[cell], this.ends[cell] - this.starts[cell], StandardCharsets.UTF_8);
		return ((this.flags[cell] & (CsvRecord.NUL | CsvRecord.CONTROL)) != 0)
				? text.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "\uFFFD") : text;
	}

	/** The cell as a count, or one of the {@link VoteNumber} error codes. */
	long number(int cell, byte[] bytes) {
		return VoteNumber.parse(bytes, this.starts[cell], this.ends[cell]);
	}

	private void grow() {
		int size = Math.min(this.starts.length * 2, CsvRecord.MAX_CELLS);
		this.starts = Arrays.copyOf(this.starts, size);
		this.ends = Arrays.copyOf(this.ends, size);
		this.flags = Arrays.copyOf(this.flags, size);
		this.badBytes = Arrays.copyOf(this.badBytes, size);
		this.cachedBytes = Arrays.copyOf(this.cachedBytes, size);
		this.cachedText = Arrays.copyOf(this.cachedText, size);
	}

}
