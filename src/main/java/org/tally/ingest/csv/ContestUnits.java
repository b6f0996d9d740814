package org.tally.ingest.csv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.LongSet;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.Problems;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.StatedTotal;
import org.tally.ingest.kit.Statistic;
import org.tally.results.VoteType;

/**
 * What {@link ResultRows} keeps across a whole file: the units each contest has in each
 * county and the county turnout rows, to give turnout to the contests that cover the
 * whole county at the end; and the contest totals the file states, checked against the
 * sum of the choices at the end.
 */
final class ContestUnits {

	private static final long NONE = RowCells.NONE;

	private static final int MAX_WARNED_VALUES = 20;

	/** How many units and contests the file's stated contest totals are checked for. */
	private static final int MAX_CHECKED_TOTALS = 200_000;

	private final Columns columns;

	private final Problems problems;

	private final RowSink sink;

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

	private int warnedTotals;

	/**
	 * The unit and contest of the latest choice rows, and their sum: what the file's
	 * first total row is checked against, before the file has shown it states totals.
	 */
	private ContestInUnit runTotalKey;

	private long runTotal;

	private boolean trackingTotals;

	ContestUnits(Columns columns, Problems problems, RowSink sink, boolean totalColumn) {
		this.columns = columns;
		this.problems = problems;
		this.sink = sink;
		this.trackingTotals = totalColumn;
	}

	/** Notes a unit of a contest in its county, at the first row of its run. */
	void addUnit(String county, String precinct, String office, String district) {
		if (this.contestUnits.size() < 100_000) {
			this.contestUnits
				.computeIfAbsent(new ContestInCounty(Objects.toString(county, ""), office, district),
						(key) -> new LongSet())
				.add(hash(precinct));
		}
	}

	/** Adds a county turnout pseudo-row's value to its county's. */
	void addTurnout(long row, String county, Statistic turnout, long value) {
		long[] figures = this.countyTurnout.computeIfAbsent(Objects.toString(county, ""),
				(c) -> new long[] { 0, 0, 0, 0, row });
		int at = (turnout == Statistic.REGISTERED_VOTERS) ? 0 : 2;
		figures[at] += value;
		figures[at + 1]++;
	}

	/**
	 * Ends the file: the turnout pseudo-rows become the progress of each contest that has
	 * as many units in the county as the turnout rows do (a county-wide contest), so a
	 * district's contest never gets the whole county's voters.
	 */
	void finish() {
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
	void stateTotal(long row, int column, String county, String precinct, String office, String district, long stated) {
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
	void addToTotal(String county, String precinct, String office, String district, long votes) {
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

}
