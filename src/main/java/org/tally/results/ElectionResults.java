package org.tally.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every contest of an election as it stood at one revision, read in one database
 * snapshot. Immutable once built; what is derived from it (breakdowns, history, rendered
 * bytes) is kept beside it, so an unchanged election is never computed twice.
 */
public final class ElectionResults {

	private final ElectionState election;

	private final List<ContestResult> contests;

	private final Map<String, ContestResult> bySlug;

	private final Map<Object, Object> derived = new ConcurrentHashMap<>();

	private final Map<Long, Map<Object, Object>> derivedPerContest = new ConcurrentHashMap<>();

	ElectionResults(ElectionState election, List<ContestResult> contests) {
		this(election, contests, null);
	}

	/**
	 * Results that share with {@code previous} the values derived from each contest it
	 * had unchanged (the same {@link ContestResult}): a revision that touched one county
	 * keeps every other contest's breakdowns and history.
	 */
	ElectionResults(ElectionState election, List<ContestResult> contests, ElectionResults previous) {
		this.election = election;
		this.contests = List.copyOf(contests);
		Map<String, ContestResult> bySlug = new LinkedHashMap<>();
		contests.forEach((contest) -> bySlug.put(contest.slug(), contest));
		this.bySlug = bySlug;
		if (previous != null) {
			for (ContestResult contest : contests) {
				Map<Object, Object> kept = previous.derivedPerContest.get(contest.id());
				if (kept != null && previous.bySlug.get(contest.slug()) == contest) {
					this.derivedPerContest.put(contest.id(), kept);
				}
			}
		}
	}

	/** The election row read in the same snapshot as the contests. */
	public ElectionState election() {
		return this.election;
	}

	/** The revision these results show. */
	public long revision() {
		return this.election.revision();
	}

	/** Every contest, in ballot order. */
	public List<ContestResult> contests() {
		return this.contests;
	}

	public Optional<ContestResult> contest(String slug) {
		return Optional.ofNullable(this.bySlug.get(slug));
	}

	/**
	 * A value computed once from these results (a breakdown, the rendered bytes of a
	 * response) and kept as long as they are current.
	 */
	@SuppressWarnings("unchecked")
	public <T> T derived(Object key, Supplier<T> compute) {
		Object value = this.derived.get(key);
		if (value == null) {
			value = compute.get();
			if (this.derived.size() < 2_000) {
				Object earlier = this.derived.putIfAbsent(key, value);
				if (earlier != null) {
					value = earlier;
				}
			}
		}
		return (T) value;
	}

	/** Keeps a value computed outside {@link #derived} (see {@link ResultsCache}). */
	@SuppressWarnings("unchecked")
	<T> T remember(Object key, T value) {
		if (this.derived.size() >= 2_000) {
			return value;
		}
		Object earlier = this.derived.putIfAbsent(key, value);
		return (earlier != null) ? (T) earlier : value;
	}

	Object known(Object key) {
		return this.derived.get(key);
	}

	/**
	 * Keeps a value read for one contest; it lives on in the next revision's results
	 * while the contest is unchanged.
	 */
	@SuppressWarnings("unchecked")
	<T> T remember(ContestResult contest, Object key, T value) {
		Map<Object, Object> values = this.derivedPerContest.computeIfAbsent(contest.id(),
				(id) -> new ConcurrentHashMap<>());
		if (values.size() >= 100) {
			return value;
		}
		Object earlier = values.putIfAbsent(key, value);
		return (earlier != null) ? (T) earlier : value;
	}

	Object known(ContestResult contest, Object key) {
		Map<Object, Object> values = this.derivedPerContest.get(contest.id());
		return (values != null) ? values.get(key) : null;
	}

}
