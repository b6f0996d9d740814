package org.tally.results.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Estimates a contest's final result from its complete units' change against a baseline
 * (docs/projection.md). Plain Java, no I/O: the read model hands it units, the backtest
 * hands it replays.
 * <p>
 * For each unit not yet complete it predicts the turnout ratio (final votes over the
 * baseline's votes) and each choice's share from the baseline's shares, with a model
 * fitted on the complete units ({@link UnitModel}); it adds what the complete units
 * counted and, for a unit that has counted part of its votes, keeps those and predicts
 * the rest. The 90% range comes from simulation: each draw refits the model on a
 * bootstrap resample of the complete units (the error every unit shares) and adds to each
 * unit a residual drawn from the complete units' out-of-fold residuals (split-conformal:
 * each residual comes from a model that did not see the unit), then the 5th and 95th
 * percentiles of the draws are the range.
 */
public final class Estimator {

	/** The range's level. */
	public static final double LEVEL = 0.9;

	/** Draws per estimate. */
	static final int DRAWS = 400;

	/**
	 * Draws when more than {@link #MANY_UNITS} units are still to report: each draw then
	 * costs more and the units' own residuals average out, so half as many keep an
	 * estimate of 20,000 units within a second (bench/projection-bench.sh).
	 */
	static final int FEWER_DRAWS = 200;

	static final int MANY_UNITS = 5_000;

	/** Folds for the out-of-fold residuals. */
	static final int FOLDS = 10;

	/**
	 * The range's ends move away from the point by {@code 1 + WIDEN / n} for {@code n}
	 * complete units: a small-sample correction measured by the backtest
	 * (docs/projection.md), which the bootstrap alone leaves too narrow when few units
	 * are complete.
	 */
	static final double WIDEN = 7;

	/**
	 * At least this many complete units (and {@link #MIN_SHARE} of all) before an
	 * estimate.
	 */
	public static final int MIN_UNITS = 5;

	/** At least this share of the units complete before an estimate. */
	public static final double MIN_SHARE = 0.1;

	private Estimator() {
	}

	/**
	 * One unit of the contest's universe.
	 *
	 * @param baseline the baseline's votes for each choice (by the choice mapping; 0 for
	 * a choice without a baseline), in the contest's choice order
	 * @param baselineTotal all the baseline's votes in the unit (unmapped choices too)
	 * @param votes the votes counted so far, per choice (all zeros before it reports)
	 * @param complete whether the unit's count is complete (every vote type's)
	 * @param typeVotes when the contest's count is split by vote type: per type, the
	 * votes of that type counted so far, per choice (the types together are
	 * {@code votes}); null without a split
	 * @param typeComplete per type, whether the unit's count of that type is complete
	 * (null without a split)
	 */
	public record Unit(double[] baseline, double baselineTotal, long[] votes, boolean complete, long[][] typeVotes,
			boolean[] typeComplete) {

		/** A unit whose count is not split by vote type. */
		public Unit(double[] baseline, double baselineTotal, long[] votes, boolean complete) {
			this(baseline, baselineTotal, votes, complete, null, null);
		}

		long counted() {
			return sum(this.votes);
		}

		/** The votes of a type ({@code -1}: all of them). */
		long[] votesOf(int type) {
			return (type < 0) ? this.votes : this.typeVotes[type];
		}

		/** Whether the count of a type ({@code -1}: every type) is complete. */
		boolean completeOf(int type) {
			return (type < 0) ? this.complete : this.typeComplete[type];
		}

	}

	static long sum(long[] votes) {
		long total = 0;
		for (long v : votes) {
			total += v;
		}
		return total;
	}

	/** A point with its range's ends. */
	public record Range(double estimate, double low, double high) {

		/** Whether the range holds the value. */
		public boolean covers(double value) {
			return value >= this.low && value <= this.high;
		}

	}

	/**
	 * The estimate.
	 *
	 * @param status {@code waiting}, {@code estimating} or {@code final}
	 * @param unitsComplete complete units
	 * @param unitsTotal units in the universe
	 * @param totalVotes the contest's final votes
	 * @param votes each choice's final votes
	 * @param shares each choice's final share of the votes (0-1)
	 * @param leader the choice with the most estimated votes (-1 when waiting)
	 * @param runnerUp the next one (-1 when there is none)
	 * @param margin the leader's votes minus the runner-up's
	 */
	public record Estimate(String status, int unitsComplete, int unitsTotal, Range totalVotes, List<Range> votes,
			List<Range> shares, int leader, int runnerUp, Range margin) {
	}

