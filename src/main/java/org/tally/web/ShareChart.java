package org.tally.web;

import org.tally.web.text.LocalTimes;

import org.tally.web.text.ReaderFormat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.HistoryPoint;
import org.tally.results.ResultsService;

/**
 * Geometry of the contest page's server-rendered SVG chart: each leading candidate's
 * share of the vote over time, a point per revision that changed the count. Lines differ
 * in dash pattern and carry their names at the end, so colour is never the only way to
 * tell them apart. The same numbers go into a table beside the chart.
 *
 * @param width the viewBox width
 * @param height the viewBox height
 * @param series a line per charted candidate
 * @param yTicks horizontal grid lines with their labels
 * @param xTicks labelled times along the bottom
 * @param rows the chart's data as table rows, oldest first
 * @param names the charted candidates' names, the table's columns
 */
public record ShareChart(int width, int height, List<Series> series, List<Tick> yTicks, List<Tick> xTicks,
		List<DataRow> rows, List<String> names) {

	static final int MAX_SERIES = 5;

	private static final int WIDTH = 720;

	private static final int HEIGHT = 280;

	private static final int LEFT = 48;

	private static final int RIGHT = WIDTH - 170;

	private static final int TOP = 14;

	private static final int BOTTOM = HEIGHT - 40;

	private static final int LABEL_GAP = 16;

	private static final int X_TICKS = 4;

	/**
	 * The chart of the contest's history as {@link ResultsService#history} reads it (a
	 * point per revision that changed its counts, oldest first). The x axis is the
	 * count's time ({@link HistoryPoint#at()}), so a night of reports and a canvass weeks
	 * later sit as far apart as they were. Every percentage shown is the read model's
	 * {@code votePct}; lines follow the unrounded {@code voteShare}. Candidates are
	 * matched by name (unique in a contest).
	 */
	static ShareChart of(ContestResult contest, List<HistoryPoint> history, ReaderFormat format) {
		return of(contest, history, format, false);
	}

	/**
	 * The chart of each batch's shares: a point per revision that added votes, at the
	 * shares of the votes it added ({@link HistoryPoint#added()}, the read model's
	 * {@code votePct} by the one rounding rule), its table the votes each batch added.
	 */
	static ShareChart batches(ContestResult contest, List<HistoryPoint> history, ReaderFormat format) {
		return of(contest,
				history.stream().filter((point) -> point.added() != null && point.added().totalVotes() > 0).toList(),
				format, true);
	}

	private static ShareChart of(ContestResult contest, List<HistoryPoint> history, ReaderFormat format,
			boolean batches) {
		LocalTimes times = format.times();
		List<CandidateResult> charted = contest.candidates()
			.subList(0, Math.min(MAX_SERIES, contest.candidates().size()));
		int n = history.size();
		double[][] shares = new double[charted.size()][n];
		String[] lastPct = new String[charted.size()];
		List<DataRow> rows = new ArrayList<>(n);
		double min = 100;
		double max = 0;
		for (int j = 0; j < n; j++) {
			HistoryPoint point = history.get(j);
			Map<String, Shown> byName = new HashMap<>();
			if (batches) {
				point.added()
					.candidates()
					.forEach((added) -> byName.put(added.name(), new Shown(added.votes(), added.votePct(),
							(added.votePct() != null) ? added.votePct().doubleValue() : 0)));
			}
			else {
				point.candidates()
					.forEach((candidate) -> byName.put(candidate.name(), new Shown(candidate.votes(),
							candidate.votePct(), candidate.voteShare().doubleValue() * 100)));
			}
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < charted.size(); i++) {
				Shown votes = byName.get(charted.get(i).name());
				double share = (votes != null) ? votes.share() : 0;
				String pct = format
					.percent((votes != null && votes.pct() != null) ? votes.pct() : new BigDecimal("0.0"));
				shares[i][j] = share;
				lastPct[i] = pct;
				min = Math.min(min, share);
				max = Math.max(max, share);
				cells.add(format.votes((votes != null) ? votes.votes() : 0) + " (" + pct + ")");
			}
			rows.add(new DataRow(point.revision(), times.local(point.at()),
					format.votes(batches ? point.added().totalVotes() : point.totalVotes()), cells));
		}
		if (n == 0) {
			min = 0;
			max = 100;
		}
		double step = (max - min <= 20) ? 5 : 10;
		double lo = Math.max(0, Math.floor((min - step / 2) / step) * step);
		double hi = Math.min(100, Math.ceil((max + step / 2) / step) * step);
		if (hi <= lo) {
			hi = Math.min(100, lo + step);
		}
		List<Tick> yTicks = new ArrayList<>();
		for (double v = lo; v <= hi + 0.001; v += step) {
			yTicks.add(new Tick(LEFT, y(v, lo, hi), format.percentLabel(Long.toString(Math.round(v)))));
		}
		TimeAxis axis = TimeAxis.of(history);
		List<Tick> xTicks = new ArrayList<>();
		for (Instant at : axis.ticks()) {
			xTicks.add(new Tick(axis.x(at), BOTTOM, axis.label(at, times)));
		}
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < charted.size(); i++) {
			StringBuilder points = new StringBuilder();
			List<Point> dots = new ArrayList<>();
			for (int j = 0; j < n; j++) {
				double px = axis.x(history.get(j).at());
				double py = y(shares[i][j], lo, hi);
				points.append(fmt(px)).append(',').append(fmt(py)).append(' ');
				dots.add(new Point(fmt(px), fmt(py)));
			}
			double endY = (n > 0) ? y(shares[i][n - 1], lo, hi) : BOTTOM;
			String last = (n > 0) ? lastPct[i] : "";
			series.add(new Series(i, charted.get(i).name(), ShortName.of(charted.get(i).name()) + " " + last,
					points.toString().strip(), dots, endY));
		}
		return new ShareChart(WIDTH, HEIGHT, spreadLabels(series), yTicks, xTicks, rows,
				charted.stream().map(CandidateResult::name).toList());
	}

	/**
	 * The time axis: from the first count to the last, ticks at its ends and evenly
	 * between, labelled with the date when the counts span days, else the clock.
	 */
	/** One choice's figures at one point: votes, shown percentage, share for the line. */
	private record Shown(long votes, BigDecimal pct, double share) {
	}

	private record TimeAxis(Instant first, Instant last) {

		static TimeAxis of(List<HistoryPoint> history) {
			if (history.isEmpty()) {
				return new TimeAxis(null, null);
			}
			Instant first = history.get(0).at();
			Instant last = first;
			for (HistoryPoint point : history) {
				first = (point.at().isBefore(first)) ? point.at() : first;
				last = (point.at().isAfter(last)) ? point.at() : last;
			}
			return new TimeAxis(first, last);
		}

		double x(Instant at) {
			long span = (this.first != null) ? Duration.between(this.first, this.last).toMillis() : 0;
			if (span == 0) {
				return (LEFT + RIGHT) / 2.0;
			}
			return LEFT + (double) Duration.between(this.first, at).toMillis() * (RIGHT - LEFT) / span;
		}

		List<Instant> ticks() {
			if (this.first == null) {
				return List.of();
			}
			if (this.first.equals(this.last)) {
				return List.of(this.first);
			}
			long span = Duration.between(this.first, this.last).toMillis();
			List<Instant> ticks = new ArrayList<>();
			for (int k = 0; k <= X_TICKS; k++) {
				ticks.add(this.first.plusMillis(span * k / X_TICKS));
			}
			return ticks;
		}

		String label(Instant at, LocalTimes times) {
			boolean days = Duration.between(this.first, this.last).compareTo(Duration.ofHours(36)) > 0;
			return days ? times.date(at) : times.clock(at);
		}

	}

	/** Where the end labels sit: top to bottom, at least one line apart. */
	private static List<Series> spreadLabels(List<Series> series) {
		List<Series> sorted = new ArrayList<>(series);
		sorted.sort(Comparator.comparingDouble(Series::labelY));
		double previous = -1000;
		List<Series> placed = new ArrayList<>();
		for (Series s : sorted) {
			double labelY = Math.max(s.labelY(), previous + LABEL_GAP);
			placed.add(new Series(s.index(), s.name(), s.label(), s.points(), s.dots(), labelY));
			previous = labelY;
		}
		placed.sort(Comparator.comparingInt(Series::index));
		return List.copyOf(placed);
	}

	private static double x(int j, int n) {
		return (n <= 1) ? (LEFT + RIGHT) / 2.0 : LEFT + (double) j * (RIGHT - LEFT) / (n - 1);
	}

	private static double y(double share, double lo, double hi) {
		return BOTTOM - (share - lo) * (BOTTOM - TOP) / (hi - lo);
	}

	private static String fmt(double value) {
		return String.format(Locale.US, "%.1f", value);
	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return RIGHT;
	}

	public int plotTop() {
		return TOP;
	}

	public int plotBottom() {
		return BOTTOM;
	}

	/**
	 * One candidate's line.
	 *
	 * @param index the series number (0 = most votes now), picks colour and dash pattern
	 * @param name the candidate's name
	 * @param label the end label ("Gomez 59.2%")
	 * @param points the polyline's points
	 * @param dots a marker per revision
	 * @param labelY where the end label sits
	 */
	public record Series(int index, String name, String label, String points, List<Point> dots, double labelY) {

		public String labelYText() {
			return fmt(this.labelY + 4);
		}

	}

	public record Point(String x, String y) {
	}

	public record Tick(double x, double y, String label) {

		public String xText() {
			return fmt(this.x);
		}

		public String yText() {
			return fmt(this.y);
		}

	}

	/**
	 * One revision in the chart's data table.
	 *
	 * @param revision the revision number
	 * @param at when the source said (or Tally received) the count, local time
	 * @param total all votes, formatted
	 * @param cells "19,761 (60.1%)" per charted candidate
	 */
	public record DataRow(long revision, String at, String total, List<String> cells) {
	}

}
