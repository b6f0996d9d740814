package org.tally.results.projection;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How each county of a contest moved against its baseline (docs/projection.md, "Then and
 * shift"): the margin of the contest's two leading choices, then and now, in points of
 * the unit's total vote. A positive margin or shift is toward {@code first}, a negative
 * one toward {@code second}.
 *
 * @param baseline the baseline contest
 * @param first the contest's leading choice
 * @param second the contest's second choice
 * @param units per county code (the contest's own code), its margins
 */
public record ContestShift(Projection.Ref baseline, String first, String second, Map<String, Unit> units) {

	public ContestShift {
		units = Map.copyOf(units);
	}

	/** The county's margins, or {@code null} when it has no baseline unit. */
	public @Nullable Unit unit(String code) {
		return this.units.get(code);
	}

	/**
	 * One county's margins, each {@code first} minus {@code second} in points of the
	 * unit's total vote, one decimal, rounded half up ({@code shift} is rounded once from
	 * the unrounded difference).
	 *
	 * @param then the margin in the baseline
	 * @param now the margin in the count so far, {@code null} before the unit counts a
	 * vote
	 * @param shift {@code now} minus {@code then}, {@code null} without {@code now}
	 */
	public record Unit(BigDecimal then, @Nullable BigDecimal now, @Nullable BigDecimal shift) {
	}

}
