package org.tally.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tally.results.VoteType;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code count_sum} rows (migrations V4, V15) of contests whose every count one
 * import has just written: an import that loads a contest from nothing sums its rows
 * while it reads the file, instead of reading them back from {@code vote_count}. Per
 * contest, choice, vote type and the place of the count's unit ({@link Place}), the votes
 * and the precinct bits ORed.
 * <p>
 * Where a unit's counts go is not decided here: the database defines it once
 * ({@code count_place} in V15) and keeps it on {@code reporting_unit}; a unit read from
 * there carries its place, and a unit this import creates gets it from the database in a
 * batch ({@link Placer}), its rows waiting until then (at most {@link #BATCH} units'
 * rows, so memory stays flat in the file's size).
 */
final class CountSums {

	/** Units created by the import that are placed together. */
	static final int BATCH = 1024;

	private static final VoteType[] TYPES = VoteType.values();

	private final Placer placer;

	private final Set<Long> contests = new HashSet<>();

	private final Map<Key, long[]> sums = new HashMap<>();

	private final Map<Long, ElectionNames.Unit> unplaced = new LinkedHashMap<>();

	private ElectionNames.Unit lastUnplaced;

	private long[] pending = new long[5 * 64];

	private int pendingRows;

	/**
	 * @param placer asks the database where units the import creates count
	 */
	CountSums(Placer placer) {
		this.placer = placer;
	}

	/** Writes the sums of this contest. */
	void contest(long contestId) {
		this.contests.add(contestId);
	}

	/**
	 * Adds one count of {@code votes} of a type in a unit. The same count must not be
	 * added twice.
	 */
	void add(long contestId, long choiceId, ElectionNames.Unit unit, VoteType type, long votes) {
		Place place = unit.place();
		if (place.known()) {
			add(contestId, choiceId, place, type.ordinal(), votes);
			return;
		}
		if (unit != this.lastUnplaced) {
			// a unit's rows mostly come together: one map entry, not one look-up a row
			this.unplaced.putIfAbsent(unit.id(), unit);
			this.lastUnplaced = unit;
		}
		if (this.pendingRows * 5 == this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, this.pending.length * 2);
		}
		int at = this.pendingRows++ * 5;
		this.pending[at] = contestId;
		this.pending[at + 1] = choiceId;
		this.pending[at + 2] = unit.id();
		this.pending[at + 3] = type.ordinal();
		this.pending[at + 4] = votes;
		if (this.unplaced.size() >= BATCH) {
			placePending();
		}
	}

	private void add(long contestId, long choiceId, Place place, int type, long votes) {
		Key key = new Key(contestId, choiceId, place.county, place.block, type);
		long[] sum = this.sums.computeIfAbsent(key, (k) -> new long[2]);
		sum[0] += votes;
		sum[1] |= place.bit;
	}

	/** Places the waiting units and adds their rows. */
	private void placePending() {
		if (this.unplaced.isEmpty()) {
			return;
		}
		List<ElectionNames.Unit> units = List.copyOf(this.unplaced.values());
		Map<Long, long[]> places = this.placer.place(units);
		for (ElectionNames.Unit unit : units) {
			long[] place = places.get(unit.id());
			if (place == null) {
				throw new IllegalStateException("The database did not place the new unit " + unit.id());
			}
			unit.place().set(place[0], place[1], place[2]);
		}
		for (int row = 0; row < this.pendingRows; row++) {
			int at = row * 5;
			ElectionNames.Unit unit = this.unplaced.get(this.pending[at + 2]);
			add(this.pending[at], this.pending[at + 1], unit.place(), (int) this.pending[at + 3], this.pending[at + 4]);
		}
		this.unplaced.clear();
		this.lastUnplaced = null;
		this.pendingRows = 0;
	}

	/** The sums of the registered contests, as the arrays an {@code unnest} reads. */
	Columns columns() {
		placePending();
		List<Long> contest = new ArrayList<>(this.sums.size());
		List<Long> choice = new ArrayList<>(this.sums.size());
		List<Long> county = new ArrayList<>(this.sums.size());
		List<Long> block = new ArrayList<>(this.sums.size());
		List<String> type = new ArrayList<>(this.sums.size());
		List<Long> votes = new ArrayList<>(this.sums.size());
		List<Long> precincts = new ArrayList<>(this.sums.size());
		this.sums.forEach((key, sum) -> {
			if (this.contests.contains(key.contest())) {
				contest.add(key.contest());
				choice.add(key.choice());
				county.add(key.county());
				block.add(key.block());
				type.add(TYPES[key.type()].code());
				votes.add(sum[0]);
				precincts.add(sum[1]);
			}
		});
		return new Columns(contest.toArray(Long[]::new), choice.toArray(Long[]::new), county.toArray(Long[]::new),
				block.toArray(Long[]::new), type.toArray(String[]::new), votes.toArray(Long[]::new),
				precincts.toArray(Long[]::new));
	}

	/**
	 * The {@code count_sum} rows column by column, in the table's order, bound by
	 * {@link #bind} as {@code :contests}, {@code :choices}, {@code :counties},
	 * {@code :blocks}, {@code :types}, {@code :votes} and {@code :precincts}.
	 */
	record Columns(Long[] contests, Long[] choices, Long[] counties, Long[] blocks, String[] types, Long[] votes,
			Long[] precincts) {

		/** The statement with each column bound to its parameter. */
		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.param("contests", this.contests)
				.param("choices", this.choices)
				.param("counties", this.counties)
				.param("blocks", this.blocks)
				.param("types", this.types)
				.param("votes", this.votes)
				.param("precincts", this.precincts);
		}

	}

	/**
	 * Where a unit's counts go in {@code count_sum}: the county it counts toward, the
	 * block and the unit's bit in it, as the database says ({@code reporting_unit}'s
	 * {@code sum_*} columns, or {@code count_place} for a unit not written yet). Unknown
	 * until then.
	 */
	static final class Place {

		private boolean known;

		private long county;

		private long block;

		private long bit;

		static Place unknown() {
			return new Place();
		}

		static Place of(long county, long block, long bit) {
			Place place = new Place();
			place.set(county, block, bit);
			return place;
		}

		boolean known() {
			return this.known;
		}

		private void set(long county, long block, long bit) {
			this.county = county;
			this.block = block;
			this.bit = bit;
			this.known = true;
		}

	}

	/** Asks the database where units not written yet count. */
	@FunctionalInterface
	interface Placer {

		/** Per unit id: county, block and bit. */
		Map<Long, long[]> place(List<ElectionNames.Unit> units);

	}

	private record Key(long contest, long choice, long county, long block, int type) {
	}

}
