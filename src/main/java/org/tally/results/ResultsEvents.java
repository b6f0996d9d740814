package org.tally.results;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's {@code tally_results} channel and passes each new revision to
 * the subscribers of this instance. Because the change travels through the database, an
 * import applied by any Tally instance reaches the readers of every instance.
 * <p>
 * A revision committed while the LISTEN connection is down would never be notified to it:
 * so after every reconnection, once listening again, the listener reads every election's
 * revision and passes on each one newer than the last it passed on.
 */
@Component
public class ResultsEvents implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(ResultsEvents.class);

	private static final int POLL_MILLIS = 5_000;

	private static final long MAX_BACKOFF_MILLIS = 4_000;

	/**
	 * The listener connection's {@code application_name}, to find it in pg_stat_activity.
	 */
	public static final String APPLICATION_NAME = "tally-results-listener";

	private final DataSource dataSource;

	private final CopyOnWriteArrayList<Consumer<ResultsChanged>> subscribers = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private volatile boolean listening;

	private volatile int backendPid;

	private final AtomicLong connections = new AtomicLong();

	private Thread listener;

	/** The last revision passed on per election (listener thread only). */
	private final Map<String, Long> passedOn = new HashMap<>();

	private final long firstRetryMillis;

	ResultsEvents(DataSource dataSource, @Value("${tally.results.listener-retry:500ms}") Duration firstRetry) {
		this.dataSource = dataSource;
		this.firstRetryMillis = Math.max(50, firstRetry.toMillis());
	}

	/**
	 * Calls the subscriber (on the listener thread: keep it quick) for every new
	 * revision.
	 */
	public Runnable subscribe(Consumer<ResultsChanged> subscriber) {
		this.subscribers.add(subscriber);
		return () -> this.subscribers.remove(subscriber);
	}

	/**
	 * The PostgreSQL process id of the LISTEN connection (to find it in
	 * pg_stat_activity).
	 */
	public int backendPid() {
		return this.backendPid;
	}

	/** Whether the LISTEN connection is up (for health and tests). */
	public boolean isListening() {
		return this.listening;
	}

	/**
	 * Counts the LISTEN connections made so far: when it changes, notifications may have
	 * been missed in between.
	 */
	public long connection() {
		return this.connections.get();
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "tally-results-listener");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		long backoff = this.firstRetryMillis;
		while (this.running) {
			Connection connection = null;
			try {
				connection = this.dataSource.getConnection();
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + Revisions.CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.backendPid = postgres.getBackendPID();
				boolean reconnected = this.connections.incrementAndGet() > 1;
				catchUp(connection, reconnected);
				this.listening = true;
				backoff = this.firstRetryMillis;
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
					if (notifications == null) {
						continue;
					}
					for (PGNotification notification : notifications) {
						ResultsChanged changed = ResultsChanged.parse(notification.getParameter());
						if (changed != null) {
							dispatch(changed);
						}
					}
				}
				try (Statement statement = connection.createStatement()) {
					statement.execute("unlisten *");
				}
				connection.close();
			}
			catch (SQLException ex) {
				this.listening = false;
				discard(connection);
				if (!this.running) {
					return;
				}
				log.warn("Lost the results listener connection; retrying in " + backoff + " ms: " + ex.getMessage());
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = Math.max(this.firstRetryMillis, Math.min(backoff * 2, MAX_BACKOFF_MILLIS));
			}
		}
		this.listening = false;
	}

	/**
	 * Closes a connection that failed, taking it out of the pool: its failure went
	 * through the driver's own interface, so the pool would otherwise hand the dead
	 * connection to the next request.
	 */
	private void discard(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
				this.dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
			}
			else {
				connection.close();
			}
		}
		catch (SQLException | RuntimeException ex) {
			log.debug("Could not discard the listener connection", ex);
		}
	}

	/**
	 * Reads every election's revision (after LISTEN, so nothing falls between the two)
	 * and, on a reconnection, passes on what was committed while the listener was away.
	 */
	private void catchUp(Connection connection, boolean reconnected) throws SQLException {
		int missed = 0;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select slug, revision from election")) {
			while (rows.next()) {
				String slug = rows.getString(1);
				long revision = rows.getLong(2);
				Long known = this.passedOn.get(slug);
				if (!reconnected) {
					this.passedOn.put(slug, revision);
				}
				else if (known == null || revision > known) {
					missed++;
					dispatch(new ResultsChanged(slug, revision));
				}
			}
		}
		if (missed > 0) {
			log.info("Results listener reconnected; passed on " + missed + " revision(s) committed meanwhile");
		}
	}

	private void dispatch(ResultsChanged changed) {
		Long known = this.passedOn.get(changed.election());
		if (known != null && known >= changed.revision()) {
			return;
		}
		this.passedOn.put(changed.election(), changed.revision());
		for (Consumer<ResultsChanged> subscriber : this.subscribers) {
			try {
				subscriber.accept(changed);
			}
			catch (RuntimeException ex) {
				log.warn("A results subscriber failed on " + changed, ex);
			}
		}
	}

}
