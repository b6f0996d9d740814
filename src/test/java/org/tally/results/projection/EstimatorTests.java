package org.tally.results.projection;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimator on units built by hand: waiting below the thresholds, final when every
 * unit is complete, and a swing the complete units show carried to the others.
 */
class EstimatorTests {

	@Test
	void waitsForFiveUnitsAndATenthOfThem() {
		List<Estimator.Unit> units = units(60, 5);

		Estimator.Estimate estimate = Estimator.estimate(units, 2);

		// 5 complete units of 60 are under 10%
		assertThat(estimate.status()).isEqualTo("waiting");
		assertThat(estimate.unitsComplete()).isEqualTo(5);
		assertThat(estimate.unitsTotal()).isEqualTo(60);
		assertThat(estimate.totalVotes()).isNull();
	}

	@Test
	void everyUnitCompleteIsFinalWithTheCountItself() {
		List<Estimator.Unit> units = units(10, 10);

		Estimator.Estimate estimate = Estimator.estimate(units, 2);

		assertThat(estimate.status()).isEqualTo("final");
		long a = units.stream().mapToLong((unit) -> unit.votes()[0]).sum();
		assertThat(estimate.votes().get(0)).isEqualTo(new Estimator.Range(a, a, a));
	}

	/**
	 * Every unit moved 5 points from B to A and grew 10% (units of 1,000 to 10,000
	 * baseline votes, A's baseline share 30% to 70%): with half complete, the estimate of
	 * the final count is the truth within a few votes per thousand, inside its range.
	 */
	@Test
	void aUniformSwingIsCarriedToTheUnitsStillToReport() {
		List<Estimator.Unit> units = units(40, 20);
		double truthA = 0;
		double truthTotal = 0;
		for (int i = 0; i < 40; i++) {
			double[] base = units.get(i).baseline();
			double total = (base[0] + base[1]) * 1.1;
			truthA += total * (base[0] / (base[0] + base[1]) + 0.05);
			truthTotal += total;
		}

		Estimator.Estimate estimate = Estimator.estimate(units, 2);

		assertThat(estimate.status()).isEqualTo("estimating");
		assertThat(estimate.unitsComplete()).isEqualTo(20);
		assertThat(estimate.votes().get(0).estimate()).isCloseTo(truthA, within(truthA * 0.002));
		assertThat(estimate.totalVotes().estimate()).isCloseTo(truthTotal, within(truthTotal * 0.002));
		assertThat(estimate.votes().get(0).covers(truthA)).isTrue();
		assertThat(estimate.margin().low()).isLessThanOrEqualTo(estimate.margin().estimate());
		assertThat(estimate.margin().high()).isGreaterThanOrEqualTo(estimate.margin().estimate());
	}

	/**
	 * Units whose first {@code complete} have reported a 5-point swing and 10% growth.
	 */
	private static List<Estimator.Unit> units(int count, int complete) {
		List<Estimator.Unit> units = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			double size = 1_000 + 9_000.0 * ((i * 7) % count) / count;
			double shareA = 0.3 + 0.4 * ((i * 13) % count) / count;
			double[] baseline = { Math.round(size * shareA), Math.round(size * (1 - shareA)) };
			long[] votes = new long[2];
			if (i < complete) {
				double total = size * 1.1;
				votes[0] = Math.round(total * (shareA + 0.05));
				votes[1] = Math.round(total * (0.95 - shareA));
			}
			units.add(new Estimator.Unit(baseline, baseline[0] + baseline[1], votes, i < complete));
		}
		return units;
	}

}
