package org.tally.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.tally.results.BatchQueries;
import org.tally.results.ElectionState;
import org.tally.results.ElectionStates;
import org.tally.results.ResultsChanged;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

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
			select r.number,
			       array(select c.slug from contest c
			             where c.election_id = r.election_id
			               and (c.revision = r.number
			                    or exists (select 1 from contest_progress_snapshot s
			                               where s.contest_id = c.id and s.revision = r.number)
			                    or exists (select 1 from race_call rc where rc.contest_id = c.id and rc.revision = r.number)
			                    or exists (select 1 from concession co where co.contest_id = c.id and co.revision = r.number))
			             order by c.ballot_order, c.id) as contests
			from revision r
			where r.election_id = :election and r.number > :after
			order by r.number
			limit 1000
			""";

	private final Map<String, Set<Reader>> readers = new ConcurrentHashMap<>();

	private final ElectionStates states;

	private final JdbcClient jdbc;

	private final Duration heartbeat;

	private ExecutorService sender;

	private ScheduledExecutorService heartbeats;

	private volatile boolean running;

	private final BatchQueries batches;

	ElectionEventStream(ElectionStates states, JdbcClient jdbc, BatchQueries batches,
			@Value("${tally.feed.heartbeat:15s}") Duration heartbeat) {
		this.states = states;
		this.batches = batches;
		this.jdbc = jdbc;
		this.heartbeat = heartbeat;
		states.onChange(this::changed);
	}

	/**
	 * A new reader of the election: first the revisions after {@code lastEventId} (when
	 * given), then every new one.
	 */
	SseEmitter connect(ElectionState election, Long lastEventId) {
		SseEmitter emitter = new SseEmitter(0L);
		Reader reader = new Reader(election.slug(), election.id(), emitter);
		Set<Reader> set = this.readers.computeIfAbsent(election.slug(), (key) -> ConcurrentHashMap.newKeySet());
		emitter.onCompletion(() -> set.remove(reader));
		emitter.onTimeout(() -> set.remove(reader));
		emitter.onError((ex) -> set.remove(reader));
		long current = this.jdbc.sql("select revision from election where id = ?")
			.param(election.id())
			.query(Long.class)
			.single();
		synchronized (reader) {
			set.add(reader);
			reader.lastSent = (lastEventId != null) ? Math.max(0, Math.min(lastEventId, current)) : current;
			send(reader, SseEmitter.event().reconnectTime(2_000).comment("revision " + current));
			catchUp(reader, revisionsAfter(reader.electionId, reader.lastSent), election.test());
			reader.ready = true;
		}
		if (this.states.lastNotified(election.slug()) > reader.lastSent) {
			this.sender.execute(() -> deliver(election.slug()));
		}
		return emitter;
	}

	private void changed(ResultsChanged changed) {
		ExecutorService sender = this.sender;
		if (sender != null && this.readers.containsKey(changed.election())) {
			sender.execute(() -> deliver(changed.election()));
		}
	}

	/** Sends every reader of the election what it has not seen yet. */
	private void deliver(String election) {
		Set<Reader> set = this.readers.get(election);
		if (set == null || set.isEmpty()) {
			return;
		}
		try {
			ElectionState state = this.states.current(election);
			long oldest = set.stream().mapToLong((reader) -> reader.lastSent).min().orElse(state.revision());
			List<RevisionEvent> events = revisionsAfter(state.id(), oldest);
			for (Reader reader : set) {
				synchronized (reader) {
					if (reader.ready) {
						catchUp(reader, events, state.test());
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
			.query((rs, row) -> new RevisionEvent(rs.getLong("number"),
					List.of((String[]) rs.getArray("contests").getArray()), Map.of()))
			.list();
		if (events.isEmpty()) {
			return events;
		}
		Map<Long, Map<String, BatchQueries.Live>> batches = this.batches.live(electionId, after,
				events.get(events.size() - 1).revision());
		return events.stream()
			.map((event) -> new RevisionEvent(event.revision(), event.contests(),
					batches.getOrDefault(event.revision(), Map.of())))
			.toList();
	}

	private void catchUp(Reader reader, List<RevisionEvent> events, boolean test) {
		for (RevisionEvent event : events) {
			if (event.revision() > reader.lastSent && !reader.closed) {
				send(reader,
						SseEmitter.event()
							.id(Long.toString(event.revision()))
							.name("results")
							.data(new ResultsEvent(event.revision(), event.contests(), test, event.added()),
									MediaType.APPLICATION_JSON));
				reader.lastSent = event.revision();
			}
		}
	}

	private void heartbeat() {
		for (Set<Reader> set : this.readers.values()) {
			for (Reader reader : set) {
				synchronized (reader) {
					send(reader, SseEmitter.event().comment("heartbeat"));
				}
			}
		}
	}

	private void send(Reader reader, SseEmitter.SseEventBuilder event) {
		if (reader.closed) {
			return;
		}
		try {
			reader.emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			reader.closed = true;
			Set<Reader> set = this.readers.get(reader.election);
			if (set != null) {
				set.remove(reader);
			}
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
		this.readers.values().forEach((set) -> set.forEach((reader) -> {
			synchronized (reader) {
				send(reader, SseEmitter.event().reconnectTime(250).comment("shutting down: reconnect"));
			}
			reader.emitter.complete();
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
	 * A revision: the contests it touched and, per contest whose counts it changed, the
	 * batch it added (units as a number, so an event stays small).
	 */
	record ResultsEvent(long revision, List<String> contests, boolean test,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, BatchQueries.Live> added) {
	}

	private record RevisionEvent(long revision, List<String> contests, Map<String, BatchQueries.Live> added) {
	}

	/** One connected reader; guarded by its own lock. */
	private static final class Reader {

		final String election;

		final long electionId;

		final SseEmitter emitter;

		long lastSent;

		boolean ready;

		boolean closed;

		Reader(String election, long electionId, SseEmitter emitter) {
			this.election = election;
			this.electionId = electionId;
			this.emitter = emitter;
		}

	}

}
