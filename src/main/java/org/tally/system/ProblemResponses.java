package org.tally.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.DatabaseOutages;
import org.tally.kernel.PublicHttpPolicy;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details written by filters, which run before Spring MVC's own
 * handling.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(HttpServletResponse response, int status, String title, String detail, long retryAfterSeconds)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		write(response, status, title, detail);
	}

	/** A problem without Retry-After. */
	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.resetBuffer();
		response.setStatus(status);
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.NO_STORE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ printable(detail).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}

	/**
	 * The text with control characters (NUL included) written as {@code \\uXXXX}, cut to
	 * 200.
	 */
	static String printable(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (out.length() >= 200) {
				out.append('…');
				break;
			}
			out.append((c < 0x20 || c == 0x7f) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return out.toString();
	}

	static void databaseUnavailable(HttpServletResponse response) throws IOException {
		write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
				"The database is out of reach for the moment; nothing was changed. Try again shortly.",
				DatabaseOutages.RETRY_AFTER_SECONDS);
	}

	/**
	 * The HTML error page's 503 while the database is out of reach, with
	 * {@code Retry-After} (docs/operations.md, "Database outages").
	 */
	static void databaseUnavailablePage(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutages.RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.NO_STORE);
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

}
