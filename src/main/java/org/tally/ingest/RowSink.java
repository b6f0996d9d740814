package org.tally.ingest;

import java.time.Instant;

/**
 * Receives what {@link ResultsFileReader} reads, row by row, so that nothing has to hold
 * a whole file. Calls come from the reading thread, in file order.
 */
public interface RowSink {

	/** A valid count. Rows with any problem produce no counts. */
	void count(CountRow row);

	/**
	 * Progress of one contest in one unit, once per consecutive run of rows stating it.
	 */
	void progress(ProgressRow row);

	/** Something that makes the file unusable as it stands; the import must not apply. */
	void problem(Problem problem);

	/** Something staff should know that does not stop the import (an ignored column). */
	void warning(Problem warning);

	/** What a file says of a contest's kind and seats (JSON formats). */
	default void contest(ContestRow row) {
	}

	/** A winner the source declared (AP). */
	default void winner(WinnerRow row) {
	}

	/** When the source says its figures were last updated (JSON formats). */
	default void sourceUpdatedAt(Instant at) {
	}

}
