package org.tally.kernel;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by PostgreSQL being out of reach (no connection within the
 * pool's timeout, a connection cut, the server shutting down) from any other error: the
 * first means "try again soon", never "wrong password" or "not found".
 */
public final class DatabaseOutages {

	/**
	 * Seconds a client is asked to wait ({@code Retry-After}) while the database is away.
	 */
	public static final int RETRY_AFTER_SECONDS = 5;

	private DatabaseOutages() {
	}

	public static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			// a rollback that failed after the outage broke the statement: the
			// statement's
			// failure is the one that says why
			if (cause instanceof org.springframework.transaction.TransactionSystemException rollback
					&& rollback.getApplicationException() != null && rollback.getApplicationException() != failure
					&& isCause(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

}
