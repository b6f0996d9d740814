package org.tally.ingest.kit;

import java.time.Instant;

/**
 * Receives what a reader of results files reads, row by row, so that nothing has to hold
 * a whole file. Calls come from the reading thread, in file order.
 */
public interface RowSink {

	/** A valid count. Rows with any problem produce no counts. */
	void count(CountRow row);

	/**
	 * Progress of one contest in one unit, once per consecutive run of rows stating it.
	 */
	void progress(ProgressRow row);

	/**
	 * A ranked-choice contest's rounds (an RCTab report), after the counts of its final
	 * round. Formats without rounds never call it.
	 */
	default void rounds(RankedRounds rounds) {
	}

	/** Something that makes the file unusable as it stands; the import must not apply. */
	void problem(Problem problem);

	/** Something staff should know that does not stop the import (an ignored column). */
	void warning(Problem warning);

	/**
	 * What the file says of a contest (kind, seats: "(Vote For 2)", Clarity's
	 * {@code voteFor}), before that contest's counts.
	 */
	default void contest(ContestRow contest) {
	}

	/**
	 * A total the file states about itself, beside what Tally computes from the file's
	 * other rows: every reader reports each one it can check (the import's
	 * {@code Reconciliation}).
	 */
	default void stated(StatedTotal total) {
	}

	/**
	 * The file's own key for a contest, choice or unit, before the rows that use it:
	 * identity by key (docs/import.md, Identity by key). Formats without keys never call
	 * it.
	 */
	default void key(SourceKey key) {
	}

	/**
	 * A contest's over-votes, under-votes or blank ballots in one unit, as the file
	 * states them: never votes (docs/import.md, Other counts).
	 */
	default void otherCount(OtherCountRow row) {
	}

	/** A winner the source declared (AP). */
	default void winner(WinnerRow row) {
	}

	/**
	 * When the source says it produced the file (Clarity's {@code Timestamp}, AP, NIST).
	 */
	default void sourceUpdatedAt(Instant updatedAt) {
	}

}
