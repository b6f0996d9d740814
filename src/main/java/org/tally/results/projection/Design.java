package org.tally.results.projection;

import java.util.List;

/**
 * The complete units as the model fits them, computed once per estimate: each unit's
 * baseline shares {@code x}, observed shares {@code y}, log turnout ratio {@code t} and
 * weight (its baseline votes), so the many refits of the simulation read arrays. Of one
 * vote type ({@link VoteTypeEstimate}), {@code y} and {@code t} are the type's shares and
 * its votes over the unit's whole baseline.
 */
final class Design {

	final int n;

	final int choices;

	final double[][] x;

	final double[][] y;

	final double[] t;

	final double[] weight;

	final int pivot;

	Design(List<Estimator.Unit> complete, int choices) {
		this(complete, choices, -1);
	}

	/**
	 * The units' counts of one vote type ({@code type} indexes
	 * {@link Estimator.Unit#typeVotes()}), or their totals when it is -1.
	 */
	Design(List<Estimator.Unit> complete, int choices, int type) {
		this.n = complete.size();
		this.choices = choices;
		this.x = new double[this.n][choices];
		this.y = new double[this.n][choices];
		this.t = new double[this.n];
		this.weight = new double[this.n];
		double[] sums = new double[choices];
		for (int i = 0; i < this.n; i++) {
			Estimator.Unit unit = complete.get(i);
			long[] votes = unit.votesOf(type);
			double counted = Estimator.sum(votes);
			for (int j = 0; j < choices; j++) {
				this.x[i][j] = unit.baseline()[j] / unit.baselineTotal();
				this.y[i][j] = votes[j] / counted;
				sums[j] += unit.baseline()[j];
			}
			this.t[i] = Math.log(counted / unit.baselineTotal());
			this.weight[i] = unit.baselineTotal();
		}
		int pivot = 0;
		for (int j = 1; j < choices; j++) {
			if (sums[j] > sums[pivot]) {
				pivot = j;
			}
		}
		this.pivot = pivot;
	}

}
