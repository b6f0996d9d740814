package org.tally.results.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The estimate of a contest whose count is split by vote type (docs/projection.md, "Vote
 * types"): each type is modelled apart, as the {@link Estimator} models totals, on the
 * units whose count of that type is complete (the type's turnout against the unit's whole
 * baseline, and its shares against the baseline's shares), each unit's remaining votes of
 * each type are predicted, and the types are summed. The range keeps the types together:
 * a draw resamples the complete units once for every type's refit, and a unit still to
 * report borrows every type's out-of-fold residuals from one complete unit, so the range
 * is that of the sum of the types.
 */
final class VoteTypeEstimate {

	/**
	 * One vote type's fit: its design, where its rows are in the universe, its units
	 * still to report.
	 */
	private record Type(Design design, int[] unitOfRow, int[] rowOfUnit, Estimator.Open open, UnitModel model,
			Residuals residuals) {

		/**
		 * The type's model refitted on a resample (each unit counted
		 * {@code times[unit]}).
		 */
		UnitModel refit(int[] times) {
			int[] weights = new int[this.design.n];
			boolean any = false;
			for (int r = 0; r < weights.length; r++) {
				weights[r] = times[this.unitOfRow[r]];
				any |= weights[r] > 0;
			}
			return any ? UnitModel.fit(this.design, weights) : this.model;
		}

	}

	private VoteTypeEstimate() {
	}

	/**
	 * The estimate once the thresholds are met.
	 * @param done the units complete for every type
	 */
	static Estimator.Estimate estimate(List<Estimator.Unit> units, int choices, long seed, int done) {
		int typeCount = units.get(0).typeVotes().length;
		List<Type> types = new ArrayList<>();
		double[] counted = new double[choices + 1];
		boolean[] pooled = new boolean[units.size()];
		int fewest = Integer.MAX_VALUE;
		for (int k = 0; k < typeCount; k++) {
			Estimator.Open open = new Estimator.Open(units, choices, k);
			add(counted, open.counted);
			List<Estimator.Unit> complete = new ArrayList<>();
			List<Integer> at = new ArrayList<>();
			for (int i = 0; i < units.size(); i++) {
				Estimator.Unit unit = units.get(i);
				if (unit.completeOf(k) && unit.baselineTotal() > 0 && Estimator.sum(unit.votesOf(k)) > 0) {
					complete.add(unit);
					at.add(i);
				}
			}
			if (complete.size() < Estimator.MIN_UNITS) {
				// too few complete units have this type: what it has counted stands
				for (int u = 0; u < open.votes.length; u++) {
					for (int j = 0; j < choices; j++) {
						counted[j] += open.votes[u][j];
					}
					counted[choices] += open.countedTotal[u];
				}
				continue;
			}
			Design design = new Design(complete, choices, k);
			int[] rowOfUnit = new int[units.size()];
			Arrays.fill(rowOfUnit, -1);
			int[] unitOfRow = new int[at.size()];
			for (int r = 0; r < unitOfRow.length; r++) {
				unitOfRow[r] = at.get(r);
				rowOfUnit[unitOfRow[r]] = r;
				pooled[unitOfRow[r]] = true;
			}
			types.add(new Type(design, unitOfRow, rowOfUnit, open, UnitModel.fit(design, null),
					Residuals.outOfFold(design, new SplittableRandom(seed + 2 + k))));
			fewest = Math.min(fewest, design.n);
		}
		double[] point = counted.clone();
		for (Type type : types) {
			Estimator.add(type.open(), type.model(), null, (u) -> -1, point);
		}
		if (types.isEmpty()) {
			return Estimator.summarise(done, units.size(), choices, point, new double[][] { point }, "estimating", 1);
		}
		return Estimator.summarise(done, units.size(), choices, point, draws(units, types, pooled, counted, seed),
				"estimating", 1 + Estimator.WIDEN / fewest);
	}

	/**
	 * The simulation: per draw one resample of the complete units for every type, and one
	 * donor per unit still to report lending its residuals of every type (a type the
	 * donor has none of draws its own donor).
	 */
	private static double[][] draws(List<Estimator.Unit> units, List<Type> types, boolean[] pooled, double[] counted,
			long seed) {
		int[] pool = indexes(pooled);
		double[] weights = new double[pool.length];
		for (int p = 0; p < pool.length; p++) {
			weights[p] = units.get(pool[p]).baselineTotal();
		}
		Alias donors = new Alias(weights);
		int open = 0;
		for (Type type : types) {
			open = Math.max(open, type.open().x.length);
		}
		SplittableRandom random = new SplittableRandom(seed + 1);
		double[][] draws = new double[(open > Estimator.MANY_UNITS) ? Estimator.FEWER_DRAWS : Estimator.DRAWS][];
		int[] times = new int[units.size()];
		int[] donor = new int[units.size()];
		for (int d = 0; d < draws.length; d++) {
			Arrays.fill(times, 0);
			for (int p = 0; p < pool.length; p++) {
				times[pool[random.nextInt(pool.length)]]++;
			}
			for (int i = 0; i < donor.length; i++) {
				donor[i] = pool[donors.draw(random)];
			}
			double[] totals = counted.clone();
			for (Type type : types) {
				Estimator.Open rows = type.open();
				Estimator.add(rows, type.refit(times), type.residuals(), (u) -> {
					int row = type.rowOfUnit()[donor[rows.index[u]]];
					return (row >= 0) ? row : type.residuals().draw(random);
				}, totals);
			}
			draws[d] = totals;
		}
		return draws;
	}

	private static int[] indexes(boolean[] set) {
		int count = 0;
		for (boolean in : set) {
			count += in ? 1 : 0;
		}
		int[] indexes = new int[count];
		int at = 0;
		for (int i = 0; i < set.length; i++) {
			if (set[i]) {
				indexes[at++] = i;
			}
		}
		return indexes;
	}

	private static void add(double[] into, double[] values) {
		for (int j = 0; j < into.length; j++) {
			into[j] += values[j];
		}
	}

}
