package org.tally.results.projection;

import java.util.Arrays;
import java.util.List;
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

	private final double[][] shares;

	private final double[] cumulative;

	private Residuals(double[] turnout, double[][] shares, double[] cumulative) {
		this.turnout = turnout;
		this.shares = shares;
		this.cumulative = cumulative;
	}

	static Residuals outOfFold(List<Estimator.Unit> complete, int choices, SplittableRandom random) {
		int n = complete.size();
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
		double[][] shares = new double[n][choices];
		int[] multiplicity = new int[n];
		double[] predicted = new double[choices];
		for (int f = 0; f < folds; f++) {
			for (int i = 0; i < n; i++) {
				multiplicity[i] = (fold[i] == f) ? 0 : 1;
			}
			UnitModel model = UnitModel.fit(complete, choices, multiplicity);
			for (int i = 0; i < n; i++) {
				if (fold[i] != f) {
					continue;
				}
				Estimator.Unit unit = complete.get(i);
				turnout[i] = UnitModel.observed(unit, -1) - model.turnout(unit);
				model.shares(unit, predicted);
				for (int j = 0; j < choices; j++) {
					shares[i][j] = UnitModel.observed(unit, j) - predicted[j];
				}
			}
		}
		double[] cumulative = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += complete.get(i).baselineTotal();
			cumulative[i] = sum;
		}
		return new Residuals(turnout, shares, cumulative);
	}

	/** A unit drawn with probability proportional to its baseline votes. */
	int draw(SplittableRandom random) {
		double at = random.nextDouble() * this.cumulative[this.cumulative.length - 1];
		int found = Arrays.binarySearch(this.cumulative, at);
		return Math.min(this.cumulative.length - 1, (found >= 0) ? found : -found - 1);
	}

	double turnout(int unit) {
		return this.turnout[unit];
	}

	void addShares(int unit, double[] into) {
		for (int j = 0; j < into.length; j++) {
			into[j] += this.shares[unit][j];
		}
	}

}
