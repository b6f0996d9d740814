import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.tally.results.projection.Estimator;
import org.tally.results.projection.UnitMatch;
import org.tally.results.projection.UnitNames;

/**
 * Replays real elections against their baselines in random unit orders and measures the
 * estimator (docs/projection.md): coverage of the 90% range, its width, and the error of
 * the final margin beside uniform swing and the count so far, computed in the same run.
 * Not a test: run it with bench/projection-backtest.sh.
 */
class ProjectionBacktest {

	static final double[] CHECKPOINTS = { 0.25, 0.5, 0.75 };

	static final int DEM = 0;

	static final int REP = 1;

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args[0]);
		int orders = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		String[][] replays = { { "ca-president-2012.csv", "ca-president-2008.csv" },
				{ "ca-president-2016.csv", "ca-president-2012.csv" },
				{ "ca-president-2020.csv", "ca-president-2016.csv" },
				{ "pa-president-2016.csv", "pa-president-2012.csv" } };
		System.out.printf(Locale.ROOT, "%d random unit orders per election, 90%% ranges%n%n", orders);
		System.out.println("| election | units | complete | coverage: choices (lowest) | coverage: margin | median margin range width | MAE margin: estimate | uniform swing | count so far | estimate / swing | ms per estimate |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		Stats[] pooled = new Stats[CHECKPOINTS.length];
		for (int c = 0; c < CHECKPOINTS.length; c++) {
			pooled[c] = new Stats();
		}
		for (String[] replay : replays) {
			List<Row> rows = pair(read(data.resolve(replay[0])), read(data.resolve(replay[1])));
			String name = replay[0].replace(".csv", "") + " vs " + replay[1].replaceAll(".*-(\\d+)\\.csv", "$1");
			for (int c = 0; c < CHECKPOINTS.length; c++) {
				Stats stats = replay(rows, CHECKPOINTS[c], orders, name.hashCode() * 31L + c);
				pooled[c].add(stats);
				stats.print(name, rows.size(), CHECKPOINTS[c]);
			}
		}
		long held = 0;
		long ranges = 0;
		int estimates = 0;
		for (int c = 0; c < CHECKPOINTS.length; c++) {
			pooled[c].print("all four", 0, CHECKPOINTS[c]);
			held += pooled[c].marginCovered + Arrays.stream(pooled[c].choiceCovered).sum();
			ranges += 4L * pooled[c].estimates;
			estimates += pooled[c].estimates;
		}
		System.out.printf(Locale.ROOT, "%npooled coverage (every choice and margin, every checkpoint): %.3f of %d ranges in %d estimates%n",
				held / (double) ranges, ranges, estimates);
	}

	/** One unit: final votes (DEM, REP, other) now and in the baseline. */
	record Row(String county, long[] now, long[] before) {
		long total(long[] votes) {
			return votes[0] + votes[1] + votes[2];
		}
	}

	static Stats replay(List<Row> rows, double checkpoint, int orders, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Stats stats = new Stats();
		long[] truth = new long[3];
		for (Row row : rows) {
			for (int j = 0; j < 3; j++) {
				truth[j] += row.now()[j];
			}
		}
		double truthTotal = truth[0] + truth[1] + truth[2];
		int complete = (int) Math.round(checkpoint * rows.size());
		for (int o = 0; o < orders; o++) {
			Integer[] order = new Integer[rows.size()];
			Arrays.setAll(order, (i) -> i);
			for (int i = order.length - 1; i > 0; i--) {
				int k = random.nextInt(i + 1);
				Integer swap = order[i];
				order[i] = order[k];
				order[k] = swap;
			}
			List<Estimator.Unit> units = new ArrayList<>();
			for (int i = 0; i < order.length; i++) {
				Row row = rows.get(order[i]);
				boolean done = i < complete;
				double[] baseline = { row.before()[0], row.before()[1], row.before()[2] };
				units.add(new Estimator.Unit(baseline, row.total(row.before()), done ? row.now().clone() : new long[3],
						done));
			}
			long start = System.nanoTime();
			Estimator.Estimate estimate = Estimator.estimate(units, 3, seed * 1_000 + o);
			stats.nanos += System.nanoTime() - start;
			if (!"estimating".equals(estimate.status())) {
				continue;
			}
			stats.estimates++;
			int covered = 0;
			for (int j = 0; j < 3; j++) {
				covered += estimate.votes().get(j).covers(truth[j]) ? 1 : 0;
				stats.choiceCovered[j] += estimate.votes().get(j).covers(truth[j]) ? 1 : 0;
			}
			double trueMargin = truth[estimate.leader()] - truth[estimate.runnerUp()];
			stats.marginCovered += estimate.margin().covers(trueMargin) ? 1 : 0;
			stats.widths.add((estimate.margin().high() - estimate.margin().low()) / truthTotal);
			double demRep = estimate.votes().get(DEM).estimate() - estimate.votes().get(REP).estimate();
			double trueDemRep = truth[DEM] - truth[REP];
			stats.errors.add(Math.abs(demRep - trueDemRep) / truthTotal);
			stats.swingErrors.add(Math.abs(uniformSwing(units) - trueDemRep) / truthTotal);
			stats.countErrors.add(Math.abs(countSoFar(units) - trueDemRep) / truthTotal);
		}
		return stats;
	}

	/**
	 * Uniform swing: the complete units' change in two-party margin (share points)
	 * against their baseline, added to every other unit's baseline margin, with turnout
	 * scaled by the complete units' turnout ratio.
	 */
	static double uniformSwing(List<Estimator.Unit> units) {
		double now = 0;
		double nowTwoParty = 0;
		double before = 0;
		double beforeTwoParty = 0;
		for (Estimator.Unit unit : units) {
			if (unit.complete()) {
				now += unit.votes()[DEM] - unit.votes()[REP];
				nowTwoParty += unit.votes()[DEM] + unit.votes()[REP];
				before += unit.baseline()[DEM] - unit.baseline()[REP];
				beforeTwoParty += unit.baseline()[DEM] + unit.baseline()[REP];
			}
		}
		double swing = now / nowTwoParty - before / beforeTwoParty;
		double turnout = nowTwoParty / beforeTwoParty;
		double margin = now;
		for (Estimator.Unit unit : units) {
			if (!unit.complete()) {
				double twoParty = unit.baseline()[DEM] + unit.baseline()[REP];
				margin += ((unit.baseline()[DEM] - unit.baseline()[REP]) / twoParty + swing) * twoParty * turnout;
			}
		}
		return margin;
	}

	/** The count so far: the complete units' margin. */
	static double countSoFar(List<Estimator.Unit> units) {
		double margin = 0;
		for (Estimator.Unit unit : units) {
			margin += unit.votes()[DEM] - unit.votes()[REP];
		}
		return margin;
	}

	/** Per county: DEM, REP and every other candidate together. */
	static Map<String, long[]> read(Path file) throws IOException {
		Map<String, long[]> counties = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(file);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
			long[] votes = counties.computeIfAbsent(cells[0], (key) -> new long[3]);
			int choice = switch (cells[1]) {
				case "DEM" -> DEM;
				case "REP" -> REP;
				default -> 2;
			};
			votes[choice] += Long.parseLong(cells[cells.length - 1]);
		}
		return counties;
	}

	/** The counties of both elections, matched by Tally's own unit matching. */
	static List<Row> pair(Map<String, long[]> now, Map<String, long[]> before) {
		List<String> beforeNames = new ArrayList<>(before.keySet());
		List<String> nowNames = new ArrayList<>(now.keySet());
		UnitMatch match = UnitMatch.of(units(beforeNames), units(nowNames));
		if (!match.unmatchedBaseline().isEmpty() || !match.unmatchedCurrent().isEmpty()) {
			System.out.println("unmatched: " + match.unmatchedBaseline() + " " + match.unmatchedCurrent());
		}
		List<Row> rows = new ArrayList<>();
		match.pairs().forEach((b, n) -> rows.add(new Row(nowNames.get(n), now.get(nowNames.get(n)),
				before.get(beforeNames.get(b)))));
		return rows;
	}

	static List<UnitMatch.Unit> units(List<String> names) {
		return names.stream().map((name) -> new UnitMatch.Unit(null, name, "county")).toList();
	}

	static final class Stats {

		int estimates;

		int[] choiceCovered = new int[3];

		int marginCovered;

		long nanos;

		List<Double> widths = new ArrayList<>();

		List<Double> errors = new ArrayList<>();

		List<Double> swingErrors = new ArrayList<>();

		List<Double> countErrors = new ArrayList<>();

		void add(Stats other) {
			this.estimates += other.estimates;
			for (int j = 0; j < 3; j++) {
				this.choiceCovered[j] += other.choiceCovered[j];
			}
			this.marginCovered += other.marginCovered;
			this.nanos += other.nanos;
			this.widths.addAll(other.widths);
			this.errors.addAll(other.errors);
			this.swingErrors.addAll(other.swingErrors);
			this.countErrors.addAll(other.countErrors);
		}

		void print(String name, int units, double checkpoint) {
			double lowest = 1;
			StringBuilder each = new StringBuilder();
			for (int j = 0; j < 3; j++) {
				double coverage = this.choiceCovered[j] / (double) this.estimates;
				lowest = Math.min(lowest, coverage);
				each.append((j > 0) ? "/" : "").append(String.format(Locale.ROOT, "%.0f", 100 * coverage));
			}
			double mae = median(this.errors);
			double swing = median(this.swingErrors);
			System.out.printf(Locale.ROOT,
					"| %s | %s | %.0f%% | %s%% (%.1f%%) | %.1f%% | %.2f pts | %.2f pts | %.2f pts | %.2f pts | %.2f | %.1f |%n",
					name, (units > 0) ? Integer.toString(units) : "", 100 * checkpoint, each, 100 * lowest,
					100.0 * this.marginCovered / this.estimates, 100 * median(this.widths), 100 * mae, 100 * swing,
					100 * median(this.countErrors), mae / swing, this.nanos / 1e6 / Math.max(1, this.estimates));
		}

		static double median(List<Double> values) {
			double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return (sorted.length == 0) ? Double.NaN : sorted[sorted.length / 2];
		}

	}

}
