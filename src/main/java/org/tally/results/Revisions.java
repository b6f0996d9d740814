package org.tally.results;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

import org.tally.kernel.ElectionNotFoundException;

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

	private final RevisionChain chain;

	Revisions(JdbcClient jdbc, ElectionStates states, RevisionChain chain) {
		this.jdbc = jdbc;
		this.states = states;
		this.chain = chain;
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
		return next(electionId, kind, recordedBy, note, sourceUpdatedAt, now, contestIds,
				new RevisionAction.Note(note));
	}

	/**
	 * Takes the next revision as
	 * {@link #next(long, String, String, String, Instant, Instant, List)} does, recording
	 * the action in the chain's canonical form (docs/verify.md): the given fields, the
	 * {@code type} (the kind unless given) and the actor's {@code role}, never their
	 * name. The revision is sealed into the chain when the transaction commits.
	 */
	public long next(long electionId, String kind, String recordedBy, String note, Instant sourceUpdatedAt, Instant now,
			List<Long> contestIds, RevisionAction action) {
		return take(electionId, kind, recordedBy, note, sourceUpdatedAt, now, contestIds, action);
	}

	private long take(long electionId, String kind, String recordedBy, String note, Instant sourceUpdatedAt,
			Instant now, List<Long> contestIds, RevisionAction action) {
		long revision = this.jdbc.sql("""
				update election set revision = revision + 1, last_updated = :now,
				       status = case when status = :scheduled and :kind in ('import', 'correction')
				                     then :counting else status end
				where id = :election returning revision
				""")
			.param("scheduled", ElectionStatus.SCHEDULED.code())
			.param("counting", ElectionStatus.COUNTING.code())
			.param("now", Timestamp.from(now))
			.param("kind", kind)
			.param("election", electionId)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into revision (election_id, number, kind, source_updated_at, received_at, recorded_by, note,
				                      recorded_role)
				values (:election, :revision, :kind, :source, :now, :who, :note, :role)
				""")
			.param("election", electionId)
			.param("revision", revision)
			.param("kind", kind)
			.param("source", (sourceUpdatedAt != null) ? Timestamp.from(sourceUpdatedAt) : null)
			.param("now", Timestamp.from(now))
			.param("who", recordedBy)
			.param("note", note)
			.param("role", role(recordedBy).code())
			.update();
		describe(electionId, revision, kind, recordedBy, action);
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
				public void beforeCommit(boolean readOnly) {
					// the counts of the revision are written by now: seal it into the
					// chain
					Revisions.this.chain.seal(electionId);
				}

				@Override
				public void afterCommit() {
					Revisions.this.states.committedHere(changed);
				}
			});
		}
		else {
			this.chain.seal(electionId);
		}
		return revision;
	}

	/**
	 * Records the file a revision applied and replaces its action (an import's
	 * parameters); before the transaction commits, as the seal reads them then.
	 */
	public void source(long electionId, long revision, String sha256, String fileName, RevisionAction action) {
		String who = this.jdbc.sql("select recorded_by from revision where election_id = ? and number = ?")
			.params(electionId, revision)
			.query(String.class)
			.single();
		String kind = this.jdbc.sql("select kind from revision where election_id = ? and number = ?")
			.params(electionId, revision)
			.query(String.class)
			.single();
		this.jdbc.sql("update revision set source_sha256 = ?, source_name = ? where election_id = ? and number = ?")
			.params(sha256, fileName, electionId, revision)
			.update();
		describe(electionId, revision, kind, who, action);
	}

	/**
	 * Records the action: its fields with the type and the actor's role.
	 */
	private void describe(long electionId, long revision, String kind, String who, RevisionAction fields) {
		SortedMap<String, Object> action = CanonicalJson.members(fields);
		action.putIfAbsent("type", kind);
		action.put("role", role(who).code());
		this.jdbc.sql("update revision set action = ? where election_id = ? and number = ?")
			.params(CanonicalJson.of(action), electionId, revision)
			.update();
	}

	/**
	 * The actor's role: their account's (staff_user.role in lower case, admin or staff),
	 * or system for Tally itself and file-driven work.
	 */
	private RecordedRole role(String who) {
		return this.jdbc.sql("select lower(role) from staff_user where username = ?")
			.param(who)
			.query(String.class)
			.optional()
			.map(RecordedRole::fromCode)
			.orElse(RecordedRole.SYSTEM);
	}

}
