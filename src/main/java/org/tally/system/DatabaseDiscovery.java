package org.tally.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the PostgreSQL Tally starts against, in this order, and logs which one it uses:
 * the configured {@code spring.datasource.url}; a PostgreSQL on localhost:5432; the
 * {@code postgres} service of {@code docker-compose.yml} through Spring Boot's Docker
 * Compose support, where it is on the class path ({@code ./mvnw spring-boot:run}) and a
 * Docker daemon answers; an embedded PostgreSQL when {@code tally.database.embedded} is
 * true (as {@code spring-boot:run} sets it). When nothing is found Tally tries localhost,
 * and {@link DatabaseUnavailableFailureAnalyzer} says what to start.
 */
class DatabaseDiscovery implements EnvironmentPostProcessor, Ordered {

	static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/tally";

	private static final String DOCKER_COMPOSE = "org.springframework.boot.docker.compose.lifecycle.DockerComposeListener";

	private final Log log;

	DatabaseDiscovery(DeferredLogFactory logs) {
		this.log = logs.getLog(DatabaseDiscovery.class);
	}

	@Override
	public int getOrder() {
		// After the configuration files (and their profiles) are read.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Chosen chosen = environment.getProperty("tally.database.discover", Boolean.class, true) ? discover(environment)
				: Chosen.NOTHING;
		environment.getPropertySources().addLast(chosen.propertySource());
	}

	private Chosen discover(ConfigurableEnvironment environment) {
		String configured = environment.getProperty("spring.datasource.url");
		if (StringUtils.hasText(configured)) {
			this.log.info("Database: " + configured + " (spring.datasource.url)");
			return Chosen.NOTHING;
		}
		if (reachable("localhost", 5432)) {
			this.log.info("Database: PostgreSQL on localhost:5432 (" + LOCAL_URL + ")");
			return Chosen.url(LOCAL_URL);
		}
		List<String> tried = new ArrayList<>();
		tried.add("no PostgreSQL answers on localhost:5432");
		if (dockerCompose(environment, tried)) {
			tried.forEach(this.log::info);
			this.log.info("Database: the postgres service of docker-compose.yml, through Docker Compose");
			return new Chosen(null, null, true);
		}
		if (environment.getProperty("tally.database.embedded", Boolean.class, false)) {
			Path directory = Path.of(environment.getProperty("tally.database.embedded-dir",
					System.getProperty("user.home") + "/.tally/postgres"));
			String url = EmbeddedDatabase.start(directory, tried);
			tried.forEach(this.log::info);
			this.log.info("Database: embedded PostgreSQL with its data in " + directory + " (" + url + ")");
			return new Chosen(url, "postgres", false);
		}
		tried.forEach(this.log::info);
		this.log.info("Database: none found, trying " + LOCAL_URL
				+ " (set SPRING_DATASOURCE_URL, or tally.database.embedded=true for an embedded one)");
		return Chosen.url(LOCAL_URL);
	}

	private boolean dockerCompose(ConfigurableEnvironment environment, List<String> tried) {
		if (!ClassUtils.isPresent(DOCKER_COMPOSE, getClass().getClassLoader())) {
			return false;
		}
		if (!Files.isRegularFile(Path.of("docker-compose.yml"))) {
			tried.add("Docker Compose: no docker-compose.yml in " + Path.of("").toAbsolutePath());
			return false;
		}
		try {
			Process info = new ProcessBuilder("docker", "info", "--format", "{{.ServerVersion}}")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!info.waitFor(10, TimeUnit.SECONDS)) {
				info.destroyForcibly();
				tried.add("Docker Compose: skipped, the Docker daemon does not answer within 10 s");
				return false;
			}
			if (info.exitValue() != 0) {
				tried.add("Docker Compose: skipped, the docker command is there but no Docker daemon answers");
				return false;
			}
			return true;
		}
		catch (IOException ex) {
			tried.add("Docker Compose: skipped, no docker command");
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * What discovery chose: the datasource's URL and user where it picked a database
	 * (null leaves them to the configuration), and whether Spring Boot's Docker Compose
	 * support starts the {@code postgres} service.
	 */
	record Chosen(@Nullable String url, @Nullable String username, boolean compose) {

		static final Chosen NOTHING = new Chosen(null, null, false);

		static Chosen url(String url) {
			return new Chosen(url, null, false);
		}

		/** The chosen properties, after every configured source. */
		MapPropertySource propertySource() {
			Map<String, Object> properties = new LinkedHashMap<>();
			// Spring Boot's Docker Compose support runs only when this class picks it.
			properties.put("spring.docker.compose.enabled", Boolean.toString(this.compose));
			if (this.compose) {
				properties.put("spring.docker.compose.start.arguments", "postgres");
			}
			if (this.url != null) {
				properties.put("spring.datasource.url", this.url);
			}
			if (this.username != null) {
				// the embedded database's superuser, without a password
				properties.put("spring.datasource.username", this.username);
				properties.put("spring.datasource.password", "");
			}
			return new MapPropertySource("tallyDatabase", properties);
		}

	}

}
