package org.tally.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every contest of an election as it stood at one revision, read in one database
 * snapshot: the read model every surface formats. Immutable once built; what is derived
 * from it is kept beside it in typed slots, filled at most once per revision: per contest
 * its county and precinct results, its history and its timeline ({@link ResultsCache}
 * fills them), and the bytes the feed renders from them. The slots are fixed by the
 * election's contests and by the code's own views, so no request parameter can add an
 * entry or push one out.
 */
public final class ElectionResults {

	/** At most this many pages are kept per revision ({@link #page}). */
	static final int MAX_PAGES = 4_096;

	private final ElectionState election;

	private final List<ContestResult> contests;

	private final Map<String, ContestResult> bySlug;

	private final Map<String, Details> details;

	private final Map<Enum<?>, Object> rendered = new ConcurrentHashMap<>();

	private final Map<List<String>, Object> pages = new ConcurrentHashMap<>();

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
		Map<String, Details> details = new LinkedHashMap<>();
		contests.forEach((contest) -> {
			bySlug.put(contest.slug(), contest);
			Details kept = (previous != null && previous.bySlug.get(contest.slug()) == contest)
					? previous.details.get(contest.slug()) : null;
			details.put(contest.slug(), (kept != null) ? kept.carriedOver() : new Details());
		});
		this.bySlug = bySlug;
		this.details = details;
	}

	/** The election row read in the same snapshot as the contests. */
	public ElectionState election() {
		return this.election;
	}

	/** The revision these results show. */
	public long revision() {
		return this.election.revision();
	}

	/** The current revision's digest in the chain (docs/verify.md), null before any. */
	public String digest() {
		return this.election.digest();
	}

	/** Every contest, in ballot order. */
	public List<ContestResult> contests() {
		return this.contests;
	}

	public Optional<ContestResult> contest(String slug) {
		return Optional.ofNullable(this.bySlug.get(slug));
	}

	/**
	 * A view of the whole election (the rendered bytes of a response) made once from
	 * these results and kept as long as they are current.
	 * @param view which view: a constant of the caller's own enum, never request data
	 * @param make makes the view
	 */
	@SuppressWarnings("unchecked")
	public <T> T rendered(Enum<?> view, Supplier<T> make) {
		Object value = this.rendered.get(view);
		if (value == null) {
			value = make.get();
			Object earlier = this.rendered.putIfAbsent(view, value);
			if (earlier != null) {
				value = earlier;
			}
		}
		return (T) value;
	}

	/**
	 * A view of one contest made once from these results; made and not kept when the
	 * contest is not among them (set up after this revision).
	 * @param contest the contest's slug
	 * @param view which view: a constant of the caller's own enum, never request data
	 * @param make makes the view
	 */
	@SuppressWarnings("unchecked")
	public <T> T rendered(String contest, Enum<?> view, Supplier<T> make) {
		Details found = this.details.get(contest);
		if (found == null) {
			return make.get();
		}
		Object value = found.rendered.get(view);
		if (value == null) {
			value = make.get();
			Object earlier = found.rendered.putIfAbsent(view, value);
			if (earlier != null) {
				value = earlier;
			}
		}
		return (T) value;
	}

	/**
	 * A page rendered from these results, kept until the next revision. The caller bounds
	 * the keys (known contests, configured languages, a few hosts); past
	 * {@link #MAX_PAGES} pages are made and not kept.
	 */
	@SuppressWarnings("unchecked")
	public <T> T page(List<String> key, Supplier<T> make) {
		Object value = this.pages.get(key);
		if (value == null) {
			value = make.get();
			if (this.pages.size() < MAX_PAGES) {
				Object earlier = this.pages.putIfAbsent(List.copyOf(key), value);
				if (earlier != null) {
					value = earlier;
				}
			}
		}
		return (T) value;
	}

	/** A whole-election view already made, or {@code null}. */
	@SuppressWarnings("unchecked")
	<T> T known(Enum<?> view) {
		return (T) this.rendered.get(view);
	}

	/** The contest's slots, or {@code null} when the contest is not in these results. */
	Details details(String contest) {
		return this.details.get(contest);
	}

	/**
	 * What is read once per revision for one contest, beside the contest itself. Each
	 * slot is {@code null} until read.
	 */
	static final class Details {

		volatile List<UnitResult> counties;

		volatile List<UnitResult> precincts;

		volatile List<HistoryPoint> history;

		volatile List<TimelineEvent> timeline;

		/** The current ranked-choice rounds; empty when the contest has none. */
		volatile java.util.Optional<ContestRounds> rounds;

		final Map<Enum<?>, Object> rendered = new ConcurrentHashMap<>();

		/**
		 * The slots read from the database, for the next revision's results when the
		 * contest did not change; rendered views are made again (they carry the
		 * revision).
		 */
		Details carriedOver() {
			Details next = new Details();
			next.counties = this.counties;
			next.precincts = this.precincts;
			next.history = this.history;
			next.timeline = this.timeline;
			return next;
		}

	}

}
