package org.tally.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;
import org.tally.TallyApplication;
import org.tally.support.ContractCheck;
import org.tally.support.SignIn;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TestDatabaseInitializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request gets a 5xx (docs/api.md, "The OpenAPI document"): requests generated from
 * the committed document for every operation, anonymous, as staff and as an admin, with
 * odd and empty parameter names, unknown parameters, NUL and control characters, very
 * long strings, wrong types, wrong Content-Types with and without a multipart boundary,
 * encoded path characters and unknown methods. Every answer is below 500; every 4xx is
 * {@code application/problem+json} whose {@code detail} names what was wrong; a request
 * writes at most one log line and never a stack trace. A Tally of its own, on the test
 * database, so the log seen is this test's.
 */
class ApiFuzzPropertyTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static ConfigurableApplicationContext tally;

	static int port;

	static JsonNode document;

	static List<Operation> operations;

	static ListAppender<ILoggingEvent> log;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final String ELECTION = "fuzz-ca-34";

	static final String STAFF = "fuzz-staff";

	static final String STAFF_PASSWORD = "fuzz-staff-password";

	@BeforeContainer
	static void start() throws IOException {
		tally = new SpringApplicationBuilder(TallyApplication.class).initializers(new TestDatabaseInitializer())
			.properties("server.port=0", "tally.database.discover=false", "spring.main.banner-mode=off",
					"spring.datasource.hikari.maximum-pool-size=4")
			.run();
		port = Integer.parseInt(tally.getEnvironment().getProperty("local.server.port"));
		document = JSON.readTree(Files.readString(ContractCheck.DOCUMENT));
		operations = Operation.all(document);
		TallyApi api = new TallyApi(port);
		if (api.admin()
			.get()
			.uri("/api/v1/elections/" + ELECTION)
			.exchange()
			.returnResult()
			.getStatus()
			.value() == 404) {
			api.createElection(ELECTION, "special-general");
			api.importFile(ELECTION, "ca34/20170606__ca__special__general__election_night.csv", "mode=setup")
				.expectStatus()
				.isCreated();
			api.admin()
				.post()
				.uri("/api/v1/users")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.body("{\"username\":\"" + STAFF + "\",\"password\":\"" + STAFF_PASSWORD + "\",\"role\":\"STAFF\"}")
				.exchange();
		}
		log = new ListAppender<>();
		log.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
	}

	@AfterContainer
	static void stop() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
		if (tally != null) {
			tally.close();
		}
	}

	@Property(tries = 1200)
	void noRequestGetsA5xx(@ForAll("requests") Fuzz request) throws Exception {
		int logBefore = log.list.size();
		Answer answer = send(request);
		List<ILoggingEvent> logged = requestLog(logBefore);
		String where = request + " -> " + answer.status + " " + answer.contentType + " " + answer.body;
		assertThat(answer.status).as(where).isLessThan(500);
		if (answer.status >= 400 && !"HEAD".equals(request.method())) {
			assertThat(answer.contentType).as(where).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(answer.body);
			assertThat(problem.path("detail").asString("")).as(where).isNotBlank();
			if (answer.status == 422) {
				// a rejected file: each problem names its row, column and what is wrong
				assertThat(problem.path("problems").isEmpty()).as(where).isFalse();
				problem.path("problems")
					.forEach((each) -> assertThat(each.path("message").asString("")).as(where).isNotBlank());
			}
			else if (answer.status == 400) {
				assertThat(problem.path("detail").asString("")).as(where + ": the detail names the field")
					.matches("(?s)^[^ :]{1,120}: .+");
			}
		}
		assertThat(logged).as(where + " logged " + logged).hasSizeLessThanOrEqualTo(1);
		assertThat(logged).as(where + " logged a stack trace").allMatch((event) -> event.getThrowableProxy() == null);
	}

	private static List<ILoggingEvent> requestLog(int from) throws InterruptedException {
		Thread.sleep(2); // a line written just after the answer
		List<ILoggingEvent> events = new ArrayList<>(log.list.subList(from, log.list.size()));
		return events.stream().filter((event) -> event.getThreadName().startsWith("http-nio")).toList();
	}

	@Provide
	Arbitrary<Fuzz> requests() {
		Arbitrary<Operation> operation = Arbitraries.of(operations);
		return operation.flatMap((op) -> Combinators
			.combine(FuzzValues.method(op.method()), FuzzValues.path(op.path(), ELECTION),
					FuzzValues.query(op.parameters()), Arbitraries.of("anonymous", "staff", "admin"),
					FuzzValues.contentType(op.contentTypes()), FuzzValues.body(document, op.jsonBody()))
			.as((method, path, query, who, contentType, body) -> new Fuzz(method, path + query, who, contentType,
					FuzzValues.bodyFor(contentType, body))));
	}

	private static Answer send(Fuzz fuzz) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + fuzz.target()))
			.timeout(Duration.ofSeconds(10))
			.method(fuzz.method(), (fuzz.body() != null) ? HttpRequest.BodyPublishers.ofByteArray(fuzz.body())
					: HttpRequest.BodyPublishers.noBody());
		if (fuzz.contentType() != null) {
			request.header("Content-Type", fuzz.contentType());
		}
		String authorization = switch (fuzz.who()) {
			case "admin" -> SignIn.basic(Staff.ADMIN, Staff.ADMIN_PASSWORD);
			case "staff" -> SignIn.basic(STAFF, STAFF_PASSWORD);
			default -> null;
		};
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		String type = response.headers().firstValue("Content-Type").orElse("");
		try (InputStream body = response.body()) {
			String text = type.startsWith("text/event-stream") ? ""
					: new String(body.readNBytes(1_000_000), StandardCharsets.UTF_8);
			return new Answer(response.statusCode(), type, text);
		}
	}

	/** A generated request. */
	record Fuzz(String method, String target, String who, String contentType, byte[] body) {

		@Override
		public String toString() {
			String shown = (this.body == null) ? "" : new String(this.body, StandardCharsets.UTF_8);
			return this.method + " " + abbreviate(this.target) + " as " + this.who + " [" + this.contentType + "] "
					+ abbreviate(shown);
		}

		private static String abbreviate(String text) {
			return (text.length() > 300) ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
		}

	}

	record Answer(int status, String contentType, String body) {
	}

	/** An operation of the document. */
	record Operation(String method, String path, List<String> parameters, List<String> contentTypes, String jsonBody) {

		static List<Operation> all(JsonNode document) {
			List<Operation> all = new ArrayList<>();
			for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					JsonNode op = operation.getValue();
					List<String> parameters = new ArrayList<>();
					op.path("parameters").forEach((p) -> {
						if ("query".equals(p.path("in").asString(""))) {
							parameters.add(p.path("name").asString());
						}
					});
					List<String> types = new ArrayList<>();
					op.path("requestBody").path("content").propertyNames().forEach(types::add);
					String jsonBody = op.path("requestBody")
						.path("content")
						.path("application/json")
						.path("schema")
						.path("$ref")
						.asString(null);
					all.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), parameters, types,
							jsonBody));
				}
			}
			return all;
		}

	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
