package org.tally.ingest.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the first problems of an import and counts all of them.
 */
public final class ProblemCollector {

	private final int keep;

	private final List<Problem> first = new ArrayList<>();

	private long total;

	public ProblemCollector(int keep) {
		this.keep = keep;
	}

	public void add(Problem problem) {
		this.total++;
		if (this.first.size() < this.keep) {
			this.first.add(problem);
		}
	}

	/** Forgets every problem (the file is read again). */
	public void clear() {
		this.total = 0;
		this.first.clear();
	}

	public List<Problem> first() {
		return List.copyOf(this.first);
	}

	public long total() {
		return this.total;
	}

}
