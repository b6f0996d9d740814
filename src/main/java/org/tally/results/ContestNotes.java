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
 */
public record ContestNotes(String countsAre, Map<String, Long> unitsDifferBy) {

	/** Votes, nothing to note. */
	public static final ContestNotes NONE = new ContestNotes(null, Map.of());

	/** The one non-vote kind of figure Tally knows. */
	public static final String STATE_DELEGATE_EQUIVALENTS = "state-delegate-equivalents";

	public ContestNotes {
		unitsDifferBy = (unitsDifferBy != null) ? Map.copyOf(unitsDifferBy) : Map.of();
	}

	/** Whether the figures are votes (and so have percentages of votes). */
	public boolean votes() {
		return this.countsAre == null;
	}

}
