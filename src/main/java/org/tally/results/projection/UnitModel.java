package org.tally.results.projection;

import java.util.List;

/**
 * The per-unit model the {@link Estimator} fits on complete units: each choice's share is
 * {@code a + c * (its baseline share)} and the log turnout ratio (votes over the
 * baseline's votes) is {@code alpha + gamma * (the baseline share of the choice with the
 * most baseline votes)}, by least squares weighted by the baseline's votes. Slopes are
 * shrunk toward uniform swing ({@code c = 1}, {@code gamma = 0}) as if {@link #PRIOR}
 * complete units had shown exactly that, so a handful of units gives uniform swing and
 * many give the regression.
 */
final class UnitModel {

	/** Pseudo-units of uniform swing behind each slope. */
	static final double PRIOR = 8;

	/** Pseudo-units of a uniform turnout ratio behind the turnout slope. */
	static final double TURNOUT_PRIOR = 1;

	private final double[] intercept;

	private final double[] slope;

	private final double alpha;

	private final double gamma;

	private final int pivot;

	private UnitModel(double[] intercept, double[] slope, double alpha, double gamma, int pivot) {
		this.intercept = intercept;
		this.slope = slope;
		this.alpha = alpha;
		this.gamma = gamma;
		this.pivot = pivot;
	}

	/**
	 * Fits on the complete units, each counted {@code multiplicity[i]} times (all once
	 * when null: a bootstrap resample or a fold leaves some out).
	 */
	static UnitModel fit(List<Estimator.Unit> complete, int choices, int[] multiplicity) {
		int pivot = pivot(complete, choices);
		double[] intercept = new double[choices];
		double[] slope = new double[choices];
		for (int j = 0; j < choices; j++) {
			double[] line = line(complete, multiplicity, j, choices, 1);
			intercept[j] = line[0];
			slope[j] = line[1];
		}
		double[] turnout = line(complete, multiplicity, -1 - pivot, choices, 0);
		return new UnitModel(intercept, slope, turnout[0], turnout[1], pivot);
	}

	/** The predicted log turnout ratio of the unit. */
	double turnout(Estimator.Unit unit) {
		return this.alpha + this.gamma * share(unit, this.pivot);
	}

	/** The predicted shares of the unit's choices, before they are made to sum to 1. */
	void shares(Estimator.Unit unit, double[] into) {
		for (int j = 0; j < into.length; j++) {
			into[j] = this.intercept[j] + this.slope[j] * share(unit, j);
		}
	}

	static double share(Estimator.Unit unit, int choice) {
		return unit.baseline()[choice] / unit.baselineTotal();
	}

	/**
	 * The unit's observed share of a choice ({@code choice >= 0}) or log turnout ratio.
	 */
	static double observed(Estimator.Unit unit, int choice) {
		double counted = unit.counted();
		return (choice >= 0) ? unit.votes()[choice] / counted : Math.log(counted / unit.baselineTotal());
	}

	/**
	 * Weighted least squares of the target (a choice's share for {@code target >= 0},
	 * else the log turnout ratio on the baseline share of choice {@code -1 - target})
	 * with the slope shrunk toward {@code prior}; answers {intercept, slope}.
	 */
	private static double[] line(List<Estimator.Unit> units, int[] multiplicity, int target, int choices,
			double prior) {
		int feature = (target >= 0) ? target : -1 - target;
		double sw = 0;
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double sxy = 0;
		double n = 0;
		for (int i = 0; i < units.size(); i++) {
			int times = (multiplicity != null) ? multiplicity[i] : 1;
			if (times == 0) {
				continue;
			}
			Estimator.Unit unit = units.get(i);
			double w = unit.baselineTotal() * times;
			double x = share(unit, feature);
			double y = observed(unit, (target >= 0) ? target : -1);
			sw += w;
			sx += w * x;
			sy += w * y;
			sxx += w * x * x;
			sxy += w * x * y;
			n += times;
		}
		if (sw <= 0) {
			return new double[] { 0, prior };
		}
		double mx = sx / sw;
		double my = sy / sw;
		double variance = sxx / sw - mx * mx;
		double covariance = sxy / sw - mx * my;
		double shrink = variance * ((target >= 0) ? PRIOR : TURNOUT_PRIOR) / Math.max(n, 1);
		double slope = (variance > 1e-12) ? (covariance + shrink * prior) / (variance + shrink) : prior;
		if (mx == 0 && target >= 0) {
			slope = 0;
		}
		return new double[] { my - slope * mx, slope };
	}

	/** The choice with the most baseline votes in the complete units. */
	private static int pivot(List<Estimator.Unit> units, int choices) {
		double[] sums = new double[choices];
		for (Estimator.Unit unit : units) {
			for (int j = 0; j < choices; j++) {
				sums[j] += unit.baseline()[j];
			}
		}
		int pivot = 0;
		for (int j = 1; j < choices; j++) {
			if (sums[j] > sums[pivot]) {
				pivot = j;
			}
		}
		return pivot;
	}

}
