package org.tally.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tally.support.FromAddress;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request bodies never hold a worker (issue 21; the load figures are
 * bench/attack-bench.sh's): a declared body over the limit, or any sizeable body without
 * credentials, is refused at once with 413 problem+json and {@code Connection: close},
 * before a byte of it is read; a small anonymous body that trickles is cut off (408).
 */
@TallyIntegrationTest
class RequestBodyLimitsTests {

	final TallyApi api;

	/** When the last {@link #send} got its answer's first bytes. */
	long answeredAt;

	@LocalServerPort
	int port;

	RequestBodyLimitsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void declaredBodiesOverTheLimitsAreRefusedUnread() {
		String election = this.api.createElection("body-limits", "special-general");
		String admin = "Authorization: " + FromAddress.basic(Staff.ADMIN, Staff.ADMIN_PASSWORD) + "\r\n";
		String[][] cases = { { "POST / HTTP/1.1", "", "1000000" }, { "POST /login HTTP/1.1", "", "1000000" },
				{ "POST /api/v1/elections/" + election + "/imports HTTP/1.1", "", "9000" },
				// the one upload limit, raw or multipart: 200 MB
				{ "POST /api/v1/elections/" + election + "/imports HTTP/1.1", admin, "2000000000" },
				{ "POST /staff/elections/" + election + "/imports HTTP/1.1", "Cookie: JSESSIONID=made-up\r\n",
						"300000000" } };
		for (String[] attempt : cases) {
			long start = System.nanoTime();
			String answer = send(attempt[0] + "\r\nHost: localhost\r\n" + attempt[1]
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + attempt[2] + "\r\n\r\n");
			// answered without waiting for a single byte of the body
			assertThat(Duration.ofNanos(this.answeredAt - start)).as(attempt[0]).isLessThan(Duration.ofSeconds(3));
			assertThat(answer).as(attempt[0])
				.startsWith("HTTP/1.1 413")
				.containsIgnoringCase("Connection: close")
				.contains("application/problem+json")
				.contains("\"status\":413");
		}
	}

	@Test
	void aSmallAnonymousBodyThatTricklesIsCutOffAndSmallOnesStillWork() {
		long start = System.nanoTime();
		String answer = send("POST /api/v1/elections/x/status HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
		assertThat(Duration.ofNanos(this.answeredAt - start)).isLessThan(Duration.ofSeconds(9));
		// cut off, not taken: RequestBodyGuard answers 408 when its own deadline passes;
		// when
		// Tomcat's read timeout (5 s) fires first, Tomcat's error handling answers
		// instead
		assertThat(answer).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 2");

		// a whole small body without credentials: the usual 401
		String whole = send("PUT /api/v1/elections/x/status HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
		assertThat(whole).startsWith("HTTP/1.1 401");
	}

	@Test
	void aBodyWithoutADeclaredLengthStopsAtTheLimit() throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/elections/x/imports");
		request.setContent(new byte[1000]);
		InputStream limited = new LimitedBody(request, 999).getInputStream();
		assertThatThrownBy(limited::readAllBytes).isInstanceOf(ContentTooLargeException.class);
		MockHttpServletRequest again = new MockHttpServletRequest("POST", "/api/v1/elections/x/imports");
		again.setContent(new byte[1000]);
		assertThat(new LimitedBody(again, 1000).getInputStream().readAllBytes()).hasSize(1000);
	}

	/**
	 * Writes the head (and nothing more) and reads the answer until the server closes.
	 */
	private String send(String head) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean complete(StringBuilder answer) {
		int end = answer.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer.substring(0, end));
		if (length.find()) {
			return answer.length() - end - 4 >= Integer.parseInt(length.group(1));
		}
		// chunked or ended by the close: a problem detail's last brace, or the last chunk
		String body = answer.substring(end + 4);
		return body.endsWith("0\r\n\r\n") || body.strip().endsWith("}");
	}

}
