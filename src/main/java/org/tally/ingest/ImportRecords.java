package org.tally.ingest;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;

/**
 * The import history: who sent which file when, and what became of it.
 */
@Component
class ImportRecords {

	private static final String INSERT = """
			insert into import_record (election_id, file_name, content_hash, bytes, rows, format, mode, dry_run,
			                           correction, outcome, problems, problem_count, revision, recorded_by, finished_at,
			                           reconciliation)
			values (:election, :file, :hash, :bytes, :rows, :format, :mode, :dryRun, :correction, :outcome,
			        cast(:problems as jsonb), :problemCount, :revision, :who, now(), cast(:reconciliation as jsonb))
			returning id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate separate;

	ImportRecords(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.json = json;
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The revision that applied these bytes to the election before, or null. */
	Applied applied(long electionId, String contentHash) {
		return this.jdbc.sql("""
				select coalesce(revision, 0), rows from import_record
				where election_id = ? and content_hash = ? and outcome = 'applied'""")
			.params(electionId, contentHash)
			.query((rs, row) -> new Applied(rs.getLong(1), rs.getLong(2)))
			.optional()
			.orElse(null);
	}

	/**
	 * The revision an earlier import of the same bytes made (0: it changed nothing), and
	 * its rows.
	 */
	record Applied(long revision, long rows) {
	}

	long applied(ImportCommand command, long electionId, String hash, long bytes, long rows, Long revision,
			List<Problem> warnings, Reconciliation reconciliation) {
		return insert(command, electionId, hash, bytes, rows, "applied", warnings.isEmpty() ? null : warnings, 0,
				revision, reconciliation);
	}

	long rejected(ImportCommand command, long electionId, String hash, long bytes, long rows,
			ProblemCollector problems) {
		return this.separate.execute((status) -> insert(command, electionId, hash, bytes, rows, "rejected",
				problems.first(), problems.total(), null, null));
	}

	void notApplied(ImportCommand command, long electionId, ImportOutcome outcome, long bytes) {
		this.separate.executeWithoutResult((status) -> insert(command, electionId, outcome.contentHash(), bytes,
				outcome.rows(), outcome.outcome(), null, 0, outcome.revision(), outcome.reconciliation()));
	}

	private long insert(ImportCommand command, long electionId, String hash, long bytes, long rows, String outcome,
			List<Problem> problems, long problemCount, Long revision, Reconciliation reconciliation) {
		return this.jdbc.sql(INSERT)
			.param("election", electionId)
			.param("file", command.fileName())
			.param("hash", hash)
			.param("bytes", bytes)
			.param("rows", rows)
			.param("format", (command.format() != null) ? command.format().code() : "auto")
			.param("mode", command.mode().code())
			.param("dryRun", command.dryRun())
			.param("correction", command.correction())
			.param("outcome", outcome)
			.param("problems", (problems != null) ? this.json.writeValueAsString(problems) : null)
			.param("problemCount", (int) Math.min(problemCount, Integer.MAX_VALUE))
			.param("revision", revision)
			.param("who", command.recordedBy())
			.param("reconciliation", (reconciliation != null) ? this.json.writeValueAsString(reconciliation) : null)
			.query(Long.class)
			.single();
	}

}
