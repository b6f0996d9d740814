package org.tally.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embargo (docs/contract.md §7) on every public surface: before {@code publishAfter}
 * readers get the election with "Results after …" and no count (pages, embed, feed,
 * events, CSV, CDF, history, revisions and their sources, and any read of the election
 * added later), staff get everything with {@code private, no-store}, and at the time the
 * results open by themselves with one {@code opening} revision, the one event a reader's
 * stream gets.
 */
@TallyIntegrationTest
class EmbargoTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	/** Gomez's certified count, as the feed and the pages write it. */
	private static final String GOMEZ = "25569";

	private static final String GOMEZ_PAGE = "25,569";

	/** Gomez's count in the first precinct, as the exports list it. */
	private static final String PRECINCT = "309";

	@LocalServerPort
	int port;

	final TallyApi api;

	final HttpClient http = HttpClient.newHttpClient();

	EmbargoTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void everyPublicSurfaceHidesTheCountsUntilTheTimeThenTheyOpenWithOneRevision() throws Exception {
		String e = "embargo-surfaces";
		create(e, "2017-06-06", "California", Instant.now().plus(1, ChronoUnit.HOURS));
		String base = "/api/v1/elections/" + e;
		try (EventsAcrossInstancesTests.Stream reader = stream(e, false);
				EventsAcrossInstancesTests.Stream staff = stream(e, true)) {
			reader.awaitComment("revision 0");
			staff.awaitComment("revision 0");
			this.api.importFile(e, PRECINCTS, "mode=setup").expectStatus().isCreated();
			assertThat(staff.nextEvent().id()).isEqualTo("1");

			List<String> withheld = List.of(base + "/contests", base + "/contests?since=0",
					base + "/contests?office=U.S.%20House", base + "/contests/us-house-34",
					base + "/contests/us-house-34?level=county", base + "/contests/us-house-34?level=precinct",
					base + "/contests/us-house-34/history", base + "/contests/us-house-34/rounds",
					base + "/contests/us-house-34/projection", base + "/revisions", base + "/revisions/1/counts",
					base + "/revisions/1/source", base + "/results.csv", base + "/cdf.json", base + "/imports");
			for (String path : withheld) {
				HttpResponse<String> refused = get(path, false);
				assertThat(refused.statusCode()).as(path).isEqualTo(403);
				assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
				assertThat(refused.body()).as(path).contains("\"resultsAfter\":\"Results after ").doesNotContain(GOMEZ);
				assertThat(refused.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=5");
				// through the contract check: the 403 is documented for every such read
				if (!path.contains("/imports") && !path.contains("/source")) {
					this.api.anonymous().get().uri(path).exchange().expectStatus().isForbidden();
				}
			}
			// a read added later (cdf.xml, another branch) goes through the same guard
			assertThat(get(base + "/cdf.xml", false).statusCode()).isEqualTo(403);
			assertThat(get(base + "/anything/else", false).statusCode()).isEqualTo(403);

			Map<String, Object> election = this.api.json(base);
			assertThat(election).containsEntry("contests", List.of())
				.containsEntry("revision", 1)
				.containsKey("resultsAfter");
			assertThat(get(base, false).body()).doesNotContain(GOMEZ).doesNotContain("totalVotes");
			assertThat(get(base + "/revision", false).statusCode()).isEqualTo(200);

			for (String page : List.of("/elections/" + e, "/elections/" + e + "/contests/us-house-34",
					"/embed/elections/" + e + "/contests/us-house-34", "/elections/" + e + "/cards?since=0",
					"/elections/" + e + "/contests/us-house-34/card", "/elections/" + e + "?lang=es")) {
				HttpResponse<String> shown = get(page, false);
				assertThat(shown.statusCode()).as(page).isEqualTo(200);
				assertThat(shown.body()).as(page)
					.containsAnyOf("Results after ", "Resultados a partir de las ")
					.contains("Test " + e)
					.doesNotContain(GOMEZ_PAGE)
					.doesNotContain(GOMEZ);
				assertThat(shown.headers().firstValue("Cache-Control")).as(page).hasValue("public, max-age=5");
			}
			assertThat(get("/elections/" + e + "/contests/us-house-34", false).body())
				.contains("<h1>U.S. House, District 34</h1>");

			// staff preview everything on the same URLs, never for a shared cache
			for (String path : List.of(base + "/contests", base + "/contests/us-house-34?level=county",
					base + "/results.csv", base + "/cdf.json", base + "/revisions/1/counts",
					"/elections/" + e + "/contests/us-house-34", "/elections/" + e)) {
				HttpResponse<String> preview = get(path, true);
				assertThat(preview.statusCode()).as(path).isEqualTo(200);
				assertThat(preview.body()).as(path).containsAnyOf(GOMEZ, GOMEZ_PAGE, PRECINCT);
				assertThat(preview.headers().firstValue("Cache-Control")).as(path).hasValue("private, no-store");
			}
			this.api.admin()
				.get()
				.uri(base + "/contests/us-house-34")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("Cache-Control", "private, no-store");
			// what staff were shown is not served to readers from memory
			assertThat(get(base + "/contests", false).statusCode()).isEqualTo(403);
			assertThat(get(base + "/contests/us-house-34", false).statusCode()).isEqualTo(403);
			assertThat(get("/elections/" + e + "/contests/us-house-34", false).body()).doesNotContain(GOMEZ_PAGE);

			// the time comes: a partial PUT moves it a few seconds ahead
			this.api.admin()
				.put()
				.uri(base)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"publishAfter\":\"" + Instant.now().plusSeconds(3) + "\"}")
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(staff.nextEvent().id()).isEqualTo("2");

			EventsAcrossInstancesTests.Event opening = reader.nextEvent();
			assertThat(opening.id()).as("the first event the reader gets is the opening").isEqualTo("3");
			assertThat(opening.data()).contains("us-house-34");
			assertThat(staff.nextEvent().id()).isEqualTo("3");
		}

		List<Map<String, Object>> revisions = this.api.anonymous()
			.get()
			.uri(base + "/revisions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(revisions).extracting((revision) -> revision.get("kind"))
			.containsExactly("import", "setup", "opening");
		@SuppressWarnings("unchecked")
		Map<String, Object> action = (Map<String, Object>) revisions.get(2).get("action");
		assertThat(action).containsOnlyKeys("publishAfter", "role", "type")
			.containsEntry("type", "opening")
			.containsEntry("role", "system");

		for (String path : List.of(base + "/contests", base + "/contests/us-house-34?level=county",
				base + "/contests/us-house-34/history", base + "/revisions/1/counts", base + "/results.csv",
				base + "/cdf.json", "/elections/" + e + "/contests/us-house-34", "/elections/" + e,
				"/embed/elections/" + e + "/contests/us-house-34")) {
			HttpResponse<String> open = get(path, false);
			assertThat(open.statusCode()).as(path).isEqualTo(200);
			assertThat(open.body()).as(path).containsAnyOf(GOMEZ, GOMEZ_PAGE, PRECINCT);
			assertThat(open.headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).contains("public").doesNotContain("no-store"));
		}
		assertThat(this.api.json(base)).containsEntry("resultsAfter", null).containsEntry("revision", 3);
	}

	@Test
	void theTimeReadsInTheElectionsZoneInBothLanguages() throws Exception {
		String e = "embargo-clock";
		create(e, "2030-11-05", "Pennsylvania", Instant.parse("2030-11-06T01:00:00Z"));
		assertThat(this.api.json("/api/v1/elections/" + e)).containsEntry("resultsAfter", "Results after 8:00 PM EST")
			.containsEntry("publishAfter", "2030-11-06T01:00:00Z");
		assertThat(get("/elections/" + e, false).body()).contains("Results after 8:00 PM EST");
		assertThat(get("/elections/" + e + "?lang=es", false).body())
			.containsPattern("Resultados a partir de las 8:00[\\s\u00a0\u202f]p\\.[\\s\u00a0\u202f]m\\. EST");
		String problem = get("/api/v1/elections/" + e + "/results.csv", false).body();
		assertThat(problem).contains("\"publishAfter\":\"2030-11-06T01:00:00Z\"")
			.contains("\"resultsAfter\":\"Results after 8:00 PM EST\"");
	}

	private void create(String slug, String date, String jurisdiction, Instant publishAfter) {
		this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"%s","name":"Test %s","date":"%s","kind":"special-general","jurisdiction":"%s",
					 "publishAfter":"%s"}""".formatted(slug, slug, date, jurisdiction, publishAfter))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private HttpResponse<String> get(String path, boolean staff) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (staff) {
			request.header("Authorization", basic());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private EventsAcrossInstancesTests.Stream stream(String election, boolean staff) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/elections/" + election + "/events"))
			.timeout(Duration.ofMinutes(1))
			.header("Accept", "text/event-stream");
		if (staff) {
			request.header("Authorization", basic());
		}
		HttpResponse<java.util.stream.Stream<String>> response = this.http.send(request.build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		return new EventsAcrossInstancesTests.Stream(response.body());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((Staff.ADMIN + ":" + Staff.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
