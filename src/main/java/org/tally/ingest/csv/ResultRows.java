package org.tally.ingest.csv;

import org.tally.ingest.kit.OtherCountRow;

import org.tally.ingest.kit.Statistic;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.tally.ingest.csv.Columns.Field;
import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.LongSet;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.Problems;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.StatedTotal;
import org.tally.ingest.kit.VoteFor;
import org.tally.ingest.kit.VoteNumber;
import org.tally.results.VoteType;

/**
 * Turns the records of a results file into counts and progress, checking every cell of a
 * row so that one upload shows staff all that is wrong with it. A row with any problem
 * gives nothing to the sink.
 * <p>
 * Progress is stated on every row of a precinct's contest; it is passed on once per
 * consecutive run of rows with the same county, precinct, office and district, and a row
 * whose progress contradicts its run is a problem. Only the current run is remembered, so
 * memory stays constant: a unit that comes back later in the file starts a new run.
 * <p>
 * A row with no candidate and no votes that states progress is the progress of its unit
 * alone (a county whose counts are its precincts'), as Tally's own export writes it.
 * <p>
 * The variants real files come in (docs/contract.md §3): vote-type columns without a
 * {@code votes} column (the total is their sum), both disagreeing (the {@code votes}
 * column wins, and a warning names the row), counts written "1,010", turnout pseudo-rows
 * (office "Registered Voters" or "Ballots Cast" with no candidate: progress, not
 * candidates), "(Vote For N)" in a contest's name (its seats, taken off the name), and
 * choice names through the one {@link ChoiceNameNormaliser}.
 */
public final class ResultRows {

	private static final long NONE = -1;

	private static final int MAX_WARNED_VALUES = 20;

	/** The vote-type columns, in the order of {@link VoteType#SPLIT}. */
	private static final Field[] VOTE_FIELDS = VoteType.SPLIT.stream().map(Columns::field).toArray(Field[]::new);

	private static final Field[] PROGRESS_FIELDS = { Field.PRECINCTS_REPORTING, Field.PRECINCTS_TOTAL,
			Field.BALLOTS_CAST, Field.REGISTERED_VOTERS, Field.BALLOTS_OUTSTANDING, Field.EXPECTED_VOTES };

	/** How many units and contests the file's stated contest totals are checked for. */
	private static final int MAX_CHECKED_TOTALS = 200_000;

	private final CsvRecordReader csv;

	private final Columns columns;

	private final Problems problems;

	private final RowSink sink;

	private final int county;

	private final int precinct;

	private final int office;

	private final int district;

	private final int party;

	private final int candidate;

	private final int votes;

	private final int incumbent;

	private final int writeIn;

	private final int[] voteColumns = new int[VOTE_FIELDS.length];

	private final long[] voteCounts = new long[VOTE_FIELDS.length];

	private final int[] progressColumns = new int[PROGRESS_FIELDS.length];

	private final long[] progress = new long[PROGRESS_FIELDS.length];

	private final long[] runProgress = new long[PROGRESS_FIELDS.length];

	private boolean rowOk;

	private boolean inRun;

	private boolean runStated;

	private long runRow;

	private String runCounty;

	private String runPrecinct;

	private String runOffice;

	private String runDistrict;

	private String lastCandidate;

	private ChoiceNames.Kind lastKind;

	private final Map<String, ChoiceNames.Kind> kinds = new HashMap<>();

	private String lastParty;

	private String lastPartyNamed;

	private boolean lastPartyWriteIn;

	private final Set<String> warned = new HashSet<>();

	private boolean warnedEncoding;

	private int warnedDisagreements;

	private String lastOfficeWritten;

	private String lastOfficeNamed;

	private final Map<String, ChoiceNameNormaliser.Name> names = new HashMap<>();

	/**
	 * Turnout pseudo-rows by county: registered, their units, cast, their units, first
	 * row.
	 */
	private final Map<String, long[]> countyTurnout = new LinkedHashMap<>();

	/**
	 * The units (by a 64-bit hash of the precinct) each contest has in each county, to
	 * tell whether turnout fits it; grows with the election, as the count sums do.
	 */
	private final Map<ContestInCounty, LongSet> contestUnits = new LinkedHashMap<>();

