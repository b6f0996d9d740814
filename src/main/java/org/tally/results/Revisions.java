package org.tally.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;

/**
 * Numbers the changes of an election. Every applied change (an import, a correction, a
 * call, a concession) takes the next revision inside the caller's transaction, marks the
 * contests it touched, and tells every Tally instance through PostgreSQL NOTIFY. This
 * instance forgets its cached state at the commit itself, so staff read their own writes.
 */
@Component
public class Revisions {

	/** The NOTIFY channel; the payload is {@code <election slug>:<revision>}. */
	public static final String CHANNEL = "tally_results";

	private final JdbcClient jdbc;

	private final ElectionStates states;

	Revisions(JdbcClient jdbc, ElectionStates states) {
		this.jdbc = jdbc;
		this.states = states;
	}

	/**
	 * Locks the election's row until the transaction ends, so that the checks a writer
	 * makes and the revision it then takes see one state; answers the election's id, or
	 * throws {@link ElectionNotFoundException}.
	 */
	public long lockElection(String slug) {
		return this.jdbc.sql("select id from election where slug = ? for update")
			.param(slug)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(slug));
	}

	/**
	 * An election was created in the caller's transaction: after the commit this instance
	 * no longer remembers its slug as unknown.
	 */
	public void created(String slug) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Revisions.this.states.created(slug);
				}
			});
		}
		else {
			this.states.created(slug);
		}
	}

	/**
	 * Takes the next revision of the election (holding its row lock until the transaction
	 * ends), records who made it and why, and marks the given contests as changed by it.
	 */
	public long next(long electionId, String kind, String recordedBy, String note, Instant sourceUpdatedAt, Instant now,
			List<Long> contestIds) {
		long revision = this.jdbc.sql("""
				update election set revision = revision + 1, last_updated = :now,
				       status = case when status = 'scheduled' and :kind in ('import', 'correction')
				                     then 'counting' else status end
				where id = :election returning revision
				""")
			.param("now", Timestamp.from(now))
			.param("kind", kind)
			.param("election", electionId)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into revision (election_id, number, kind, source_updated_at, received_at, recorded_by, note)
				values (:election, :revision, :kind, :source, :now, :who, :note)
				""")
			.param("election", electionId)
			.param("revision", revision)
			.param("kind", kind)
			.param("source", (sourceUpdatedAt != null) ? Timestamp.from(sourceUpdatedAt) : null)
			.param("now", Timestamp.from(now))
			.param("who", recordedBy)
			.param("note", note)
			.update();
		this.jdbc.sql("update contest set revision = :revision, last_updated = :now where id = any(:ids)")
			.param("revision", revision)
			.param("now", Timestamp.from(now))
			.param("ids", contestIds.toArray(Long[]::new))
			.update();
		String slug = this.jdbc.sql("""
				select slug, pg_notify(:channel, slug || ':' || revision) from election where id = :election
				""")
			.param("channel", CHANNEL)
			.param("election", electionId)
			.query((rs, row) -> rs.getString("slug"))
			.single();
		ResultsChanged changed = new ResultsChanged(slug, revision);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Revisions.this.states.committedHere(changed);
				}
			});
		}
		return revision;
	}

}
