package org.tally.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seals revisions into the election's chain (docs/verify.md) and reads the chain back. A
 * revision is sealed at the end of the transaction that made it, once its counts are
 * written: its digest covers the previous digest, its action and source, and the counts
 * it set, read back from the stored history, so the same rule seals a new revision, seals
 * revisions made before the chain existed, and re-checks a sealed one.
 */
@Component
public class RevisionChain {

	private static final Log log = LogFactory.getLog(RevisionChain.class);

	/**
	 * Every count of one contest a revision set, as ids: the current counts it set and
	 * the values of it a later revision replaced. {@link CanonicalCounts} names and
	 * orders them.
	 */
	private static final String CONTEST_COUNTS = """
			select contest_id, unit_id, choice_id, vote_type, votes from vote_count
			where contest_id = :contest and revision = :revision
			union all
			select contest_id, unit_id, choice_id, vote_type, previous_votes from vote_count_change
			where contest_id = :contest and previous_revision = :revision
			""";

	/**
	 * The counts of one whole contest a revision being made wrote (see {@link #written}):
	 * the same as {@link #CONTEST_COUNTS} for a contest that had none before.
	 */
	private static final String WRITTEN_CONTEST_COUNTS = """
			select contest_id, unit_id, choice_id, vote_type, votes from vote_count
			where contest_id = :contest and revision = :revision
			""";

	/** The other counts a revision being made sets: its keys table's rows. */
	private static final String WRITTEN_KEYS = """
			select contest_id, unit_id, choice_id, vote_type, votes from %s
			where not (contest_id = any(:contests))
			""";

	/**
	 * Rows the driver fetches at a time when a seal reads a revision's counts in its
	 * transaction: without it the driver holds the whole answer, and the seal of a
	 * 790,283-count import held 790,283 rows (about 170 MB, docs/import.md, issue 27).
	 */
	static final int FETCH = 5_000;

	private final JdbcClient jdbc;

	/** {@link #jdbc} reading {@link #FETCH} rows at a time, for the counts. */
	private final JdbcClient rows;

	private final RevisionSigner signer;

	/** Per election and revision made in this transaction: where its counts are. */
	private final ThreadLocal<Map<String, Written>> written = ThreadLocal.withInitial(HashMap::new);

	RevisionChain(JdbcClient jdbc, DataSource dataSource, RevisionSigner signer) {
		this.jdbc = jdbc;
		JdbcTemplate batched = new JdbcTemplate(dataSource);
		batched.setFetchSize(FETCH);
		this.rows = JdbcClient.create(batched);
		this.signer = signer;
	}

	/**
	 * Seals every revision of the election that has no digest yet, in order, each on the
	 * previous one's digest; the election row then carries the newest digest.
	 */
	public void seal(long electionId) {
		List<Unsealed> pending = this.jdbc.sql("""
				select e.slug, r.number, r.kind, r.action, r.source_sha256,
				       (select p.digest from revision p where p.election_id = r.election_id and p.number = r.number - 1)
				           as previous
				from revision r join election e on e.id = r.election_id
				where r.election_id = ? and r.digest is null order by r.number""")
			.param(electionId)
			.query((rs, row) -> new Unsealed(rs.getString("slug"), rs.getLong("number"), rs.getString("kind"),
					rs.getString("action"), rs.getString("source_sha256"), rs.getString("previous")))
			.list();
		String previous = null;
		for (Unsealed revision : pending) {
			long start = System.nanoTime();
			String before = (revision.number() == 1) ? RevisionDigest.GENESIS
					: (previous != null) ? previous : revision.previous();
			Written written = this.written.get().remove(electionId + ":" + revision.number());
			String digest = (written != null) ? digest(electionId, revision, before, written)
					: digest(electionId, revision, before);
			this.jdbc.sql("""
					update revision set digest = ?, previous_digest = ?, signature = ?
					where election_id = ? and number = ?""")
				.params(digest, before, this.signer.sign(digest), electionId, revision.number())
				.update();
			this.jdbc.sql("update election set digest = ? where id = ? and revision = ?")
				.params(digest, electionId, revision.number())
				.update();
			previous = digest;
			if (log.isDebugEnabled()) {
				log.debug("Sealed revision " + revision.number() + " of " + revision.slug() + " in "
						+ (System.nanoTime() - start) / 100_000 / 10.0 + " ms");
			}
		}
	}

