package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a results file to an election: all of it or nothing. The body is received onto
 * disk first ({@link Spool}); then, in one transaction holding the election's row lock,
 * rows are read, their names resolved to ids ({@link ElectionNames}) and streamed through
 * {@code COPY}: straight into the counts for contests that had none, into a staging table
 * for the rest, which {@link CountMerge} checks and merges set-wise.
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

	private final RoundsWriter rounds;

	private final SourceCalls sourceCalls;

	ImportService(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			ResultsQueries results, CountMerge merge, ImportRecords records, AuditLog audit, RoundsWriter rounds,
			SourceCalls sourceCalls) {
		this.rounds = rounds;
		this.sourceCalls = sourceCalls;
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
		ElectionRef election = this.jdbc.sql("select id, slug, kind, jurisdiction, test from election where slug = ?")
			.param(command.election())
			.query((rs, row) -> new ElectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("kind"),
					rs.getString("jurisdiction"), rs.getBoolean("test")))
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(command.election()));
		try (Spool spool = Spool.of(body)) {
			return importFile(command, election, new Attempt(command, election, spool, new ProblemCollector(100)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ImportOutcome importFile(ImportCommand command, ElectionRef election, Attempt attempt) {
		ProblemCollector problems = attempt.problems;
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
			long id = this.records.rejected(command, election.id(), attempt.body.hash(), attempt.body.size(),
					attempt.rows, problems);
			throw new ImportRejectedException(id, problems.first(), problems.total());
		}
		finally {
			attempt.recordDuplicateOrPreview();
		}
	}

	record ElectionRef(long id, String slug, String kind, String jurisdiction, boolean test) {
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

		private ImportCommand command;

		private final ElectionRef election;

		private final Spool body;

		private final ProblemCollector problems;

		private final List<Problem> warnings = new ArrayList<>();

		private long rows;

		private StagingWriter.Staged staged;

		private ImportOutcome pendingRecord;

		Attempt(ImportCommand command, ElectionRef election, Spool body, ProblemCollector problems) {
			this.command = command;
			this.election = election;
			this.body = body;
			this.problems = problems;
		}

		/**
		 * Applies the file, writing the counts of fresh contests straight into
		 * {@code vote_count}; when the file states one of those twice, starts over from
		 * the spooled copy and stages every row, so the merge can tell a conflict from a
		 * harmless repeat.
		 */
		ImportOutcome run() {
			Connection connection = DataSourceUtils.getConnection(ImportService.this.dataSource);
			long lockedRevision = ImportService.this.merge.lockElection(this.election.id());
			ImportRecords.Applied earlier = ImportService.this.records.applied(this.election.id(), this.body.hash());
			if (earlier != null) {
				this.rows = earlier.rows();
				this.pendingRecord = new ImportOutcome(0, "duplicate", earlier.revision(), this.body.hash(),
						earlier.rows(), 0, List.of(), List.of());
				return this.pendingRecord;
			}
			try {
				Savepoint start = connection.setSavepoint();
				try {
					return run(connection, lockedRevision, true);
				}
				catch (StagingWriter.CountsCollide ex) {
					connection.rollback(start);
					this.problems.clear();
					this.warnings.clear();
					return run(connection, lockedRevision, false);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not apply the import: " + ex.getMessage(), ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private ImportOutcome run(Connection connection, long lockedRevision, boolean direct)
				throws SQLException, IOException {
			CountMerge merge = ImportService.this.merge;
			List<Problem> warnings = this.warnings;
			long nextRevision = lockedRevision + 1;
			ElectionNames names;
			StagingSink sink;
			ImportFormat format;
			ImportService.this.jdbc.sql(StagingWriter.CREATE_STAGING).update();
			CountSums sums;
			try (StagingWriter writer = new StagingWriter(connection.unwrap(PGConnection.class).getCopyAPI(),
					direct ? nextRevision : 0)) {
				sums = new CountSums((units) -> {
					pause(writer);
					return merge.place(units);
				});
				names = merge.names(this.election.id(), this.command.mode(), new IdBlocks(writer));
				sink = new StagingSink(writer, names, sums, this.problems, warnings, this.command, this.election);
				ReadSummary summary = ResultsFileReader.read(this.body::open, this.command.format(),
						this.command.charset(), new ReadContext(this.election.jurisdiction(), this.election.test()),
						sink);
				format = summary.format();
				this.rows = summary.rows();
				this.command = this.command.withSourceUpdatedAt(sink.statedUpdatedAt);
				this.staged = writer.finish();
			}
			if (this.problems.total() > 0) {
				throw new Rejected();
			}
			names.problems(this.problems);
			if (this.problems.total() > 0) {
				throw new Rejected();
			}
			String contentHash = this.body.hash();
			merge.create(this.election.id(), this.election.kind().endsWith("primary") ? "top-two" : "plurality",
					names.created());
			CountMerge.Fresh fresh = direct ? fresh(names, nextRevision) : CountMerge.Fresh.NONE;
			fresh.contests().forEach(sums::contest);
			merge.writeSums(sums);
			List<Long> others = names.counted().stream().filter((id) -> !fresh.contests().contains(id)).toList();
			if (!others.isEmpty()) {
				// without statistics PostgreSQL plans the temporary table as empty
				ImportService.this.jdbc.sql("analyze staged").update();
			}
			merge.resolve(others);
			// ranked-choice rounds: a choice eliminated in a later round falls to 0 by
			// design
			merge.checkConflictsAndDecreases(this.command.correction() != null || format == ImportFormat.RCTAB,
					this.problems);
			if (this.problems.total() > 0) {
				throw new Rejected();
			}
			Map<Long, Long> before = merge.lastTotals(this.election.id());
			Instant now = Instant.now();
			CountMerge.Applied applied = merge.apply(this.election, this.command, this.staged, fresh, nextRevision,
					now);
			Map<Long, ContestResult> after = byId(
					ImportService.this.results.contests(this.election.id(), applied.changedContests()));
			List<ImportOutcome.ContestPreview> previews = previews(before, after, applied, names.newCandidates());
			if (this.command.dryRun()) {
				this.pendingRecord = new ImportOutcome(0, "preview", null, contentHash, this.rows,
						applied.changedCounts(), previews, List.copyOf(warnings));
				return this.pendingRecord;
			}
			Long revision = applied.revision();
			if (this.command.sourceCalls() && !sink.winners.isEmpty()) {
				revision = ImportService.this.sourceCalls.record(this.election.id(), sink.winners, revision,
						this.command.recordedBy(), now);
			}
			if (revision != null) {
				merge.snapshot(revision, applied.changedContests(), after, now, this.command.sourceUpdatedAt());
				ImportService.this.rounds.write(revision, sink.rounds);
			}
			long id = ImportService.this.records.applied(this.command, this.election.id(), contentHash,
					this.body.size(), this.rows, revision, List.copyOf(warnings));
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

		/**
		 * The fresh contests: their counts went straight into {@code vote_count} while
		 * the file was read, and those staged after the first row that needed staging
		 * follow now, in one insert.
		 */
		private CountMerge.Fresh fresh(ElectionNames names, long revision) {
			List<Long> contests = names.freshCounted();
			long rows = this.staged.directRows();
			if (!contests.isEmpty() && this.staged.countRows() > 0) {
				try {
					rows += ImportService.this.merge.insertFresh(contests, revision);
				}
				catch (DuplicateKeyException ex) {
					throw new StagingWriter.CountsCollide(ex);
				}
			}
			return new CountMerge.Fresh(contests, rows, names.freshUnits());
		}

		void recordDuplicateOrPreview() {
			if (this.pendingRecord != null) {
				ImportService.this.records.notApplied(this.command, this.election.id(), this.pendingRecord,
						this.body.size());
			}
		}

		private List<ImportOutcome.ContestPreview> previews(Map<Long, Long> before, Map<Long, ContestResult> after,
				CountMerge.Applied applied, Map<Long, List<String>> newCandidates) {
			List<ImportOutcome.ContestPreview> previews = new ArrayList<>();
			for (Long contestId : applied.changedContests()) {
				ContestResult now = after.get(contestId);
				previews.add(new ImportOutcome.ContestPreview(now.slug(), now.name(),
						before.getOrDefault(contestId, 0L), now.totalVotes(),
						applied.decreases().getOrDefault(contestId, 0L), applied.newUnits().getOrDefault(contestId, 0),
						newCandidates.getOrDefault(contestId, List.of())));
			}
			return previews;
		}

	}

	private static Map<Long, ContestResult> byId(List<ContestResult> contests) {
		return contests.stream().collect(Collectors.toMap(ContestResult::id, Function.identity()));
	}

	/**
	 * Ids for new names in blocks that grow as a file keeps naming new things; the
	 * staging {@code COPY} pauses while a block is taken.
	 */
	/** Pauses the staging COPY, so that the connection can run a statement. */
	private static void pause(StagingWriter writer) {
		try {
			writer.pause();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the import: " + ex.getMessage(), ex);
		}
	}

	private final class IdBlocks implements ElectionNames.Ids {

		private final StagingWriter writer;

		private final Map<ElectionNames.Sequence, long[]> blocks = new EnumMap<>(ElectionNames.Sequence.class);

		private final Map<ElectionNames.Sequence, Integer> used = new EnumMap<>(ElectionNames.Sequence.class);

		IdBlocks(StagingWriter writer) {
			this.writer = writer;
		}

		@Override
		public long next(ElectionNames.Sequence sequence) {
			long[] block = this.blocks.get(sequence);
			int at = this.used.getOrDefault(sequence, 0);
			if (block == null || at == block.length) {
				int size = (block == null) ? 16 : Math.min(block.length * 4, 1 << 16);
				pause(this.writer);
				block = ImportService.this.merge.nextIds(sequence, size);
				this.blocks.put(sequence, block);
				at = 0;
			}
			this.used.put(sequence, at + 1);
			return block[at];
		}

	}

	/** Turns parsed rows into staged rows of ids; keeps the problems. */
	private static final class StagingSink implements RowSink {

		private final StagingWriter writer;

		private final ElectionNames names;

		private final ProblemCollector problems;

		private final List<Problem> warnings;

		private final String fixedCounty;

		private final CountSums sums;

		private final List<RoundsWriter.Pending> rounds = new ArrayList<>();

		private final boolean keepWinners;

		/** The source's calls, kept when staff asked for them ({@code calls=ap}). */
		final List<WinnerRow> winners = new ArrayList<>();

		/** When the file says it was last updated, if it says. */
		Instant statedUpdatedAt;

		StagingSink(StagingWriter writer, ElectionNames names, CountSums sums, ProblemCollector problems,
				List<Problem> warnings, ImportCommand command, ElectionRef election) {
			this.writer = writer;
			this.sums = sums;
			this.names = names;
			this.problems = problems;
			this.warnings = warnings;
			this.keepWinners = command.sourceCalls();
			this.fixedCounty = (command.county() != null && !command.county().isBlank()) ? command.county().strip()
					: election.jurisdiction();
		}

		@Override
		public void count(CountRow row) {
			if (this.problems.total() > 0) {
				return;
			}
			ElectionNames.Unit unit = this.names.unit(row.row(),
					(row.county() != null) ? row.county() : this.fixedCounty, row.precinct());
			ElectionNames.Contest contest = this.names.contest(row.row(), row.office(), row.district());
			long choice = (contest != null) ? this.names.choice(contest, row) : -1;
			if (!unit.known() || choice < 0) {
				return;
			}
			contest.counted(unit.id());
			if (contest.fresh) {
				this.sums.add(contest.id, choice, unit, row.voteType(), row.votes());
			}
			try {
				this.writer.count(row.row(), contest.id, unit.id(), choice, row.voteType(), row.votes(), contest.fresh);
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
			ElectionNames.Unit unit = this.names.unit(row.row(),
					(row.county() != null) ? row.county() : this.fixedCounty, row.precinct());
			ElectionNames.Contest contest = this.names.contest(row.row(), row.office(), row.district());
			if (!unit.known() || contest == null) {
				return;
			}
			try {
				this.writer.progress(row.row(), contest.id, unit.id(), row);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void rounds(RankedRounds rounds) {
			if (this.problems.total() > 0) {
				return;
			}
			ElectionNames.Contest contest = this.names.contest(rounds.row(), rounds.office(), rounds.district());
			if (contest == null) {
				return;
			}
			this.rounds.add(new RoundsWriter.Pending(contest.id, Map.copyOf(contest.choices), rounds));
		}

		@Override
		public void problem(Problem problem) {
			this.problems.add(problem);
		}

		@Override
		public void contest(ContestRow row) {
			this.names.declare(row);
		}

		@Override
		public void winner(WinnerRow row) {
			if (this.keepWinners && this.winners.size() < 100_000) {
				this.winners.add(row);
			}
		}

		@Override
		public void sourceUpdatedAt(Instant at) {
			this.statedUpdatedAt = at;
		}

		@Override
		public void warning(Problem warning) {
			if (this.warnings.size() < 100) {
				this.warnings.add(warning);
			}
		}

	}

}
