package org.tally.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 401 and 403 as problem details, written by Spring Security before any
 * controller (so {@link ApiExceptionHandler} never sees them).
 */
final class ApiProblems {

	private ApiProblems() {
	}

	/** 401 with the Basic challenge. */
	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tally\"");
			write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"Sign in with a staff account (HTTP Basic) or an API token (Bearer).");
		};
	}

	/** 403 for a signed-in user without the role. */
	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"This account may not do this.");
	}

	/** 403 naming why: a missing token scope, a password to change first. */
	static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
		write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", json(detail));
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
