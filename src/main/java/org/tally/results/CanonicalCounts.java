package org.tally.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A revision's counts in the canonical order of docs/verify.md (contest slug, unit code,
 * choice name, vote type, each by Unicode code points), put in order here rather than by
 * PostgreSQL: the counts are read as ids only, each id is given the rank of its name
 * among the election's, and one sort of packed ranks orders them. Asking PostgreSQL to
 * join the names and sort the text took 2.8 s of a 790,283-count import's 6.8 s (the
 * planner, without statistics for rows written in the same transaction, joined row by
 * row, and the sort spilled to disk; docs/import.md, issue 27); this reads 0.5-1 s.
 */
final class CanonicalCounts {

	private final Names contests;

	private final Names units;

	private final Names choices;

	private CanonicalCounts(JdbcClient jdbc, long electionId) {
		this.contests = Names.read(jdbc.sql("select id, slug from contest where election_id = ?").param(electionId));
		this.units = Names
			.read(jdbc.sql("select id, code from reporting_unit where election_id = ?").param(electionId));
		this.choices = Names.read(jdbc
			.sql("select ch.id, ch.name from choice ch join contest c on c.id = ch.contest_id where c.election_id = ?")
			.param(electionId));
	}

	/**
	 * Gives the counts to {@code each} in canonical order, one contest at a time so that
	 * memory follows the largest contest, not the revision: for each of the election's
	 * contests by slug that {@code read} accepts, the counts {@code contestCounts}
	 * selects for it; and the counts {@code others} selects (or none when null), which
	 * must be of contests {@code read} refuses. Each statement selects
	 * {@code contest_id, unit_id,
	 * choice_id, vote_type, votes} in any order; a count whose contest, unit or choice is
	 * not the election's is left out, as a join would.
	 */
	static void inOrder(JdbcClient jdbc, long electionId, LongPredicate read,
			LongFunction<JdbcClient.StatementSpec> contestCounts, JdbcClient.StatementSpec others,
			Consumer<RevisionChain.CountLine> each) {
		CanonicalCounts names = new CanonicalCounts(jdbc, electionId);
		Batch rest = names.read(others);
		int[] restInOrder = rest.order();
		int next = 0;
		for (int contest = 0; contest < names.contests.size(); contest++) {
			if (read.test(names.contests.id(contest))) {
				Batch batch = names.read(contestCounts.apply(names.contests.id(contest)));
				for (int row : batch.order()) {
					batch.emit(row, each);
				}
			}
			while (next < restInOrder.length && rest.contestRanks[restInOrder[next]] == contest) {
				rest.emit(restInOrder[next++], each);
			}
		}
	}

	private Batch read(JdbcClient.StatementSpec counts) {
		Batch batch = new Batch();
		if (counts != null) {
			counts.query((RowCallbackHandler) (rs) -> batch.add(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getString(4), rs.getLong(5)));
		}
		return batch;
	}

	/** Counts read, as ranks, and put in canonical order. */
	private final class Batch {

		private final List<String> voteTypes = new ArrayList<>();

		private int[] contestRanks = new int[64];

		private int[] unitRanks = new int[64];

		private int[] choiceRanks = new int[64];

		private byte[] voteTypeSeen = new byte[64];

		private long[] votes = new long[64];

		private int size;

		/** Per vote type seen (by index in {@link #voteTypes}): its place in order. */
		private int[] typeRanks;

		private List<String> typesInOrder;

		void add(long contestId, long unitId, long choiceId, String voteType, long count) {
			int contest = CanonicalCounts.this.contests.rank(contestId);
			int unit = CanonicalCounts.this.units.rank(unitId);
			int choice = CanonicalCounts.this.choices.rank(choiceId);
			if (contest < 0 || unit < 0 || choice < 0) {
				return;
			}
			int type = this.voteTypes.indexOf(voteType);
			if (type < 0) {
				type = this.voteTypes.size();
				this.voteTypes.add(voteType);
			}
			if (this.size == this.votes.length) {
				int grown = this.size * 2;
				this.contestRanks = Arrays.copyOf(this.contestRanks, grown);
				this.unitRanks = Arrays.copyOf(this.unitRanks, grown);
				this.choiceRanks = Arrays.copyOf(this.choiceRanks, grown);
				this.voteTypeSeen = Arrays.copyOf(this.voteTypeSeen, grown);
				this.votes = Arrays.copyOf(this.votes, grown);
			}
			this.contestRanks[this.size] = contest;
			this.unitRanks[this.size] = unit;
			this.choiceRanks[this.size] = choice;
			this.voteTypeSeen[this.size] = (byte) type;
			this.votes[this.size] = count;
			this.size++;
		}

