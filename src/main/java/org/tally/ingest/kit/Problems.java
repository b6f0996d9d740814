package org.tally.ingest.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the problems of one file and passes them on. Those of the first rows are held
 * back until the file has shown itself to be text: a binary file then gets one clear
 * problem instead of one per garbled line.
 */
public final class Problems {

	/** Data rows on probation. */
	public static final int PROBATION_ROWS = 100;

	/** Rows with NUL or control bytes among those that make a file binary. */
	public static final int BINARY_ROWS = 10;

	/** Held problems beyond which the probation ends anyway, to keep memory small. */
	private static final int MAX_HELD = 1000;

	private final RowSink sink;

	private List<Problem> held = new ArrayList<>();

	private long count;

	private int binaryRows;

	public Problems(RowSink sink) {
		this.sink = sink;
	}

	public void report(Problem problem) {
		this.count++;
		if (this.held != null && this.held.size() < MAX_HELD) {
			this.held.add(problem);
		}
		else {
			release();
			this.sink.problem(problem);
		}
	}

	public void warn(Problem warning) {
		this.sink.warning(warning);
	}

	public long count() {
		return this.count;
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

	/** Drops what was held for one problem about the whole file. */
	public void replaceAll(Problem problem) {
		this.held = null;
		this.count = 1;
		this.sink.problem(problem);
	}

	public void release() {
		if (this.held != null) {
			List<Problem> held = this.held;
			this.held = null;
			held.forEach(this.sink::problem);
		}
	}

}
