package org.tally.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the first problems of an import and counts all of them.
 */
final class ProblemCollector {

	private final int keep;

	private final List<Problem> first = new ArrayList<>();

	private long total;

	ProblemCollector(int keep) {
		this.keep = keep;
	}

	void add(Problem problem) {
		this.total++;
		if (this.first.size() < this.keep) {
			this.first.add(problem);
		}
	}

	/** Forgets every problem (the file is read again). */
	void clear() {
		this.total = 0;
		this.first.clear();
	}

	List<Problem> first() {
		return List.copyOf(this.first);
	}

	long total() {
		return this.total;
	}

}
