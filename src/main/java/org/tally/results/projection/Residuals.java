package org.tally.results.projection;

import java.util.SplittableRandom;

/**
 * Out-of-fold residuals of the complete units (split-conformal): the complete units are
 * split into folds, the model is fitted without each fold and the fold's units keep their
 * residuals against it, so no residual comes from a model that saw its unit. A draw picks
 * a unit with probability proportional to its baseline votes and lends its residuals to a
 * unit still to report.
 */
final class Residuals {

	private final double[] turnout;

	/** Unit i's residual of choice j at {@code i * choices + j}. */
	private final double[] shares;

	private final int choices;

	/** Walker's alias table: a draw in O(1) whatever the number of units. */
	private final double[] keep;

	private final int[] alias;

	private Residuals(double[] turnout, double[] shares, int choices, double[] weights) {
		this.turnout = turnout;
		this.shares = shares;
		this.choices = choices;
		int n = weights.length;
		this.keep = new double[n];
		this.alias = new int[n];
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		int[] small = new int[n];
		int[] large = new int[n];
		int smalls = 0;
		int larges = 0;
		for (int i = 0; i < n; i++) {
			this.keep[i] = weights[i] * n / sum;
			this.alias[i] = i;
			if (this.keep[i] < 1) {
				small[smalls++] = i;
			}
			else {
				large[larges++] = i;
			}
		}
		while (smalls > 0 && larges > 0) {
			int less = small[--smalls];
			int more = large[larges - 1];
			this.alias[less] = more;
			this.keep[more] -= 1 - this.keep[less];
			if (this.keep[more] < 1) {
				larges--;
				small[smalls++] = more;
			}
		}
		while (larges > 0) {
			this.keep[large[--larges]] = 1;
		}
		while (smalls > 0) {
			this.keep[small[--smalls]] = 1;
		}
	}

	static Residuals outOfFold(Design design, SplittableRandom random) {
		int n = design.n;
		int choices = design.choices;
		int folds = Math.min(Estimator.FOLDS, n);
		int[] fold = new int[n];
		for (int i = 0; i < n; i++) {
			fold[i] = i % folds;
		}
		for (int i = n - 1; i > 0; i--) {
			int k = random.nextInt(i + 1);
			int swap = fold[i];
			fold[i] = fold[k];
			fold[k] = swap;
		}
		double[] turnout = new double[n];
		double[] shares = new double[n * choices];
		int[] multiplicity = new int[n];
		double[] predicted = new double[choices];
		for (int f = 0; f < folds; f++) {
			for (int i = 0; i < n; i++) {
				multiplicity[i] = (fold[i] == f) ? 0 : 1;
			}
			UnitModel model = UnitModel.fit(design, multiplicity);
			for (int i = 0; i < n; i++) {
				if (fold[i] != f) {
					continue;
				}
				turnout[i] = design.t[i] - model.turnout(design.x[i]);
				model.shares(design.x[i], predicted);
				for (int j = 0; j < choices; j++) {
					shares[i * choices + j] = design.y[i][j] - predicted[j];
				}
			}
		}
		return new Residuals(turnout, shares, choices, design.weight);
	}

	/** A unit drawn with probability proportional to its baseline votes. */
	int draw(SplittableRandom random) {
		int unit = random.nextInt(this.keep.length);
		return (random.nextDouble() < this.keep[unit]) ? unit : this.alias[unit];
	}

	double turnout(int unit) {
		return this.turnout[unit];
	}

	void addShares(int unit, double[] into) {
		int at = unit * this.choices;
		for (int j = 0; j < into.length; j++) {
			into[j] += this.shares[at + j];
		}
	}

}
