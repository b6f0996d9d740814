package org.tally.ingest.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ReaderReport} with a probation, for the text formats: the problems of the
 * first rows are held back until the file has shown itself to be text, so a binary file
 * gets one clear problem instead of one per garbled line. What is passed on, and its
 * count, is the report's.
 */
public final class Problems {

	/** Data rows on probation. */
	public static final int PROBATION_ROWS = 100;

	/** Rows with NUL or control bytes among those that make a file binary. */
	public static final int BINARY_ROWS = 10;

	/** Held problems beyond which the probation ends anyway, to keep memory small. */
	private static final int MAX_HELD = 1000;

	private final ReaderReport report;

	private List<Problem> held = new ArrayList<>();

	private int binaryRows;

	public Problems(ReaderReport report) {
		this.report = report;
	}

	public void report(Problem problem) {
		if (this.held != null && this.held.size() < MAX_HELD) {
			this.held.add(problem);
		}
		else {
			release();
			this.report.problem(problem);
		}
	}

	public void warn(Problem warning) {
		this.report.warning(warning);
	}

	/** The problems reported: those passed on and those held. */
	public long count() {
		return this.report.problems() + ((this.held != null) ? this.held.size() : 0);
	}

	/**
	 * Notes a row with binary bytes.
	 * @return whether the file now counts as binary
	 */
	public boolean binaryRow() {
		return this.held != null && ++this.binaryRows >= BINARY_ROWS;
	}

	/** Ends the probation once enough rows were text. */
	public void rowRead(long rows) {
		if (rows >= PROBATION_ROWS) {
			release();
		}
	}

	/**
	 * Drops what was held for one problem about the whole file; called while on
	 * probation, before any problem was passed on.
	 */
	public void replaceAll(Problem problem) {
		this.held = null;
		this.report.problem(problem);
	}

	public void release() {
		if (this.held != null) {
			List<Problem> held = this.held;
			this.held = null;
			held.forEach(this.report::problem);
		}
	}

}
