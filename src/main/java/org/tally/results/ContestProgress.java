package org.tally.results;

/**
 * How much of a contest is counted: from the progress columns when staff send them,
 * otherwise from the precincts that have reported counts.
 */
public record ContestProgress(Integer precinctsReporting, Integer precinctsTotal, Long ballotsOutstanding,
		Long registeredVoters) {

	public static final ContestProgress UNKNOWN = new ContestProgress(null, null, null, null);

}
