package org.tally.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.kernel.ElectionNotFoundException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the import history of an election, newest first: in full for staff, and for
 * readers without staff identities (the role that imported, not the user name; the
 * correction reason stays public, docs/security.md).
 */
@Component
public class ImportHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The history as readers see it: who imported is a role, never a user name. */
	public List<PublicEntry> forReaders(String electionSlug) {
		return this.jdbc.sql("""
				select r.id, r.file_name, r.content_hash, r.bytes, r.rows, r.format, r.mode, r.dry_run, r.correction,
				       r.outcome, r.problem_count, r.revision, coalesce(u.role, 'STAFF') as role, r.received_at,
				       r.finished_at, r.reconciliation::text as reconciliation
				from import_record r left join staff_user u on u.username = r.recorded_by
				where r.election_id = ? order by r.id desc limit 500
				""")
			.param(electionId(electionSlug))
			.query((rs, row) -> new PublicEntry(rs.getLong("id"), rs.getString("file_name"),
					rs.getString("content_hash"), rs.getLong("bytes"), rs.getLong("rows"), rs.getString("format"),
					rs.getString("mode"), rs.getBoolean("dry_run"), rs.getString("correction"), rs.getString("outcome"),
					rs.getInt("problem_count"), (Long) rs.getObject("revision"), rs.getString("role"),
					instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("finished_at")),
					reconciliation(rs.getString("reconciliation"))))
			.list();
	}

	private long electionId(String electionSlug) {
		return this.jdbc.sql("select id from election where slug = ?")
			.param(electionSlug)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(electionSlug));
	}

	/** The history as staff see it, with who imported. */
	public List<Entry> forElection(String electionSlug) {
		long electionId = electionId(electionSlug);
		return this.jdbc.sql("""
				select id, file_name, content_hash, bytes, rows, format, mode, dry_run, correction, outcome,
				       problem_count, revision, recorded_by, received_at, finished_at,
				       reconciliation::text as reconciliation
				from import_record where election_id = ? order by id desc limit 500
				""")
			.param(electionId)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_hash"),
					rs.getLong("bytes"), rs.getLong("rows"), rs.getString("format"), rs.getString("mode"),
					rs.getBoolean("dry_run"), rs.getString("correction"), rs.getString("outcome"),
					rs.getInt("problem_count"), (Long) rs.getObject("revision"), rs.getString("recorded_by"),
					instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("finished_at")),
					reconciliation(rs.getString("reconciliation"))))
			.list();
	}

	private Reconciliation reconciliation(String stored) {
		return (stored != null) ? this.json.readValue(stored, Reconciliation.class) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * One import as readers see it: {@code recordedByRole} is ADMIN or STAFF;
	 * {@code reconciliation} is left out for rejected imports and those made before it
	 * was kept.
	 */
	public record PublicEntry(long id, @Nullable String fileName, String contentHash, long bytes, long rows,
			String format, @Schema(allowableValues = {
					"strict", "setup" }) String mode,
			boolean dryRun, @Nullable String correction,
			@Schema(allowableValues = { "applied", "duplicate", "rejected", "preview" }) String outcome,
			int problemCount, @Nullable Long revision,
			@Schema(allowableValues = { "ADMIN", "STAFF" },
					description = "the role of the staff account that imported (no user names in public)") String recordedByRole,
			Instant receivedAt, @Nullable Instant finishedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) Reconciliation reconciliation){
	}

	public record Entry(long id, @Nullable String fileName, String contentHash, long bytes, long rows, String format,
			@Schema(allowableValues = {
					"strict", "setup" }) String mode,
			boolean dryRun, @Nullable String correction,
			@Schema(allowableValues = { "applied", "duplicate", "rejected", "preview" }) String outcome,
			int problemCount, @Nullable Long revision, String recordedBy, Instant receivedAt,
			@Nullable Instant finishedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Reconciliation reconciliation){
	}

}
