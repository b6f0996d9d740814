package org.tally.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.tally.kernel.ElectionNotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each election's results for its latest revision, so that readers between two
 * revisions share one computation. An election and its contests are read in one
 * repeatable-read snapshot, so the revision a result is filed under is the revision it
 * shows, on every instance.
 */
@Component
public class ResultsCache {

	private final Map<Long, ElectionResults> latest = new ConcurrentHashMap<>();

	private final Map<Long, Object> locks = new ConcurrentHashMap<>();

	private final ResultsQueries queries;

	private final TransactionTemplate snapshot;

	private final BatchQueries batches;

	ResultsCache(ResultsQueries queries, BatchQueries batches, PlatformTransactionManager transactionManager) {
		this.queries = queries;
		this.batches = batches;
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * The results for the given state of the election, or for a later revision when one
	 * is already known.
	 */
	public ElectionResults results(ElectionState wanted) {
		ElectionResults cached = this.latest.get(wanted.id());
		if (cached != null && (cached.revision() > wanted.revision() || cached.election().equals(wanted))) {
			return cached;
		}
		return load(wanted.id(), (found) -> found.revision() > wanted.revision() || found.election().equals(wanted));
	}

	/**
	 * The contest's counts per county or precinct at the results' revision, read once.
	 */
	List<UnitResult> units(ElectionResults results, ContestResult contest, UnitLevel level) {
		boolean precincts = level == UnitLevel.PRECINCT;
		ElectionResults.Details details = results.details(contest.slug());
		List<UnitResult> known = (details == null) ? null : (precincts ? details.precincts : details.counties);
		if (known != null) {
			return known;
		}
		Read<List<UnitResult>> read = read(results,
				() -> this.queries.reportingUnits(results.election().id(), contest, level));
		if (read.current() && details != null) {
			// first kept wins: a reader racing the warmer gets what the next reader gets
			synchronized (details) {
				if (precincts) {
					if (details.precincts == null) {
						details.precincts = read.value();
					}
					return details.precincts;
				}
				if (details.counties == null) {
					details.counties = read.value();
				}
				return details.counties;
			}
		}
		return read.value();
	}

	/** The contest's history at the results' revision, read once. */
	List<HistoryPoint> history(ElectionResults results, ContestResult contest) {
		ElectionResults.Details details = results.details(contest.slug());
		if (details != null && details.history != null) {
			return details.history;
		}
		Read<List<HistoryPoint>> read = read(results,
				() -> this.batches.withBatches(contest.id(), this.queries.history(contest.id())));
		if (read.current() && details != null) {
			synchronized (details) {
				if (details.history == null) {
					details.history = read.value();
				}
				return details.history;
			}
		}
		return read.value();
	}

	/** The contest's calls and concessions at the results' revision, read once. */
	List<TimelineEvent> timeline(ElectionResults results, ContestResult contest) {
		ElectionResults.Details details = results.details(contest.slug());
		if (details != null && details.timeline != null) {
			return details.timeline;
		}
		Read<List<TimelineEvent>> read = read(results, () -> this.queries.timeline(contest.id()));
		if (read.current() && details != null) {
			synchronized (details) {
				if (details.timeline == null) {
					details.timeline = read.value();
				}
				return details.timeline;
			}
		}
		return read.value();
	}

	/**
	 * The contest's ranked-choice rounds at the results' revision (empty when it has
	 * none), read once.
	 */
	Optional<ContestRounds> rounds(ElectionResults results, ContestResult contest, RoundsQueries rounds) {
		ElectionResults.Details details = results.details(contest.slug());
		if (details != null && details.rounds != null) {
			return details.rounds;
		}
		Read<Optional<ContestRounds>> read = read(results,
				() -> Optional.ofNullable(rounds.rounds(contest.id(), results.revision())));
		if (read.current() && details != null) {
			synchronized (details) {
				if (details.rounds == null) {
					details.rounds = read.value();
				}
				return details.rounds;
			}
		}
		return read.value();
	}

	/**
	 * A whole-election view read from the database (an export) at the results' revision,
	 * kept beside them; made and not kept when the election has moved on.
	 */
	<T> T export(ElectionResults results, Enum<?> view, Supplier<T> query) {
		T known = results.known(view);
		if (known != null) {
			return known;
		}
		Read<T> read = read(results, query);
		return read.current() ? results.rendered(view, read::value) : read.value();
	}

	/**
	 * Runs the query in a snapshot, saying whether the snapshot was at the results'
	 * revision (else the election moved on, and the value is not to be kept with them).
	 */
	@SuppressWarnings("unchecked")
	private <T> Read<T> read(ElectionResults results, Supplier<T> query) {
		Object[] revisionAndValue = this.snapshot
			.execute((status) -> new Object[] { this.queries.revisionOf(results.election().id()), query.get() });
		return new Read<>(((Long) revisionAndValue[0]) == results.revision(), (T) revisionAndValue[1]);
	}

	private record Read<T>(boolean current, T value) {
	}

	private ElectionResults load(long electionId, Predicate<ElectionResults> good) {
		Object lock = this.locks.computeIfAbsent(electionId, (id) -> new Object());
		synchronized (lock) {
			ElectionResults cached = this.latest.get(electionId);
			if (cached != null && good.test(cached)) {
				return cached;
			}
			ElectionResults loaded = this.snapshot.execute((status) -> {
				ElectionState election = this.queries.electionState(electionId)
					.orElseThrow(() -> ElectionNotFoundException.forSlug("#" + electionId));
				return (cached != null) ? changedSince(election, cached)
						: new ElectionResults(election, this.queries.contests(electionId, 0));
			});
			if (cached == null || loaded.revision() >= cached.revision()) {
				this.latest.put(electionId, loaded);
			}
			return loaded;
		}
	}

	/**
	 * The election's results read again only for the contests changed since
	 * {@code earlier} (a contest's {@code revision} is the last revision that changed
	 * it): an import that touched one county reads the contests on its ballot, not the
	 * election, and the others keep their results and what was derived from them.
	 */
	private ElectionResults changedSince(ElectionState election, ElectionResults earlier) {
		Map<Long, ContestResult> known = new HashMap<>();
		earlier.contests().forEach((contest) -> known.put(contest.id(), contest));
		Map<Long, Long> revisions = this.queries.contestRevisions(election.id());
		// certification lets the expected vote show 100: every contest shows it anew
		boolean certification = ElectionStatus.certified(election.status()) != ElectionStatus
			.certified(earlier.election().status());
		List<Long> changed = new ArrayList<>();
		revisions.forEach((id, revision) -> {
			ContestResult contest = known.get(id);
			if (contest == null || contest.revision() != revision || certification) {
				changed.add(id);
			}
		});
		Map<Long, ContestResult> fresh = new HashMap<>();
		this.queries.contests(election.id(), changed).forEach((contest) -> fresh.put(contest.id(), contest));
		List<ContestResult> contests = new ArrayList<>(revisions.size());
		for (Long id : revisions.keySet()) {
			ContestResult contest = fresh.getOrDefault(id, known.get(id));
			if (contest != null) {
				contests.add(contest);
			}
		}
		return new ElectionResults(election, contests, earlier);
	}

}
