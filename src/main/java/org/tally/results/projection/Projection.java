package org.tally.results.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The estimate of a contest's final result as the API gives it (docs/projection.md):
 * {@code low} and {@code high} are the 90% range's ends, {@code margin.votes} the
 * leader's votes minus the runner-up's. While {@code waiting} there are no figures.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Projection(String election, String contest, @Schema(allowableValues = {
		"waiting", "estimating", "final" }) String status, double level, int unitsComplete, int unitsTotal,
		String method, @JsonInclude(JsonInclude.Include.NON_NULL) Ref baseline,
		@JsonInclude(JsonInclude.Include.NON_NULL) VoteRange totalVotes, List<Candidate> candidates,
		@JsonInclude(JsonInclude.Include.NON_NULL) Margin margin, Calibration calibration){

	/** What the estimate is: shown beside every figure. */
	public static final String METHOD = "Per unit still to report, turnout and vote shares predicted from the complete "
			+ "units' change against the baseline (weighted regression shrunk toward uniform swing); 90% range by "
			+ "bootstrap refits with out-of-fold (split-conformal) unit residuals; each vote type apart when the count "
			+ "is split by type";

	/** A contest of an election. */
	public record Ref(String election, String contest) {
	}

	/** Votes: the estimate and its range. */
	public record VoteRange(long estimate, long low, long high) {

		static VoteRange of(Estimator.Range range) {
			return new VoteRange(Math.round(range.estimate()), Math.round(range.low()), Math.round(range.high()));
		}

	}

	/** A percentage with one decimal: the estimate and its range. */
	public record Percent(BigDecimal estimate, BigDecimal low, BigDecimal high) {

		static Percent of(Estimator.Range share) {
			return new Percent(percent(share.estimate()), percent(share.low()), percent(share.high()));
		}

		private static BigDecimal percent(double share) {
			return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_EVEN);
		}

	}

	/** One choice's estimated final votes and share. */
	public record Candidate(String name, VoteRange votes, Percent votePct) {
	}

	/** The leader and the estimated margin over the runner-up. */
	public record Margin(String leader, VoteRange votes) {
	}

	/**
	 * How often the 90% range held the final result in the backtest
	 * ({@code bench/projection-backtest.sh}).
	 *
	 * @param coverage the share of ranges that held the final value (choices and margins,
	 * every checkpoint)
	 * @param replays how many estimates it checked
	 * @param dataset the elections replayed
	 */
	public record Calibration(BigDecimal coverage, int replays, String dataset) {
	}

	/** The estimator's answer in the API's shape. */
	static Projection of(String election, String contest, Ref baseline, List<String> names,
			Estimator.Estimate estimate) {
		if (estimate.totalVotes() == null) {
			return new Projection(election, contest, estimate.status(), Estimator.LEVEL, estimate.unitsComplete(),
					estimate.unitsTotal(), METHOD, baseline, null, List.of(), null, Calibrations.PUBLISHED);
		}
		List<Candidate> candidates = new ArrayList<>(names.size());
		for (int j = 0; j < names.size(); j++) {
			candidates.add(new Candidate(names.get(j), VoteRange.of(estimate.votes().get(j)),
					Percent.of(estimate.shares().get(j))));
		}
		Margin margin = (estimate.margin() != null)
				? new Margin(names.get(estimate.leader()), VoteRange.of(estimate.margin())) : null;
		return new Projection(election, contest, estimate.status(), Estimator.LEVEL, estimate.unitsComplete(),
				estimate.unitsTotal(), METHOD, baseline, VoteRange.of(estimate.totalVotes()), candidates, margin,
				Calibrations.PUBLISHED);
	}

}
