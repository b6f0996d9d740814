package org.tally.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * One import inside its transaction, as named steps: lock the election, answer a
 * duplicate, then {@link ReadFile read}, {@link ResolveNames resolve the names},
 * {@link WriteCounts write} and {@link RecordImport record}. Counts of fresh contests are
 * first written straight into {@code vote_count}; when the file states one of those
 * twice, the run rolls back to a savepoint and reads the spooled file again with every
 * row staged, so the merge can tell a conflict from a harmless repeat.
 */
@Component
class ApplyImport {

	private final DataSource dataSource;

	private final CountMerge merge;

	private final ImportRecords records;

	private final ReadFile readFile;

	private final ResolveNames resolveNames;

	private final WriteCounts writeCounts;

	private final RecordImport recordImport;

	ApplyImport(DataSource dataSource, CountMerge merge, ImportRecords records, ReadFile readFile,
			ResolveNames resolveNames, WriteCounts writeCounts, RecordImport recordImport) {
		this.dataSource = dataSource;
		this.merge = merge;
		this.records = records;
		this.readFile = readFile;
		this.resolveNames = resolveNames;
		this.writeCounts = writeCounts;
		this.recordImport = recordImport;
	}

	/**
	 * Applies the run's file; must be called in a transaction, which the caller rolls
	 * back for a duplicate or a dry run. Throws {@link ImportRun.Rejected} once any
	 * problem is known.
	 */
	ImportOutcome apply(ImportRun run) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		long nextRevision = this.merge.lockElection(run.election().id()) + 1;
		ImportRecords.Applied earlier = this.records.applied(run.election().id(), run.body().hash());
		run.phases().end(ImportPhases.LOCK);
		if (earlier != null) {
			return run.duplicateOf(earlier);
		}
		try {
			Savepoint start = connection.setSavepoint();
			try {
				return apply(run, connection, nextRevision, true);
			}
			catch (StagingWriter.CountsCollide ex) {
				connection.rollback(start);
				run.startOver();
				return apply(run, connection, nextRevision, false);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not apply the import: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ImportOutcome apply(ImportRun run, Connection connection, long nextRevision, boolean direct)
			throws SQLException, IOException {
		FileRead read = this.readFile.read(run, connection, direct ? nextRevision : 0);
		this.resolveNames.resolve(run, read.names());
		run.phases().end(ImportPhases.CREATE);
		WriteCounts.Written written = this.writeCounts.write(run, read, nextRevision, direct);
		return this.recordImport.record(run, read, written);
	}

}
