package org.tally.results.projection;

/**
 * The per-unit model the {@link Estimator} fits on complete units: each choice's share is
 * {@code a + c * (its baseline share)} and the log turnout ratio (votes over the
 * baseline's votes) is {@code alpha + gamma * (the baseline share of the choice with the
 * most baseline votes)}, by least squares weighted by the baseline's votes. Slopes are
 * shrunk toward uniform swing ({@code c = 1}, {@code gamma = 0}) as if {@link #PRIOR}
 * (for turnout {@link #TURNOUT_PRIOR}) complete units had shown exactly that, so a
 * handful of units gives uniform swing and many give the regression.
 */
final class UnitModel {

	/** Pseudo-units of uniform swing behind each share slope. */
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
	static UnitModel fit(Design design, int[] multiplicity) {
		int choices = design.choices;
		double[] intercept = new double[choices];
		double[] slope = new double[choices];
		for (int j = 0; j < choices; j++) {
			double[] line = line(design, multiplicity, j, j, PRIOR, 1);
			intercept[j] = line[0];
			slope[j] = line[1];
		}
		double[] turnout = line(design, multiplicity, design.pivot, -1, TURNOUT_PRIOR, 0);
		return new UnitModel(intercept, slope, turnout[0], turnout[1], design.pivot);
	}

	/** The predicted log turnout ratio of a unit with these baseline shares. */
	double turnout(double[] x) {
		return this.alpha + this.gamma * x[this.pivot];
	}

	/**
	 * The predicted shares of a unit with these baseline shares, before they sum to 1.
	 */
	void shares(double[] x, double[] into) {
		for (int j = 0; j < into.length; j++) {
			into[j] = this.intercept[j] + this.slope[j] * x[j];
		}
	}

	/**
	 * Weighted least squares of the target (choice {@code target}'s share, or the log
	 * turnout ratio when it is -1) on the baseline share of choice {@code feature}, the
	 * slope shrunk toward {@code prior} by {@code pseudo} units; answers {intercept,
	 * slope}.
	 */
	private static double[] line(Design design, int[] multiplicity, int feature, int target, double pseudo,
			double prior) {
		double sw = 0;
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double sxy = 0;
		double n = 0;
		for (int i = 0; i < design.n; i++) {
			int times = (multiplicity != null) ? multiplicity[i] : 1;
			if (times == 0) {
				continue;
			}
			double w = design.weight[i] * times;
			double x = design.x[i][feature];
			double y = (target >= 0) ? design.y[i][target] : design.t[i];
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
		double shrink = variance * pseudo / Math.max(n, 1);
		double slope = (variance > 1e-12) ? (covariance + shrink * prior) / (variance + shrink) : prior;
		if (mx == 0 && target >= 0) {
			slope = 0;
		}
		return new double[] { my - slope * mx, slope };
	}

}
