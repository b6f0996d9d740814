package org.tally.results;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills the read model ahead of readers (docs/operations.md, "Database outages"): at
 * start-up, and after every revision any instance applies, each live election (not
 * certified, or changed in the last day) has every contest's results, county and precinct
 * counts, history, timeline and rounds read into memory, so that a reader asking for a
 * contest nobody has read yet is answered from memory even while PostgreSQL is out of
 * reach. One background thread; a revision arriving while its election is being filled is
 * filled once more after.
 */
@Component
public class ReadModelWarmer {

	private static final Log log = LogFactory.getLog(ReadModelWarmer.class);

	/** An election certified and unchanged for this long is no longer held. */
	static final Duration LIVE_FOR = Duration.ofDays(1);

	private final ElectionStates states;

	private final ResultsService results;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "tally-read-model");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private final Map<String, Long> filled = new ConcurrentHashMap<>();

	ReadModelWarmer(ElectionStates states, ResultsService results) {
		this.states = states;
		this.results = results;
		states.onChange((changed) -> fill(changed.election()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		this.worker.execute(() -> {
			try {
				Instant since = Instant.now().minus(LIVE_FOR);
				for (ElectionState election : this.results.elections()) {
					if (!ElectionStatus.certified(election.status())
							|| (election.lastUpdated() != null && election.lastUpdated().isAfter(since))) {
						fill(election.slug());
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not list the elections to hold in memory: " + ex.getMessage());
			}
		});
	}

	/** Fills the election's read model on the background thread (once if asked twice). */
	public void fill(String slug) {
		if (this.pending.add(slug)) {
			this.worker.execute(() -> {
				this.pending.remove(slug);
				try {
					warm(slug);
				}
				catch (RuntimeException ex) {
					log.debug("Could not hold " + slug + " in memory: " + ex.getMessage());
				}
			});
		}
	}

	private void warm(String slug) {
		ElectionResults current = this.results.results(this.states.current(slug));
		for (ContestResult contest : current.contests()) {
			this.results.reportingUnits(current, contest, UnitLevel.COUNTY);
			this.results.reportingUnits(current, contest, UnitLevel.PRECINCT);
			this.results.history(current, contest);
			this.results.timeline(current, contest);
			this.results.rounds(current, contest, null);
		}
		this.filled.merge(slug, current.revision(), Math::max);
	}

	/** The latest revision of the election held in memory in full, or -1. */
	public long filled(String slug) {
		return this.filled.getOrDefault(slug, -1L);
	}

}
