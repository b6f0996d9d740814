package org.tally.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a stranger's request can change for every later reader (issue 21): nothing. A
 * forged {@code X-Forwarded-Host}/{@code -Port}/{@code -Proto} from the trusted proxy's
 * address (127.0.0.3 in the tests), an absolute-form request line, a made-up {@code Host}
 * and made-up query parameters neither change a page's bytes nor take a cache slot, and
 * asking for made-up elections does not cost a database query each.
 */
@TallyIntegrationTest
class StrangerRequestsTests {

	private static final String CSV = """
			county,office,district,party,candidate,votes
			Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761
			Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108
			""";

	final TallyApi api;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	StrangerRequestsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void forgedForwardedHeadersAndAbsoluteRequestLinesNeverChangeAPage() {
		String election = election("stranger-forwarded");
		String contest = "/elections/" + election + "/contests/us-house-34";
		for (String path : List.of("/elections/" + election, contest, "/embed" + contest)) {
			Raw canonical = get("127.0.0.1", "localhost", path, Map.of());
			// the trusted proxy passing on whatever a client sent
			Raw forged = get("127.0.0.3", "localhost", path, Map.of("X-Forwarded-Host", "evil.example",
					"X-Forwarded-Port", "666", "X-Forwarded-Proto", "https"));
			Raw absolute = get("127.0.0.1", "evil.example:666", "http://evil.example:666" + path, Map.of());
			Raw after = get("127.0.0.1", "localhost", path, Map.of());

			for (Raw answer : List.of(canonical, forged, absolute, after)) {
				assertThat(answer.status()).as(path).isEqualTo(200);
				assertThat(answer.body()).as(path).doesNotContain("evil.example").doesNotContain(":666");
			}
			assertThat(after.header("etag")).as(path).isEqualTo(canonical.header("etag"));
			assertThat(after.body()).as(path).isEqualTo(canonical.body());
		}
		// the embed snippet is relative without tally.public-url
		assertThat(get("127.0.0.1", "localhost", contest, Map.of()).body())
			.contains("&lt;iframe src=&quot;/embed/elections/" + election + "/contests/us-house-34?lang=en&quot;");
	}

	@Test
	void madeUpHostsGetThePageUncachedAndTakeNoSlot() {
		String election = election("stranger-hosts");
		String contest = "/elections/" + election + "/contests/us-house-34";
		for (int i = 0; i < 8; i++) {
			Raw junk = get("127.0.0.1", "junk" + i + ".example", contest, Map.of());
			assertThat(junk.status()).isEqualTo(200);
			assertThat(junk.body()).contains("19,761").doesNotContain("junk" + i);
			// rendered for it, not served from (or kept in) the revision's pages
			assertThat(junk.header("etag")).doesNotStartWith("\"p");
		}
		for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
			Raw real = get("127.0.0.1", host, contest, Map.of());
			assertThat(real.header("etag")).as(host).matches("\"p\\d+-en-[0-9a-f]{16}\"");
		}
	}

	@Test
	void unknownQueryParametersGetTheCanonicalCachedAnswer() {
		String election = election("stranger-query");
		for (String path : List.of("/elections/" + election, "/elections/" + election + "/contests/us-house-34",
				"/api/v1/elections/" + election, "/api/v1/elections/" + election + "/contests/us-house-34")) {
			Raw canonical = get("127.0.0.1", "localhost", path, Map.of());
			String etag = canonical.header("etag");
			assertThat(etag).as(path).startsWith("\"");
			for (String query : List.of("?utm_source=news&utm_medium=social", "?fbclid=IwAR0abc", "?x=123456",
					"?x=1&utm_campaign=a%22b")) {
				Raw variant = get("127.0.0.1", "localhost", path + query, Map.of());
				assertThat(variant.status()).as(path + query).isEqualTo(200);
				assertThat(variant.header("etag")).as(path + query).isEqualTo(etag);
				assertThat(variant.body()).as(path + query).isEqualTo(canonical.body()).doesNotContain("utm_");
				assertThat(get("127.0.0.1", "localhost", path + query, Map.of("If-None-Match", etag)).status())
					.isEqualTo(304);
			}
		}
		// a parameter a page reads still gets its own answer
		assertThat(get("127.0.0.1", "localhost", "/elections/" + election + "?q=zzz-nobody", Map.of()).body())
			.doesNotContain("19,761");
	}

	@Test
	void madeUpElectionsCostNoQueryEachWithinTheWindow() {
		String slug = "no-such-election-" + System.nanoTime();
		assertThat(get("127.0.0.1", "localhost", "/api/v1/elections/" + slug, Map.of()).status()).isEqualTo(404);
		long before = borrowed();
		for (int i = 0; i < 40; i++) {
			assertThat(get("127.0.0.1", "localhost", "/api/v1/elections/" + slug, Map.of()).status()).isEqualTo(404);
			assertThat(get("127.0.0.1", "localhost", "/elections/" + slug, Map.of()).status()).isEqualTo(404);
		}
		// 80 reads of an unknown election: a few connections at most (other tests'
		// background work), not one per request
		assertThat(borrowed() - before).isLessThan(20);
		// an election created here is found at once, window or not
		this.api.createElection(slug, "special-general");
		assertThat(get("127.0.0.1", "localhost", "/api/v1/elections/" + slug, Map.of()).status()).isEqualTo(200);
	}

	private long borrowed() {
		Timer usage = this.meters.find("hikaricp.connections.usage").timer();
		assertThat(usage).as("Hikari's connection metrics").isNotNull();
		return usage.count();
	}

	private String election(String slug) {
		String election = this.api.createElection(slug, "special-general");
		this.api.importCsv(election, CSV.getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		return election;
	}

	/**
	 * One GET written byte for byte (Java's HttpClient will not send a Host of our
	 * choosing), from a chosen loopback address.
	 */
	private Raw get(String from, String host, String target, Map<String, String> headers) {
		StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
		head.append("Connection: close\r\nAccept: text/html,application/json\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			try (InputStream in = socket.getInputStream()) {
				return Raw.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Raw(int status, Map<String, String> headers, String body) {

		static Raw parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			String body = text.substring(end + 4);
			return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers,
					"chunked".equals(headers.get("transfer-encoding")) ? dechunk(body) : body);
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (true) {
				int eol = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].strip(), 16);
				if (size == 0) {
					return body.toString();
				}
				// sizes count bytes; the pages' non-ASCII letters are multi-byte
				byte[] rest = chunked.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
				String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
				body.append(chunk);
				at = eol + 2 + chunk.length() + 2;
			}
		}

		String header(String name) {
			return this.headers.get(name);
		}

	}

}
