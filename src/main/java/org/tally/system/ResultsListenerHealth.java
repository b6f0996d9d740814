package org.tally.system;

import org.tally.results.ResultsEvents;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code resultsListener} in health and readiness: an instance whose PostgreSQL LISTEN
 * connection is down would not push new revisions to its readers, so it should take no
 * new ones until the listener is back.
 */
@Component("resultsListener")
class ResultsListenerHealth implements HealthIndicator {

	private final ResultsEvents events;

	ResultsListenerHealth(ResultsEvents events) {
		this.events = events;
	}

	@Override
	public Health health() {
		Health.Builder health = this.events.isListening() ? Health.up() : Health.down();
		return health.withDetail("connections", this.events.connection()).build();
	}

}
