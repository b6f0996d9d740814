package org.tally.results;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers may see of elections and contests. Results are computed once per revision
 * of an election ({@link ResultsCache}) and shared by every reader until the next one.
 */
@Service
public class ResultsService {

	private final ElectionRepository elections;

	private final ResultsQueries queries;

	private final ResultsCache cache;

	private final ElectionStates states;

	ResultsService(ElectionRepository elections, ResultsQueries queries, ResultsCache cache, ElectionStates states) {
		this.elections = elections;
		this.queries = queries;
		this.cache = cache;
		this.states = states;
	}

	/** All elections, those being counted first. */
	@Transactional(readOnly = true)
	public List<Election> elections() {
		return this.elections.findAllLiveFirst();
	}

	/** The election, or {@link ElectionNotFoundException}. */
	@Transactional(readOnly = true)
	public Election election(String slug) {
		return this.elections.findBySlug(slug).orElseThrow(() -> ElectionNotFoundException.forSlug(slug));
	}

	/** Every contest of the election as it stands now, in ballot order. */
	public List<ContestResult> contests(Election election) {
		return this.cache.atLeast(election.getId(), election.getRevision()).contests();
	}

	/** One contest, or {@link ContestNotFoundException}. */
	public ContestResult contest(Election election, String contestSlug) {
		return contest(results(election), contestSlug);
	}

	/**
	 * Every contest of the election at its revision or a later one, computed once per
	 * revision and shared (what {@link #contests(Election)} and
	 * {@link #contest(Election, String)} read).
	 */
	public ElectionResults results(Election election) {
		return this.cache.atLeast(election.getId(), election.getRevision());
	}

	/**
	 * The election as it stands now, from memory: no database round trip while the change
	 * notifications flow (see {@link ElectionStates}).
	 */
	public ElectionState current(String slug) {
		return this.states.current(slug);
	}

	/**
	 * Every contest of the election at its current revision, computed once per revision
	 * and shared.
	 */
	public ElectionResults results(ElectionState election) {
		return this.cache.results(election);
	}

	/** The contest in these results, or {@link ContestNotFoundException}. */
	public ContestResult contest(ElectionResults results, String contestSlug) {
		return results.contest(contestSlug).orElseGet(() -> {
			// a contest set up without a revision yet: read it directly
			long contestId = this.queries.contestId(results.election().id(), contestSlug)
				.orElseThrow(() -> ContestNotFoundException.forSlug(results.election().slug(), contestSlug));
			return this.queries.contests(results.election().id(), contestId).get(0);
		});
	}

	/**
	 * The contest's counts per county (after the totals rule) or per precinct
	 * ({@code level} is {@code county} or {@code precinct}), kept while the contest is
	 * unchanged.
	 */
	public List<UnitResult> reportingUnits(ElectionResults results, ContestResult contest, String level) {
		if (!"county".equals(level) && !"precinct".equals(level)) {
			throw new IllegalArgumentException("level must be county or precinct");
		}
		return this.cache.derive(results, contest, List.of("units", level),
				() -> this.queries.reportingUnits(results.election().id(), contest, level));
	}

	/**
	 * Any value read from the database for these results (an export), kept while they are
	 * current when it was read at their revision.
	 */
	public <T> T derive(ElectionResults results, List<?> key, Supplier<T> query) {
		return this.cache.derive(results, key, query);
	}

	/**
	 * The contest's totals after each revision that changed its counts, kept while the
	 * contest is unchanged.
	 */
	public List<HistoryPoint> history(ElectionResults results, ContestResult contest) {
		return this.cache.derive(results, contest, "history", () -> this.queries.history(contest.id()));
	}

}