		void emit(int row, Consumer<RevisionChain.CountLine> each) {
			each.accept(new RevisionChain.CountLine(CanonicalCounts.this.contests.name(this.contestRanks[row]),
					CanonicalCounts.this.units.name(this.unitRanks[row]),
					CanonicalCounts.this.choices.name(this.choiceRanks[row]),
					this.typesInOrder.get(this.typeRanks[this.voteTypeSeen[row]]), this.votes[row]));
		}

		/** The rows' indexes in canonical order. */
		int[] order() {
			this.typesInOrder = new ArrayList<>(this.voteTypes);
			this.typesInOrder.sort(CanonicalCounts::byCodePoints);
			int[] types = this.voteTypes.stream().mapToInt(this.typesInOrder::indexOf).toArray();
			this.typeRanks = types;
			int contestBits = bits(CanonicalCounts.this.contests.size());
			int unitBits = bits(CanonicalCounts.this.units.size());
			int choiceBits = bits(CanonicalCounts.this.choices.size());
			int typeBits = bits(types.length);
			int rowBits = bits(this.size);
			if (contestBits + unitBits + choiceBits + typeBits + rowBits > 63) {
				Comparator<Integer> canonical = Comparator.<Integer>comparingInt((row) -> this.contestRanks[row])
					.thenComparingInt((row) -> this.unitRanks[row])
					.thenComparingInt((row) -> this.choiceRanks[row])
					.thenComparingInt((row) -> types[this.voteTypeSeen[row]]);
				return IntStream.range(0, this.size).boxed().sorted(canonical).mapToInt(Integer::intValue).toArray();
			}
			long[] keys = new long[this.size];
			for (int row = 0; row < this.size; row++) {
				long key = this.contestRanks[row];
				key = (key << unitBits) | this.unitRanks[row];
				key = (key << choiceBits) | this.choiceRanks[row];
				key = (key << typeBits) | types[this.voteTypeSeen[row]];
				keys[row] = (key << rowBits) | row;
			}
			Arrays.sort(keys);
			int[] rows = new int[this.size];
			long rowMask = (1L << rowBits) - 1;
			for (int i = 0; i < this.size; i++) {
				rows[i] = (int) (keys[i] & rowMask);
			}
			return rows;
		}

	}

	/** Bits that hold the numbers 0 to {@code count - 1}. */
	private static int bits(int count) {
		return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(count - 1, 0)));
	}

	/**
	 * Compares by Unicode code points, as {@code collate "C"} compares UTF-8 text
	 * ({@link String#compareTo} compares UTF-16 units, which differs past U+FFFF).
	 */
	static int byCodePoints(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Boolean.compare(i < a.length(), j < b.length());
	}

	/** Ids and their names, each id ranked by its name's place in canonical order. */
	private static final class Names {

		private final long[] ids;

		private final int[] ranks;

		private final String[] byRank;

		private final long[] idsByRank;

		private Names(long[] ids, int[] ranks, String[] byRank, long[] idsByRank) {
			this.ids = ids;
			this.ranks = ranks;
			this.byRank = byRank;
			this.idsByRank = idsByRank;
		}

		static Names read(JdbcClient.StatementSpec idsAndNames) {
			List<Named> byName = new ArrayList<>(
					idsAndNames.query((rs, row) -> new Named(rs.getLong(1), rs.getString(2))).list());
			byName.sort((x, y) -> byCodePoints(x.name(), y.name()));
			String[] byRank = new String[byName.size()];
			long[] idsByRank = new long[byName.size()];
			List<Ranked> byId = new ArrayList<>(byName.size());
			for (int rank = 0; rank < byRank.length; rank++) {
				byRank[rank] = byName.get(rank).name();
				idsByRank[rank] = byName.get(rank).id();
				byId.add(new Ranked(byName.get(rank).id(), rank));
			}
			byId.sort(Comparator.comparingLong(Ranked::id));
			return new Names(byId.stream().mapToLong(Ranked::id).toArray(),
					byId.stream().mapToInt(Ranked::rank).toArray(), byRank, idsByRank);
		}

		int size() {
			return this.byRank.length;
		}

		/** The id's rank, or -1 when it is not one of these. */
		int rank(long id) {
			int at = Arrays.binarySearch(this.ids, id);
			return (at >= 0) ? this.ranks[at] : -1;
		}

		String name(int rank) {
			return this.byRank[rank];
		}

		long id(int rank) {
			return this.idsByRank[rank];
		}

		private record Named(long id, String name) {
		}

		private record Ranked(long id, int rank) {
		}

	}

}