	private record ContestInCounty(String county, String office, String district) {
	}

	/**
	 * A contest in one unit whose total the file states ("Total Votes" rows, a
	 * {@code totalvotes} column): the sum of its choices, the stated total (or
	 * {@link #NONE}), the row that stated it.
	 */
	private record ContestInUnit(String county, String precinct, String office, String district) {
	}

	private final Map<ContestInUnit, long[]> statedTotals = new LinkedHashMap<>();

	private final int contestTotal;

	private int warnedTotals;

	/**
	 * The unit and contest of the latest choice rows, and their sum: what the file's
	 * first total row is checked against, before the file has shown it states totals.
	 */
	private ContestInUnit runTotalKey;

	private long runTotal;

	private boolean trackingTotals;

	private String lastTurnoutOffice;

	private Statistic lastTurnout;

	public ResultRows(CsvRecordReader csv, Columns columns, Problems problems, RowSink sink) {
		this.csv = csv;
		this.columns = columns;
		this.problems = problems;
		this.sink = sink;
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
		this.trackingTotals = this.contestTotal >= 0;
		for (int i = 0; i < VOTE_FIELDS.length; i++) {
			this.voteColumns[i] = columns.index(VOTE_FIELDS[i]);
		}
		for (int i = 0; i < PROGRESS_FIELDS.length; i++) {
			this.progressColumns[i] = columns.index(PROGRESS_FIELDS[i]);
		}
	}

