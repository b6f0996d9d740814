package org.tally.results.projection;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimator on units built by hand: waiting below the thresholds, final when every
 * unit is complete, a swing the complete units show carried to the others, and vote types
 * reported at different times modelled apart.
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
		double truthB = 0;
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
	 * Mail first: every unit's final vote is 40% mail, 15 points better for A than its
	 * baseline share, and 60% election day, 10 points worse (with a little noise per
	 * unit). Half the units are complete; the others have counted their mail and none of
	 * their election day. Modelled as totals, the rest of those units is split like the
	 * complete units' totals, though it is all election day: A is overestimated by about
	 * 6.6% of their baseline. By vote type, their mail is in and their election day is
	 * predicted from the complete units' election day.
	 */
	@Test
	void mailReportedFirstIsModelledApartFromElectionDay() {
		List<Estimator.Unit> split = new ArrayList<>();
		List<Estimator.Unit> totalsOnly = new ArrayList<>();
		double truthA = 0;
		double truthB = 0;
		for (int i = 0; i < 40; i++) {
			double size = 1_000 + 9_000.0 * ((i * 7) % 40) / 40;
			double shareA = 0.3 + 0.4 * ((i * 13) % 40) / 40;
			double noise = 0.006 * ((i * 17) % 7 - 3);
			double[] baseline = { Math.round(size * shareA), Math.round(size * (1 - shareA)) };
			long[] mail = votes(size * 1.1 * 0.4, shareA + 0.15 + noise);
			long[] electionDay = votes(size * 1.1 * 0.6, shareA - 0.10 - noise);
			truthA += mail[0] + electionDay[0];
			truthB += mail[1] + electionDay[1];
			boolean complete = i < 20;
			long[] countedDay = complete ? electionDay : new long[2];
			long[] votes = { mail[0] + countedDay[0], mail[1] + countedDay[1] };
			double base = baseline[0] + baseline[1];
			split.add(new Estimator.Unit(baseline, base, votes, complete, new long[][] { countedDay, mail },
					new boolean[] { complete, complete }));
			totalsOnly.add(new Estimator.Unit(baseline, base, votes, complete));
		}

		Estimator.Estimate byType = Estimator.estimate(split, 2);
		Estimator.Estimate byTotals = Estimator.estimate(totalsOnly, 2);

		assertThat(byType.status()).isEqualTo("estimating");
		assertThat(byType.unitsComplete()).isEqualTo(20);
		assertThat(byType.unitsTotal()).isEqualTo(40);
		assertThat(byType.votes()).hasSize(2);
		assertThat(byType.shares()).hasSize(2);
		double errorByType = Math.abs(byType.votes().get(0).estimate() - truthA);
		double errorByTotals = Math.abs(byTotals.votes().get(0).estimate() - truthA);
		System.out.println(truthA + " " + byType.votes().get(0) + " " + byTotals.votes().get(0) + " " + byType.margin()
				+ " " + byTotals.margin() + " " + byType.leader() + byTotals.leader());
		assertThat(errorByTotals).isGreaterThan(5_000);
		assertThat(errorByType).isLessThan(errorByTotals / 10);
		for (Estimator.Range range : List.of(byType.totalVotes(), byType.votes().get(0), byType.margin())) {
			assertThat(range.low()).isLessThanOrEqualTo(range.estimate());
			assertThat(range.high()).isGreaterThanOrEqualTo(range.estimate());
		}
		assertThat(byType.votes().get(0).covers(truthA)).isTrue();
		assertThat(byTotals.votes().get(0).covers(truthA)).isFalse();
		// B wins; the totals would have A ahead
		assertThat(truthB).isGreaterThan(truthA);
		assertThat(byType.leader()).isEqualTo(1);
		assertThat(byTotals.leader()).isZero();
		assertThat(byType.margin().covers(truthB - truthA)).isTrue();
	}

	/**
	 * Split units keep the documented shape: waiting below the thresholds, final when all
	 * are in.
	 */
	@Test
	void splitUnitsWaitAndAreFinalAsTotalsAre() {
		List<Estimator.Unit> few = new ArrayList<>();
		List<Estimator.Unit> all = new ArrayList<>();
		for (Estimator.Unit unit : units(60, 60)) {
			long[] half = { unit.votes()[0] / 2, unit.votes()[1] / 2 };
			long[] rest = { unit.votes()[0] - half[0], unit.votes()[1] - half[1] };
			boolean early = few.size() < 5;
			few.add(new Estimator.Unit(unit.baseline(), unit.baselineTotal(), early ? unit.votes() : new long[2], early,
					new long[][] { early ? half : new long[2], early ? rest : new long[2] },
					new boolean[] { early, early }));
			all.add(new Estimator.Unit(unit.baseline(), unit.baselineTotal(), unit.votes(), true,
					new long[][] { half, rest }, new boolean[] { true, true }));
		}

		assertThat(Estimator.estimate(few, 2).status()).isEqualTo("waiting");
		Estimator.Estimate done = Estimator.estimate(all, 2);
		assertThat(done.status()).isEqualTo("final");
		long a = all.stream().mapToLong((unit) -> unit.votes()[0]).sum();
		assertThat(done.votes().get(0)).isEqualTo(new Estimator.Range(a, a, a));
	}

	private static long[] votes(double total, double shareA) {
		long a = Math.round(total * shareA);
		return new long[] { a, Math.round(total) - a };
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
