package org.tally.results;

/**
 * How much of a contest is counted: from the progress columns when staff send them,
 * otherwise from the precincts that have reported counts.
 *
 * @param registeredVoters registered voters as the files state them (see
 * {@code expectedVotes}), or {@code null}
 * @param expectedVotes the files' estimate of the final vote, summed over the contest's
 * counties by the county rule for figures (its precincts' sum where every precinct has
 * the figure, else the county row's: {@code county_figures}, docs/numbers.md), or
 * {@code null} when no file states one
 * @param ballotsCast ballots cast as the files state them (see {@code expectedVotes}), or
 * {@code null}
 */
public record ContestProgress(Integer precinctsReporting, Integer precinctsTotal, Long ballotsOutstanding,
		Long registeredVoters, Long expectedVotes, Long ballotsCast) {

	public static final ContestProgress UNKNOWN = new ContestProgress(null, null, null, null, null, null);

	public ContestProgress(Integer precinctsReporting, Integer precinctsTotal, Long ballotsOutstanding,
			Long registeredVoters) {
		this(precinctsReporting, precinctsTotal, ballotsOutstanding, registeredVoters, null, null);
	}

}
