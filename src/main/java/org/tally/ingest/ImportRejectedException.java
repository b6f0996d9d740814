package org.tally.ingest;

import java.util.List;

import org.tally.ingest.kit.Problem;

/**
 * An import that failed validation: nothing was applied. Carries the first problems and
 * how many there were in all.
 */
public class ImportRejectedException extends RuntimeException {

	private final long importId;

	private final List<Problem> problems;

	private final long total;

	ImportRejectedException(long importId, List<Problem> problems, long total) {
		super("Import rejected with " + total + " problem" + ((total == 1) ? "" : "s"));
		this.importId = importId;
		this.problems = List.copyOf(problems);
		this.total = total;
	}

	public long importId() {
		return this.importId;
	}

	public List<Problem> problems() {
		return this.problems;
	}

	public long total() {
		return this.total;
	}

}
