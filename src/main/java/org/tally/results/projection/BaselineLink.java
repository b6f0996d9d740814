package org.tally.results.projection;

import java.util.List;
import java.util.Map;

/**
 * A contest's stored baseline.
 *
 * @param election the baseline election's slug
 * @param contest the baseline contest's slug
 * @param choices per choice name of the contest, the baseline choice names whose votes it
 * is compared with (absent: no baseline for the choice)
 */
public record BaselineLink(String election, String contest, Map<String, List<String>> choices) {

	public BaselineLink {
		choices = Map.copyOf(choices);
	}

}
