package org.tally.ingest.kit;

import java.util.HashSet;
import java.util.Set;

/**
 * What a reader tells its sink beside the rows: problems, counted for its
 * {@link ReadSummary}, and warnings, each kind given once where the file repeats it. One
 * copy for every reader, in place of each keeping its own counter and set.
 */
public final class ReaderReport {

	private final RowSink sink;

	private final Set<String> warned = new HashSet<>();

	private long problems;

	private long warnings;

	public ReaderReport(RowSink sink) {
		this.sink = sink;
	}

	/** A problem: the file cannot be applied as it stands. */
	public void problem(Problem problem) {
		this.problems++;
		this.sink.problem(problem);
	}

	/** A warning: staff should know, the import goes on. */
	public void warning(Problem warning) {
		this.warnings++;
		this.sink.warning(warning);
	}

	/**
	 * A warning given only the first time its key is met (one per race, per column...).
	 * @return whether it was given
	 */
	public boolean warnOnce(String key, Problem warning) {
		if (!this.warned.add(key)) {
			return false;
		}
		warning(warning);
		return true;
	}

	/** The problems reported so far. */
	public long problems() {
		return this.problems;
	}

	/** The warnings given so far. */
	public long warnings() {
		return this.warnings;
	}

}
