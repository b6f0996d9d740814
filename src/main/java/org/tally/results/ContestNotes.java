package org.tally.results;

import java.util.Map;

/**
 * What a contest's figures are, beside the figures themselves (docs/import.md, "What the
 * figures are"): whether they are votes at all, and what the source's own contest-wide
 * total says against its units.
 *
 * @param countsAre {@code null} for votes; {@code "state-delegate-equivalents"} when the
 * source's figures are not votes (AP's Democratic caucus races)
 * @param unitsDifferBy per choice, the source's own contest-wide figure minus the sum of
 * its units' rows, only where they differ; empty when they agree or the source states no
 * such total
 * @param otherCounts the contest's over-votes, under-votes and blank ballots as its files
 * state them ({@code other_count}, V18: "overvotes", "undervotes", "blank"), summed over
 * its units, a unit's children standing in for it where they state the same kind; empty
 * when no file states them. Never votes.
 */
public record ContestNotes(String countsAre, Map<String, Long> unitsDifferBy, Map<String, Long> otherCounts) {

	/** Votes, nothing to note. */
	public static final ContestNotes NONE = new ContestNotes(null, Map.of(), Map.of());

	/** The one non-vote kind of figure Tally knows. */
	public static final String STATE_DELEGATE_EQUIVALENTS = "state-delegate-equivalents";

	public ContestNotes {
		unitsDifferBy = (unitsDifferBy != null) ? Map.copyOf(unitsDifferBy) : Map.of();
		otherCounts = (otherCounts != null) ? Map.copyOf(otherCounts) : Map.of();
	}

	public ContestNotes(String countsAre, Map<String, Long> unitsDifferBy) {
		this(countsAre, unitsDifferBy, Map.of());
	}

	/** Whether the figures are votes (and so have percentages of votes). */
	public boolean votes() {
		return this.countsAre == null;
	}

}
