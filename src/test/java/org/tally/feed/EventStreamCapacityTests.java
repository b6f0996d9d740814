package org.tally.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tally.TallyApplication;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabaseInitializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose event streams are full (tally.feed.max-readers=1 here): a new reader
 * is refused with 503 problem+json, Retry-After and the revision resource to poll, while
 * an import, a page and the health check still answer and the reader already connected
 * gets the import's event; once that reader leaves, a new one is let in.
 */
@TallyIntegrationTest
class EventStreamCapacityTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	/**
	 * Far above what these requests take, far below waiting on a stream; the figures
	 * (under a second at 10,000 streams) are bench/events-bench.sh's, not a test's.
	 */
	private static final Duration NOT_HELD_UP = Duration.ofSeconds(8);

	static ConfigurableApplicationContext full;

	static TallyApi api;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startAnInstanceWithOneStream() {
		full = new SpringApplicationBuilder(TallyApplication.class).initializers(new TestDatabaseInitializer())
			.properties("server.port=0", "tally.database.discover=false", "spring.main.banner-mode=off")
			// arguments: above application.properties, which sets the cap too
			.run("--tally.feed.max-readers=1", "--tally.feed.heartbeat=300ms",
					"--spring.datasource.hikari.maximum-pool-size=4");
		api = new TallyApi(Integer.parseInt(full.getEnvironment().getProperty("local.server.port")));
	}

	@AfterAll
	static void stop() {
		if (full != null) {
			full.close();
		}
	}

	@Test
	void pastTheCapReadersAreToldToRetryOrPollWhileEverythingElseAnswers() throws Exception {
		String election = api.createElection("events-capacity", "special-general");
		api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();
		try (EventsAcrossInstancesTests.Stream first = open(election)) {
			first.awaitComment("revision 1");

			HttpResponse<String> refused = get("/api/v1/elections/" + election + "/events");
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
			assertThat(refused.body()).contains("\"status\":503")
				.contains("\"poll\":\"/api/v1/elections/" + election + "/revision\"");

			long started = System.nanoTime();
			api.importCsv(election, """
					county,office,district,party,candidate,votes
					Los Angeles,U.S. House,34,DEM,Jimmy Gomez,25000
					""".getBytes(StandardCharsets.UTF_8), "").expectStatus().isCreated();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(NOT_HELD_UP);
			assertAnswers("/elections/" + election);
			assertAnswers("/actuator/health");
			assertAnswers("/api/v1/elections/" + election + "/revision");
			assertThat(first.nextEvent().id()).isEqualTo("2");
		}
		// The reader left: the next heartbeat finds its socket closed and frees its
		// place.
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		int status = 0;
		while (System.nanoTime() < deadline && status != 200) {
			Thread.sleep(200);
			HttpResponse<java.util.stream.Stream<String>> again = this.http.send(request(election),
					HttpResponse.BodyHandlers.ofLines());
			status = again.statusCode();
			again.body().close();
		}
		assertThat(status).as("a reader once the first one left").isEqualTo(200);
	}

	private void assertAnswers(String path) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> answer = get(path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(NOT_HELD_UP);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String election) {
		return HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections/" + election + "/events"))
			.header("Accept", "text/event-stream")
			.build();
	}

	private EventsAcrossInstancesTests.Stream open(String election) throws Exception {
		HttpResponse<java.util.stream.Stream<String>> response = this.http.send(request(election),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		return new EventsAcrossInstancesTests.Stream(response.body());
	}

	private static String base() {
		return "http://localhost:" + full.getEnvironment().getProperty("local.server.port");
	}

}
