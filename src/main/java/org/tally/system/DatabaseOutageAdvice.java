package org.tally.system;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tally.results.DatabaseOutages;
import org.tally.results.ElectionStates;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A read that needs PostgreSQL while it is out of reach (something not held in memory: an
 * earlier revision's rounds, a contest set up since the outage began) answers 503
 * problem+json with {@code Retry-After}, never the catch-all 500 (docs/operations.md,
 * "Database outages"). {@link DatabaseOutageFilter} does the same for what fails outside
 * Spring MVC.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageAdvice {

	private static final Log log = LogFactory.getLog(DatabaseOutageAdvice.class);

	private final ElectionStates states;

	DatabaseOutageAdvice(ElectionStates states) {
		this.states = states;
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, QueryTimeoutException.class,
			SQLTransientConnectionException.class, SQLNonTransientConnectionException.class,
			// a connection cut mid-transaction ("unable to rollback")
			JpaSystemException.class, TransactionSystemException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex, HttpServletRequest request) throws Exception {
		// a failed rollback hides its cause in some drivers: while reads already know the
		// database is out of reach, a data-access failure is the outage too
		if (!DatabaseOutages.isCause(ex) && !this.states.delayed()) {
			throw ex;
		}
		log.warn("Database out of reach: " + request.getMethod() + " " + request.getRequestURI() + " answers 503");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is out of reach for the moment and this is not held in memory; "
						+ "nothing was changed. Try again shortly.");
		problem.setTitle("Service Unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutages.RETRY_AFTER_SECONDS))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
