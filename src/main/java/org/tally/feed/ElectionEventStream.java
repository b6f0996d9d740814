package org.tally.feed;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.tally.results.ResultsChanged;
import org.tally.results.ResultsEvents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Readers connected to an election's event stream on this instance. Each new revision
 * (from any instance, through PostgreSQL NOTIFY) becomes one {@code results} event.
 */
@Component
class ElectionEventStream {

	private final Map<String, Set<SseEmitter>> readers = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	ElectionEventStream(ResultsEvents events, JdbcClient jdbc) {
		this.jdbc = jdbc;
		events.subscribe(this::publish);
	}

	SseEmitter connect(String election) {
		SseEmitter emitter = new SseEmitter(0L);
		Set<SseEmitter> set = this.readers.computeIfAbsent(election, (key) -> ConcurrentHashMap.newKeySet());
		set.add(emitter);
		Runnable remove = () -> set.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		return emitter;
	}

	private void publish(ResultsChanged changed) {
		Set<SseEmitter> set = this.readers.get(changed.election());
		if (set == null || set.isEmpty()) {
			return;
		}
		List<String> contests = this.jdbc.sql("""
				select c.slug from contest c join election e on e.id = c.election_id
				where e.slug = ? and c.revision = ? order by c.ballot_order, c.id""")
			.params(changed.election(), changed.revision())
			.query(String.class)
			.list();
		ResultsEvent event = new ResultsEvent(changed.revision(), contests);
		for (SseEmitter emitter : set) {
			try {
				emitter.send(SseEmitter.event()
					.id(Long.toString(changed.revision()))
					.name("results")
					.data(event, org.springframework.http.MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				set.remove(emitter);
			}
		}
	}

	record ResultsEvent(long revision, List<String> contests) {
	}

}
