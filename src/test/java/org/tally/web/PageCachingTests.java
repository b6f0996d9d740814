package org.tally.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tally.support.RawHttp;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What browsers, proxies and CDNs may keep: public pages a few seconds, the plain
 * election and contest pages with an ETag of the election's revision (304, gzip), assets
 * a year under versioned URLs, staff pages nothing.
 */
@TallyIntegrationTest
class PageCachingTests {

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	final TallyApi api;

	@LocalServerPort
	int port;

	PageCachingTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void electionAndContestPagesCarryTheRevisionsEtagAndAnswer304() {
		String election = this.api.createElection("pages-etag", "special-general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,100
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,50
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();

		for (String path : new String[] { "/elections/" + election,
				"/elections/" + election + "/contests/us-house-34" }) {
			HttpResponse<byte[]> first = get(path, null, null);
			HttpResponse<byte[]> second = get(path, null, null);

			assertThat(first.statusCode()).isEqualTo(200);
			String etag = first.headers().firstValue("ETag").orElseThrow();
			assertThat(etag).as(path).matches("\"p1-en-[0-9a-f]{16}\"");
			assertThat(second.headers().firstValue("ETag")).hasValue(etag);
			assertThat(second.body()).isEqualTo(first.body());
			assertThat(first.headers().firstValue("Cache-Control"))
				.hasValue("public, max-age=5, stale-while-revalidate=30");
			assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			// from memory or not, the security headers are there
			assertThat(second.headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("frame-ancestors 'self'");
			assertThat(second.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
			assertThat(get(path, null, etag).statusCode()).isEqualTo(304);

			HttpResponse<byte[]> gzip = get(path, "gzip", null);
			assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
			assertThat(gzip.headers()
				.allValues("Vary")
				.stream()
				.flatMap((vary) -> Arrays.stream(vary.split(",")))
				.map(String::strip)).contains("Accept-Encoding");
			assertThat(RawHttp.gunzip(gzip.body())).isEqualTo(first.body());
			String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
			assertThat(gzipTag).isEqualTo(etag.substring(0, etag.length() - 1) + "-gzip\"");
			assertThat(get(path, "gzip", gzipTag).statusCode()).isEqualTo(304);
		}

		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108
				""".getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();

		// the next revision is a new page with a new tag, at once
		HttpResponse<byte[]> after = get("/elections/" + election, null, null);
		assertThat(after.headers().firstValue("ETag").orElseThrow()).startsWith("\"p2-en-");
		assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("19,761", "13,108");
		HttpResponse<byte[]> contest = get("/elections/" + election + "/contests/us-house-34", null, null);
		assertThat(new String(contest.body(), StandardCharsets.UTF_8)).contains("19,761", "13,108");
	}

	@Test
	void liveFragmentsAreAskedForAgainEveryTimeSoAnUpdateIsNeverHidden() {
		String election = this.api.createElection("pages-live-fragments", "special-general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,9000
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,6000
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();
		String revision = new String(get("/api/v1/elections/" + election + "/revision", null, null).body(),
				StandardCharsets.UTF_8)
			.replaceAll(".*\"revision\":(\\d+).*", "$1");
		String cards = "/elections/" + election + "/cards?since=" + revision;
		String card = "/elections/" + election + "/contests/us-house-34/card";

		// a page at the current revision asks for what changed after it: nothing yet
		HttpResponse<byte[]> before = get(cards, null, null);
		assertThat(new String(before.body(), StandardCharsets.UTF_8)).doesNotContain("19,761");
		// the page asks the same URL again on the next event: no cache may answer it from
		// the earlier body (the embed's card URL never changes at all)
		assertThat(before.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(get(card, null, null).headers().firstValue("Cache-Control")).hasValue("no-cache");

		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108
				""".getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();

		assertThat(new String(get(cards, null, null).body(), StandardCharsets.UTF_8)).contains("19,761", "13,108");
		assertThat(new String(get(card, null, null).body(), StandardCharsets.UTF_8)).contains("19,761", "13,108");
	}

	@Test
	void otherPublicPagesAreCacheableBrieflyAndStaffPagesNever() {
		String election = this.api.createElection("pages-cache-control", "special-general");
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().is2xxSuccessful();

		HttpResponse<byte[]> filtered = get("/elections/" + election + "?q=gomez", null, null);
		assertThat(filtered.statusCode()).isEqualTo(200);
		assertThat(filtered.headers().firstValue("Cache-Control"))
			.hasValue("public, max-age=5, stale-while-revalidate=30");
		assertThat(get("/", null, null).headers().firstValue("Cache-Control"))
			.hasValue("public, max-age=5, stale-while-revalidate=30");
		assertThat(get("/elections/" + election + "/contests/us-house-34/counties/los-angeles", null, null).headers()
			.firstValue("Cache-Control")).hasValue("public, max-age=5, stale-while-revalidate=30");

		// Spring Security's default, as docs/pages.md quotes it
		for (String path : new String[] { "/elections/no-such-election", "/login", "/staff" }) {
			assertThat(get(path, null, null).headers().firstValue("Cache-Control")).as(path)
				.hasValue("no-cache, no-store, max-age=0, must-revalidate");
		}
	}

	@Test
	void assetsHaveVersionedUrlsKeptForAYear() {
		String election = this.api.createElection("pages-assets", "special-general");
		String html = new String(get("/elections/" + election, null, null).body(), StandardCharsets.UTF_8);

		Matcher css = Pattern.compile("href=\"(/css/tally-[0-9a-f]{32}\\.css)\"").matcher(html);
		Matcher js = Pattern.compile("src=\"(/js/tally-[0-9a-f]{32}\\.js)\"").matcher(html);
		assertThat(css.find()).as("a versioned stylesheet link in " + html).isTrue();
		assertThat(js.find()).as("a versioned script link").isTrue();
		assertThat(html).contains("src=\"/webjars/htmx.org/2.0.8/dist/htmx.min.js\"");

		for (String asset : new String[] { css.group(1), js.group(1), "/webjars/htmx.org/2.0.8/dist/htmx.min.js" }) {
			HttpResponse<byte[]> answer = get(asset, null, null);
			assertThat(answer.statusCode()).as(asset).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(asset)
				.hasValue("max-age=31536000, public, immutable");
		}
		// the hash is the content's: the stylesheet's bytes under it are the file's
		assertThat(new String(get(css.group(1), null, null).body(), StandardCharsets.UTF_8))
			.isEqualTo(new String(TallyApi.read("static/css/tally.css"), StandardCharsets.UTF_8));
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) {
		return RawHttp.get(this.port, path, acceptEncoding, ifNoneMatch);
	}

}
