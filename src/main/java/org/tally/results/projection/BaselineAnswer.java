package org.tally.results.projection;

import java.util.List;

/**
 * What {@code PUT .../baseline} answers: the link as stored, how many units matched, and
 * the units and choices it could not match.
 *
 * @param election the contest's election
 * @param contest the contest
 * @param baseline the baseline election and contest
 * @param choices each choice with the baseline choices it is compared with (empty: none)
 * @param unitsMatched baseline units matched to a unit of this election
 * @param unmatchedBaselineUnits baseline units with no unit here yet (they count as still
 * to report)
 * @param unmatchedUnits units of this contest with counts and no baseline unit (left out
 * of the estimate)
 * @param revision the revision that recorded the link
 */
public record BaselineAnswer(String election, String contest, Ref baseline, List<ChoiceLink> choices, int unitsMatched,
		List<String> unmatchedBaselineUnits, List<String> unmatchedUnits, long revision) {

	/** A contest of an election. */
	public record Ref(String election, String contest) {
	}

	/** A choice and the baseline choices it is compared with. */
	public record ChoiceLink(String name, List<String> baseline) {
	}

}