	/**
	 * Reads the current record.
	 * @return {@code false} when the row holds binary data (NUL or control bytes)
	 */
	public boolean read() {
		long row = this.csv.line();
		if ((this.csv.recordFlags() & CsvRecordReader.BROKEN) != 0) {
			return reportBrokenCells(row);
		}
		if (this.csv.cellCount() != this.columns.width()) {
			int found = this.csv.cellCount();
			int expected = this.columns.width();
			this.problems.report(new Problem(row, null, this.csv.shownRecord(),
					"expected " + expected + " cells as in the header, found " + found
							+ ((found > expected) ? " (is a comma inside a cell not quoted?)" : "")));
			return true;
		}
		this.rowOk = true;
		String county = (this.county >= 0) ? required(row, this.county) : null;
		String precinct = precinct(row, county);
		String office = required(row, this.office);
		String district = (this.district >= 0) ? this.csv.text(this.district) : "";
		if (!office.isEmpty()) {
			if (!office.equals(this.lastTurnoutOffice)) {
				// offices repeat row after row: look each one up once
				this.lastTurnoutOffice = office;
				this.lastTurnout = Statistic.of(office);
			}
			Statistic statistic = this.lastTurnout;
			boolean noCandidate = this.csv.isEmpty(this.candidate);
			if (statistic != null && (statistic.isTurnout() || statistic == Statistic.BLANK)) {
				String restated = noCandidate ? "" : this.csv.text(this.candidate);
				Statistic named = noCandidate ? statistic : Statistic.of(restated);
				if (named == statistic || named == Statistic.TOTAL_VOTES) {
					return turnout(row, county, precinct, office, statistic);
				}
				// "Registered Voters" with a candidate: no telling what the count is
				warnOnce(row, this.candidate, restated, "a turnout row ('" + office
						+ "') naming a choice: Tally cannot tell what it counts; such rows are skipped, never votes");
				return true;
			}
			if (noCandidate && statistic != null) {
				// office "Over Votes" or "Total Votes" with no candidate
				warnOnce(row, this.office, office, "a statistic (" + statistic.code()
						+ "), not votes for a choice: such rows are skipped and left out of totals");
				return true;
			}
			if (noVotes() && readProgress(row)) {
				// progress of a unit without counts of its own (Tally's results.csv
				// writes these)
				if (this.rowOk) {
					progress(row, county, precinct, office(row, office, district), district, true);
				}
				return true;
			}
			if (noCandidate) {
				// an office row with no candidate that names no statistic Tally knows
				warnOnce(row, this.office, office, "an office row with no candidate: read as a statistic Tally "
						+ "does not know, not votes for a choice; such rows are skipped");
				return true;
			}
		}
		String candidate = required(row, this.candidate);
		if (this.votes >= 0 && this.csv.isEmpty(this.votes) && noVoteTypes()
				&& ChoiceNames.kind(candidate) == ChoiceNames.Kind.WRITE_IN) {
			// Virginia 2025: "WRITE IN VOTES" rows with no count at all
			warnOnce(row, this.candidate, candidate, "write-ins with no count: such rows are skipped");
			return true;
		}
		for (int i = 0; i < this.voteColumns.length; i++) {
			this.voteCounts[i] = count(row, this.voteColumns[i], false);
		}
		long total = total(row);
		Boolean incumbent = yesNo(row, this.incumbent);
		Boolean writeIn = yesNo(row, this.writeIn);
		boolean stated = readProgress(row);
		long statedTotal = count(row, this.contestTotal, false);
		if (!this.rowOk) {
			return true;
		}
		if ((this.csv.recordFlags() & CsvRecordReader.NON_ASCII) != 0) {
			checkEncoding(row);
		}
		office = office(row, office, district);
		if (!progress(row, county, precinct, office, district, stated)) {
			return true;
		}
		ChoiceNameNormaliser.Name name = this.names.computeIfAbsent(candidate,
				(written) -> ChoiceNameNormaliser.normalise(written, null));
		if (this.names.size() > 10_000) {
			this.names.clear();
		}
		String written = candidate;
		candidate = name.name();
		if (name.incumbent() && incumbent == null) {
			incumbent = Boolean.TRUE;
		}
		ChoiceNames.Kind kind = kind(candidate);
		if (kind == ChoiceNames.Kind.TOTAL) {
			warnOnce(row, this.candidate, candidate, "a total of the other choices, not a choice: such rows are "
					+ "skipped so no vote counts twice, and checked against the sum of the choices");
			stateTotal(row, this.candidate, county, precinct, office, district, total);
			return true;
		}
		if (kind == ChoiceNames.Kind.OVER_UNDER) {
			OtherCountRow.Kind other = OtherCountRow.Kind.of(candidate);
			if (other != null) {
				// the contest's other counts (docs/import.md, Other counts)
				this.sink.otherCount(new OtherCountRow(row, county, precinct, office, district, other, total, null));
			}
			warnOnce(row, this.candidate, candidate,
					"over and under votes and blank ballots are not votes for a choice and are left out of totals: "
							+ ((other != null) ? "kept as the contest's " + other.code() : "such rows are skipped"));
			return true;
		}
		Statistic inContest = Statistic.of(candidate);
		if (inContest != null && inContest.isTurnout()) {
			// "Ballots Cast" as a choice of a contest: the contest's own turnout
			warnOnce(row, this.candidate, candidate, "turnout inside a contest, not a choice: such rows are skipped");
			return true;
		}
		addToTotal(county, precinct, office, district, total);
		stateTotal(row, this.contestTotal, county, precinct, office, district, statedTotal);
		if (kind == ChoiceNames.Kind.WRITE_IN && !candidate.toLowerCase(Locale.ROOT).contains("write")) {
			warnOnce(row, this.candidate, candidate, "read as write-in votes (a write-in choice)");
		}
		String party = party();
		if (party == null && name.party() != null) {
			party = name.party();
		}
		if (this.lastPartyWriteIn || kind == ChoiceNames.Kind.WRITE_IN) {
			writeIn = Boolean.TRUE;
		}
		this.sink.count(new CountRow(row, county, precinct, office, district, party, candidate, VoteType.TOTAL, total,
				incumbent, writeIn, written));
		for (int i = 0; i < this.voteCounts.length; i++) {
			if (this.voteCounts[i] != NONE) {
				this.sink.count(new CountRow(row, county, precinct, office, district, party, candidate,
						VoteType.SPLIT.get(i), this.voteCounts[i], incumbent, writeIn, written));
			}
		}
		return true;
	}

