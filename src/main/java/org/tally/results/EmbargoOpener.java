package org.tally.results;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tally.kernel.DatabaseOutages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens embargoed elections at their {@code publishAfter} (docs/contract.md §7): every
 * {@code tally.embargo.check-every} (1 s) it looks for an election whose embargo has
 * passed and records one {@code opening} revision for it, which the live event stream
 * sends and the chain seals like any other (docs/verify.md). The row lock and
 * {@code opened_after} make each embargo open once whatever the number of instances.
 * Readers do not wait for it: {@link ElectionState#embargoed(Instant)} reads the clock,
 * so the counts are public at the instant itself and the revision follows within the
 * interval.
 */
@Component
public class EmbargoOpener implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(EmbargoOpener.class);

	private final JdbcClient jdbc;

	private final Revisions revisions;

	private final TransactionTemplate transactions;

	private final Duration every;

	private volatile ScheduledExecutorService schedule;

	EmbargoOpener(JdbcClient jdbc, Revisions revisions, PlatformTransactionManager transactions,
			@Value("${tally.embargo.check-every:1s}") Duration every) {
		this.jdbc = jdbc;
		this.revisions = revisions;
		this.transactions = new TransactionTemplate(transactions);
		this.every = every;
	}

	/** Opens every election whose embargo has passed; answers how many it opened. */
	public int openDue() {
		int opened = 0;
		while (Boolean.TRUE.equals(this.transactions.execute((status) -> openOne()))) {
			opened++;
		}
		return opened;
	}

	private boolean openOne() {
		List<Due> due = this.jdbc.sql("""
				select id, publish_after from election
				where publish_after <= now() and opened_after is distinct from publish_after
				order by publish_after, id
				limit 1
				for update skip locked""")
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getTimestamp("publish_after").toInstant()))
			.list();
		if (due.isEmpty()) {
			return false;
		}
		open(due.get(0).id(), due.get(0).publishAfter(), "system", Instant.now());
		return true;
	}

	/**
	 * Records the opening revision of the election for the embargo that ended at
	 * {@code publishAfter}, in the caller's transaction: every contest is marked changed
	 * by it (its counts are new to the public). The replay calls this for a recorded
	 * opening.
	 */
	public long open(long electionId, Instant publishAfter, String who, Instant now) {
		this.jdbc.sql("update election set opened_after = ? where id = ?")
			.params(Timestamp.from(publishAfter), electionId)
			.update();
		List<Long> contests = this.jdbc.sql("select id from contest where election_id = ? order by id")
			.param(electionId)
			.query(Long.class)
			.list();
		return this.revisions.next(electionId, "opening", who, "results opened at " + publishAfter, null, now, contests,
				new RevisionAction.Opening(publishAfter.toString()));
	}

	/**
	 * Records the opening of the election's embargo that ended at {@code publishAfter} in
	 * a transaction of its own: the replay's way to reproduce a recorded opening
	 * (docs/verify.md).
	 */
	@Transactional
	public long open(String slug, Instant publishAfter, String who) {
		return open(this.revisions.lockElection(slug), publishAfter, who, Instant.now());
	}

	@Override
	public void start() {
		ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "tally-embargo");
			thread.setDaemon(true);
			return thread;
		});
		schedule.scheduleWithFixedDelay(this::check, this.every.toMillis(), this.every.toMillis(),
				TimeUnit.MILLISECONDS);
		this.schedule = schedule;
	}

	private void check() {
		try {
			int opened = openDue();
			if (opened > 0) {
				log.info("Opened the results of " + opened + " embargoed election(s)");
			}
		}
		catch (RuntimeException ex) {
			// the database away, or a lost race: the next check tries again
			if (!DatabaseOutages.isCause(ex)) {
				log.warn("Could not open embargoed results", ex);
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService schedule = this.schedule;
		if (schedule != null) {
			schedule.shutdownNow();
		}
		this.schedule = null;
	}

	@Override
	public boolean isRunning() {
		return this.schedule != null;
	}

	private record Due(long id, Instant publishAfter) {
	}

}
