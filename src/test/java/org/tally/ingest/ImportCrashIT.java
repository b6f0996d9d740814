package org.tally.ingest;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tally.support.SignIn;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real Tally process ({@code java -jar} of the built jar, SIGKILL) while it is
 * streaming a large import into PostgreSQL, then checks that nothing of that import is
 * left: counts, units, revisions and the import history are as before.
 */
class ImportCrashIT {

	/**
	 * The database may already have its admin (other tests of this JVM): the shared
	 * password.
	 */
	private static final String PASSWORD = Staff.ADMIN_PASSWORD;

	private static final String APPLICATION = "tally-import-crash-it";

	/** The killed process's temporary folder. */
	private static final Path TMP = Path.of("target", "import-crash-it-tmp", Long.toString(System.nanoTime()));

	private static final String SESSIONS = "select count(*) from pg_stat_activity where datname = current_database()"
			+ " and application_name = '" + APPLICATION + "'";

	private Process tally;

	@AfterEach
	void stopTally() {
		if (this.tally != null) {
			this.tally.destroyForcibly();
		}
	}

	@Test
	void killedMidImportLeavesNothingPartial() throws Exception {
		TestDatabase database = TestDatabase.get();
		int port = freePort();
		this.tally = start(database, port);
		String base = "http://localhost:" + port;
		awaitHealthy(base);
		send(base, "POST", "/api/v1/elections", "application/json",
				"""
						{"slug":"ca34-crash","name":"Crash","date":"2017-06-06","kind":"special-general","jurisdiction":"California","test":true}
						"""
					.getBytes(StandardCharsets.UTF_8),
				201);
		send(base, "POST", "/api/v1/elections/ca34-crash/imports?mode=setup", "text/csv",
				TallyApi.read("ca34/20170606__ca__special__general__los_angeles__precinct.csv"), 201);
		List<Long> before = state(database);

		HttpURLConnection upload = (HttpURLConnection) URI
			.create(base + "/api/v1/elections/ca34-crash/imports?mode=setup")
			.toURL()
			.openConnection();
		upload.setRequestMethod("POST");
		upload.setDoOutput(true);
		upload.setChunkedStreamingMode(64 * 1024);
		upload.setRequestProperty("Content-Type", "text/csv");
		upload.setRequestProperty("Authorization", basic());
		OutputStream body = upload.getOutputStream();
		body.write("county,precinct,office,district,party,candidate,votes\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 200_000; i++) {
			body.write(("Los Angeles,9" + i + ",U.S. House,34,DEM," + ((i % 2 == 0) ? "Jimmy Gomez" : "Robert Lee Ahn")
					+ "," + (i % 400) + "\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		// the whole body is received (onto disk) before the import touches the database
		body.close();
		assertThat(awaitCopyInProgress(database)).as("the import is streaming into PostgreSQL").isTrue();

		this.tally.destroyForcibly();
		assertThat(this.tally.waitFor(30, TimeUnit.SECONDS)).isTrue();
		awaitTallyConnectionsGone(database);

		assertThat(state(database)).isEqualTo(before);
		try (var left = Files.walk(TMP)) {
			assertThat(left.map((p) -> p.getFileName().toString()).filter((name) -> name.startsWith("tally-import-")))
				.as("the spooled copy of the body went with the process")
				.isEmpty();
		}
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("set lock_timeout = '2s'");
			// the election row is not left locked by the killed import
			statement.executeQuery("select id from election where slug = 'ca34-crash' for update").close();
			connection.rollback();
		}
	}

	/** Revision, revisions, count rows, count history rows, units, import records. */
	private static List<Long> state(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						select e.revision, (select count(*) from revision r where r.election_id = e.id),
						       (select count(*) from vote_count v join reporting_unit u on u.id = v.unit_id
						        where u.election_id = e.id),
						       (select count(*) from vote_count_change v join reporting_unit u on u.id = v.unit_id
						        where u.election_id = e.id),
						       (select count(*) from reporting_unit u where u.election_id = e.id),
						       (select count(*) from import_record i where i.election_id = e.id)
						from election e where e.slug = 'ca34-crash'""")) {
			rs.next();
			return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
		}
	}

	private static boolean awaitCopyInProgress(TestDatabase database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (int i = 0; i < 3000; i++) {
				try (ResultSet rs = statement
					.executeQuery(SESSIONS + " and query like 'copy %' and state = 'active'")) {
					rs.next();
					if (rs.getLong(1) > 0) {
						return true;
					}
				}
				Thread.sleep(10);
			}
		}
		return false;
	}

	private static void awaitTallyConnectionsGone(TestDatabase database) throws Exception {
		for (int i = 0; i < 300; i++) {
			try (Connection connection = database.connect();
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(SESSIONS)) {
				rs.next();
				if (rs.getLong(1) == 0) {
					return;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the killed Tally's database sessions did not end");
	}

	private static Process start(TestDatabase database, int port) throws IOException {
		Path jar;
		try (var jars = Files.list(Path.of("target"))) {
			jar = jars.filter((p) -> p.getFileName().toString().matches("tally-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/tally-*.jar: run ./mvnw verify"));
		}
		File log = new File("target/import-crash-it.log");
		Files.createDirectories(TMP);
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-Djava.io.tmpdir=" + TMP.toAbsolutePath(), "-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.datasource.hikari.data-source-properties.ApplicationName=" + APPLICATION,
				"--tally.admin-password=" + PASSWORD)
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
	}

	private void awaitHealthy(String base) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (int i = 0; i < 480; i++) {
			assertThat(this.tally.isAlive()).as("Tally is running (see target/import-crash-it.log)").isTrue();
			try {
				HttpResponse<Void> health = client.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("Tally did not start in 4 minutes");
	}

	private static void send(String base, String method, String path, String type, byte[] body, int expected)
			throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofMinutes(2))
				.header("Content-Type", type)
				.header("Authorization", basic())
				.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
	}

	private static String basic() {
		return SignIn.basic("admin", PASSWORD);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
