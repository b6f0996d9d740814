package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.ResultsService;
import org.tally.results.UnitResult;
import org.tally.results.projection.ContestShift;

/**
 * The contest page's county and precinct tables: the leading candidates' votes and shares
 * per unit, the unit's leader, sortable by any column. A county's row is the county as
 * {@link ResultsService#reportingUnits} reads it, after the totals rule (its precincts
 * when it has any, otherwise its own county-level count), which is applied in SQL
 * ({@code ResultsQueries}) and not here.
 *
 * @param columns the candidates with a column, most votes first
 * @param others whether an "Others" column sums the rest
 * @param counties county rows
 * @param precincts precinct rows
 * @param sort the column the rows are sorted by
 * @param descending whether the sort is descending
 * @param lang the reader's language, kept in the sort links
 * @param expectedColumn whether county rows show the share of their expected vote counted
 * (some county has an estimate)
 * @param turnoutColumn whether county rows show their turnout (some county has it)
 * @param shiftColumns whether county rows show their margin in the contest's baseline and
 * their shift since ({@link ContestShift}: the contest has a baseline)
 * @param shiftTitle what "then" and "shift" measure, for the headers' titles, or
 * {@code null}
 */
public record UnitTable(List<String> columns, boolean others, List<Row> counties, List<Row> precincts, String sort,
		boolean descending, String lang, boolean expectedColumn, boolean turnoutColumn, boolean shiftColumns,
		String shiftTitle) {

	static final int MAX_COLUMNS = 4;

	/**
	 * The tables for the contest's units as {@link ResultsService#reportingUnits} reads
	 * them: {@code counties} after the totals rule, {@code precincts} as counted, each
	 * unit's candidates in the order of {@code contest}.
	 */
	static UnitTable of(ContestResult contest, List<UnitResult> counties, List<UnitResult> precincts, String sort,
			String direction, ReaderFormat format) {
		return of(contest, counties, precincts, sort, direction, format, null);
	}

	/**
	 * The tables, county rows with their margin then and their shift when {@code shift}
	 * (the contest's baseline) is given.
	 */
	static UnitTable of(ContestResult contest, List<UnitResult> counties, List<UnitResult> precincts, String sort,
			String direction, ReaderFormat format, ContestShift shift) {
		List<CandidateResult> candidates = contest.candidates();
		int shown = (candidates.size() <= MAX_COLUMNS + 1) ? candidates.size() : MAX_COLUMNS;
		boolean others = shown < candidates.size();
		List<String> columns = candidates.subList(0, shown).stream().map(CandidateResult::name).toList();
		Set<String> precinctParents = new HashSet<>();
		precincts.forEach((precinct) -> precinctParents.add(precinct.parent()));
		Map<String, String> countyNames = new HashMap<>();
		List<Row> countyRows = new ArrayList<>();
		boolean expected = false;
		boolean turnout = false;
		for (UnitResult county : counties) {
			countyNames.put(county.code(), county.name());
			// counties, and a state only when precincts name it as theirs
			if ("county".equals(county.level()) || precinctParents.contains(county.code())) {
				Row row = Row.of(county.name(), null, county, shown, others, format);
				countyRows.add((shift != null) ? row.withShift(shift, shift.unit(county.code()), format) : row);
				expected |= county.expectedVotePct() != null;
				turnout |= county.turnoutPct() != null;
			}
		}
		List<Row> precinctRows = new ArrayList<>(precincts.size());
		for (UnitResult precinct : precincts) {
			precinctRows.add(Row.of(precinct.name(), countyNames.getOrDefault(precinct.parent(), precinct.parent()),
					precinct, shown, others, format));
		}
		String column = validSort(sort, shown);
		boolean descending = (direction != null) ? "desc".equals(direction) : !"unit".equals(column);
		Comparator<Row> order = comparator(column);
		if (descending) {
			order = order.reversed();
		}
		order = order.thenComparing(Row::name);
		countyRows.sort(order);
		precinctRows.sort(order);
		if (!contest.notes().votes()) {
			// figures that are not votes have no percentages of votes
			countyRows.replaceAll(Row::withoutShares);
			precinctRows.replaceAll(Row::withoutShares);
		}
		String shiftTitle = (shift != null) ? format.text("units.shift.title", ShortName.of(shift.first()),
				ShortName.of(shift.second()), shift.baseline().election()) : null;
		return new UnitTable(columns, others, countyRows, precinctRows, column, descending, format.lang(), expected,
				turnout, shift != null, shiftTitle);
	}

	/**
	 * A margin of {@link ContestShift} as a reader sees it: "Gomez +12.3" toward the
	 * first choice when positive, the second when negative, "Even" at 0.
	 */
	static String toward(ContestShift shift, BigDecimal points, ReaderFormat format) {
		if (points == null) {
			return null;
		}
		if (points.signum() == 0) {
			return format.text("shift.even");
		}
		String name = ShortName.of((points.signum() > 0) ? shift.first() : shift.second());
		return format.text("shift.toward", name, format.decimal(points.abs()));
	}

	/** The direction a click on the column's header asks for. */
	public String nextDirection(String column) {
		if (column.equals(this.sort)) {
			return this.descending ? "asc" : "desc";
		}
		return "unit".equals(column) ? "asc" : "desc";
	}

	/**
	 * The relative link a column's header points to:
	 * "?lang=en&amp;sort=total&amp;dir=desc#precincts".
	 */
	public String link(String column, String anchor) {
		return "?" + ReaderLocale.PARAMETER + "=" + this.lang + "&sort=" + column + "&dir=" + nextDirection(column)
				+ "#" + anchor;
	}

	/** The header's aria-sort value. */
	public String ariaSort(String column) {
		if (!column.equals(this.sort)) {
			return "none";
		}
		return this.descending ? "descending" : "ascending";
	}

	private static String validSort(String sort, int shown) {
		if (sort == null) {
			return "unit";
		}
		if (sort.equals("unit") || sort.equals("total") || sort.equals("leader") || sort.equals("margin")) {
			return sort;
		}
		if (sort.matches("c[0-9]{1,2}") && Integer.parseInt(sort.substring(1)) < shown) {
			return sort;
		}
		return "unit";
	}

	private static Comparator<Row> comparator(String column) {
		return switch (column) {
			case "total" -> Comparator.comparingLong(Row::totalVotes);
			case "leader" -> Comparator.comparing(Row::leader, Comparator.nullsFirst(Comparator.naturalOrder()));
			case "margin" -> Comparator.comparingLong(Row::marginVotes);
			case "unit" -> Comparator.comparing(Row::name);
			default -> {
				int index = Integer.parseInt(column.substring(1));
				yield Comparator.comparing((Row row) -> row.cells().get(index).share());
			}
		};
	}

	/**
	 * One county or precinct.
	 *
	 * @param name the unit's name
	 * @param county the precinct's county, or {@code null} for a county row
	 * @param cells a cell per column (and one for "Others" when there is such a column)
	 * @param total all votes, formatted
	 * @param totalVotes all votes
	 * @param leader the unit's leading candidate, "Tie" on a tie for first, {@code null}
	 * when no votes (from {@link UnitResult#leader()} and {@link UnitResult#tie()})
	 * @param margin the leader's margin ("+281"), or {@code null}
	 * @param marginVotes the leader's margin in votes
	 * @param expected the share of the unit's expected vote counted ("63%"), or
	 * {@code null} without an estimate
	 * @param turnout the unit's turnout ("64.6%"), or {@code null} when unknown
	 * @param then the county's margin in the baseline ("Gomez +12.3"), or {@code null}
	 * @param shift its shift since ("Ahn +4.1"), or {@code null} without a count or a
	 * baseline unit
	 */
	public record Row(String name, String county, List<Cell> cells, String total, long totalVotes, String leader,
			String margin, long marginVotes, String expected, String turnout, String then, String shift) {

		/** The same row without percentages (figures that are not votes). */
		Row withoutShares() {
			List<Cell> plain = this.cells.stream().map((cell) -> new Cell(cell.votes(), "", cell.share())).toList();
			return new Row(this.name, this.county, plain, this.total, this.totalVotes, this.leader, this.margin,
					this.marginVotes, this.expected, this.turnout, this.then, this.shift);
		}

		/** The same row with the county's margin then and its shift, as computed. */
		Row withShift(ContestShift contest, ContestShift.Unit unit, ReaderFormat format) {
			if (unit == null) {
				return this;
			}
			return new Row(this.name, this.county, this.cells, this.total, this.totalVotes, this.leader, this.margin,
					this.marginVotes, this.expected, this.turnout, toward(contest, unit.then(), format),
					toward(contest, unit.shift(), format));
		}

		/**
		 * The unit's row: its numbers as the read model computed them (shown percentages,
		 * leader, tie, margin), only formatted here.
		 */
		static Row of(String name, String county, UnitResult unit, int shown, boolean others, ReaderFormat format) {
			List<Cell> cells = new ArrayList<>(shown + 1);
			for (int i = 0; i < shown; i++) {
				cells.add(Cell.of(unit.candidates().get(i), unit.totalVotes(), format));
			}
			if (others) {
				cells.add(Cell.of(unit.rest(shown), unit.totalVotes(), format));
			}
			String leader = unit.tie() ? format.text("units.tie") : unit.leader();
			long margin = (unit.leader() != null) ? unit.margin().votes() : 0;
			return new Row(name, county, List.copyOf(cells), format.votes(unit.totalVotes()), unit.totalVotes(), leader,
					(unit.leader() != null) ? "+" + format.votes(margin) : null, margin,
					format.percentLabel(unit.expectedVotePct()),
					(unit.turnoutPct() != null) ? format.percent(unit.turnoutPct()) : null, null, null);
		}

	}

	/**
	 * One candidate's count in one unit.
	 *
	 * @param votes votes, formatted
	 * @param pct share of the unit's votes, one decimal with the language's sign, or an
	 * empty string without votes
	 * @param share the unrounded share, for sorting
	 */
	public record Cell(String votes, String pct, double share) {

		static Cell of(UnitResult.Votes votes, long total, ReaderFormat format) {
			return new Cell(format.votes(votes.votes()), (total == 0) ? "" : format.percent(votes.votePct()),
					votes.voteShare().doubleValue());
		}

	}

}