	/**
	 * Names, inside the transaction making revision {@code revision}, every count it
	 * sets, so that its seal reads those and not the election's: each count of the whole
	 * contests given (contests that had none before it), and the rows of a table of the
	 * transaction with columns {@code contest_id, unit_id, choice_id, vote_type, votes}
	 * (the values it set). The caller answers for completeness: a count the revision set
	 * and did not name would be missing from its digest (the chain tests recompute every
	 * digest from the stored history). Forgotten when the transaction ends.
	 */
	public void written(long electionId, long revision, List<Long> wholeContests, String keysTable) {
		if (!keysTable.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a table name: " + keysTable);
		}
		this.written.get().put(electionId + ":" + revision, new Written(List.copyOf(wholeContests), keysTable));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					RevisionChain.this.written.get().remove(electionId + ":" + revision);
				}
			});
		}
	}

	/**
	 * The digest the stored history gives the revision now, on the previous digest given:
	 * equal to the sealed one unless a count it set was changed since.
	 */
	public String recompute(long electionId, long revision, String previous) {
		return this.jdbc.sql("""
				select e.slug, r.number, r.kind, r.action, r.source_sha256, null as previous
				from revision r join election e on e.id = r.election_id where r.election_id = ? and r.number = ?""")
			.params(electionId, revision)
			.query((rs, row) -> new Unsealed(rs.getString("slug"), rs.getLong("number"), rs.getString("kind"),
					rs.getString("action"), rs.getString("source_sha256"), null))
			.optional()
			.map((unsealed) -> digest(electionId, unsealed, previous))
			.orElseThrow(() -> new IllegalArgumentException("no revision " + revision));
	}

	/** Streams the counts the revision set, in canonical order. */
	public void counts(long electionId, long revision, Consumer<CountLine> each) {
		CanonicalCounts.inOrder(this.jdbc, electionId, (contest) -> true,
				(contest) -> this.rows.sql(CONTEST_COUNTS).param("contest", contest).param("revision", revision), null,
				each);
	}

	/** Whether the election's source files are public (else for staff only). */
	public boolean sourcesPublic(long electionId) {
		return this.jdbc.sql("select sources_public from election where id = ?")
			.param(electionId)
			.query(Boolean.class)
			.single();
	}

	private static final String RECORDS = """
			select number, received_at, kind, source_sha256, source_name, source_updated_at, action, recorded_role,
			       digest, previous_digest, signature
			from revision where election_id = ?""";

	/** Every revision of the election, oldest first. */
	public List<RevisionRecord> revisions(long electionId) {
		return this.jdbc.sql(RECORDS + " order by number").param(electionId).query(RevisionChain::record).list();
	}

	/** One revision of the election by its number. */
	public Optional<RevisionRecord> revision(long electionId, long number) {
		return this.jdbc.sql(RECORDS + " and number = ?")
			.param(electionId)
			.param(number)
			.query(RevisionChain::record)
			.optional();
	}

	private static RevisionRecord record(ResultSet rs, int row) throws SQLException {
		return new RevisionRecord(rs.getLong("number"), instant(rs.getTimestamp("received_at")), rs.getString("kind"),
				rs.getString("source_sha256"), rs.getString("source_name"),
				instant(rs.getTimestamp("source_updated_at")), rs.getString("action"),
				RecordedRole.fromCode(rs.getString("recorded_role")), rs.getString("digest"),
				rs.getString("previous_digest"), rs.getString("signature"));
	}

	private String digest(long electionId, Unsealed revision, String previous) {
		RevisionDigest digest = new RevisionDigest(revision.slug(), revision.number(), revision.kind(), previous,
				revision.action(), revision.source());
		counts(electionId, revision.number(),
				(line) -> digest.count(line.contest(), line.unit(), line.choice(), line.voteType(), line.votes()));
		return digest.finish();
	}

	private String digest(long electionId, Unsealed revision, String previous, Written written) {
		RevisionDigest digest = new RevisionDigest(revision.slug(), revision.number(), revision.kind(), previous,
				revision.action(), revision.source());
		Set<Long> whole = Set.copyOf(written.wholeContests());
		CanonicalCounts.inOrder(this.jdbc, electionId, whole::contains,
				(contest) -> this.rows.sql(WRITTEN_CONTEST_COUNTS)
					.param("contest", contest)
					.param("revision", revision.number()),
				this.rows.sql(WRITTEN_KEYS.formatted(written.keysTable()))
					.param("contests", written.wholeContests().toArray(Long[]::new)),
				(line) -> digest.count(line.contest(), line.unit(), line.choice(), line.voteType(), line.votes()));
		return digest.finish();
	}

	private static Instant instant(java.sql.Timestamp at) {
		return (at != null) ? at.toInstant() : null;
	}

	/** One count of a revision's canonical form. */
	public record CountLine(String contest, String unit, String choice, String voteType, long votes) {
	}

	private record Written(List<Long> wholeContests, String keysTable) {
	}

	private record Unsealed(String slug, long number, String kind, String action, String source, String previous) {
	}

}
