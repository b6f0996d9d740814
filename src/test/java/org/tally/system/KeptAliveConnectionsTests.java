package org.tally.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that was answered and kept alive reads the client's next request (issue
 * 21: the API fuzzer's client, which keeps connections, waited 10 s for an answer). The
 * fuzzer's hang was a {@code HEAD} of an event stream: the client had its answer (a head,
 * no body), the server kept streaming on that connection, and the next request on it was
 * never read. And a small body left unread by an early answer (a refused request's) is
 * read if it has arrived, so its connection is not closed under an unread body (which
 * makes the kernel reset it).
 */
@TallyIntegrationTest
class KeptAliveConnectionsTests {

	final TallyApi api;

	@LocalServerPort
	int port;

	KeptAliveConnectionsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void aHeadOfTheEventStreamLeavesItsConnectionForTheNextRequest() throws Exception {
		String election = this.api.createElection("kept-alive-head", "special-general");
		// the fuzzer's own client and requests: it keeps one connection per host
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> head = http
				.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections/" + election + "/events"))
					.timeout(Duration.ofSeconds(10))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(head.statusCode()).isEqualTo(200);
			assertThat(head.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			// before: request timed out (10 s), the connection still busy with the stream
			HttpResponse<String> next = http
				.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/elections/-2/reporting-units?=%7F"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.method("M-SEARCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(next.statusCode()).isEqualTo(400);
			assertThat(next.body()).contains("a parameter without a name");
		}
		// the same on one socket: the head, then the next answer on the same connection
		try (Socket socket = connect()) {
			write(socket, "HEAD /api/v1/elections/" + election + "/events HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 200");
			write(socket, "GET /api/v1/elections/" + election + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 200");
		}
	}

	@Test
	void aSmallBodyLeftUnreadByARefusalIsReadAndItsConnectionKept() throws Exception {
		// a made-up token: 401 at once, and no sign-in throttle counts it
		String wrong = "Authorization: Bearer tally_made-up\r\n";
		for (int i = 0; i < 20; i++) {
			try (Socket socket = connect()) {
				// a refusal answered before the body is read: the 2-byte body has arrived
				// with the head, is read and dropped, and the connection stays open
				write(socket, "PUT /api/v1/elections/x/status HTTP/1.1\r\nHost: localhost\r\n" + wrong
						+ "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
				String refused = head(socket.getInputStream());
				assertThat(refused).startsWith("HTTP/1.1 401").doesNotContainIgnoringCase("Connection: close");
				write(socket, "GET /api/v1/elections HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
				assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 200");
			}
		}
		// a body still on its way is not waited for: answered, closed, unread
		try (Socket socket = connect()) {
			write(socket, "PUT /api/v1/elections/x/status HTTP/1.1\r\nHost: localhost\r\n" + wrong
					+ "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
			String refused = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(refused).startsWith("HTTP/1.1 401").containsIgnoringCase("Connection: close");
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
		socket.setSoTimeout(10_000);
		return socket;
	}

	private static void write(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/**
	 * One answer's head and its body (by Content-Length, or chunked to its last chunk),
	 * leaving the connection for the next.
	 */
	private static String head(InputStream in) throws IOException {
		StringBuilder answer = new StringBuilder();
		while (answer.indexOf("\r\n\r\n") < 0) {
			int b = in.read();
			if (b < 0) {
				return answer.toString();
			}
			answer.append((char) b);
		}
		String head = answer.toString();
		Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
		if (head.startsWith("HTTP/1.1 200") && head.contains("text/event-stream")) {
			return head;
		}
		if (length.find()) {
			in.readNBytes(Integer.parseInt(length.group(1)));
		}
		else if (head.toLowerCase().contains("transfer-encoding: chunked")) {
			StringBuilder body = new StringBuilder();
			while (body.indexOf("\r\n0\r\n\r\n") < 0 && !body.toString().startsWith("0\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				body.append((char) b);
			}
		}
		return head;
	}

}
