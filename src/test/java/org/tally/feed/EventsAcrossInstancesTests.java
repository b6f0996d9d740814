package org.tally.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tally.TallyApplication;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabaseInitializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Tally instances on one database: an import through this test's instance (A) reaches
 * a reader of a second instance (B) started beside it, and a reader who comes back with
 * Last-Event-ID gets every revision it missed, in order.
 */
@TallyIntegrationTest
class EventsAcrossInstancesTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	static ConfigurableApplicationContext instanceB;

	static int portB;

	@LocalServerPort
	int port;

	final TallyApi api;

	EventsAcrossInstancesTests(TallyApi api) {
		this.api = api;
	}

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startInstanceB() {
		instanceB = new SpringApplicationBuilder(TallyApplication.class).initializers(new TestDatabaseInitializer())
			.properties("server.port=0", "tally.database.discover=false", "tally.feed.heartbeat=300ms",
					"spring.main.banner-mode=off", "spring.datasource.hikari.maximum-pool-size=4")
			.run();
		portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void importThroughOneInstanceReachesTheReadersOfAnother() throws Exception {
		String election = this.api.createElection("events-two-instances", "special-general");
		try (Stream stream = open(portB, election, null)) {
			stream.awaitComment("revision 0");

			this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();

			Event event = stream.nextEvent();
			assertThat(event.id()).isEqualTo("1");
			assertThat(event.name()).isEqualTo("results");
			// the digest (docs/verify.md) and the batch: the certified canvass, 195
			// precincts (docs/api.md, "Live events")
			assertThat(event.data())
				.matches("\\{\"revision\":1,\"digest\":\"[0-9a-f]{64}\",\"contests\":\\[\"us-house-34\"],"
						+ "\"test\":false,\"added\":\\{\"us-house-34\":\\{\"totalVotes\":43179,\"candidates\":\\[\\{\"name\":\"Jimmy Gomez\","
						+ "\"votes\":25569,\"votePct\":59.2},\\{\"name\":\"Robert Lee Ahn\",\"votes\":17610,"
						+ "\"votePct\":40.8}],\"unitsTouched\":195}}}");
		}
	}

	@Test
	void sendsHeartbeatsWhileNothingChanges() throws Exception {
		String election = this.api.createElection("events-heartbeat", "special-general");
		try (Stream stream = open(portB, election, null)) {
			stream.awaitComment("heartbeat");
		}
	}

	@Test
	void lastEventIdReplaysEveryMissedRevisionInOrder() throws Exception {
		String election = this.api.createElection("events-resume", "special-general");
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();
		call(election, "too-close", "[]");
		call(election, "called", "[\"Jimmy Gomez\"]");

		try (Stream stream = open(portB, election, "1")) {
			Event second = stream.nextEvent();
			Event third = stream.nextEvent();
			assertThat(List.of(second.id(), third.id())).containsExactly("2", "3");
			assertThat(third.data()).contains("\"revision\":3").contains("us-house-34");

			call(election, "uncalled", "[]");

			assertThat(stream.nextEvent().id()).isEqualTo("4");
		}
	}

	@Test
	void testElectionEventsSayTheyAreTests() throws Exception {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"events-rehearsal","name":"Rehearsal","date":"2017-06-06","kind":"general",
				 "jurisdiction":"California","test":true}
				""").exchange().expectStatus().isCreated();
		try (Stream stream = open(this.port, "events-rehearsal", null)) {
			stream.awaitComment("revision 0");

			this.api.importFile("events-rehearsal", PRECINCTS, "mode=setup").expectStatus().isCreated();

			assertThat(stream.nextEvent().data()).contains("\"test\":true");
		}
	}

	private void call(String election, String status, String winners) {
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"" + status + "\",\"winners\":" + winners + ",\"advancing\":[],\"note\":\"\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private Stream open(int port, String election, String lastEventId) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/elections/" + election + "/events"))
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<java.util.stream.Stream<String>> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		return new Stream(response.body());
	}

	record Event(String id, String name, String data) {
	}

	/** An SSE client reading lines on its own thread. */
	static final class Stream implements AutoCloseable {

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final java.util.stream.Stream<String> body;

		private final Thread reader;

		Stream(java.util.stream.Stream<String> body) {
			this.body = body;
			this.reader = new Thread(() -> {
				try {
					body.forEach(this.lines::add);
				}
				catch (RuntimeException ex) {
					// closed
				}
			}, "sse-test-reader");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		void awaitComment(String text) throws InterruptedException {
			while (true) {
				String line = next();
				if (line.startsWith(":") && line.substring(1).strip().equals(text)) {
					return;
				}
			}
		}

		Event nextEvent() throws InterruptedException {
			List<String> fields = new ArrayList<>();
			while (true) {
				String line = next();
				if (line.isEmpty()) {
					if (fields.stream().anyMatch((field) -> field.startsWith("event:"))) {
						return new Event(field(fields, "id"), field(fields, "event"), field(fields, "data"));
					}
					fields.clear();
				}
				else if (!line.startsWith(":")) {
					fields.add(line);
				}
			}
		}

		private String next() throws InterruptedException {
			String line = this.lines.poll(10, TimeUnit.SECONDS);
			assertThat(line).as("a line of the event stream within 10 s").isNotNull();
			return line;
		}

		private static String field(List<String> fields, String name) {
			return fields.stream()
				.filter((field) -> field.startsWith(name + ":"))
				.map((field) -> field.substring(name.length() + 1))
				.findFirst()
				.orElse(null);
		}

		@Override
		public void close() {
			this.body.close();
			this.reader.interrupt();
		}

	}

}
