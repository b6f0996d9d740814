package org.tally.results;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A contest's counts per county or precinct held compactly: the units' names once
 * (interned, so every contest of an election shares them) and the votes as plain numbers;
 * each {@link UnitResult}, with its percentages, leader and margin, is made when it is
 * read. The read model holds every contest of every live election (docs/operations.md,
 * "Database outages"), and a statewide election has a precinct row per contest and
 * precinct: held as {@link UnitResult}s (a {@code BigDecimal} pair per choice, the names
 * copied per contest) the 790,283 counts of California 2016 took about 190 MB of heap;
 * held so, both elections of that benchmark took about 20 MB of arrays (docs/import.md,
 * issue 27's heap).
 */
final class CompactUnits extends AbstractList<UnitResult> implements RandomAccess {

	private final List<CandidateResult> candidates;

	private final int width;

	private final String[] codes;

	private final String[] names;

	private final String[] levels;

	private final String[] parents;

	private final long[] votes;

	/** Per unit its votes by type ({@link VoteTypes#none()} shape), or null when none. */
	private final long[][][] typeVotes;

	private final UnitResult.UnitFigures[] figures;

	private CompactUnits(List<CandidateResult> candidates, int size) {
		this.candidates = List.copyOf(candidates);
		this.width = candidates.size();
		this.codes = new String[size];
		this.names = new String[size];
		this.levels = new String[size];
		this.parents = new String[size];
		this.votes = new long[size * this.width];
		this.typeVotes = new long[size][][];
		this.figures = new UnitResult.UnitFigures[size];
	}

	@Override
	public UnitResult get(int index) {
		long[] unitVotes = new long[this.width];
		System.arraycopy(this.votes, index * this.width, unitVotes, 0, this.width);
		long[][] types = (this.typeVotes[index] != null) ? this.typeVotes[index] : VoteTypes.none();
		return UnitResult.of(this.codes[index], this.names[index], this.levels[index], this.parents[index],
				this.candidates, unitVotes, types, this.figures[index]);
	}

	@Override
	public int size() {
		return this.codes.length;
	}

	/** The parent's code of the unit at {@code index} (a precinct's county), or null. */
	String parent(int index) {
		return this.parents[index];
	}

	/** Collects the units of one contest in order, then {@link #build()}. */
	static final class Builder {

		private final List<CandidateResult> candidates;

		private final List<Object[]> units = new java.util.ArrayList<>();

		Builder(List<CandidateResult> candidates) {
			this.candidates = candidates;
		}

		/**
		 * Adds a unit; {@code typeVotes} is in {@link VoteTypes#none()} shape (all null
		 * when the unit has no split), {@code figures} may be null.
		 */
		Builder add(String code, String name, String level, String parent, long[] votes, long[][] typeVotes,
				UnitResult.UnitFigures figures) {
			this.units.add(new Object[] { code, name, level, parent, votes, typeVotes, figures });
			return this;
		}

		CompactUnits build() {
			CompactUnits built = new CompactUnits(this.candidates, this.units.size());
			for (int i = 0; i < this.units.size(); i++) {
				Object[] unit = this.units.get(i);
				built.codes[i] = intern((String) unit[0]);
				built.names[i] = intern((String) unit[1]);
				built.levels[i] = intern((String) unit[2]);
				built.parents[i] = intern((String) unit[3]);
				System.arraycopy((long[]) unit[4], 0, built.votes, i * built.width, built.width);
				long[][] types = (long[][]) unit[5];
				built.typeVotes[i] = (types != null && java.util.Arrays.stream(types).anyMatch((t) -> t != null))
						? types : null;
				built.figures[i] = (UnitResult.UnitFigures) unit[6];
			}
			return built;
		}

		private static String intern(String value) {
			// the JVM's string table: shared by every contest that names the unit, and
			// collected with the last result that does
			return (value != null) ? value.intern() : null;
		}

	}

}
