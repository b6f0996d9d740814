package org.tally.results;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.tally.kernel.DatabaseOutages;
import org.tally.kernel.ElectionNotFoundException;
import org.tally.kernel.Slugs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Each election's current row, held in memory so that a reader's request costs no
 * database round trip. PostgreSQL NOTIFY (through {@link ResultsEvents}) drops an entry
 * as soon as any instance applies a revision; an entry is also re-read once it is older
 * than {@code tally.results.max-age} (1 s), whenever the listener is down, and after it
 * reconnects, so a missed notification can never keep old numbers for long.
 * <p>
 * While PostgreSQL is out of reach, readers keep the last state this instance read: a
 * reader waits for the database at most {@code tally.results.outage-wait} (0.9 s), and
 * once a read has failed, others answer from memory at once for
 * {@code tally.results.outage-hold} (2 s) before one of them tries again;
 * {@link #delayed()} says so, for pages to tell their readers.
 * <p>
 * A slug found not to exist is remembered for {@code tally.results.missing-for} (2 s):
 * made-up election names cost one query per slug and window, not one per request.
 */
@Component
public class ElectionStates {

	private static final Log log = LogFactory.getLog(ElectionStates.class);

	/** At most this many unknown slugs are remembered ({@link #knownMissing}). */
	static final int MAX_MISSING = 10_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, Long> notified = new ConcurrentHashMap<>();

	/** Slugs found not to exist, and System.nanoTime() when that was read. */
	private final Map<String, Long> missing = new ConcurrentHashMap<>();

	private final ReentrantLock[] locks = new ReentrantLock[64];

	private final CopyOnWriteArrayList<Consumer<ResultsChanged>> listeners = new CopyOnWriteArrayList<>();

	private final ResultsQueries queries;

	/** Reads of elections already in memory, waited for at most {@code outage-wait}. */
	private final ExecutorService reads = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "tally-election-reads");
		thread.setDaemon(true);
		return thread;
	});

	private final ResultsEvents events;

	private final long maxAgeNanos;

	private final long outageWaitNanos;

	private final long outageHoldNanos;

	private final long missingForNanos;

	/**
	 * System.nanoTime() before which readers answer from memory without trying the
	 * database.
	 */
	private volatile long holdUntil;

	private volatile boolean unreachable;

	ElectionStates(ResultsQueries queries, ResultsEvents events, @Value("${tally.results.max-age:1s}") Duration maxAge,
			@Value("${tally.results.outage-wait:900ms}") Duration outageWait,
			@Value("${tally.results.outage-hold:2s}") Duration outageHold,
			@Value("${tally.results.missing-for:2s}") Duration missingFor) {
		this.queries = queries;
		this.events = events;
		this.maxAgeNanos = maxAge.toNanos();
		this.outageWaitNanos = outageWait.toNanos();
		this.outageHoldNanos = outageHold.toNanos();
		this.missingForNanos = missingFor.toNanos();
		this.holdUntil = System.nanoTime();
		Arrays.setAll(this.locks, (i) -> new ReentrantLock());
		events.subscribe(this::changed);
	}

	/**
	 * Whether the last attempt to read an election failed because the database is out of
	 * reach: what readers get now may be behind ("results may be delayed").
	 */
	public boolean delayed() {
		return this.unreachable;
	}

	/**
	 * Whether a read failed for want of the database moments ago: readers with something
	 * in memory answer with it rather than wait for the database again.
	 */
	boolean holdingOff() {
		return this.unreachable && System.nanoTime() - this.holdUntil < 0;
	}

	/** A read failed because the database is out of reach. */
	void unreachable() {
		this.unreachable = true;
		this.holdUntil = System.nanoTime() + this.outageHoldNanos;
	}

	/** A read succeeded. */
	void reachable() {
		this.unreachable = false;
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
		if (entry == null && knownMissing(slug)) {
			throw ElectionNotFoundException.forSlug(slug);
		}
		if (entry != null && holdingOff()) {
			return entry.state();
		}
		if (entry == null && holdingOff()) {
			// nothing in memory and a read failed moments ago: 503 now, not another wait
			throw new DataAccessResourceFailureException("the database is out of reach");
		}
		ReentrantLock lock = this.locks[Math.floorMod(slug.hashCode(), this.locks.length)];
		if (!acquire(lock, entry != null)) {
			return entry.state();
		}
		try {
			entry = this.entries.get(slug);
			if (fresh(slug, entry)) {
				return entry.state();
			}
			long now = System.nanoTime();
			long connection = this.events.connection();
			ElectionState state;
			try {
				state = read(slug, entry);
				if (state == null) {
					reachable();
					missing(slug);
					throw ElectionNotFoundException.forSlug(slug);
				}
			}
			catch (RuntimeException ex) {
				if (!DatabaseOutages.isCause(ex)) {
					throw ex;
				}
				unreachable();
				if (entry == null) {
					throw ex;
				}
				log.warn("Database out of reach; " + slug + " answers from memory at revision "
						+ entry.state().revision());
				return entry.state();
			}
			reachable();
			this.entries.put(slug, new Entry(state, now, connection));
			return state;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The election's row; a reader that has something to answer waits for the database at
	 * most {@code outage-wait}, then answers from memory (the read goes on, unused).
	 */
	private ElectionState read(String slug, Entry entry) {
		if (entry == null) {
			return this.queries.electionState(slug).orElse(null);
		}
		Future<Optional<ElectionState>> read = this.reads.submit(() -> this.queries.electionState(slug));
		try {
			return read.get(this.outageWaitNanos, TimeUnit.NANOSECONDS).orElse(null);
		}
		catch (TimeoutException ex) {
			read.cancel(false);
			throw new QueryTimeoutException("no answer from the database within the outage wait");
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QueryTimeoutException("interrupted");
		}
	}

	/**
	 * Takes the lock; a reader that has something to answer waits for another reader's
	 * database read only {@code outage-wait}.
	 */
	private boolean acquire(ReentrantLock lock, boolean canAnswerWithout) {
		if (!canAnswerWithout) {
			lock.lock();
			return true;
		}
		try {
			return lock.tryLock(this.outageWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
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

	/**
	 * Whether the slug was read as unknown less than {@code tally.results.missing-for} (2
	 * s) ago: a reader asking for made-up elections costs no database query each.
	 */
	private boolean knownMissing(String slug) {
		Long at = this.missing.get(slug);
		if (at == null) {
			return false;
		}
		if (System.nanoTime() - at < this.missingForNanos) {
			return true;
		}
		this.missing.remove(slug, at);
		return false;
	}

	private void missing(String slug) {
		if (this.missing.size() >= MAX_MISSING) {
			// made-up slugs by the thousand: start again rather than grow
			this.missing.clear();
		}
		this.missing.put(slug, System.nanoTime());
	}

	/**
	 * An election was just created here: forget that its slug was unknown (on other
	 * instances the short window runs out).
	 */
	public void created(String slug) {
		this.missing.remove(slug);
	}

	/**
	 * Reads the election anew at its next read: for a change made outside revisions (a
	 * replay giving revisions their recorded receipt times, docs/verify.md).
	 */
	public void reread(String slug) {
		this.entries.remove(slug);
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

	/**
	 * A revision this instance has just committed: drop what is cached at once, before
	 * the NOTIFY comes back, so that whoever wrote it reads it. Listeners hear of it from
	 * the NOTIFY, once.
	 */
	void committedHere(ResultsChanged changed) {
		forget(changed);
	}

	private void changed(ResultsChanged changed) {
		forget(changed);
		for (Consumer<ResultsChanged> listener : this.listeners) {
			try {
				listener.accept(changed);
			}
			catch (RuntimeException ex) {
				log.warn("A results listener failed on " + changed, ex);
			}
		}
	}

	private void forget(ResultsChanged changed) {
		this.missing.remove(changed.election());
		this.notified.merge(changed.election(), changed.revision(), Math::max);
		this.entries.computeIfPresent(changed.election(),
				(slug, entry) -> (entry.state().revision() >= changed.revision()) ? entry : null);
	}

	private record Entry(ElectionState state, long readAt, long connection) {
	}

}
