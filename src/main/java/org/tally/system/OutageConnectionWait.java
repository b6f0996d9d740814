package org.tally.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's pool, through which a request waits for a connection only
 * {@code tally.database.outage-connection-timeout} (500 ms) while PostgreSQL is known to
 * be out of reach, instead of the pool's usual
 * {@code spring.datasource.hikari.connection-timeout} (2 s): what cannot be answered from
 * memory is a 503 well within 3 s, however many connections it asks for
 * (docs/operations.md, "Database outages"). Known: a wait of 500 ms ended while the pool
 * could not open connections, or {@link DatabaseOutageCheck} found a failure to be the
 * outage ({@link #away()}). From then on a probe asks for a connection every second; the
 * first it gets gives the usual wait back, so imports under load keep their 2 s while the
 * database is there. (Hikari reads its connection timeout once, when the pool starts: the
 * short wait is its {@code getConnection(timeout)}.)
 */
class OutageConnectionWait extends DelegatingDataSource implements AutoCloseable {

	private static final Log log = LogFactory.getLog(OutageConnectionWait.class);

	private final HikariDataSource pool;

	private final long outageMillis;

	private final AtomicBoolean shortened = new AtomicBoolean();

	private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tally-outage-probe");
		thread.setDaemon(true);
		return thread;
	});

	OutageConnectionWait(HikariDataSource pool, Duration outageWait) {
		super(pool);
		this.pool = pool;
		this.outageMillis = Math.max(250, outageWait.toMillis());
	}

	/**
	 * A connection within the pool's usual wait; but after the first 500 ms, when the
	 * pool has failed to open connections (its timeout names the last failure) and has
	 * fewer than it may, the database is away: this request and the next ones wait no
	 * longer. A pool that is only busy (all its connections lent, an import running)
	 * keeps the usual wait.
	 */
	@Override
	public Connection getConnection() throws SQLException {
		if (!(this.pool.getHikariPoolMXBean() instanceof HikariPool started)) {
			return super.getConnection();
		}
		long usual = this.pool.getConnectionTimeout();
		long first = Math.min(this.outageMillis, usual);
		try {
			return started.getConnection(first);
		}
		catch (SQLTransientConnectionException ex) {
			if (this.shortened.get() || cannotConnect(ex, started)) {
				away();
				throw ex;
			}
			if (usual <= first) {
				throw ex;
			}
		}
		return started.getConnection(usual - first);
	}

	private boolean cannotConnect(SQLTransientConnectionException timeout, HikariPool started) {
		return timeout.getCause() != null && started.getTotalConnections() < this.pool.getMaximumPoolSize();
	}

	/** The database was found out of reach: short waits until a probe connects. */
	void away() {
		if (this.shortened.compareAndSet(false, true)) {
			log.warn("Database out of reach: requests wait at most " + this.outageMillis
					+ " ms for a connection until it is back");
			this.probe.schedule(this::tryAgain, 1, TimeUnit.SECONDS);
		}
	}

	/** Whether waits are short now (the database was found away, no probe got in yet). */
	boolean isShortened() {
		return this.shortened.get();
	}

	private void tryAgain() {
		try (Connection connection = getConnection()) {
			if (connection.isValid(1)) {
				this.shortened.set(false);
				log.info("Database reachable again: requests wait up to " + this.pool.getConnectionTimeout()
						+ " ms for a connection");
				return;
			}
		}
		catch (SQLException | RuntimeException ex) {
			// still away
		}
		if (!this.probe.isShutdown()) {
			this.probe.schedule(this::tryAgain, 1, TimeUnit.SECONDS);
		}
	}

	/** Ends the probe and closes the pool (the pool's own close, as without this). */
	@Override
	public void close() {
		this.probe.shutdownNow();
		this.pool.close();
	}

}
