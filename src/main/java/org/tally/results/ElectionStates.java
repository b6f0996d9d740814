package org.tally.results;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each election's current row, held in memory so that a reader's request costs no
 * database round trip. PostgreSQL NOTIFY (through {@link ResultsEvents}) drops an entry
 * as soon as any instance applies a revision; an entry is also re-read once it is older
 * than {@code tally.results.max-age} (1 s), whenever the listener is down, and after it
 * reconnects, so a missed notification can never keep old numbers for long.
 */
@Component
public class ElectionStates {

	private static final Log log = LogFactory.getLog(ElectionStates.class);

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, Long> notified = new ConcurrentHashMap<>();

	private final Object[] locks = new Object[64];

	private final CopyOnWriteArrayList<Consumer<ResultsChanged>> listeners = new CopyOnWriteArrayList<>();

	private final ResultsQueries queries;

	private final ResultsEvents events;

	private final long maxAgeNanos;

	ElectionStates(ResultsQueries queries, ResultsEvents events,
			@Value("${tally.results.max-age:1s}") Duration maxAge) {
		this.queries = queries;
		this.events = events;
		this.maxAgeNanos = maxAge.toNanos();
		Arrays.setAll(this.locks, (i) -> new Object());
		events.subscribe(this::changed);
	}

	/**
	 * The election as it stands now (at most {@code max-age} old when a notification was
	 * lost), or {@link ElectionNotFoundException}.
	 */
	public ElectionState current(String slug) {
		Entry entry = this.entries.get(slug);
		if (fresh(slug, entry)) {
			return entry.state();
		}
		synchronized (this.locks[Math.floorMod(slug.hashCode(), this.locks.length)]) {
			entry = this.entries.get(slug);
			if (fresh(slug, entry)) {
				return entry.state();
			}
			long now = System.nanoTime();
			long connection = this.events.connection();
			ElectionState state = this.queries.electionState(slug)
				.orElseThrow(() -> ElectionNotFoundException.forSlug(slug));
			this.entries.put(slug, new Entry(state, now, connection));
			return state;
		}
	}

	/**
	 * Whether the entry may be served: young enough, read on the current LISTEN
	 * connection, and not older than a revision already notified (a notification that
	 * arrived while the entry was being read).
	 */
	private boolean fresh(String slug, Entry entry) {
		return entry != null && System.nanoTime() - entry.readAt() < this.maxAgeNanos
				&& entry.connection() == this.events.connection() && this.events.isListening()
				&& this.notified.getOrDefault(slug, 0L) <= entry.state().revision();
	}

	/** The highest revision of the election this instance has been told about. */
	public long lastNotified(String slug) {
		return this.notified.getOrDefault(slug, 0L);
	}

	/**
	 * Calls the listener (on the listener thread: keep it quick) after this instance has
	 * dropped what it knew of the changed election, so that a reader told of a revision
	 * and asking at once gets the new numbers.
	 */
	public Runnable onChange(Consumer<ResultsChanged> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	private void changed(ResultsChanged changed) {
		this.notified.merge(changed.election(), changed.revision(), Math::max);
		this.entries.computeIfPresent(changed.election(),
				(slug, entry) -> (entry.state().revision() >= changed.revision()) ? entry : null);
		for (Consumer<ResultsChanged> listener : this.listeners) {
			try {
				listener.accept(changed);
			}
			catch (RuntimeException ex) {
				log.warn("A results listener failed on " + changed, ex);
			}
		}
	}

	private record Entry(ElectionState state, long readAt, long connection) {
	}

}
