package org.tally.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

import org.tally.ingest.csv.Columns.Field;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.Problems;
import org.tally.ingest.kit.VoteNumber;
import org.tally.results.VoteType;

/**
 * The cells of the current record of a results file, read as what their columns hold:
 * required texts, counts (blank, "1,010"), yes/no, the vote types and their total, and
 * progress. A cell that cannot be read is a problem that spoils the row
 * ({@link #rowOk()}).
 */
final class RowCells {

	/** A blank count. */
	static final long NONE = -1;

	private static final int MAX_WARNED_VALUES = 20;

	/** The vote-type columns, in the order of {@link VoteType#SPLIT}. */
	private static final Field[] VOTE_FIELDS = VoteType.SPLIT.stream().map(Columns::field).toArray(Field[]::new);

	/**
	 * How many progress cells a row has: reporting, precincts, cast, registered,
	 * outstanding, expected.
	 */
	static final int PROGRESS_COUNT = 6;

	private static final Field[] PROGRESS_FIELDS = { Field.PRECINCTS_REPORTING, Field.PRECINCTS_TOTAL,
			Field.BALLOTS_CAST, Field.REGISTERED_VOTERS, Field.BALLOTS_OUTSTANDING, Field.EXPECTED_VOTES };

	final CsvRecord csv;

	final Columns columns;

	private final Problems problems;

	final int county;

	final int precinct;

	final int office;

	final int district;

	final int party;

	final int candidate;

	final int votes;

	final int incumbent;

	final int writeIn;

	final int contestTotal;

	private final int[] voteColumns = new int[VOTE_FIELDS.length];

	/** The vote-type counts of the row, {@link #NONE} where blank. */
	final long[] voteCounts = new long[VOTE_FIELDS.length];

	final int[] progressColumns = new int[PROGRESS_FIELDS.length];

	/** The progress cells of the row, {@link #NONE} where blank. */
	final long[] progress = new long[PROGRESS_FIELDS.length];

	private boolean rowOk;

	private final Set<String> warned = new HashSet<>();

	private boolean warnedEncoding;

	private int warnedDisagreements;

	RowCells(CsvRecord csv, Columns columns, Problems problems) {
		this.csv = csv;
		this.columns = columns;
		this.problems = problems;
		this.county = columns.index(Field.COUNTY);
		this.precinct = columns.index(Field.PRECINCT);
		this.office = columns.index(Field.OFFICE);
		this.district = columns.index(Field.DISTRICT);
		this.party = columns.index(Field.PARTY);
		this.candidate = columns.index(Field.CANDIDATE);
		this.votes = columns.index(Field.VOTES);
		this.incumbent = columns.index(Field.INCUMBENT);
		this.writeIn = columns.index(Field.WRITE_IN);
		this.contestTotal = columns.index(Field.CONTEST_TOTAL);
		for (int i = 0; i < VOTE_FIELDS.length; i++) {
			this.voteColumns[i] = columns.index(VOTE_FIELDS[i]);
		}
		for (int i = 0; i < PROGRESS_FIELDS.length; i++) {
			this.progressColumns[i] = columns.index(PROGRESS_FIELDS[i]);
		}
	}

	/** Starts a row: no problem in it yet. */
	void startRow() {
		this.rowOk = true;
	}

	/** Whether no cell of the row was a problem so far. */
	boolean rowOk() {
		return this.rowOk;
	}

	/** Reads every vote-type cell into {@link #voteCounts}. */
	void readVoteCounts(long row) {
		for (int i = 0; i < this.voteColumns.length; i++) {
			this.voteCounts[i] = count(row, this.voteColumns[i], false);
		}
	}

	/**
	 * The value of a turnout pseudo-row: its votes cell, else the sum of its vote-type
	 * cells; {@link #NONE} when all are blank.
	 */
	long turnoutValue(long row) {
		long value = count(row, this.votes, false);
		if (value == NONE) {
			long sum = 0;
			boolean any = false;
			for (int column : this.voteColumns) {
				long count = count(row, column, false);
				if (count != NONE) {
					sum += count;
					any = true;
				}
			}
			value = any ? sum : NONE;
		}
		return value;
	}

