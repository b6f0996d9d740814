package org.tally.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Where one import's time goes, phase by phase (docs/import.md, "Where the time goes"):
 * each phase ends where the next begins, so the phases add up to the import's time on the
 * server. Time spent waiting on PostgreSQL while the file streams in is taken out of the
 * reading ({@link #moveFromLast}) and shown as its own phase. Plain Java; the service
 * logs the phases at DEBUG and records them as a Micrometer timer.
 */
final class ImportPhases {

	/** The phases, in the order an import passes them. */
	static final String RECEIVE = "receive", LOCK = "lock", NAMES = "names", PARSE = "parse", STAGE = "stage",
			CREATE = "create", SUMS = "sums", MERGE = "merge", TOTALS = "totals", RECORD = "record",
			COMMIT = "seal+commit";

	private final LongSupplier clock;

	private final Map<String, Long> nanos = new LinkedHashMap<>();

	private long mark;

	ImportPhases() {
		this(System::nanoTime);
	}

	ImportPhases(LongSupplier clock) {
		this.clock = clock;
		this.mark = clock.getAsLong();
	}

	/** Ends the phase running since the last mark, adding to it if it ran before. */
	void end(String phase) {
		long now = this.clock.getAsLong();
		this.nanos.merge(phase, now - this.mark, Long::sum);
		this.mark = now;
	}

	/**
	 * Moves time measured inside the phase just ended to another phase (the reading
	 * includes the waits on PostgreSQL's {@code COPY}).
	 */
	void moveFromLast(String from, String to, long nanos) {
		if (nanos > 0) {
			this.nanos.merge(from, -nanos, Long::sum);
			this.nanos.merge(to, nanos, Long::sum);
		}
	}

	/** Nanoseconds by phase, in the order they first ended. */
	Map<String, Long> nanos() {
		return this.nanos;
	}

	long totalNanos() {
		return this.nanos.values().stream().mapToLong(Long::longValue).sum();
	}

	/** "names 3 ms, parse 120 ms, …, total 180 ms". */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.nanos.forEach((phase, time) -> text.append(phase).append(' ').append(millis(time)).append(" ms, "));
		return text.append("total ").append(millis(totalNanos())).append(" ms").toString();
	}

	private static String millis(long nanos) {
		return String.format(java.util.Locale.ROOT, "%.1f", nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
	}

}
