package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.tally.results.AuditLog;
import org.tally.results.ContestResult;
import org.tally.results.ElectionNotFoundException;
import org.tally.results.ResultsQueries;
import org.tally.results.Slugs;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a results file to an election: all of it or nothing. Rows stream through
 * {@code COPY} into a staging table; validation and the merge into the counts are
 * set-wise SQL in one transaction. Imports into one election serialize on its row.
 */
@Service
public class ImportService {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ResultsQueries results;

	private final CountMerge merge;

	private final ImportRecords records;

	private final AuditLog audit;

	ImportService(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			ResultsQueries results, CountMerge merge, ImportRecords records, AuditLog audit) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.results = results;
		this.merge = merge;
		this.records = records;
		this.audit = audit;
	}

	/**
	 * Reads, validates and applies the file. Throws {@link ImportRejectedException} (and
	 * changes no count) when any row is wrong; answers "duplicate" for bytes already
	 * applied to this election.
	 */
	public ImportOutcome importFile(ImportCommand command, InputStream body) {
		ElectionRef election = this.jdbc.sql("select id, slug, kind, jurisdiction from election where slug = ?")
			.param(command.election())
			.query((rs, row) -> new ElectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("kind"),
					rs.getString("jurisdiction")))
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(command.election()));
		MessageDigest sha256 = sha256();
		CountingInputStream counted = new CountingInputStream(new DigestInputStream(body, sha256));
		ProblemCollector problems = new ProblemCollector(100);
		Attempt attempt = new Attempt(command, election, counted, sha256, problems);
		try {
			return this.transactions.execute((status) -> {
				ImportOutcome outcome = attempt.run();
				if (command.dryRun() || "duplicate".equals(outcome.outcome())) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		}
		catch (Rejected rejected) {
			long id = this.records.rejected(command, election.id(), attempt.hash(), counted.count(), attempt.rows,
					problems);
			throw new ImportRejectedException(id, problems.first(), problems.total());
		}
		finally {
			attempt.recordDuplicateOrPreview();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record ElectionRef(long id, String slug, String kind, String jurisdiction) {
	}

	/** What the audit log keeps of an applied import. */
	record AuditedImport(long revision, long rows, long changedCounts, String hash, String file) {
	}

	/** Thrown inside the transaction to roll it back once problems are known. */
	private static final class Rejected extends RuntimeException {

		Rejected() {
			super(null, null, false, false);
		}

	}

	/** One run of one import inside its transaction. */
	private final class Attempt {

		private final ImportCommand command;

		private final ElectionRef election;

		private final CountingInputStream input;

		private final MessageDigest digest;

		private final ProblemCollector problems;

		private String hash;

		private long rows;

		private StagingWriter.Staged staged;

		private ImportOutcome pendingRecord;

		Attempt(ImportCommand command, ElectionRef election, CountingInputStream input, MessageDigest digest,
				ProblemCollector problems) {
			this.command = command;
			this.election = election;
			this.input = input;
			this.digest = digest;
			this.problems = problems;
		}

		String hash() {
			if (this.hash == null) {
				this.hash = HexFormat.of().formatHex(this.digest.digest());
			}
			return this.hash;
		}

		ImportOutcome run() {
			Connection connection = DataSourceUtils.getConnection(ImportService.this.dataSource);
			List<Problem> warnings = new ArrayList<>();
			try {
				ImportService.this.jdbc.sql(StagingWriter.CREATE_STAGING).update();
				try (StagingWriter writer = new StagingWriter(connection.unwrap(PGConnection.class).getCopyAPI())) {
					ReadSummary summary = ResultsFileReader.read(this.input, this.command.format(),
							new StagingSink(writer, this.problems, warnings, this.command, this.election));
					this.rows = summary.rows();
					this.staged = writer.finish();
				}
				drain();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not stage the import: " + ex.getMessage(), ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (this.problems.total() > 0) {
				throw new Rejected();
			}
			// without statistics PostgreSQL plans the temporary table as empty
			ImportService.this.jdbc.sql("analyze staged").update();
			String contentHash = hash();
			ImportService.this.merge.lockElection(this.election.id());
			Long earlier = ImportService.this.records.appliedRevision(this.election.id(), contentHash);
			if (earlier != null) {
				this.pendingRecord = new ImportOutcome(0, "duplicate", earlier, contentHash, this.rows, 0, List.of(),
						List.copyOf(warnings));
				return this.pendingRecord;
			}
			CountMerge.Resolution resolution = ImportService.this.merge.resolve(this.election, this.command.mode(),
					this.problems);
			if (this.problems.total() > 0) {
				throw new Rejected();
			}
			ImportService.this.merge.checkConflictsAndDecreases(this.command.correction() != null, this.problems);
			if (this.problems.total() > 0) {
				throw new Rejected();
			}
			Map<Long, Long> before = ImportService.this.merge.lastTotals(this.election.id());
			Instant now = Instant.now();
			CountMerge.Applied applied = ImportService.this.merge.apply(this.election, this.command, this.staged, now);
			Map<Long, ContestResult> after = byId(ImportService.this.results.contests(this.election.id(), 0));
			List<ImportOutcome.ContestPreview> previews = previews(before, after, applied, resolution);
			if (this.command.dryRun()) {
				this.pendingRecord = new ImportOutcome(0, "preview", null, contentHash, this.rows,
						applied.changedCounts(), previews, List.copyOf(warnings));
				return this.pendingRecord;
			}
			Long revision = applied.revision();
			if (revision != null) {
				ImportService.this.merge.snapshot(revision, applied.changedContests(), after, now,
						this.command.sourceUpdatedAt());
			}
			long id = ImportService.this.records.applied(this.command, this.election.id(), contentHash,
					this.input.count(), this.rows, revision, List.copyOf(warnings));
			if (revision != null) {
				ImportService.this.audit.record(this.command.recordedBy(),
						(this.command.correction() != null) ? "correction" : "import", this.election.slug(), null,
						new AuditedImport(revision, this.rows, applied.changedCounts(), contentHash,
								this.command.fileName()),
						this.command.correction());
			}
			return new ImportOutcome(id, (revision != null) ? "applied" : "unchanged", revision, contentHash, this.rows,
					applied.changedCounts(), previews, List.copyOf(warnings));
		}

		/** Reads what the parser left unread so that the hash covers every byte. */
		private void drain() throws IOException {
			byte[] skip = new byte[8192];
			while (this.input.read(skip) >= 0) {
				// the digest sees every byte
			}
		}

		void recordDuplicateOrPreview() {
			if (this.pendingRecord != null) {
				ImportService.this.records.notApplied(this.command, this.election.id(), this.pendingRecord,
						this.input.count());
			}
		}

		private List<ImportOutcome.ContestPreview> previews(Map<Long, Long> before, Map<Long, ContestResult> after,
				CountMerge.Applied applied, CountMerge.Resolution resolution) {
			List<ImportOutcome.ContestPreview> previews = new ArrayList<>();
			for (Long contestId : applied.changedContests()) {
				ContestResult now = after.get(contestId);
				previews.add(new ImportOutcome.ContestPreview(now.slug(), now.name(),
						before.getOrDefault(contestId, 0L), now.totalVotes(),
						applied.decreases().getOrDefault(contestId, 0L), applied.newUnits().getOrDefault(contestId, 0),
						resolution.newCandidates().getOrDefault(contestId, List.of())));
			}
			return previews;
		}

	}

	private static Map<Long, ContestResult> byId(List<ContestResult> contests) {
		return contests.stream().collect(Collectors.toMap(ContestResult::id, Function.identity()));
	}

	/** Turns parsed rows into staged rows; keeps the problems. */
	private static final class StagingSink implements RowSink {

		private final StagingWriter writer;

		private final ProblemCollector problems;

		private final List<Problem> warnings;

		private final String fixedCounty;

		StagingSink(StagingWriter writer, ProblemCollector problems, List<Problem> warnings, ImportCommand command,
				ElectionRef election) {
			this.writer = writer;
			this.problems = problems;
			this.warnings = warnings;
			this.fixedCounty = (command.county() != null && !command.county().isBlank()) ? command.county().strip()
					: election.jurisdiction();
		}

		@Override
		public void count(CountRow row) {
			if (this.problems.total() > 0) {
				return;
			}
			String county = (row.county() != null) ? row.county() : this.fixedCounty;
			try {
				this.writer.count(row.row(), UnitKey.of(county, row.precinct()),
						contestSlug(row.office(), row.district()), row);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void progress(ProgressRow row) {
			if (this.problems.total() > 0) {
				return;
			}
			String county = (row.county() != null) ? row.county() : this.fixedCounty;
			try {
				this.writer.progress(row.row(), UnitKey.of(county, row.precinct()),
						contestSlug(row.office(), row.district()), row);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void problem(Problem problem) {
			this.problems.add(problem);
		}

		@Override
		public void warning(Problem warning) {
			if (this.warnings.size() < 100) {
				this.warnings.add(warning);
			}
		}

		private static String contestSlug(String office, String district) {
			return Slugs.of(office, district);
		}

	}

}