	/** The estimate with a fixed seed (the same inputs give the same ranges). */
	public static Estimate estimate(List<Unit> units, int choices) {
		return estimate(units, choices, 20_261_106L);
	}

	public static Estimate estimate(List<Unit> units, int choices, long seed) {
		List<Unit> complete = new ArrayList<>();
		for (Unit unit : units) {
			if (unit.complete() && unit.baselineTotal() > 0 && unit.counted() > 0) {
				complete.add(unit);
			}
		}
		int done = (int) units.stream().filter(Unit::complete).count();
		if (done == units.size() && !units.isEmpty()) {
			return counted(units, choices, "final");
		}
		if (complete.size() < Math.max(MIN_UNITS, Math.ceil(MIN_SHARE * units.size()))) {
			return new Estimate("waiting", done, units.size(), null, List.of(), List.of(), -1, -1, null);
		}
		if (units.get(0).typeVotes() != null) {
			return VoteTypeEstimate.estimate(units, choices, seed, done);
		}
		Design design = new Design(complete, choices);
		Open open = new Open(units, choices);
		UnitModel model = UnitModel.fit(design, null);
		double[] point = totals(open, model, null, null);
		Residuals residuals = Residuals.outOfFold(design, new SplittableRandom(seed));
		SplittableRandom random = new SplittableRandom(seed + 1);
		double[][] draws = new double[(open.x.length > MANY_UNITS) ? FEWER_DRAWS : DRAWS][];
		int[] weights = new int[complete.size()];
		for (int d = 0; d < draws.length; d++) {
			Arrays.fill(weights, 0);
			for (int i = 0; i < complete.size(); i++) {
				weights[random.nextInt(complete.size())]++;
			}
			draws[d] = totals(open, UnitModel.fit(design, weights), residuals, random);
		}
		return summarise(done, units.size(), choices, point, draws, "estimating", 1 + WIDEN / complete.size());
	}

	/**
	 * The units as the totals (or one vote type's counts) read them, computed once: what
	 * is counted (complete units and the parts already in), and the baseline shares of
	 * the units still to report.
	 */
	static final class Open {

		final int choices;

		final double[] counted;

		final double[][] x;

		final double[] baseline;

		final double[] countedTotal;

		final long[][] votes;

		/** Each unit still to report's place in the universe. */
		final int[] index;

		Open(List<Unit> units, int choices) {
			this(units, choices, -1);
		}

		/** Of one vote type ({@code -1}: the totals). */
		Open(List<Unit> units, int choices, int type) {
			this.choices = choices;
			this.counted = new double[choices + 1];
			int open = 0;
			for (Unit unit : units) {
				if (!unit.completeOf(type) && unit.baselineTotal() > 0) {
					open++;
				}
			}
			this.x = new double[open][choices];
			this.baseline = new double[open];
			this.countedTotal = new double[open];
			this.votes = new long[open][];
			this.index = new int[open];
			int at = 0;
			for (int i = 0; i < units.size(); i++) {
				Unit unit = units.get(i);
				long[] votes = unit.votesOf(type);
				if (unit.completeOf(type) || unit.baselineTotal() <= 0) {
					for (int j = 0; j < choices; j++) {
						this.counted[j] += votes[j];
					}
					this.counted[choices] += sum(votes);
					continue;
				}
				for (int j = 0; j < choices; j++) {
					this.x[at][j] = unit.baseline()[j] / unit.baselineTotal();
				}
				this.baseline[at] = unit.baselineTotal();
				this.countedTotal[at] = sum(votes);
				this.votes[at] = votes;
				this.index[at] = i;
				at++;
			}
		}

	}

	/**
	 * The contest's totals: complete units as counted, the others as predicted (with a
	 * drawn residual each when {@code residuals} is given). Index {@code choices} holds
	 * the total.
	 */
	static double[] totals(Open open, UnitModel model, Residuals residuals, SplittableRandom random) {
		double[] totals = open.counted.clone();
		add(open, model, residuals, (u) -> (residuals != null) ? residuals.draw(random) : -1, totals);
		return totals;
	}

