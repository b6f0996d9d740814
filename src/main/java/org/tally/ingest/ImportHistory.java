package org.tally.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.tally.results.ElectionNotFoundException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the import history of an election, newest first.
 */
@Component
public class ImportHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public List<Entry> forElection(String electionSlug) {
		Long electionId = this.jdbc.sql("select id from election where slug = ?")
			.param(electionSlug)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(electionSlug));
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

	public record Entry(long id, String fileName, String contentHash, long bytes, long rows, String format, String mode,
			boolean dryRun, String correction, String outcome, int problemCount, Long revision, String recordedBy,
			Instant receivedAt, Instant finishedAt, Reconciliation reconciliation) {
	}

}
