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

	/** Draws a unit in proportion to its baseline votes. */
	private final Alias alias;

	private Residuals(double[] turnout, double[] shares, int choices, double[] weights) {
		this.turnout = turnout;
		this.shares = shares;
		this.choices = choices;
		this.alias = new Alias(weights);
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
		return this.alias.draw(random);
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
