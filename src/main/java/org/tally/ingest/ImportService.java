package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.kernel.ElectionNotFoundException;

import org.springframework.beans.factory.ObjectProvider;
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
 * <p>
 * Each import's time by phase ({@link ImportPhases}) is logged at DEBUG and recorded as
 * the timer {@code tally.import.phase} (tag {@code phase}).
 */
@Service
public class ImportService {

	private static final Log log = LogFactory.getLog(ImportService.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplyImport apply;

	private final ImportRecords records;

	private final MeterRegistry meters;

	ImportService(JdbcClient jdbc, PlatformTransactionManager transactionManager, ApplyImport apply,
			ImportRecords records, ObjectProvider<MeterRegistry> meters) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.apply = apply;
		this.records = records;
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
	}

	/**
	 * Reads, validates and applies the file. Throws {@link ImportRejectedException} (and
	 * changes no count) when any row is wrong; answers "duplicate" for bytes already
	 * applied to this election.
	 */
	public ImportOutcome importFile(ImportCommand command, InputStream body) {
		ImportPhases phases = new ImportPhases();
		ElectionRef election = this.jdbc.sql("select id, slug, kind, jurisdiction, test from election where slug = ?")
			.param(command.election())
			.query((rs, row) -> new ElectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("kind"),
					rs.getString("jurisdiction"), rs.getBoolean("test")))
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(command.election()));
		try (Spool spool = Spool.of(body)) {
			phases.end(ImportPhases.RECEIVE);
			ImportOutcome outcome = importFile(command, new ImportRun(command, election, spool, phases));
			phases.end(ImportPhases.COMMIT);
			recordPhases(command, outcome, phases);
			return outcome;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void recordPhases(ImportCommand command, ImportOutcome outcome, ImportPhases phases) {
		phases.nanos()
			.forEach((phase, nanos) -> Timer.builder("tally.import.phase")
				.description("Time an import spent in each phase (docs/import.md)")
				.tag("phase", phase)
				.register(this.meters)
				.record(Math.max(nanos, 0), TimeUnit.NANOSECONDS));
		if (log.isDebugEnabled()) {
			log.debug("Import into " + command.election() + " (" + outcome.outcome() + ", revision "
					+ outcome.revision() + ", " + outcome.rows() + " rows, " + outcome.changedCounts()
					+ " counts changed): " + phases);
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
