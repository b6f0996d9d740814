package org.tally.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing PostgreSQL into one paragraph that says what to start or what to set.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
		if (cause.getCause() == null) {
			return new FailureAnalysis(cause.getMessage(),
					"Tried first: " + String.join("; ", cause.tried()) + ". See 'Quick start' in README.md.", cause);
		}
		String description = "Tally could not use PostgreSQL at " + cause.url() + " (" + cause.getCause().getMessage()
				+ ").";
		String action = """
				Tally keeps every count in PostgreSQL. Start a local server (on Debian: \
				'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start', or \
				'docker compose up postgres'), or point Tally at yours with SPRING_DATASOURCE_URL \
				(e.g. jdbc:postgresql://db.example.org:5432/tally), SPRING_DATASOURCE_USERNAME and \
				SPRING_DATASOURCE_PASSWORD. The database itself is created when missing if the user may create databases. \
				'./mvnw spring-boot:run' (not 'java -jar') also starts an embedded PostgreSQL when it finds none; \
				'tally.database.embedded=true' asks for it explicitly.""";
		return new FailureAnalysis(description, action, cause);
	}

}
