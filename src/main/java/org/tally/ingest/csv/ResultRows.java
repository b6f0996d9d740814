package org.tally.ingest.csv;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.Problems;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.Statistic;
import org.tally.ingest.kit.VoteFor;
import org.tally.results.VoteType;

/**
 * Turns the records of a results file into counts and progress, checking every cell of a
 * row so that one upload shows staff all that is wrong with it. A row with any problem
 * gives nothing to the sink.
 * <p>
 * Progress is stated on every row of a precinct's contest; it is passed on once per run
 * of rows of one unit and contest ({@link ProgressRuns}).
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

	private static final long NONE = RowCells.NONE;

	private final CsvRecord csv;

	private final Columns columns;

	private final Problems problems;

	private final RowSink sink;

	private final RowCells cells;

	private final ContestUnits units;

	private final ProgressRuns runs;

	private String lastCandidate;

	private ChoiceNames.Kind lastKind;

	private final Map<String, ChoiceNames.Kind> kinds = new HashMap<>();

	private String lastParty;

	private String lastPartyNamed;

	private boolean lastPartyWriteIn;

	private String lastOfficeWritten;

	private String lastOfficeNamed;

	private final Map<String, ChoiceNameNormaliser.Name> names = new HashMap<>();

	private String lastTurnoutOffice;

	private Statistic lastTurnout;

	/**
	 * The county, precinct, contest (its name without "(Vote For N)") and district of the
	 * current row.
	 */
	private String county;

	private String precinct;

	private String office;

	private String district;

	ResultRows(CsvRecord csv, Columns columns, Problems problems, RowSink sink) {
		this.csv = csv;
		this.columns = columns;
		this.problems = problems;
		this.sink = sink;
		this.cells = new RowCells(csv, columns, problems);
		this.units = new ContestUnits(columns, problems, sink, this.cells.contestTotal >= 0);
		this.runs = new ProgressRuns(csv, this.cells, this.units, sink);
	}

	/**
	 * Reads the current record.
	 * @return {@code false} when the row holds binary data (NUL or control bytes)
	 */
	public boolean read() {
		long row = this.csv.line();
		if ((this.csv.recordFlags() & CsvRecord.BROKEN) != 0) {
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
		RowCells cells = this.cells;
		cells.startRow();
		this.county = (cells.county >= 0) ? cells.required(row, cells.county) : null;
		this.precinct = cells.precinct(row, this.county);
		this.office = cells.required(row, cells.office);
		this.district = (cells.district >= 0) ? this.csv.text(cells.district) : "";
		if (!this.office.isEmpty() && notAChoiceRow(row)) {
			return true;
		}
		choiceRow(row);
		return true;
	}

	/**
	 * Reads a row whose office names a statistic or that has no candidate: turnout,
	 * "Total Votes", the progress of a unit alone.
	 * @return whether the row was such a row (and is done with)
	 */
	private boolean notAChoiceRow(long row) {
		RowCells cells = this.cells;
		String office = this.office;
		if (!office.equals(this.lastTurnoutOffice)) {
			// offices repeat row after row: look each one up once
			this.lastTurnoutOffice = office;
			this.lastTurnout = Statistic.of(office);
		}
		Statistic statistic = this.lastTurnout;
		boolean noCandidate = this.csv.isEmpty(cells.candidate);
		if (statistic != null && (statistic.isTurnout() || statistic == Statistic.BLANK)) {
			String restated = noCandidate ? "" : this.csv.text(cells.candidate);
			Statistic named = noCandidate ? statistic : Statistic.of(restated);
			if (named == statistic || named == Statistic.TOTAL_VOTES) {
				turnout(row, statistic);
				return true;
			}
			// "Registered Voters" with a candidate: no telling what the count is
			cells.warnOnce(row, cells.candidate, restated, "a turnout row ('" + office
					+ "') naming a choice: Tally cannot tell what it counts; such rows are skipped, never votes");
			return true;
		}
		if (noCandidate && statistic != null) {
			// office "Over Votes" or "Total Votes" with no candidate
			cells.warnOnce(row, cells.office, office, "a statistic (" + statistic.code()
					+ "), not votes for a choice: such rows are skipped and left out of totals");
			return true;
		}
		if (cells.noVotes() && cells.readProgress(row)) {
			// progress of a unit without counts of its own (Tally's results.csv
			// writes these)
			if (cells.rowOk()) {
				this.office = office(row, office, this.district);
				progress(row, true);
			}
			return true;
		}
		if (noCandidate) {
			// an office row with no candidate that names no statistic Tally knows
			cells.warnOnce(row, cells.office, office, "an office row with no candidate: read as a statistic Tally "
					+ "does not know, not votes for a choice; such rows are skipped");
			return true;
		}
		return false;
	}

	/** Reads a row of votes for a choice. */
	private void choiceRow(long row) {
		RowCells cells = this.cells;
		String written = cells.required(row, cells.candidate);
		if (cells.votes >= 0 && this.csv.isEmpty(cells.votes) && cells.noVoteTypes()
				&& ChoiceNames.kind(written) == ChoiceNames.Kind.WRITE_IN) {
			// Virginia 2025: "WRITE IN VOTES" rows with no count at all
			cells.warnOnce(row, cells.candidate, written, "write-ins with no count: such rows are skipped");
			return;
		}
		cells.readVoteCounts(row);
		long total = cells.total(row);
		Boolean incumbent = cells.yesNo(row, cells.incumbent);
		Boolean writeIn = cells.yesNo(row, cells.writeIn);
		boolean stated = cells.readProgress(row);
		long statedTotal = cells.count(row, cells.contestTotal, false);
		if (!cells.rowOk()) {
			return;
		}
		if ((this.csv.recordFlags() & CsvRecord.NON_ASCII) != 0) {
			cells.checkEncoding(row);
		}
		this.office = office(row, this.office, this.district);
		if (!progress(row, stated)) {
			return;
		}
		ChoiceNameNormaliser.Name name = this.names.computeIfAbsent(written,
				(text) -> ChoiceNameNormaliser.normalise(text, null));
		if (this.names.size() > 10_000) {
			this.names.clear();
		}
		String candidate = name.name();
		ChoiceNames.Kind kind = kind(candidate);
		if (!isAChoice(row, candidate, kind, total)) {
			return;
		}
		this.units.addToTotal(this.county, this.precinct, this.office, this.district, total);
		this.units.stateTotal(row, cells.contestTotal, this.county, this.precinct, this.office, this.district,
				statedTotal);
		if (kind == ChoiceNames.Kind.WRITE_IN && !candidate.toLowerCase(Locale.ROOT).contains("write")) {
			cells.warnOnce(row, cells.candidate, candidate, "read as write-in votes (a write-in choice)");
		}
		String party = party();
		if (party == null && name.party() != null) {
			party = name.party();
		}
		boolean isIncumbent = name.incumbent() && incumbent == null;
		boolean isWriteIn = this.lastPartyWriteIn || kind == ChoiceNames.Kind.WRITE_IN;
		counts(row, party, candidate, written, isIncumbent ? Boolean.TRUE : incumbent,
				isWriteIn ? Boolean.TRUE : writeIn, total);
	}

	/**
	 * Whether a normalised choice name is a choice: a total of the choices, over and
	 * under votes and turnout inside a contest are not (and are warned of).
	 */
	private boolean isAChoice(long row, String candidate, ChoiceNames.Kind kind, long total) {
		RowCells cells = this.cells;
		if (kind == ChoiceNames.Kind.TOTAL) {
			cells.warnOnce(row, cells.candidate, candidate, "a total of the other choices, not a choice: such rows are "
					+ "skipped so no vote counts twice, and checked against the sum of the choices");
			this.units.stateTotal(row, cells.candidate, this.county, this.precinct, this.office, this.district, total);
			return false;
		}
		if (kind == ChoiceNames.Kind.OVER_UNDER) {
			OtherCountRow.Kind other = OtherCountRow.Kind.of(candidate);
			if (other != null) {
				// the contest's other counts (docs/import.md, Other counts)
				this.sink.otherCount(new OtherCountRow(row, this.county, this.precinct, this.office, this.district,
						other, total, null));
			}
			cells.warnOnce(row, cells.candidate, candidate,
					"over and under votes and blank ballots are not votes for a choice and are left out of totals: "
							+ ((other != null) ? "kept as the contest's " + other.code() : "such rows are skipped"));
			return false;
		}
		Statistic inContest = Statistic.of(candidate);
		if (inContest != null && inContest.isTurnout()) {
			// "Ballots Cast" as a choice of a contest: the contest's own turnout
			cells.warnOnce(row, cells.candidate, candidate,
					"turnout inside a contest, not a choice: such rows are skipped");
			return false;
		}
		return true;
	}

	/** Passes on the row's total and each vote type it states. */
	private void counts(long row, String party, String candidate, String written, Boolean incumbent, Boolean writeIn,
			long total) {
		this.sink.count(new CountRow(row, this.county, this.precinct, this.office, this.district, party, candidate,
				VoteType.TOTAL, total, incumbent, writeIn, written));
		long[] voteCounts = this.cells.voteCounts;
		for (int i = 0; i < voteCounts.length; i++) {
			if (voteCounts[i] != NONE) {
				this.sink.count(new CountRow(row, this.county, this.precinct, this.office, this.district, party,
						candidate, VoteType.SPLIT.get(i), voteCounts[i], incumbent, writeIn, written));
			}
		}
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
	private void turnout(long row, Statistic turnout) {
		long value = this.cells.turnoutValue(row);
		if (!this.cells.rowOk() || value == NONE) {
			return;
		}
		if (turnout == Statistic.BLANK) {
			this.cells.warnOnce(row, this.cells.office, this.office,
					"blank ballots are not votes for any choice: such rows are skipped");
			return;
		}
		this.units.addTurnout(row, this.county, turnout, value);
		this.cells.warnOnce(row, this.cells.office, this.office, "turnout row, not a contest: read as the progress "
				+ "of the county's contests that every one of its units votes in");
	}

	/**
	 * Ends the file: the turnout pseudo-rows become the progress of the contests they
	 * fit, and stated totals are checked.
	 */
	public void finish() {
		this.units.finish();
	}

	private boolean reportBrokenCells(long row) {
		RowCells.reportBrokenCells(this.csv, row, this.columns::name, this.problems);
		return (this.csv.recordFlags() & (CsvRecord.NUL | CsvRecord.CONTROL)) == 0;
	}

	/** Passes the row's progress on, or checks it against its run's. */
	private boolean progress(long row, boolean stated) {
		return this.runs.row(row, this.county, this.precinct, this.office, this.district, stated);
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
		String party = (this.cells.party >= 0) ? this.csv.text(this.cells.party) : "";
		if (party != this.lastParty) {
			this.lastParty = party;
			this.lastPartyNamed = ChoiceNames.party(party);
			this.lastPartyWriteIn = ChoiceNames.isWriteInParty(party);
		}
		return this.lastPartyNamed;
	}

}
