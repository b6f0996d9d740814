package org.tally.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts already summed the way the totals rule reads them, for contests whose every
 * count one import has just written: an import that loads a contest from nothing sums its
 * rows while it reads the file, so the totals it then needs do not read them back from
 * {@code vote_count}. The sums are those of {@code counted} in {@link ResultsQueries}:
 * per contest, choice, county and block of 64 unit ids, with a bit per precinct that has
 * counts; only {@code total} votes. The rule itself stays in SQL, applied to these sums
 * as to any others.
 */
public final class CountedTotals {

	private final Set<Long> contests = new HashSet<>();

	private final Map<Key, long[]> sums = new HashMap<>();

	/** No contest: every total is read from {@code vote_count}. */
	public static CountedTotals none() {
		return new CountedTotals();
	}

	/**
	 * Takes the contest's totals from these sums from now on (a contest with no
	 * {@code total} votes among them has none).
	 */
	public void contest(long contestId) {
		this.contests.add(contestId);
	}

	/**
	 * Adds one count of {@code total} votes in a unit: a precinct (in the county
	 * {@code countyId}), or a county or other unit ({@code countyId} is its own id). The
	 * same count must not be added twice.
	 */
	public void add(long contestId, long choiceId, long unitId, long countyId, boolean precinct, long votes) {
		Key key = new Key(contestId, choiceId, countyId, precinct ? unitId / 64 : -1);
		long[] sum = this.sums.computeIfAbsent(key, (k) -> new long[2]);
		sum[0] += votes;
		if (precinct) {
			sum[1] |= 1L << (unitId % 64);
		}
	}

	/** Whether these sums hold every one of the contests. */
	boolean covers(Collection<Long> contestIds) {
		return this.contests.containsAll(contestIds);
	}

	/** The parameters {@code counted} reads these sums by. */
	Map<String, Object> parameters() {
		List<Long> contest = new ArrayList<>(this.sums.size());
		List<Long> choice = new ArrayList<>(this.sums.size());
		List<Long> county = new ArrayList<>(this.sums.size());
		List<Long> block = new ArrayList<>(this.sums.size());
		List<Long> votes = new ArrayList<>(this.sums.size());
		List<Long> precincts = new ArrayList<>(this.sums.size());
		this.sums.forEach((key, sum) -> {
			if (this.contests.contains(key.contest())) {
				contest.add(key.contest());
				choice.add(key.choice());
				county.add(key.county());
				block.add((key.block() < 0) ? null : key.block());
				votes.add(sum[0]);
				precincts.add(sum[1]);
			}
		});
		return Map.of("counted", this.contests.toArray(Long[]::new), "countedContest", contest.toArray(Long[]::new),
				"countedChoice", choice.toArray(Long[]::new), "countedCounty", county.toArray(Long[]::new),
				"countedBlock", block.toArray(Long[]::new), "countedVotes", votes.toArray(Long[]::new),
				"countedPrecincts", precincts.toArray(Long[]::new));
	}

	private record Key(long contest, long choice, long county, long block) {
	}

}
