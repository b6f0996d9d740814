package org.tally.feed;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tally.support.RawHttp;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.system.HttpCaching;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that accepts gzip gets the feed's bytes compressed once per revision, with
 * {@code Content-Encoding}, {@code Vary: Accept-Encoding} and a strong ETag of its own;
 * others get the plain bytes; the event stream is never compressed.
 */
@TallyIntegrationTest
class FeedCompressionTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	final TallyApi api;

	@LocalServerPort
	int port;

	FeedCompressionTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void everyFeedReadIsGzippedForClientsThatAskAndPlainForOthers() {
		String election = this.api.createElection("feed-gzip", "special-general");
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().is2xxSuccessful();
		String base = "/api/v1/elections/" + election;

		int compressed = 0;
		// the first read of each goes through the controllers, the second takes the fast
		// path
		for (int read = 0; read < 2; read++) {
			for (String path : new String[] { base, base + "/contests", base + "/contests/us-house-34",
					base + "/contests/us-house-34?level=precinct", base + "/contests/us-house-34/history",
					base + "/results.csv", base + "/cdf.json", base + "/cdf.xml" }) {
				HttpResponse<byte[]> plain = get(path, null, null);
				HttpResponse<byte[]> gzip = get(path, "gzip, deflate, br", null);

				assertThat(plain.statusCode()).as(path).isEqualTo(200);
				assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
				if (plain.body().length < Rendered.MIN_GZIP) {
					// too small to gain from gzip: the plain bytes for everyone
					assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).isEmpty();
					assertThat(gzip.body()).isEqualTo(plain.body());
					continue;
				}
				compressed++;
				assertThat(gzip.statusCode()).as(path).isEqualTo(200);
				assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
				assertThat(String.join(",", gzip.headers().allValues("Vary"))).as(path).contains("Accept-Encoding");
				assertThat(RawHttp.gunzip(gzip.body())).as(path).isEqualTo(plain.body());
				assertThat(gzip.body().length).as(path).isLessThan(plain.body().length);
				String plainTag = plain.headers().firstValue("ETag").orElseThrow();
				String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
				assertThat(gzipTag).as(path).matches("\"[0-9]+-[0-9a-f]{16}-gzip\"").isNotEqualTo(plainTag);

				assertThat(get(path, "gzip", gzipTag).statusCode()).as(path).isEqualTo(304);
				assertThat(get(path, null, plainTag).statusCode()).as(path).isEqualTo(304);
				assertThat(get(path, null, gzipTag).statusCode()).as("another encoding's tag: " + path).isEqualTo(200);
			}
		}
		assertThat(compressed).as("answers compressed").isGreaterThanOrEqualTo(8);
		// refusing gzip with q=0 gets the plain bytes
		assertThat(get(base + "/contests", "gzip;q=0", null).headers().firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void theEventStreamIsNeverCompressed() throws Exception {
		String election = this.api.createElection("feed-gzip-events", "special-general");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/elections/" + election + "/events"))
			.header("Accept-Encoding", "gzip")
			.header("Accept", "text/event-stream")
			.build();

		HttpResponse<InputStream> stream = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = stream.body()) {
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
			assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
			// the stream's first bytes are text (a retry or comment line), not gzip's 1f
			// 8b
			int first = body.read();
			assertThat(first).isIn((int) 'r', (int) ':', (int) 'i', (int) 'e', (int) 'd');
		}
	}

	@Test
	void readsAcceptEncodingAsRfc9110Says() {
		assertThat(HttpCaching.acceptsGzip("gzip")).isTrue();
		assertThat(HttpCaching.acceptsGzip("br, GZIP;q=0.5")).isTrue();
		assertThat(HttpCaching.acceptsGzip("*")).isTrue();
		assertThat(HttpCaching.acceptsGzip("x-gzip")).isTrue();
		assertThat(HttpCaching.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(HttpCaching.acceptsGzip("gzip; q=0.000, br")).isFalse();
		assertThat(HttpCaching.acceptsGzip("identity")).isFalse();
		assertThat(HttpCaching.acceptsGzip(null)).isFalse();
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) {
		return RawHttp.get(this.port, path, acceptEncoding, ifNoneMatch);
	}

}
