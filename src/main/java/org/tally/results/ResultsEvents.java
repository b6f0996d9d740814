package org.tally.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's {@code tally_results} channel and passes each new revision to
 * the subscribers of this instance. Because the change travels through the database, an
 * import applied by any Tally instance reaches the readers of every instance.
 */
@Component
public class ResultsEvents implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(ResultsEvents.class);

	private static final int POLL_MILLIS = 5_000;

	private final DataSource dataSource;

	private final CopyOnWriteArrayList<Consumer<ResultsChanged>> subscribers = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private volatile boolean listening;

	private final AtomicLong connections = new AtomicLong();

	private Thread listener;

	ResultsEvents(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Calls the subscriber (on the listener thread: keep it quick) for every new
	 * revision.
	 */
	public Runnable subscribe(Consumer<ResultsChanged> subscriber) {
		this.subscribers.add(subscriber);
		return () -> this.subscribers.remove(subscriber);
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
		long backoff = 500;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + Revisions.CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.connections.incrementAndGet();
				this.listening = true;
				backoff = 500;
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
			}
			catch (SQLException ex) {
				this.listening = false;
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
				backoff = Math.min(backoff * 2, 10_000);
			}
		}
		this.listening = false;
	}

	private void dispatch(ResultsChanged changed) {
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
