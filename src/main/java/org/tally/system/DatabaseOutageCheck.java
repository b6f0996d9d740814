package org.tally.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.persistence.PersistenceException;
import org.tally.kernel.DatabaseOutages;
import org.tally.results.ElectionStates;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The one test of "PostgreSQL is out of reach" for every answer that cannot come from
 * memory (docs/operations.md, "Database outages"): the API's advice, the pages' error
 * handling and the outermost filter all ask it, so any data-access failure during an
 * outage is a 503, never a 500.
 * <p>
 * A failure that names the outage ({@link DatabaseOutages#isCause}) is one. A data-access
 * failure that does not (a failed rollback or a driver's wrapping can hide the cause) is
 * one too while reads already know the database is away, or when the pool cannot hand out
 * a working connection now (at most the pool's connection timeout, 2 s). Any other
 * failure is Tally's own: a 500.
 */
@Component
class DatabaseOutageCheck {

	private final BooleanSupplier readsKnowItIsAway;

	private final DataSource dataSource;

	@Autowired
	DatabaseOutageCheck(ElectionStates states, DataSource dataSource) {
		this(states::delayed, dataSource);
	}

	DatabaseOutageCheck(BooleanSupplier readsKnowItIsAway, DataSource dataSource) {
		this.readsKnowItIsAway = readsKnowItIsAway;
		this.dataSource = dataSource;
	}

	/**
	 * Whether the failure is the database's absence; when it is, the next requests wait
	 * for a connection only briefly until it is back ({@link OutageConnectionWait}).
	 */
	boolean isOutage(Throwable failure) {
		boolean outage = DatabaseOutages.isCause(failure)
				|| isDataAccess(failure) && (this.readsKnowItIsAway.getAsBoolean() || !reachable());
		if (outage && this.dataSource instanceof OutageConnectionWait waits) {
			waits.away();
		}
		return outage;
	}

	private static boolean isDataAccess(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessException || cause instanceof TransactionException
					|| cause instanceof SQLException || cause instanceof PersistenceException) {
				return true;
			}
		}
		return false;
	}

	private boolean reachable() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(1);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

}
