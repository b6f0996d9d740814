package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tally.results.ContestRounds;

/**
 * A ranked-choice contest's rounds for the contest page: a table with a column per round
 * (votes, share, transfer) and a line chart of how each leading choice's tally grows as
 * others are eliminated. The numbers come from {@link ContestRounds}; only the chart's
 * positions are worked out here.
 *
 * @param reportRevision the revision whose report is shown
 * @param earlier earlier revisions that brought a report
 * @param rounds round numbers
 * @param thresholds each round's threshold, formatted ("" when none)
 * @param rows a row per choice, those lasting longest first
 * @param inactive rows of inactive ballots by reason
 * @param width the chart's width
 * @param height the chart's height
 * @param series the chart's lines
 * @param xTicks the chart's round labels
 * @param yTicks the chart's vote labels
 */
public record RoundsView(long reportRevision, List<Long> earlier, List<Integer> rounds, List<String> thresholds,
		List<Row> rows, List<InactiveRow> inactive, int width, int height, List<Series> series, List<Tick> xTicks,
		List<Tick> yTicks) {

	static final int WIDTH = 760;

	static final int HEIGHT = 300;

	static final int LEFT = 64;

	static final int RIGHT = 250;

	static final int TOP = 12;

	static final int BOTTOM = 32;

	static final int CHARTED = 6;

	static RoundsView of(ContestRounds contest, ReaderFormat format) {
		List<ContestRounds.Round> rounds = contest.rounds();
		int last = rounds.size();
		Map<String, Row> rows = new LinkedHashMap<>();
		Map<String, Integer> lasted = new LinkedHashMap<>();
		for (ContestRounds.Round round : rounds) {
			for (ContestRounds.Tally tally : round.choices()) {
				lasted.put(tally.name(), round.number());
			}
		}
		List<String> order = new ArrayList<>(lasted.keySet());
		ContestRounds.Round finalRound = rounds.get(last - 1);
		order.sort((a, b) -> {
			int byRounds = Integer.compare(lasted.get(b), lasted.get(a));
			if (byRounds != 0) {
				return byRounds;
			}
			return votesIn(rounds.get(lasted.get(b) - 1), b).compareTo(votesIn(rounds.get(lasted.get(a) - 1), a));
		});
		for (String name : order) {
			List<Cell> cells = new ArrayList<>();
			String outcome = null;
			for (ContestRounds.Round round : rounds) {
				ContestRounds.Tally tally = find(round, name);
				if (tally == null) {
					cells.add(new Cell("", "", "", null, null));
					continue;
				}
				String happened = (tally.outcome() != null) ? outcome(tally.outcome(), null, format) : null;
				cells.add(new Cell(number(tally.votes(), format), format.percent(tally.votePct()),
						signed(tally.transfer(), format), tally.outcome(), happened));
				if (tally.outcome() != null) {
					outcome = outcome(tally.outcome(), round.number(), format);
				}
			}
			rows.put(name, new Row(name, cells, outcome));
		}
		List<InactiveRow> inactive = new ArrayList<>();
		for (String[] reason : new String[][] { { "overvotes", "rounds.inactive.overvotes" },
				{ "skippedRankings", "rounds.inactive.skipped" }, { "exhaustedChoices", "rounds.inactive.exhausted" },
				{ "repeatedRankings", "rounds.inactive.repeated" } }) {
			if (rounds.stream().anyMatch((round) -> round.inactive().containsKey(reason[0]))) {
				inactive.add(new InactiveRow(format.text(reason[1]),
						rounds.stream().map((round) -> number(round.inactive().get(reason[0]), format)).toList()));
			}
		}
		inactive.add(new InactiveRow(format.text("rounds.inactive.all"),
				rounds.stream().map((round) -> number(round.inactiveTotal(), format)).toList()));
		List<String> charted = order.subList(0, Math.min(CHARTED, order.size()));
		BigDecimal max = contest.largestTally();
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < charted.size(); i++) {
			String name = charted.get(i);
			StringBuilder points = new StringBuilder();
			double lastY = 0;
			for (ContestRounds.Round round : rounds) {
				ContestRounds.Tally tally = find(round, name);
				if (tally == null) {
					break;
				}
				lastY = y(tally.votes(), max);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(round.number(), last), lastY));
			}
			ContestRounds.Tally end = find(finalRound, name);
			String label = name + ((end != null) ? " " + number(end.votes(), format) : "");
			series.add(new Series(i, name, points.toString().strip(), lastY, label));
		}
		spreadLabels(series);
		List<Tick> xTicks = new ArrayList<>();
		int step = Math.max(1, (int) Math.ceil(last / 10.0));
		for (int r = 1; r <= last; r += step) {
			xTicks.add(new Tick(x(r, last), format.text("rounds.tick", r)));
		}
		List<Tick> yTicks = new ArrayList<>();
		for (BigDecimal value : contest.voteMarks(4)) {
			yTicks.add(new Tick(y(value, max), number(value, format)));
		}
		return new RoundsView(contest.revision(),
				contest.revisions().stream().filter((r) -> r != contest.revision()).toList(),
				rounds.stream().map(ContestRounds.Round::number).toList(),
				rounds.stream().map((round) -> number(round.threshold(), format)).toList(), List.copyOf(rows.values()),
				inactive, WIDTH, HEIGHT, series, xTicks, yTicks);
	}

	private static void spreadLabels(List<Series> series) {
		List<Series> sorted = new ArrayList<>(series);
		sorted.sort((a, b) -> Double.compare(a.endY(), b.endY()));
		double previous = -100;
		for (Series s : sorted) {
			double at = Math.max(s.endY(), previous + 14);
			s.labelY[0] = at;
			previous = at;
		}
	}

	private static BigDecimal votesIn(ContestRounds.Round round, String name) {
		ContestRounds.Tally tally = find(round, name);
		return (tally != null) ? tally.votes() : BigDecimal.ZERO;
	}

	private static ContestRounds.Tally find(ContestRounds.Round round, String name) {
		for (ContestRounds.Tally tally : round.choices()) {
			if (tally.name().equals(name)) {
				return tally;
			}
		}
		return null;
	}

	private static double x(int round, int rounds) {
		double plot = WIDTH - LEFT - RIGHT;
		return LEFT + ((rounds == 1) ? plot / 2 : plot * (round - 1) / (rounds - 1));
	}

	private static double y(BigDecimal votes, BigDecimal max) {
		double plot = HEIGHT - TOP - BOTTOM;
		return HEIGHT - BOTTOM - plot * votes.doubleValue() / max.doubleValue();
	}

	/**
	 * What happened to a choice ("elected", "eliminated"), in words; with the round when
	 * it is given.
	 */
	private static String outcome(String outcome, Integer round, ReaderFormat format) {
		boolean elected = "elected".equals(outcome);
		if (round == null) {
			return format.text(elected ? "rounds.outcome.elected" : "rounds.outcome.eliminated");
		}
		return format.text(elected ? "rounds.outcome.elected-in" : "rounds.outcome.eliminated-in", round);
	}

	/**
	 * A tally as RCTab wrote it, with the reader's grouping and as many decimals as it
	 * has (fractional transfers): never rounded here.
	 */
	static String number(BigDecimal value, ReaderFormat format) {
		if (value == null) {
			return "";
		}
		if (value.scale() <= 0) {
			return format.votes(value.longValueExact());
		}
		NumberFormat number = NumberFormat.getNumberInstance(format.locale());
		number.setMinimumFractionDigits(value.scale());
		number.setMaximumFractionDigits(value.scale());
		return number.format(value);
	}

	static String signed(BigDecimal value, ReaderFormat format) {
		if (value == null || value.signum() == 0) {
			return "";
		}
		return (value.signum() > 0) ? "+" + number(value, format) : "−" + number(value.negate(), format);
	}

	/** A choice's row: a cell per round. */
	public record Row(String name, List<Cell> cells, String outcome) {
	}

	/**
	 * A choice in a round: votes, share, transfer to the next round and what happened
	 * ({@code outcome} the code for the cell's class, {@code happened} its words).
	 */
	public record Cell(String votes, String pct, String transfer, String outcome, String happened) {
	}

	/** Inactive ballots of one reason, per round. */
	public record InactiveRow(String label, List<String> cells) {
	}

	/** A line of the chart. */
	public record Series(int index, String name, String points, double endY, String label, double[] labelY) {

		Series(int index, String name, String points, double endY, String label) {
			this(index, name, points, endY, label, new double[] { endY });
		}

		public String labelYText() {
			return String.format(Locale.ROOT, "%.1f", this.labelY[0] + 4);
		}

	}

	/** An axis label. */
	public record Tick(double at, String label) {

		public String atText() {
			return String.format(Locale.ROOT, "%.1f", this.at);
		}

	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return WIDTH - RIGHT;
	}

	public int plotBottom() {
		return HEIGHT - BOTTOM;
	}

}
