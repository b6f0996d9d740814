package org.tally.feed;

import org.junit.jupiter.api.Test;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers and their caches: a strong ETag per revision and representation, 304 for a
 * matching If-None-Match, and results computed once per revision.
 */
@TallyIntegrationTest
class FeedCachingTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	@Autowired
	ResultsService results;

	@Autowired
	JdbcClient jdbc;

	final TallyApi api;

	FeedCachingTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void answersWithStrongEtagCacheControlLastModifiedAndRevision() {
		String election = imported("cache-headers");

		EntityExchangeResult<byte[]> answer = get("/api/v1/elections/" + election + "/contests/us-house-34");

		HttpHeaders headers = answer.getResponseHeaders();
		assertThat(headers.getETag()).matches("\"1-[0-9a-f]{16}(-gzip)?\"");
		assertThat(headers.getCacheControl()).isEqualTo("public, max-age=5, stale-while-revalidate=30");
		assertThat(headers.getLastModified()).isPositive();
		assertThat(headers.getFirst("Tally-Revision")).isEqualTo("1");
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
	}

	@Test
	void answersNotModifiedToAMatchingIfNoneMatch() {
		String election = imported("cache-not-modified");
		String uri = "/api/v1/elections/" + election + "/contests/us-house-34";
		String etag = get(uri).getResponseHeaders().getETag();

		this.api.anonymous()
			.get()
			.uri(uri)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=5, stale-while-revalidate=30");
	}

	@Test
	void changesTheEtagWithTheRevisionSoOldCopiesAreRefreshed() {
		String election = imported("cache-new-revision");
		String uri = "/api/v1/elections/" + election + "/contests/us-house-34";
		String before = get(uri).getResponseHeaders().getETag();

		call(election);

		EntityExchangeResult<byte[]> after = Eventually.get(() -> this.api.anonymous()
			.get()
			.uri(uri)
			.header(HttpHeaders.IF_NONE_MATCH, before)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.call.status")
			.isEqualTo("called")
			.returnResult());
		assertThat(after.getResponseHeaders().getETag()).startsWith("\"2-").isNotEqualTo(before);
	}

	@Test
	void givesEachRepresentationItsOwnEtag() {
		String election = imported("cache-representations");
		String uri = "/api/v1/elections/" + election + "/contests/us-house-34";

		String plain = get(uri).getResponseHeaders().getETag();
		String county = get(uri + "?level=county").getResponseHeaders().getETag();
		String precinct = get(uri + "?level=precinct").getResponseHeaders().getETag();

		assertThat(plain).isNotEqualTo(county).isNotEqualTo(precinct);
		assertThat(county).isNotEqualTo(precinct);
	}

	@Test
	void fastPathAndControllerAnswerWithTheSameBytesAndEtag() {
		String election = imported("cache-fast-path");
		String uri = "/api/v1/elections/" + election + "/contests/us-house-34";

		EntityExchangeResult<byte[]> fast = get(uri);
		EntityExchangeResult<byte[]> controller = get(uri + "?from=controller");

		assertThat(fast.getResponseBody()).isEqualTo(controller.getResponseBody());
		assertThat(fast.getResponseHeaders().getETag()).isEqualTo(controller.getResponseHeaders().getETag());
		assertThat(fast.getResponseHeaders().getLastModified())
			.isEqualTo(controller.getResponseHeaders().getLastModified());
		assertThat(fast.getResponseHeaders().getFirst("Tally-Revision"))
			.isEqualTo(controller.getResponseHeaders().getFirst("Tally-Revision"));
	}

	@Test
	void unknownContestIsAProblemDetailOnEveryPath() {
		String election = imported("cache-unknown");

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/no-such-contest")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aChangeWithoutNotificationIsServedWithinTheMaxAge() {
		String election = imported("cache-missed-notification");
		String uri = "/api/v1/elections/" + election;
		get(uri);

		this.jdbc.sql("update election set name = 'Renamed quietly' where slug = ?").param(election).update();

		Eventually.get(() -> this.api.anonymous()
			.get()
			.uri(uri)
			.exchange()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed quietly"));
	}

	@Test
	void computesAnUnchangedElectionOnceForEveryReader() {
		String election = imported("cache-shared");

		ElectionResults first = this.results.results(this.results.current(election));
		ElectionResults second = this.results.results(this.results.current(election));

		assertThat(second).isSameAs(first);
		assertThat(this.results.contests(this.results.election(election))).isSameAs(first.contests());
	}

	@Test
	void letsAnyOriginReadTheFeedAndSeeItsHeaders() {
		String election = imported("cache-cors");

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34")
			.header(HttpHeaders.ORIGIN, "https://newsroom.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					(exposed) -> assertThat(exposed).contains("ETag").contains("Tally-Revision"));
		this.api.anonymous()
			.options()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34")
			.header(HttpHeaders.ORIGIN, "https://newsroom.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "If-None-Match")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
	}

	@Test
	void refusesCrossOriginWrites() {
		String election = imported("cache-cors-writes");

		this.api.anonymous()
			.options()
			.uri("/api/v1/elections/" + election + "/imports")
			.header(HttpHeaders.ORIGIN, "https://newsroom.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private String imported(String slug) {
		this.api.createElection(slug, "special-general");
		this.api.importFile(slug, PRECINCTS, "mode=setup").expectStatus().isCreated();
		return slug;
	}

	private void call(String election) {
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"],\"advancing\":[],\"note\":\"all in\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private EntityExchangeResult<byte[]> get(String uri) {
		return this.api.anonymous().get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
	}

}
