package org.tally.system;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up's database search: a configured URL is used as it is, Spring Boot's Docker
 * Compose support stays off unless the search picks it, and the embedded database refuses
 * root in one line that names the other ways.
 */
class DatabaseDiscoveryTests {

	final DatabaseDiscovery discovery = new DatabaseDiscovery((destination) -> logOf(DatabaseDiscovery.class));

	@Test
	void usesTheConfiguredUrlAsItIs() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org:5432/tally")
			.withProperty("tally.database.embedded", "true");
		this.discovery.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://db.example.org:5432/tally");
		assertThat(environment.getProperty("spring.docker.compose.enabled")).isEqualTo("false");
	}

	@Test
	void leavesTheUrlToTheTestsWhenTheyTurnTheSearchOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("tally.database.discover", "false");
		this.discovery.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isNull();
		assertThat(environment.getProperty("spring.docker.compose.enabled")).isEqualTo("false");
	}

	@Test
	void saysInOneLineThatPostgresqlRefusesRootAndWhatElseToDo() {
		DatabaseUnavailableException refused = new DatabaseUnavailableException(EmbeddedDatabase.REFUSES_ROOT,
				List.of("no PostgreSQL answers on localhost:5432",
						"Docker Compose: skipped, the docker command is there but no Docker daemon answers"));
		FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer().analyze(refused);
		assertThat(analysis.getDescription()).doesNotContain("\n")
			.startsWith("PostgreSQL refuses to run as root")
			.contains("as a normal user", "localhost:5432", "Docker", "SPRING_DATASOURCE_URL");
		assertThat(analysis.getAction()).contains("no PostgreSQL answers on localhost:5432",
				"no Docker daemon answers");
	}

	private static Log logOf(Class<?> type) {
		return LogFactory.getLog(type);
	}

}
