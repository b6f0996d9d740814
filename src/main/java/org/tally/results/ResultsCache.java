package org.tally.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

	ResultsCache(ResultsQueries queries, PlatformTransactionManager transactionManager) {
		this.queries = queries;
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

	/** The results at the given revision of the election or a later one. */
	public ElectionResults atLeast(long electionId, long revision) {
		ElectionResults cached = this.latest.get(electionId);
		if (cached != null && cached.revision() >= revision) {
			return cached;
		}
		return load(electionId, (found) -> found.revision() >= revision);
	}

	/**
	 * A value derived from the results (a breakdown, a history) read from the database
	 * once per revision: kept only when it was read at the results' own revision.
	 */
	@SuppressWarnings("unchecked")
	public <T> T derive(ElectionResults results, Object key, Supplier<T> query) {
		Object known = results.known(key);
		if (known != null) {
			return (T) known;
		}
		Object[] revisionAndValue = this.snapshot
			.execute((status) -> new Object[] { this.queries.revisionOf(results.election().id()), query.get() });
		T value = (T) revisionAndValue[1];
		if (((Long) revisionAndValue[0]) == results.revision()) {
			return results.remember(key, value);
		}
		return value;
	}

	/**
	 * A value read from the database for one contest (its breakdown by county or
	 * precinct, its history): kept while the contest is unchanged, across revisions of
	 * the election that did not touch it.
	 */
	@SuppressWarnings("unchecked")
	public <T> T derive(ElectionResults results, ContestResult contest, Object key, Supplier<T> query) {
		Object known = results.known(contest, key);
		if (known != null) {
			return (T) known;
		}
		Object[] revisionAndValue = this.snapshot
			.execute((status) -> new Object[] { this.queries.revisionOf(results.election().id()), query.get() });
		T value = (T) revisionAndValue[1];
		if (((Long) revisionAndValue[0]) == results.revision()) {
			return results.remember(contest, key, value);
		}
		return value;
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
		List<Long> changed = new ArrayList<>();
		revisions.forEach((id, revision) -> {
			ContestResult contest = known.get(id);
			if (contest == null || contest.revision() != revision) {
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
