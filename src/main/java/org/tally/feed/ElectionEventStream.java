package org.tally.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.tally.results.BatchQueries;
import org.tally.results.ContestOrder;
import org.tally.results.ElectionState;
import org.tally.results.ElectionStates;
import org.tally.results.ResultsChanged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Readers connected to an election's event stream on this instance. Each revision
 * (applied by any instance, told through PostgreSQL NOTIFY) becomes one {@code results}
 * event whose id is the revision. Revisions of an election have no gaps, so a reader who
 * sees revision N after M &lt; N-1, or who reconnects with {@code Last-Event-ID: M}, is
 * sent every revision after M from the revision table first: no event is ever skipped.
 */
@Component
class ElectionEventStream implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(ElectionEventStream.class);

	/** Revisions after :after, each with the contests it touched. */
	private static final String REVISIONS_AFTER = """
			select r.number, r.digest,
			       array(select c.slug from contest c
			             where c.election_id = r.election_id
			               and (c.revision = r.number
			                    or exists (select 1 from contest_progress_snapshot s
			                               where s.contest_id = c.id and s.revision = r.number)
			                    or exists (select 1 from race_call rc where rc.contest_id = c.id and rc.revision = r.number)
			                    or exists (select 1 from concession co where co.contest_id = c.id and co.revision = r.number))
			             order by %s) as contests
			from revision r
			where r.election_id = :election and r.number > :after
			order by r.number
			limit 1000
			"""
		.formatted(ContestOrder.of("c"));

	private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

	private final Map<String, Set<Reader>> readers = new ConcurrentHashMap<>();

	private final AtomicInteger connected = new AtomicInteger();

	private final ElectionStates states;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Duration heartbeat;

	private final int maxReaders;

	private final int maxPendingBytes;

	private ExecutorService sender;

	private ScheduledExecutorService heartbeats;

	private volatile boolean running;

	private final BatchQueries batches;

	ElectionEventStream(ElectionStates states, JdbcClient jdbc, JsonMapper json, BatchQueries batches,
			@Value("${tally.feed.heartbeat:15s}") Duration heartbeat,
			@Value("${tally.feed.max-readers:12000}") int maxReaders,
			@Value("${tally.feed.max-pending-bytes:65536}") int maxPendingBytes) {
		this.states = states;
		this.batches = batches;
		this.jdbc = jdbc;
		this.json = json;
		this.heartbeat = heartbeat;
		this.maxReaders = maxReaders;
		this.maxPendingBytes = maxPendingBytes;
		states.onChange(this::changed);
	}

	/** Readers connected to this instance now (every election). */
	int connected() {
		return this.connected.get();
	}

	/**
	 * A new reader of the election: first the revisions after {@code lastEventId} (when
	 * given), then every new one. False, with nothing written, when this instance already
	 * has {@code tally.feed.max-readers} readers: the caller answers 503.
	 */
	boolean connect(ElectionState election, Long lastEventId, boolean staff, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (this.connected.incrementAndGet() > this.maxReaders) {
			this.connected.decrementAndGet();
			return false;
		}
		EventSink sink;
		Reader reader;
		long current = election.revision();
		long from = (lastEventId != null) ? Math.max(0, Math.min(lastEventId, current)) : current;
		Set<Reader> set = this.readers.computeIfAbsent(election.slug(), (key) -> ConcurrentHashMap.newKeySet());
		try {
			// The database first: if it fails, nothing has started and the request fails
			// as usual.
			List<Frame> missed = (from < current) ? frames(revisionsAfter(election.id(), from), election.test())
					: List.of();
			AsyncContext async = request.startAsync(request, response);
			async.setTimeout(0);
			Reader[] self = new Reader[1];
			sink = new EventSink(async, this.maxPendingBytes, () -> {
				set.remove(self[0]);
				this.connected.decrementAndGet();
			});
			reader = new Reader(election.id(), sink, staff);
			self[0] = reader;
			synchronized (reader) {
				set.add(reader);
				reader.lastSent = from;
				sink.send(("retry:2000\n:revision " + current + "\n\n").getBytes(StandardCharsets.UTF_8));
				catchUp(reader, missed, election.embargoed(Instant.now()));
				reader.ready = true;
			}
		}
		catch (IOException | RuntimeException ex) {
			this.connected.decrementAndGet();
			throw ex;
		}
		if (sink.isClosed()) {
			set.remove(reader);
		}
		if (this.states.lastNotified(election.slug()) > reader.lastSent) {
			this.sender.execute(() -> deliver(election.slug()));
		}
		return true;
	}

	private void changed(ResultsChanged changed) {
		ExecutorService sender = this.sender;
		if (sender != null && this.readers.containsKey(changed.election())) {
			sender.execute(() -> deliver(changed.election()));
		}
	}

	/**
	 * Sends every reader of the election what it has not seen yet: each event is encoded
	 * once, and no reader's socket is waited for ({@link EventSink}).
	 */
	private void deliver(String election) {
		Set<Reader> set = this.readers.get(election);
		if (set == null || set.isEmpty()) {
			return;
		}
		try {
			ElectionState state = this.states.current(election);
			long oldest = set.stream().mapToLong((reader) -> reader.lastSent).min().orElse(state.revision());
			List<Frame> frames = frames(revisionsAfter(state.id(), oldest), state.test());
			boolean embargoed = state.embargoed(Instant.now());
			for (Reader reader : set) {
				synchronized (reader) {
					if (reader.ready) {
						catchUp(reader, frames, embargoed);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not send the events of " + election, ex);
		}
	}

	private List<RevisionEvent> revisionsAfter(long electionId, long after) {
		List<RevisionEvent> events = this.jdbc.sql(REVISIONS_AFTER)
			.param("election", electionId)
			.param("after", after)
			.query((rs, row) -> new RevisionEvent(rs.getLong("number"), rs.getString("digest"),
					List.of((String[]) rs.getArray("contests").getArray()), Map.of()))
			.list();
		if (events.isEmpty()) {
			return events;
		}
		Map<Long, Map<String, BatchQueries.Live>> batches = this.batches.live(electionId, after,
				events.get(events.size() - 1).revision());
		return events.stream()
			.map((event) -> new RevisionEvent(event.revision(), event.digest(), event.contests(),
					batches.getOrDefault(event.revision(), Map.of())))
			.toList();
	}

	/** The events as they go on the wire ({@code id}, {@code event}, {@code data}). */
	private List<Frame> frames(List<RevisionEvent> events, boolean test) {
		List<Frame> frames = new ArrayList<>(events.size());
		for (RevisionEvent event : events) {
			String data = this.json.writeValueAsString(
					new ResultsEvent(event.revision(), event.digest(), event.contests(), test, event.added()));
			frames.add(new Frame(event.revision(), ("id:" + event.revision() + "\nevent:results\ndata:" + data + "\n\n")
				.getBytes(StandardCharsets.UTF_8)));
		}
		return frames;
	}

	/**
	 * Sends the reader the frames it has not seen; while the election is embargoed
	 * (docs/contract.md §7) a reader who is not staff is sent none of them (they only
	 * count as seen), so that the opening is the one event it gets when the results open.
	 */
	private void catchUp(Reader reader, List<Frame> frames, boolean embargoed) {
		for (Frame frame : frames) {
			if (embargoed && !reader.staff) {
				reader.lastSent = Math.max(reader.lastSent, frame.revision());
				continue;
			}
			if (frame.revision() > reader.lastSent) {
				if (!reader.sink.send(frame.bytes())) {
					return;
				}
				reader.lastSent = frame.revision();
			}
		}
	}

	/**
	 * A comment to every reader: keeps idle streams open and finds the readers that left
	 * (a write to a closed connection fails, which ends and counts out the stream).
	 */
	private void heartbeat() {
		try {
			for (Set<Reader> set : this.readers.values()) {
				for (Reader reader : set) {
					reader.sink.send(HEARTBEAT);
				}
			}
		}
		catch (RuntimeException ex) {
			// never let the schedule die with one failure
			log.warn("Heartbeat failed", ex);
		}
	}

	@Override
	public void start() {
		this.sender = Executors.newSingleThreadExecutor((task) -> daemon(task, "tally-feed-events"));
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "tally-feed-heartbeat"));
		this.heartbeats.scheduleWithFixedDelay(this::heartbeat, this.heartbeat.toMillis(), this.heartbeat.toMillis(),
				TimeUnit.MILLISECONDS);
		this.running = true;
	}

	/**
	 * Ends every stream, telling readers to come back at once (through the proxy, to
	 * another instance), so that a graceful shutdown does not wait for them.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.heartbeats.shutdownNow();
		this.sender.shutdownNow();
		byte[] reconnect = "retry:250\n:shutting down: reconnect\n\n".getBytes(StandardCharsets.UTF_8);
		this.readers.values().forEach((set) -> set.forEach((reader) -> {
			reader.sink.send(reconnect);
			reader.sink.close();
		}));
		this.readers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * One {@code results} event; {@code digest} is the revision's in the chain
	 * (docs/verify.md); per contest whose counts it changed, the batch it added (units as
	 * a number, so an event stays small).
	 */
	record ResultsEvent(long revision, String digest, List<String> contests, boolean test,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, BatchQueries.Live> added) {
	}

	private record RevisionEvent(long revision, String digest, List<String> contests,
			Map<String, BatchQueries.Live> added) {
	}

	private record Frame(long revision, byte[] bytes) {
	}

	/** One connected reader; guarded by its own lock. */
	private static final class Reader {

		final long electionId;

		final EventSink sink;

		/** Whether staff: sent every revision, also during an embargo. */
		final boolean staff;

		long lastSent;

		boolean ready;

		Reader(long electionId, EventSink sink, boolean staff) {
			this.electionId = electionId;
			this.sink = sink;
			this.staff = staff;
		}

	}

}
