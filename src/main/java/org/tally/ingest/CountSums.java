package org.tally.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code count_sum} rows (migration V4) of contests whose every count one import has
 * just written: an import that loads a contest from nothing sums its rows while it reads
 * the file, instead of reading them back from {@code vote_count}. Per contest, choice,
 * county and block of 64 precinct ids (-1: a unit's own row when it is not a precinct),
 * the {@code total} votes and a bit per precinct of the block that has a count, the
 * encoding of {@code recount_sums} in V4.
 */
final class CountSums {

	private final Set<Long> contests = new HashSet<>();

	private final Map<Key, long[]> sums = new HashMap<>();

	/** Writes the sums of this contest (one with no {@code total} votes has none). */
	void contest(long contestId) {
		this.contests.add(contestId);
	}

	/**
	 * Adds one count of {@code total} votes in a unit: a precinct (in the county
	 * {@code countyId}), or a county or other unit ({@code countyId} is its own id). The
	 * same count must not be added twice.
	 */
	void add(long contestId, long choiceId, long unitId, long countyId, boolean precinct, long votes) {
		Key key = new Key(contestId, choiceId, countyId, precinct ? unitId / 64 : -1);
		long[] sum = this.sums.computeIfAbsent(key, (k) -> new long[2]);
		sum[0] += votes;
		if (precinct) {
			sum[1] |= 1L << (unitId % 64);
		}
	}

	/** The sums of the registered contests, as the arrays an {@code unnest} reads. */
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
				block.add(key.block());
				votes.add(sum[0]);
				precincts.add(sum[1]);
			}
		});
		return Map.of("contests", contest.toArray(Long[]::new), "choices", choice.toArray(Long[]::new), "counties",
				county.toArray(Long[]::new), "blocks", block.toArray(Long[]::new), "votes", votes.toArray(Long[]::new),
				"precincts", precincts.toArray(Long[]::new));
	}

	private record Key(long contest, long choice, long county, long block) {
	}

}
