package org.tally.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tally.support.RawHttp;
import org.tally.support.RawHttp.Head;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public route answers with the same headers whichever path answers it: the feed's
 * fast path or its controllers, a page kept in memory or one rendered per request, a cold
 * answer or a warm one; and those headers are the ones docs/api.md ("Caching"),
 * docs/pages.md ("Caching") and docs/security.md ("Headers") promise. Real HTTP, header
 * lines as they come off the wire.
 */
@TallyIntegrationTest
class PublicHeadersTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	/** docs/api.md and docs/pages.md, "Caching". */
	private static final String PUBLIC = "public, max-age=5, stale-while-revalidate=30";

	/** Never the same twice, or a matter of the connection. */
	private static final Set<String> PER_ANSWER = Set.of("date", "content-length", "transfer-encoding", "connection",
			"keep-alive");

	private static final String NEWSROOM = "https://newsroom.example";

	/**
	 * Older than any answer, so no controller answers 304 and the fast path steps aside.
	 */
	private static final String LONG_AGO = "Thu, 01 Jan 1970 00:00:00 GMT";

	final TallyApi api;

	@LocalServerPort
	int port;

	PublicHeadersTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void feedAnswersCarryTheSameHeadersFromTheFastPathAndTheControllers() {
		String feed = "/api/v1/elections/" + imported("headers-feed");

		for (String path : List.of(feed, feed + "/contests", feed + "/contests/us-house-34")) {
			// If-Modified-Since sends the read down the chain to the controllers
			Head controllers = get("localhost", path,
					Map.of("Origin", NEWSROOM, "Accept-Encoding", "gzip", "If-Modified-Since", LONG_AGO));
			Head fast = get("localhost", path, Map.of("Origin", NEWSROOM, "Accept-Encoding", "gzip"));

			assertThat(comparable(fast, true)).as(path).isEqualTo(comparable(controllers, true));
			assertFeedHeaders(path, fast);
			assertThat(fast.header("Content-Type")).as(path).isEqualTo("application/json");
		}
	}

	@Test
	void exportsAndTheRevisionCarryTheFeedsHeadersColdAndWarm() {
		String feed = "/api/v1/elections/" + imported("headers-exports");

		for (String path : List.of(feed + "/results.csv", feed + "/cdf.json", feed + "/cdf.xml", feed + "/revision")) {
			Map<String, String> asked = Map.of("Origin", NEWSROOM, "Accept-Encoding", "gzip");
			Head cold = get("localhost", path, asked);
			Head warm = get("localhost", path, asked);

			assertThat(comparable(warm, true)).as(path).isEqualTo(comparable(cold, true));
			assertFeedHeaders(path, warm);
		}
	}

	@Test
	void pagesCarryTheSameHeadersFromMemoryAndRenderedPerRequest() {
		String election = imported("headers-pages");

		for (String path : List.of("/elections/" + election, "/elections/" + election + "/contests/us-house-34")) {
			Map<String, String> asked = Map.of("Accept-Encoding", "gzip", "Accept", "text/html");
			// a Host that is not the site's is rendered per request, never kept
			Head rendered = get("stranger.example", path, asked);
			get("localhost", path, asked);
			Head kept = get("localhost", path, asked);

			// the kept page's tag names its revision, the rendered one's its bytes
			assertThat(comparable(kept, false)).as(path).isEqualTo(comparable(rendered, false));
			assertThat(kept.header("ETag")).as(path).startsWith("\"p1-en-");
			assertThat(kept.header("Content-Encoding")).as(path).isEqualTo("gzip");
			assertThat(kept.header("Content-Language")).as(path).isEqualTo("en-US");
			assertPageHeaders(path, kept);
			assertThat(kept.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'self'");
			assertThat(kept.header("X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
		}
	}

	@Test
	void theEmbedIsCachedLikeThePagesAndMayBeFramedAnywhere() {
		String path = "/embed/elections/" + imported("headers-embed") + "/contests/us-house-34";
		Map<String, String> asked = Map.of("Accept-Encoding", "gzip", "Accept", "text/html");

		Head cold = get("localhost", path, asked);
		Head warm = get("localhost", path, asked);

		assertThat(comparable(warm, true)).isEqualTo(comparable(cold, true));
		assertPageHeaders(path, warm);
		assertThat(warm.header("Content-Security-Policy")).startsWith("frame-ancestors *;");
		assertThat(warm.header("X-Frame-Options")).isNull();
	}

	/** docs/api.md, "Caching"; docs/security.md, "Headers". */
	private static void assertFeedHeaders(String path, Head answer) {
		assertThat(answer.status()).as(path).isEqualTo(200);
		assertThat(answer.header("Cache-Control")).as(path).isEqualTo(PUBLIC);
		assertThat(answer.header("ETag")).as(path).matches("\"\\d+-[0-9a-f]{16}(-gzip)?\"");
		assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
		assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
		assertThat(answer.header("Tally-Revision")).as(path).isEqualTo("1");
		assertThat(vary(answer)).as(path).contains("origin");
	}

	/** docs/pages.md, "Caching"; docs/security.md, "Headers". */
	private static void assertPageHeaders(String path, Head answer) {
		assertThat(answer.status()).as(path).isEqualTo(200);
		assertThat(answer.header("Cache-Control")).as(path).isEqualTo(PUBLIC);
		assertThat(answer.header("ETag")).as(path).isNotNull();
		assertThat(answer.header("Content-Type")).as(path).startsWith("text/html");
		assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
	}

	/**
	 * The headers a cache or a browser acts on: every line but those that differ per
	 * answer, {@code Vary} as the set it means, the ETag's value or only its presence.
	 */
	private static Map<String, String> comparable(Head answer, boolean etagValue) {
		Map<String, String> headers = new TreeMap<>();
		answer.headers().forEach((name, values) -> {
			if (!PER_ANSWER.contains(name)) {
				headers.put(name, String.join(", ", values));
			}
		});
		headers.put("vary", String.join(", ", vary(answer)));
		if (!etagValue && headers.containsKey("etag")) {
			headers.put("etag", "(present)");
		}
		return headers;
	}

	private static Set<String> vary(Head answer) {
		String vary = answer.header("Vary");
		return (vary != null) ? Arrays.stream(vary.split(","))
			.map((name) -> name.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(TreeSet::new)) : Set.of();
	}

	private Head get(String host, String path, Map<String, String> headers) {
		return RawHttp.head(this.port, host, path, headers);
	}

	private String imported(String slug) {
		this.api.createElection(slug, "special-general");
		this.api.importFile(slug, PRECINCTS, "mode=setup").expectStatus().isCreated();
		return slug;
	}

}
