package org.tally.results;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.DatabaseOutages;
import org.tally.kernel.ElectionNotFoundException;
import org.tally.kernel.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * What readers may see of elections and contests. Results are computed once per revision
 * of an election ({@link ResultsCache}) and shared by every reader until the next one.
 */
@Service
public class ResultsService {

	private final ResultsQueries queries;

	private final ResultsCache cache;

	private final ElectionStates states;

	private final Map<String, ElectionState> lastRead = new ConcurrentHashMap<>();

	private final RoundsQueries rounds;

	ResultsService(ResultsQueries queries, ResultsCache cache, ElectionStates states, RoundsQueries rounds) {
		this.rounds = rounds;
		this.queries = queries;
		this.cache = cache;
		this.states = states;
	}

	/** All elections, those being counted first. */
	public List<ElectionState> elections() {
		return this.queries.elections();
	}

	/**
	 * The election's row read now (for staff, who see their change at once), or
	 * {@link ElectionNotFoundException}. While the database is out of reach, the election
	 * as this instance last read it (see {@link #delayed()}).
	 */
	public ElectionState election(String slug) {
		ElectionState known = this.lastRead.get(slug);
		if (known != null && this.states.holdingOff()) {
			return known;
		}
		try {
			ElectionState found = this.queries.electionState(slug)
				.orElseThrow(() -> ElectionNotFoundException.forSlug(slug));
			this.lastRead.put(slug, found);
			this.states.reachable();
			return found;
		}
		catch (RuntimeException ex) {
			if (known == null || !DatabaseOutages.isCause(ex)) {
				throw ex;
			}
			this.states.unreachable();
			return known;
		}
	}

	/**
	 * Whether what readers get may be behind because the database is out of reach (pages
	 * say "results may be delayed").
	 */
	public boolean delayed() {
		return this.states.delayed();
	}

	/** Every contest of the election as it stands now, in ballot order. */
	public List<ContestResult> contests(ElectionState election) {
		return results(election).contests();
	}

	/** One contest, or {@link ContestNotFoundException}. */
	public ContestResult contest(ElectionState election, String contestSlug) {
		return contest(results(election), contestSlug);
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
	 * ({@code level} is {@code county} or {@code precinct}), read once per revision.
	 */
	public List<UnitResult> reportingUnits(ElectionResults results, ContestResult contest, UnitLevel level) {
		return switch (level) {
			case COUNTY, PRECINCT -> this.cache.units(results, contest, level);
			case STATE -> throw InvalidRequestException.of("level", "must be county or precinct");
		};
	}

	/**
	 * A whole-election view read from the database (an export), kept with the results
	 * while they are current when it was read at their revision.
	 * @param view which view: a constant of the caller's own enum
	 */
	public <T> T export(ElectionResults results, Enum<?> view, Supplier<T> query) {
		return this.cache.export(results, view, query);
	}

	/**
	 * The contest's totals after each revision that changed its counts, oldest first,
	 * read once per revision.
	 */
	public List<HistoryPoint> history(ElectionResults results, ContestResult contest) {
		return this.cache.history(results, contest);
	}

	/**
	 * The contest's calls (retracted and superseded too) and concessions in the order
	 * they happened, read once per revision.
	 */
	public List<TimelineEvent> timeline(ElectionResults results, ContestResult contest) {
		return this.cache.timeline(results, contest);
	}

	/**
	 * A ranked-choice contest's rounds from the latest RCTab report at or before
	 * {@code revision} (the results' revision when {@code null}), or {@code null} when it
	 * has none. The current rounds are read once per revision (so pages answer from
	 * memory while the database is out of reach); an earlier revision's are read on each
	 * call.
	 */
	public ContestRounds rounds(ElectionResults results, ContestResult contest, Long revision) {
		if (revision == null || revision >= results.revision()) {
			return this.cache.rounds(results, contest, this.rounds).orElse(null);
		}
		return this.rounds.rounds(contest.id(), revision);
	}

}
