package org.tally.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a request that fails outside Spring MVC's handling (a sign-in, a
 * token check, a session's account check, a page cache) because PostgreSQL is out of
 * reach ({@link DatabaseOutageCheck}, the test {@link ApiExceptionHandler} applies too)
 * answers {@code 503} with {@code Retry-After} instead of a 500 or a 401, so a client
 * retries rather than doubting its credentials: problem+json on the API, the error page
 * elsewhere.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Log log = LogFactory.getLog(DatabaseOutageFilter.class);

	private final DatabaseOutageCheck outages;

	DatabaseOutageFilter(DatabaseOutageCheck outages) {
		this.outages = outages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !this.outages.isOutage(ex)) {
				throw ex;
			}
			log.warn("Database out of reach: " + request.getMethod() + " " + request.getRequestURI() + " answers 503");
			if (ApiExceptionHandler.isApi(request)) {
				ProblemResponses.databaseUnavailable(response);
			}
			else {
				response.resetBuffer();
				ProblemResponses.databaseUnavailablePage(response);
			}
		}
	}

}
