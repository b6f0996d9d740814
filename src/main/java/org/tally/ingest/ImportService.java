package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.tally.results.ElectionNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a results file to an election: all of it or nothing. The body is received onto
 * disk first ({@link Spool}); then one transaction holding the election's row lock runs
 * the import's steps ({@link ApplyImport}): read and validate, resolve names, write the
 * counts, record. A rejected file is recorded in the history after that transaction
 * rolled back, and so are a duplicate and a preview.
 */
@Service
public class ImportService {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplyImport apply;

	private final ImportRecords records;

	ImportService(JdbcClient jdbc, PlatformTransactionManager transactionManager, ApplyImport apply,
			ImportRecords records) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.apply = apply;
		this.records = records;
	}

	/**
	 * Reads, validates and applies the file. Throws {@link ImportRejectedException} (and
	 * changes no count) when any row is wrong; answers "duplicate" for bytes already
	 * applied to this election.
	 */
	public ImportOutcome importFile(ImportCommand command, InputStream body) {
		ElectionRef election = this.jdbc.sql("select id, slug, kind, jurisdiction, test from election where slug = ?")
			.param(command.election())
			.query((rs, row) -> new ElectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("kind"),
					rs.getString("jurisdiction"), rs.getBoolean("test")))
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(command.election()));
		try (Spool spool = Spool.of(body)) {
			return importFile(command, new ImportRun(command, election, spool));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ImportOutcome importFile(ImportCommand command, ImportRun run) {
		try {
			return this.transactions.execute((status) -> {
				ImportOutcome outcome = this.apply.apply(run);
				if (command.dryRun() || "duplicate".equals(outcome.outcome())) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		}
		catch (ImportRun.Rejected rejected) {
			ProblemCollector problems = run.problems();
			long id = this.records.rejected(command, run.election().id(), run.body().hash(), run.body().size(),
					run.rows(), problems);
			throw new ImportRejectedException(id, problems.first(), problems.total());
		}
		finally {
			if (run.notApplied() != null) {
				this.records.notApplied(run.command(), run.election().id(), run.notApplied(), run.body().size());
			}
		}
	}

}