	/**
	 * Adds the predicted votes of the units still to report, each with the residuals of
	 * the complete unit {@code donor} names for it (its row of the residuals, -1 for
	 * none), to {@code totals}: index {@code choices} holds the total.
	 */
	static void add(Open open, UnitModel model, Residuals residuals, IntUnaryOperator donor, double[] totals) {
		int choices = open.choices;
		double[] share = new double[choices];
		for (int u = 0; u < open.x.length; u++) {
			int from = donor.applyAsInt(u);
			double turnout = model.turnout(open.x[u]) + ((from >= 0) ? residuals.turnout(from) : 0);
			model.shares(open.x[u], share);
			if (from >= 0) {
				residuals.addShares(from, share);
			}
			normalise(share);
			double remaining = Math.max(0, open.baseline[u] * Math.exp(turnout) - open.countedTotal[u]);
			for (int j = 0; j < choices; j++) {
				totals[j] += open.votes[u][j] + remaining * share[j];
			}
			totals[choices] += open.countedTotal[u] + remaining;
		}
	}

	static void normalise(double[] share) {
		double sum = 0;
		for (int j = 0; j < share.length; j++) {
			share[j] = Math.max(0, share[j]);
			sum += share[j];
		}
		for (int j = 0; j < share.length; j++) {
			share[j] = (sum > 0) ? share[j] / sum : 1.0 / share.length;
		}
	}

	private static Estimate counted(List<Unit> units, int choices, String status) {
		double[] totals = new double[choices + 1];
		for (Unit unit : units) {
			for (int j = 0; j < choices; j++) {
				totals[j] += unit.votes()[j];
				totals[choices] += unit.votes()[j];
			}
		}
		return summarise(units.size(), units.size(), choices, totals, new double[][] { totals }, status, 1);
	}

	static Estimate summarise(int done, int total, int choices, double[] point, double[][] draws, String status,
			double widen) {
		int leader = -1;
		int runnerUp = -1;
		for (int j = 0; j < choices; j++) {
			if (leader < 0 || point[j] > point[leader]) {
				runnerUp = leader;
				leader = j;
			}
			else if (runnerUp < 0 || point[j] > point[runnerUp]) {
				runnerUp = j;
			}
		}
		List<Range> votes = new ArrayList<>(choices);
		List<Range> shares = new ArrayList<>(choices);
		double[] column = new double[draws.length];
		for (int j = 0; j < choices; j++) {
			for (int d = 0; d < draws.length; d++) {
				column[d] = draws[d][j];
			}
			votes.add(range(point[j], column, widen));
			for (int d = 0; d < draws.length; d++) {
				column[d] = (draws[d][choices] > 0) ? draws[d][j] / draws[d][choices] : 0;
			}
			shares.add(range((point[choices] > 0) ? point[j] / point[choices] : 0, column, widen));
		}
		for (int d = 0; d < draws.length; d++) {
			column[d] = draws[d][choices];
		}
		Range totalVotes = range(point[choices], column, widen);
		Range margin = null;
		if (runnerUp >= 0) {
			for (int d = 0; d < draws.length; d++) {
				column[d] = draws[d][leader] - draws[d][runnerUp];
			}
			margin = range(point[leader] - point[runnerUp], column, widen);
		}
		return new Estimate(status, done, total, totalVotes, votes, shares, leader, runnerUp, margin);
	}

	/**
	 * The point, and the draws' 5th and 95th percentiles moved away from it by
	 * {@code widen} (and widened to hold it).
	 */
	static Range range(double point, double[] draws, double widen) {
		double[] sorted = draws.clone();
		Arrays.sort(sorted);
		double tail = (1 - LEVEL) / 2;
		double low = quantile(sorted, tail);
		double high = quantile(sorted, 1 - tail);
		low = point - widen * (point - low);
		high = point + widen * (high - point);
		return new Range(point, Math.min(low, point), Math.max(high, point));
	}

	static double quantile(double[] sorted, double p) {
		if (sorted.length == 1) {
			return sorted[0];
		}
		double at = p * (sorted.length - 1);
		int below = (int) Math.floor(at);
		int above = Math.min(sorted.length - 1, below + 1);
		return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
	}

}
