package org.tally.results.projection;

/**
 * The answer to marking a unit complete for a contest's estimate.
 *
 * @param election the election's slug
 * @param contest the contest's slug
 * @param unit the unit's code
 * @param complete whether staff now mark it complete
 * @param revision the election's revision the marking made
 */
public record UnitCompleteAnswer(String election, String contest, String unit, boolean complete, long revision) {
}
