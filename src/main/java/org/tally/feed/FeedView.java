package org.tally.feed;

/**
 * The feed's representations kept with an election's results for one revision: a closed
 * set, so the per-revision cache holds at most these per election and per contest,
 * however clients vary their requests.
 */
enum FeedView {

	/** {@code /elections/{e}}. */
	ELECTION,

	/** {@code /elections/{e}/revision}. */
	REVISION,

	/** {@code /elections/{e}/contests} without a filter. */
	CONTESTS,

	/** {@code /contests/{c}}. */
	CONTEST,

	/** {@code /contests/{c}?level=county}. */
	CONTEST_COUNTIES,

	/** {@code /contests/{c}?level=precinct}. */
	CONTEST_PRECINCTS,

	/** {@code /contests/{c}/rounds} at the current revision. */
	ROUNDS,

	/** {@code /contests/{c}/history}. */
	HISTORY,

	/** {@code results.csv}. */
	RESULTS_CSV,

	/** {@code cdf.json}. */
	CDF_JSON,

	/** {@code cdf.xml}. */
	CDF_XML,

	/** The fast path's prepared answer for {@code /elections/{e}}. */
	ELECTION_ANSWER,

	/** The fast path's prepared answer for {@code /elections/{e}/contests}. */
	CONTESTS_ANSWER,

	/** The fast path's prepared answer for {@code /contests/{c}}. */
	CONTEST_ANSWER

}
