package org.tally.results.projection;

import java.math.BigDecimal;

/**
 * The backtest's figures, published with every projection: copied from the table of
 * {@code bench/projection-backtest.sh} in docs/projection.md (run it again after changing
 * the estimator, and update both).
 */
final class Calibrations {

	/** Pooled coverage of the 90% ranges over every choice, margin and checkpoint. */
	static final Projection.Calibration PUBLISHED = new Projection.Calibration(new BigDecimal("0.915"), 2_400,
			"OpenElections county-level presidential results: California 2012, 2016, 2020 and Pennsylvania 2016 "
					+ "against the election before, 200 random unit orders each at 25, 50 and 75% of units complete");

	private Calibrations() {
	}

}
