package org.tally.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tally.kernel.DatabaseOutages;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.staff.SignInThrottle;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks the {@link SignInThrottle} before any password is checked, for the sign-in form
 * ({@code POST /login}) and HTTP Basic: a throttled attempt answers {@code 429} with
 * {@code Retry-After} and its password is never looked at. The client address is the
 * connection's ({@code request.getRemoteAddr()}), which Tomcat takes from
 * {@code X-Forwarded-For} only for a configured trusted proxy. With the database out of
 * reach the answer is {@code 503}, never {@code 401}.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = username(request);
		if (username == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Duration> wait;
		try {
			wait = this.throttle.check(username, request.getRemoteAddr());
		}
		catch (RuntimeException ex) {
			if (DatabaseOutages.isCause(ex)) {
				ProblemResponses.databaseUnavailable(response);
				return;
			}
			throw ex;
		}
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = SignInThrottle.seconds(wait.get());
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.NO_STORE);
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter()
				.write("<!DOCTYPE html><title>Too many attempts</title><p role=\"alert\">Too many failed sign-ins "
						+ "for this account from this address: try again in " + seconds
						+ " s.</p><p><a href=\"login\">Back to sign-in</a></p>");
			return;
		}
		ProblemResponses.write(response, 429, "Too Many Requests",
				"Too many failed sign-ins for this account from this address; try again in " + seconds + " s.",
				seconds);
	}

	private static String username(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return (colon >= 0) ? decoded.substring(0, colon) : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
			return request.getParameter("username");
		}
		return null;
	}

}
