package org.tally.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tally.results.ReadModelWarmer;
import org.tally.results.ResultsEvents;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL going away under a running Tally: only this test's own database is made
 * unreachable ({@code allow_connections false} and its sessions terminated), or only the
 * notification listener's connection is cut, never the whole server.
 */
@TallyIntegrationTest
class DatabaseOutageTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	@LocalServerPort
	int port;

	@Autowired
	ResultsEvents listener;

	@Autowired
	ReadModelWarmer warmer;

	final TallyApi api;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	DatabaseOutageTests(TallyApi api) {
		this.api = api;
	}

	@AfterEach
	void databaseBack() throws Exception {
		allowConnections(true);
		Eventually.within(Duration.ofSeconds(30), () -> assertThat(this.listener.isListening()).isTrue());
	}

	@Test
	void passesOnARevisionCommittedWhileTheListenerWasAway() throws Exception {
		String election = this.api.createElection("outage-listener", "special-general");
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();
		try (EventsAcrossInstancesTests.Stream stream = open(election)) {
			stream.awaitComment("revision 1");
			int attempt = 0;
			String status = "too-close";
			while (true) {
				long before = this.listener.connection();
				terminateListener();
				call(election, status);
				boolean inTheGap = this.listener.connection() == before;
				EventsAcrossInstancesTests.Event event = stream.nextEvent();
				assertThat(event.name()).isEqualTo("results");
				assertThat(event.id()).isEqualTo(Integer.toString(2 + attempt));
				assertThat(event.data()).contains("us-house-34");
				if (inTheGap) {
					assertThat(this.listener.connection()).as("told after reconnecting").isGreaterThan(before);
					break;
				}
				// the listener came back before the commit: the gap was not tested, try
				// again
				attempt++;
				status = (attempt % 2 == 0) ? "too-close" : "uncalled";
				assertThat(attempt).as("a commit landing while the listener reconnects").isLessThan(5);
			}
		}
	}

	@Test
	void readersAnswerFromMemoryWhileWritesAndSignInsAnswer503() throws Exception {
		String election = this.api.createElection("outage-readers", "special-general");
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();
		assertThat(get("/elections/" + election).statusCode()).isEqualTo(200);
		assertThat(get("/elections/" + election + "/contests/us-house-34").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/elections/" + election + "/contests/us-house-34").statusCode()).isEqualTo(200);

		allowConnections(false);

		Timed<HttpResponse<String>> feed = timed(() -> get("/api/v1/elections/" + election + "/contests/us-house-34"));
		assertThat(feed.value().statusCode()).isEqualTo(200);
		assertThat(feed.value().body()).contains("\"revision\":1");
		assertThat(feed.took()).isLessThan(Duration.ofSeconds(4));
		// the page says so once the instance has noticed the outage (its listener's
		// connection gone, or a read failing): a fast answer from memory may come first
		Eventually.within(Duration.ofSeconds(5), () -> {
			Timed<HttpResponse<String>> page = timed(() -> get("/elections/" + election));
			assertThat(page.value().statusCode()).isEqualTo(200);
			assertThat(page.value().body()).contains("Results may be delayed").contains("Jimmy Gomez");
			assertThat(page.took()).isLessThan(Duration.ofSeconds(4));
		});
		Timed<HttpResponse<String>> contest = timed(() -> get("/elections/" + election + "/contests/us-house-34"));
		assertThat(contest.value().statusCode()).isEqualTo(200);
		assertThat(contest.took()).isLessThan(Duration.ofSeconds(4));

		Timed<HttpResponse<String>> write = timed(
				() -> send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections/" + election + "/status"))
					.header("Authorization", basicAdmin())
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"paused\"}"))));
		assertThat(write.value().statusCode()).as(write.value().body()).isEqualTo(503);
		assertThat(write.value().headers().firstValue("Retry-After")).isPresent();
		assertThat(write.value().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		assertThat(write.took()).isLessThan(Duration.ofSeconds(6));
		Timed<HttpResponse<String>> health = timed(() -> get("/actuator/health"));
		assertThat(health.value().statusCode()).isEqualTo(503);
		assertThat(health.value().body()).contains("DOWN");
		assertThat(health.took()).isLessThan(Duration.ofSeconds(6));

		allowConnections(true);

		Eventually.within(Duration.ofSeconds(30), () -> {
			assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
			HttpResponse<String> again = send(
					HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections/" + election + "/status"))
						.header("Authorization", basicAdmin())
						.header("Content-Type", "application/json")
						.PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"paused\"}")));
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(get("/elections/" + election).body()).doesNotContain("Results may be delayed");
		});
	}

	@Test
	void anUnreadContestIsServedFromMemoryAndWhatIsNotHeldAnswers503Quickly() throws Exception {
		String election = this.api.createElection("outage-unread", "special-general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108
				Los Angeles,Governor,,DEM,Gavin Newsom,3021
				Los Angeles,Governor,,REP,John Cox,1766
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();
		// nobody reads a contest: the read model is filled at the revision all the same
		Eventually.within(Duration.ofSeconds(60), () -> assertThat(this.warmer.filled(election)).isEqualTo(1));

		allowConnections(false);

		for (String path : new String[] { "/elections/" + election + "/contests/governor",
				"/api/v1/elections/" + election + "/contests/governor?level=precinct",
				"/elections/" + election + "/contests/us-house-34" }) {
			Timed<HttpResponse<String>> read = timed(() -> get(path));
			assertThat(read.value().statusCode()).as(path).isEqualTo(200);
			assertThat(read.value().body()).as(path).containsAnyOf("3,021", "3021", "19,761");
			// the issue asks 1 s; a busy shared machine gets some slack
			assertThat(read.took()).as(path).isLessThan(Duration.ofMillis(2000));
		}
		// not held in memory: an earlier revision's rounds, an election never read
		for (String path : new String[] { "/api/v1/elections/" + election + "/contests/governor/rounds?revision=0",
				"/api/v1/elections/outage-never-read-" + System.nanoTime() }) {
			Timed<HttpResponse<String>> read = timed(() -> get(path));
			assertThat(read.value().statusCode()).as(path + " " + read.value().body()).isEqualTo(503);
			assertThat(read.value().headers().firstValue("Retry-After")).as(path).isPresent();
			assertThat(read.value().headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
			System.out.println("outage: " + path + " answered 503 in " + read.took().toMillis() + " ms");
			assertThat(read.took()).as(path).isLessThan(Duration.ofSeconds(3));
		}
	}

	/**
	 * Every public read during an outage is answered from memory or with a quick 503
	 * (problem+json on the API, the error page on pages), never a 500: the home page, the
	 * exports, the history of imports and revisions and a staff page all need the
	 * database. (Before one outage test decided, a data-access failure that did not name
	 * the outage skipped the API's handler and ended on Spring's generic 500.)
	 */
	@Test
	void whatNeedsTheDatabaseAnswers503NeverA500() throws Exception {
		String election = this.api.createElection("outage-every-path", "special-general");
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();
		Eventually.within(Duration.ofSeconds(60), () -> assertThat(this.warmer.filled(election)).isEqualTo(1));
		String feed = "/api/v1/elections/" + election;
		String contest = "/elections/" + election + "/contests/us-house-34";
		String[] paths = { "/", "/elections/" + election, contest, contest + "/card",
				"/elections/" + election + "/cards", "/embed/elections/" + election + "/contests/us-house-34", "/login",
				"/staff", "/elections/outage-never-read-" + System.nanoTime(), "/api/v1/elections", feed,
				feed + "/revision", feed + "/contests", feed + "/contests/us-house-34",
				feed + "/contests/us-house-34/history", feed + "/contests/us-house-34/rounds",
				feed + "/contests/us-house-34/projection", feed + "/imports", feed + "/revisions",
				feed + "/revisions/1/counts", feed + "/revisions/1/source", feed + "/results.csv", feed + "/cdf.json",
				"/api/v1/keys" };
		for (String path : paths) {
			assertThat(read(path).statusCode()).as(path).isIn(200, 302, 404);
		}

		allowConnections(false);

		for (String path : paths) {
			Timed<HttpResponse<String>> read = timed(() -> read(path));
			HttpResponse<String> answer = read.value();
			String type = answer.headers().firstValue("Content-Type").orElse("");
			assertThat(answer.statusCode()).as(path + " " + answer.body()).isIn(200, 302, 404, 503);
			if (answer.statusCode() == 503) {
				assertThat(answer.headers().firstValue("Retry-After")).as(path).isPresent();
				assertThat(type).as(path)
					.startsWith(path.startsWith("/api/") ? MediaType.APPLICATION_PROBLEM_JSON_VALUE
							: MediaType.TEXT_HTML_VALUE);
			}
			System.out.println(
					"outage: " + path + " answered " + answer.statusCode() + " in " + read.took().toMillis() + " ms");
			assertThat(read.took()).as(path).isLessThan(Duration.ofMillis(3500));
		}
		// what the read model holds stays a 200
		assertThat(get(contest).statusCode()).isEqualTo(200);
		assertThat(get(feed + "/contests/us-house-34").statusCode()).isEqualTo(200);
	}

	@Test
	void signInsAnswer503NotUnauthorizedWhileTheDatabaseIsAway() throws Exception {
		allowConnections(false);

		Timed<HttpResponse<String>> basic = timed(
				() -> send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections"))
					.header("Authorization", basicAdmin())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"slug\":\"outage-new\",\"name\":\"x\",\"date\":\"2017-06-06\","
								+ "\"kind\":\"general\",\"jurisdiction\":\"x\"}"))));
		Timed<HttpResponse<String>> token = timed(
				() -> send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections/x/status"))
					.header("Authorization", "Bearer tally_whatever")
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"paused\"}"))));

		assertThat(basic.value().statusCode()).isEqualTo(503);
		assertThat(basic.value().headers().firstValue("Retry-After")).isPresent();
		assertThat(basic.value().body()).contains("\"status\":503");
		assertThat(basic.took()).isLessThan(Duration.ofSeconds(6));
		assertThat(token.value().statusCode()).isEqualTo(503);
		assertThat(token.took()).isLessThan(Duration.ofSeconds(6));
	}

	private EventsAcrossInstancesTests.Stream open(String election) throws Exception {
		HttpResponse<java.util.stream.Stream<String>> response = this.http
			.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections/" + election + "/events"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		return new EventsAcrossInstancesTests.Stream(response.body());
	}

	private void call(String election, String status) {
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"" + status + "\",\"winners\":[],\"advancing\":[],\"note\":\"\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	/**
	 * Cuts the notification listener's connection and waits until PostgreSQL has ended
	 * it.
	 */
	private void terminateListener() throws Exception {
		int pid = this.listener.backendPid();
		try (Connection connection = TestDatabase.get().connect()) {
			try (PreparedStatement terminate = connection.prepareStatement("""
					select pg_terminate_backend(?)""")) {
				terminate.setInt(1, pid);
				try (ResultSet rows = terminate.executeQuery()) {
					assertThat(rows.next() && rows.getBoolean(1)).as("the listener's session").isTrue();
				}
			}
			Eventually.within(Duration.ofSeconds(5), () -> {
				try (PreparedStatement count = connection.prepareStatement("""
						select count(*) from pg_stat_activity where pid = ?""")) {
					count.setInt(1, pid);
					try (ResultSet rows = count.executeQuery()) {
						rows.next();
						assertThat(rows.getInt(1)).isZero();
					}
				}
			});
		}
	}

	/**
	 * Opens or closes this test's database (only it) to new sessions; closing ends the
	 * open ones.
	 */
	private static void allowConnections(boolean allow) throws SQLException {
		TestDatabase database = TestDatabase.get();
		String url = database.url();
		String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		Properties properties = new Properties();
		properties.setProperty("user", database.username());
		properties.setProperty("password", database.password());
		try (Connection admin = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
				properties); Statement statement = admin.createStatement()) {
			statement.execute("alter database " + name + " allow_connections " + allow);
			if (!allow) {
				statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
						+ "' and pid <> pg_backend_pid()");
			}
		}
	}

	/** What a browser or a program gets: pages as HTML, the exports as what they are. */
	private HttpResponse<String> read(String path) {
		boolean export = path.endsWith(".csv") || path.endsWith(".json") || path.endsWith("/source");
		return send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Accept", export ? "*/*" : "text/html,application/json"));
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html,application/json"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(40)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String basicAdmin() {
		return org.tally.support.FromAddress.basic(org.tally.support.Staff.ADMIN,
				org.tally.support.Staff.ADMIN_PASSWORD);
	}

	private static <T> Timed<T> timed(java.util.function.Supplier<T> action) {
		long start = System.nanoTime();
		T value = action.get();
		return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
	}

	record Timed<T>(T value, Duration took) {
	}

}
