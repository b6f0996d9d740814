package org.tally.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tally.results.DatabaseOutages;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a request that fails because PostgreSQL is out of reach (a write, a
 * sign-in, a token check, a staff page) answers {@code 503} problem+json with
 * {@code Retry-After} instead of a 500 or a 401, so a client retries rather than doubting
 * its credentials.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Log log = LogFactory.getLog(DatabaseOutageFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseOutages.isCause(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database out of reach: " + request.getMethod() + " " + request.getRequestURI() + " answers 503");
			ProblemResponses.databaseUnavailable(response);
		}
	}

}