	/** Whether the row's votes cell and every vote-type cell are blank. */
	boolean noVotes() {
		if (this.votes >= 0 && !this.csv.isEmpty(this.votes)) {
			return false;
		}
		for (int column : this.voteColumns) {
			if (column >= 0 && !this.csv.isEmpty(column)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The row's total: its {@code votes} cell, or the sum of its vote types when the file
	 * has no such column. When both are there and disagree, the votes cell wins, and a
	 * warning names the row (the first 20 such rows).
	 */
	long total(long row) {
		if (this.votes >= 0) {
			long total = count(row, this.votes, true);
			long sum = 0;
			for (int i = 0; i < this.voteCounts.length; i++) {
				if (this.voteColumns[i] < 0) {
					continue;
				}
				if (this.voteCounts[i] == NONE) {
					return total;
				}
				sum += this.voteCounts[i];
			}
			if (total != NONE && sum != total && this.columns.hasSplit()
					&& this.warnedDisagreements++ < MAX_WARNED_VALUES) {
				this.problems.warn(new Problem(row, this.columns.name(this.votes), Long.toString(total), "votes ("
						+ total + ") is not the sum of the vote types (" + sum + "): the votes column is used"));
			}
			return total;
		}
		long sum = 0;
		boolean any = false;
		for (long count : this.voteCounts) {
			if (count != NONE) {
				sum += count;
				any = true;
			}
		}
		if (!any && this.rowOk) {
			this.rowOk = false;
			this.problems.report(new Problem(row, null, this.csv.shownRecord(),
					"no votes: every vote-type cell is blank (the total is their sum)"));
		}
		return any ? sum : NONE;
	}

	/** Whether every vote-type cell of the row is blank (or the file has none). */
	boolean noVoteTypes() {
		for (int column : this.voteColumns) {
			if (column >= 0 && !this.csv.isEmpty(column)) {
				return false;
			}
		}
		return true;
	}

	/** Reports every cell of the record that could not be read as text. */
	static void reportBrokenCells(CsvRecord csv, long row, IntFunction<String> columnName, Problems problems) {
		int cells = Math.min(csv.cellCount(), CsvRecord.MAX_CELLS);
		for (int i = 0; i < cells; i++) {
			int flags = csv.flags(i);
			if ((flags & CsvRecord.BROKEN) == 0) {
				continue;
			}
			String column = columnName.apply(i);
			String value = csv.shownText(i);
			if ((flags & CsvRecord.UNTERMINATED) != 0) {
				long opened = csv.unterminatedLine();
				problems.report(new Problem(opened, column, value, "quote opened on row " + opened
						+ " is never closed: the rest of the file was read into this cell"));
				continue;
			}
			if ((flags & CsvRecord.NUL) != 0) {
				problems.report(new Problem(row, column, value, "NUL byte: binary data, not CSV text"));
			}
			else if ((flags & CsvRecord.CONTROL) != 0) {
				problems.report(new Problem(row, column, value, "control character in the cell: not CSV text"));
			}
			if ((flags & CsvRecord.BAD_UTF8) != 0) {
				problems.report(new Problem(row, column, value,
						String.format("not UTF-8: byte 0x%02X (save the file as UTF-8; was it saved as Latin-1 "
								+ "or Windows-1252?)", csv.badByte(i))));
			}
			if ((flags & CsvRecord.TOO_LONG) != 0) {
				problems.report(new Problem(row, column, value,
						"cell longer than " + CsvRecord.MAX_CELL_CHARS + " characters"));
			}
			if ((flags & CsvRecord.TEXT_AFTER_QUOTE) != 0) {
				problems.report(new Problem(row, column, value,
						"text after the closing quote: a quote inside a quoted cell must be doubled (\"\")"));
			}
		}
	}

	String required(long row, int column) {
		String text = this.csv.text(column);
		if (text.isEmpty()) {
			report(row, column, text, "blank " + this.columns.name(column) + ": every row needs one");
		}
		return text;
	}

	String precinct(long row, String county) {
		if (this.precinct < 0 || this.csv.isEmpty(this.precinct)) {
			return null;
		}
		// a precinct named like its county is decided by the file's arithmetic:
		// CountyNamedRows
		return this.csv.text(this.precinct);
	}

	/** The cell as a count, {@link #NONE} when blank and allowed to be. */
	long count(long row, int column, boolean required) {
		if (column < 0) {
			return NONE;
		}
		if (this.csv.isEmpty(column)) {
			if (required) {
				report(row, column, "", "blank " + this.columns.name(column) + ": every row needs a count");
			}
			return NONE;
		}
		long count = this.csv.number(column);
		if (count == VoteNumber.THOUSANDS_SEPARATOR) {
			// "1,010": grouped by thousands, as spreadsheets write it
			count = Long.parseLong(this.csv.text(column).replace(",", ""));
			if (count > VoteNumber.MAX) {
				count = VoteNumber.TOO_LARGE;
			}
		}
		if (count < 0) {
			String text = this.csv.text(column);
			report(row, column, text, VoteNumber.reason(count, text));
			return NONE;
		}
		return count;
	}

	Boolean yesNo(long row, int column) {
		if (column < 0 || this.csv.isEmpty(column)) {
			return null;
		}
		String text = this.csv.text(column);
		switch (text.toLowerCase(Locale.ROOT)) {
			case "y", "yes", "true", "t", "1" -> {
				return Boolean.TRUE;
			}
			case "n", "no", "false", "f", "0" -> {
				return Boolean.FALSE;
			}
			default -> {
				report(row, column, text, "expected Y or N (or true/false, 1/0)");
				return null;
			}
		}
	}

	/**
	 * Reads the progress cells into {@link #progress}.
	 * @return whether any is stated
	 */
	boolean readProgress(long row) {
		boolean stated = false;
		for (int i = 0; i < PROGRESS_FIELDS.length; i++) {
			int column = this.progressColumns[i];
			long value = count(row, column, false);
			if (value != NONE && i <= 1 && value > Integer.MAX_VALUE) {
				report(row, column, this.csv.text(column), "too many precincts");
				value = NONE;
			}
			this.progress[i] = value;
		}
		if (this.progress[3] == 0) {
			// Colorado's state summary: "registered voters" and "ballots cast" 0 beside
			// 1.7 million votes; a contest has voters, so 0 means not stated
			int column = this.progressColumns[3];
			warnOnce(row, column, "0", "0 registered voters: read as not stated"
					+ ((this.progress[2] == 0) ? ", and so are its 0 ballots cast" : ""));
			this.progress[3] = NONE;
			if (this.progress[2] == 0) {
				this.progress[2] = NONE;
			}
		}
		for (long value : this.progress) {
			stated |= (value != NONE);
		}
		long reporting = this.progress[0];
		long total = this.progress[1];
		if (reporting != NONE && total != NONE && reporting > total) {
			int column = this.progressColumns[0];
			report(row, column, this.csv.text(column),
					"more precincts reporting than precincts in total (" + total + ")");
		}
		return stated;
	}

	void checkEncoding(long row) {
		if (this.warnedEncoding) {
			return;
		}
		for (int column : new int[] { this.county, this.precinct, this.office, this.candidate, this.party }) {
			if (column >= 0 && (this.csv.flags(column) & CsvRecord.NON_ASCII) != 0) {
				String text = this.csv.text(column);
				if (Utf8.looksDoubleEncoded(text)) {
					this.warnedEncoding = true;
					this.problems.warn(new Problem(row, this.columns.name(column), text, "text looks encoded twice: '"
							+ text + "' is probably '" + undoDoubleEncoding(text) + "'; check how the file was made"));
					return;
				}
			}
		}
	}

	void warnOnce(long row, int column, String value, String message) {
		if (this.warned.size() < MAX_WARNED_VALUES && this.warned.add(column + ":" + value)) {
			this.problems.warn(new Problem(row, this.columns.name(column), value, message));
		}
	}

	void report(long row, int column, String value, String message) {
		this.rowOk = false;
		this.problems.report(new Problem(row, this.columns.name(column), value, message));
	}

	private static String undoDoubleEncoding(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 0xFF) {
				return text;
			}
		}
		return new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

}
