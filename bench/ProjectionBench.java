import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.tally.results.projection.Estimator;

/**
 * Times the estimator on 20,000 units: California's 2020 presidential count against 2016,
 * each county split into precincts (20,000 in all, sizes and shares jittered), half of them
 * complete. In Tally the units are counties (58 for California), so this is the worst case
 * of a contest modelled precinct by precinct. Not a test: run it with
 * bench/projection-bench.sh.
 */
class ProjectionBench {

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args[0]);
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		Map<String, long[]> now = ProjectionBacktest.read(data.resolve("ca-president-2020.csv"));
		Map<String, long[]> before = ProjectionBacktest.read(data.resolve("ca-president-2016.csv"));
		List<Estimator.Unit> units = precincts(ProjectionBacktest.pair(now, before), 20_000, new SplittableRandom(7));
		System.out.printf(Locale.ROOT, "%,d units, %,d complete%n", units.size(),
				units.stream().filter(Estimator.Unit::complete).count());
		for (int i = 0; i < runs + 2; i++) {
			long start = System.nanoTime();
			double reference = 0;
			for (Estimator.Unit unit : units) {
				for (long votes : unit.votes()) {
					reference += votes;
				}
			}
			long summed = System.nanoTime() - start;
			start = System.nanoTime();
			Estimator.Estimate estimate = Estimator.estimate(units, 3);
			long estimated = System.nanoTime() - start;
			System.out.printf(Locale.ROOT, "%s estimate: %.0f ms (reference, one pass summing the counts: %.2f ms; "
					+ "ratio %.0f); total votes %,.0f (%,.0f to %,.0f), counted %,.0f%n", (i < 2) ? "warm-up" : "run",
					estimated / 1e6, summed / 1e6, estimated / (double) Math.max(1, summed),
					estimate.totalVotes().estimate(), estimate.totalVotes().low(), estimate.totalVotes().high(),
					reference);
		}
	}

	static List<Estimator.Unit> precincts(List<ProjectionBacktest.Row> counties, int total, SplittableRandom random) {
		double all = counties.stream().mapToDouble((row) -> row.total(row.before())).sum();
		List<Estimator.Unit> units = new ArrayList<>(total);
		for (ProjectionBacktest.Row row : counties) {
			int parts = Math.max(1, (int) Math.round(total * row.total(row.before()) / all));
			for (int p = 0; p < parts; p++) {
				double size = (0.5 + random.nextDouble()) / parts;
				double jitter = (random.nextDouble() - 0.5) * 0.06;
				double[] baseline = new double[3];
				long[] votes = new long[3];
				for (int j = 0; j < 3; j++) {
					double shift = (j == 0) ? jitter : (j == 1) ? -jitter : 0;
					baseline[j] = Math.max(0, Math.round(row.before()[j] * size * (1 + shift)));
					votes[j] = Math.max(0, Math.round(row.now()[j] * size * (1 + shift)));
				}
				boolean complete = random.nextBoolean();
				units.add(new Estimator.Unit(baseline, baseline[0] + baseline[1] + baseline[2],
						complete ? votes : new long[3], complete));
			}
		}
		return units;
	}

}
