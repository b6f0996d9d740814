package org.tally.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.ElectionNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the import history of an election, newest first.
 */
@Component
public class ImportHistory {

	private final JdbcClient jdbc;

	ImportHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Entry> forElection(String electionSlug) {
		Long electionId = this.jdbc.sql("select id from election where slug = ?")
			.param(electionSlug)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(electionSlug));
		return this.jdbc.sql("""
				select id, file_name, content_hash, bytes, rows, format, mode, dry_run, correction, outcome,
				       problem_count, revision, recorded_by, received_at, finished_at
				from import_record where election_id = ? order by id desc limit 500
				""")
			.param(electionId)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_hash"),
					rs.getLong("bytes"), rs.getLong("rows"), rs.getString("format"), rs.getString("mode"),
					rs.getBoolean("dry_run"), rs.getString("correction"), rs.getString("outcome"),
					rs.getInt("problem_count"), (Long) rs.getObject("revision"), rs.getString("recorded_by"),
					instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("finished_at"))))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	public record Entry(long id, @Nullable String fileName, String contentHash, long bytes, long rows, String format,
			@Schema(allowableValues = {
					"strict", "setup" }) String mode,
			boolean dryRun, @Nullable String correction,
			@Schema(allowableValues = { "applied", "duplicate", "rejected", "preview" }) String outcome,
			int problemCount, @Nullable Long revision, String recordedBy, Instant receivedAt,
			@Nullable Instant finishedAt){
	}

}