	/** Whether the row's votes cell and every vote-type cell are blank. */
	private boolean noVotes() {
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
	private long total(long row) {
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
	private boolean noVoteTypes() {
		for (int column : this.voteColumns) {
			if (column >= 0 && !this.csv.isEmpty(column)) {
				return false;
			}
		}
		return true;
	}

	/** The contest's name without its "(Vote For N)", whose N is passed on as seats. */
	private String office(long row, String office, String district) {
		if (office.equals(this.lastOfficeWritten)) {
			return this.lastOfficeNamed;
		}
		String named = office;
		VoteFor voteFor = VoteFor.in(office);
		if (voteFor != null) {
			named = voteFor.office();
			if (voteFor.seats() >= 1 && voteFor.seats() <= 100) {
				this.sink.contest(new ContestRow(row, named, district, false, voteFor.seats()));
			}
		}
		this.lastOfficeWritten = office;
		this.lastOfficeNamed = named;
		return named;
	}

	/**
	 * A turnout pseudo-row ("Registered Voters", "Ballots Cast" with no candidate):
	 * summed per county, and given to the contests that cover the whole county at the
	 * end.
	 */
	private boolean turnout(long row, String county, String precinct, String office, Statistic turnout) {
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
		if (!this.rowOk || value == NONE) {
			return true;
		}
		if (turnout == Statistic.BLANK) {
			warnOnce(row, this.office, office, "blank ballots are not votes for any choice: such rows are skipped");
			return true;
		}
		long[] figures = this.countyTurnout.computeIfAbsent(Objects.toString(county, ""),
				(c) -> new long[] { 0, 0, 0, 0, row });
		int at = (turnout == Statistic.REGISTERED_VOTERS) ? 0 : 2;
		figures[at] += value;
		figures[at + 1]++;
		warnOnce(row, this.office, office, "turnout row, not a contest: read as the progress of the county's "
				+ "contests that every one of its units votes in");
		return true;
	}

	/**
	 * Ends the file: the turnout pseudo-rows become the progress of each contest that has
	 * as many units in the county as the turnout rows do (a county-wide contest), so a
	 * district's contest never gets the whole county's voters.
	 */
	public void finish() {
		checkStatedTotals();
		if (this.countyTurnout.isEmpty()) {
			return;
		}
		this.contestUnits.forEach((contest, units) -> {
			long[] figures = this.countyTurnout.get(contest.county());
			if (figures == null) {
				return;
			}
			Long registered = (figures[1] == units.size()) ? figures[0] : null;
			Long cast = (figures[3] == units.size()) ? figures[2] : null;
			if (registered != null || cast != null) {
				this.sink.progress(new ProgressRow(figures[4], contest.county().isEmpty() ? null : contest.county(),
						null, contest.office(), contest.district(), null, null, cast, registered, null));
			}
		});
	}

	/** Notes a total the file states for a contest in a unit. */
	private void stateTotal(long row, int column, String county, String precinct, String office, String district,
			long stated) {
		if (stated == NONE) {
			return;
		}
		ContestInUnit key = new ContestInUnit(county, precinct, office, district);
		if (!this.trackingTotals || !this.statedTotals.containsKey(key)) {
			// before the file's first total row only the rows just before it were summed
			this.trackingTotals = true;
			long sum = key.equals(this.runTotalKey) ? this.runTotal : NONE;
			if (this.statedTotals.size() < MAX_CHECKED_TOTALS) {
				this.statedTotals.put(key, new long[] { sum, stated, row, column });
			}
			return;
		}
		long[] figures = this.statedTotals.get(key);
		if (figures[1] == NONE) {
			figures[1] = stated;
			figures[2] = row;
			figures[3] = column;
		}
		else if (figures[1] != stated && this.warnedTotals++ < MAX_WARNED_VALUES) {
			this.problems.warn(new Problem(row, this.columns.name(column), Long.toString(stated),
					"the contest's total differs from row " + figures[2] + " (" + figures[1] + ") of the same unit"));
		}
	}

	/**
	 * Adds a choice's votes to its contest's sum in the unit, once the file has shown it
	 * states totals (a total column, or a first total row): other files keep no sums.
	 */
	private void addToTotal(String county, String precinct, String office, String district, long votes) {
		if (this.runTotalKey != null && Objects.equals(county, this.runTotalKey.county())
				&& Objects.equals(precinct, this.runTotalKey.precinct()) && office.equals(this.runTotalKey.office())
				&& district.equals(this.runTotalKey.district())) {
			this.runTotal += votes;
		}
		else {
			this.runTotalKey = new ContestInUnit(county, precinct, office, district);
			this.runTotal = votes;
		}
		if (!this.trackingTotals) {
			return;
		}
		ContestInUnit key = this.runTotalKey;
		long[] figures = this.statedTotals.get(key);
		if (figures == null && this.statedTotals.size() < MAX_CHECKED_TOTALS) {
			figures = new long[] { 0, NONE, 0, -1 };
			this.statedTotals.put(key, figures);
		}
		if (figures != null && figures[0] != NONE) {
			figures[0] += votes;
		}
	}

	/**
	 * Warns of each contest in a unit whose stated total is not the sum of its choices
	 * (the first 20): the choices are what Tally counts.
	 */
	private void checkStatedTotals() {
		for (Map.Entry<ContestInUnit, long[]> entry : this.statedTotals.entrySet()) {
			long[] figures = entry.getValue();
			if (figures[0] == NONE || figures[1] == NONE) {
				continue;
			}
			ContestInUnit contest = entry.getKey();
			String unit = (contest.precinct() != null) ? contest.precinct()
					: Objects.toString(contest.county(), "the file");
			this.sink.stated(new StatedTotal(ContestRow.shown(contest.office(), contest.district()), null, unit,
					VoteType.TOTAL.code(), figures[1], figures[0], "row " + figures[2]));
			if (figures[1] == figures[0] || this.warnedTotals++ >= MAX_WARNED_VALUES) {
				continue;
			}
			this.problems.warn(new Problem(figures[2], this.columns.name((int) figures[3]), Long.toString(figures[1]),
					"the stated total of " + contest.office()
							+ (contest.district().isEmpty() ? "" : " " + contest.district()) + " in " + unit + " ("
							+ figures[1] + ") is not the sum of its choices (" + figures[0]
							+ "): the choices are counted"));
		}
	}

	private boolean reportBrokenCells(long row) {
		reportBrokenCells(this.csv, row, this.columns::name, this.problems);
		return (this.csv.recordFlags() & (CsvRecordReader.NUL | CsvRecordReader.CONTROL)) == 0;
	}

	/** Reports every cell of the record that could not be read as text. */
	public static void reportBrokenCells(CsvRecordReader csv, long row, IntFunction<String> columnName,
			Problems problems) {
		int cells = Math.min(csv.cellCount(), CsvRecordReader.MAX_CELLS);
		for (int i = 0; i < cells; i++) {
			int flags = csv.flags(i);
			if ((flags & CsvRecordReader.BROKEN) == 0) {
				continue;
			}
			String column = columnName.apply(i);
			String value = csv.shownText(i);
			if ((flags & CsvRecordReader.UNTERMINATED) != 0) {
				long opened = csv.unterminatedLine();
				problems.report(new Problem(opened, column, value, "quote opened on row " + opened
						+ " is never closed: the rest of the file was read into this cell"));
				continue;
			}
			if ((flags & CsvRecordReader.NUL) != 0) {
				problems.report(new Problem(row, column, value, "NUL byte: binary data, not CSV text"));
			}
			else if ((flags & CsvRecordReader.CONTROL) != 0) {
				problems.report(new Problem(row, column, value, "control character in the cell: not CSV text"));
			}
			if ((flags & CsvRecordReader.BAD_UTF8) != 0) {
				problems.report(new Problem(row, column, value,
						String.format("not UTF-8: byte 0x%02X (save the file as UTF-8; was it saved as Latin-1 "
								+ "or Windows-1252?)", csv.badByte(i))));
			}
			if ((flags & CsvRecordReader.TOO_LONG) != 0) {
				problems.report(new Problem(row, column, value,
						"cell longer than " + CsvRecordReader.MAX_CELL_CHARS + " characters"));
			}
			if ((flags & CsvRecordReader.TEXT_AFTER_QUOTE) != 0) {
				problems.report(new Problem(row, column, value,
						"text after the closing quote: a quote inside a quoted cell must be doubled (\"\")"));
			}
		}
	}

	private String required(long row, int column) {
		String text = this.csv.text(column);
		if (text.isEmpty()) {
			report(row, column, text, "blank " + this.columns.name(column) + ": every row needs one");
		}
		return text;
	}

	private String precinct(long row, String county) {
		if (this.precinct < 0 || this.csv.isEmpty(this.precinct)) {
			return null;
		}
		// a precinct named like its county is decided by the file's arithmetic:
		// CountyNamedRows
		return this.csv.text(this.precinct);
	}

	/** The cell as a count, {@link #NONE} when blank and allowed to be. */
	private long count(long row, int column, boolean required) {
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

	private Boolean yesNo(long row, int column) {
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
	private boolean readProgress(long row) {
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

	/**
	 * Passes progress on at the first row of a run that states it, and checks later rows
	 * of the run against it.
	 * @return whether the row agrees with its run
	 */
	private boolean progress(long row, String county, String precinct, String office, String district, boolean stated) {
		if (!this.inRun || !Objects.equals(county, this.runCounty) || !Objects.equals(precinct, this.runPrecinct)
				|| !office.equals(this.runOffice) || !district.equals(this.runDistrict)) {
			this.inRun = true;
			this.runStated = false;
			if (this.contestUnits.size() < 100_000) {
				this.contestUnits
					.computeIfAbsent(new ContestInCounty(Objects.toString(county, ""), office, district),
							(key) -> new LongSet())
					.add(hash(precinct));
			}
			this.runCounty = county;
			this.runPrecinct = precinct;
			this.runOffice = office;
			this.runDistrict = district;
		}
		if (!stated) {
			return true;
		}
		if (!this.runStated) {
			this.runStated = true;
			this.runRow = row;
			System.arraycopy(this.progress, 0, this.runProgress, 0, this.progress.length);
			this.sink.progress(new ProgressRow(row, county, precinct, office, district, integer(this.progress[0]),
					integer(this.progress[1]), boxed(this.progress[2]), boxed(this.progress[3]),
					boxed(this.progress[4]), boxed(this.progress[5])));
			return true;
		}
		boolean agrees = true;
		for (int i = 0; i < this.progress.length; i++) {
			if (this.progress[i] != this.runProgress[i]) {
				int column = this.progressColumns[i];
				String was = (this.runProgress[i] != NONE) ? String.valueOf(this.runProgress[i]) : "blank";
				report(row, column, this.csv.text(column), "differs from row " + this.runRow
						+ " of the same precinct and contest (" + was + "): progress must agree");
				agrees = false;
			}
		}
		return agrees;
	}

	private ChoiceNames.Kind kind(String candidate) {
		if (candidate != this.lastCandidate) {
			// candidates alternate row by row: remember each name's kind (a file has few)
			if (this.kinds.size() > 10_000) {
				this.kinds.clear();
			}
			this.lastCandidate = candidate;
			this.lastKind = this.kinds.computeIfAbsent(candidate, ChoiceNames::kind);
		}
		return this.lastKind;
	}

	/** The party of the row; sets {@link #lastPartyWriteIn}. */
	private String party() {
		String party = (this.party >= 0) ? this.csv.text(this.party) : "";
		if (party != this.lastParty) {
			this.lastParty = party;
			this.lastPartyNamed = ChoiceNames.party(party);
			this.lastPartyWriteIn = ChoiceNames.isWriteInParty(party);
		}
		return this.lastPartyNamed;
	}

	private void checkEncoding(long row) {
		if (this.warnedEncoding) {
			return;
		}
		for (int column : new int[] { this.county, this.precinct, this.office, this.candidate, this.party }) {
			if (column >= 0 && (this.csv.flags(column) & CsvRecordReader.NON_ASCII) != 0) {
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

	private void warnOnce(long row, int column, String value, String message) {
		if (this.warned.size() < MAX_WARNED_VALUES && this.warned.add(column + ":" + value)) {
			this.problems.warn(new Problem(row, this.columns.name(column), value, message));
		}
	}

	private void report(long row, int column, String value, String message) {
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

	/** FNV-1a, 64 bits: collisions among an election's precincts are not a concern. */
	private static long hash(String precinct) {
		if (precinct == null) {
			return 0;
		}
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < precinct.length(); i++) {
			hash = (hash ^ precinct.charAt(i)) * 0x100000001b3L;
		}
		return hash & Long.MAX_VALUE;
	}

	private static Integer integer(long value) {
		return (value != NONE) ? (int) value : null;
	}

	private static Long boxed(long value) {
		return (value != NONE) ? value : null;
	}

}
