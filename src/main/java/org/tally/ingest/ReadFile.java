package org.tally.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;

/**
 * Import step: read and validate. Streams the received file through its format's reader
 * ({@link ResultsFileReader}) into a {@link StagingSink}, which turns names into ids
 * while the rows go to PostgreSQL by {@code COPY}. Any problem in the file ends the
 * import here.
 */
@Component
class ReadFile {

	private final JdbcClient jdbc;

	private final NameQueries queries;

	private final StoredNames storedNames;

	ReadFile(JdbcClient jdbc, NameQueries queries, StoredNames storedNames) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.storedNames = storedNames;
	}

	/**
	 * Reads the whole file once, under the election's lock.
	 * @param directRevision the revision counts of fresh contests are written with
	 * straight into {@code vote_count}, or 0 to stage every row
	 */
	FileRead read(ImportRun run, Connection connection, long directRevision) throws SQLException, IOException {
		ElectionRef election = run.election();
		ImportCommand command = run.command();
		CountSums sums;
		FileRead read;
		this.jdbc.sql(StagingWriter.CREATE_STAGING).update();
		try (StagingWriter writer = new StagingWriter(connection.unwrap(PGConnection.class).getCopyAPI(),
				directRevision)) {
			sums = new CountSums((units) -> {
				writer.pauseForStatement();
				return this.queries.place(units);
			});
			long[] namesNanos = { 0 };
			StoredNames.Statements reads = (statement) -> {
				writer.pauseForStatement();
				long start = System.nanoTime();
				statement.run();
				namesNanos[0] += System.nanoTime() - start;
			};
			ElectionNames names = this.storedNames.names(election.id(), command.mode(),
					new IdBlocks(writer, this.queries), reads, (county) -> {
						List<Map<String, ElectionNames.Unit>> units = new ArrayList<>(1);
						reads.run(() -> units.add(this.queries.units(election.id(), county)));
						return units.get(0);
					});
			run.phases().end(ImportPhases.NAMES);
			StagingSink sink = new StagingSink(writer, names, sums, run, command, election);
			ReadSummary summary = ResultsFileReader.read(run.body()::open, command.format(), command.charset(),
					new ReadContext(election.jurisdiction(), election.test()), sink);
			run.read(summary.rows(), sink.statedUpdatedAt());
			read = new FileRead(summary.format(), names, sums, writer.finish(), sink.winners(), sink.rounds(),
					sink.notes(), sink.otherCounts());
			run.phases().end(ImportPhases.PARSE);
			run.phases().moveFromLast(ImportPhases.PARSE, ImportPhases.STAGE, writer.waitNanos());
			run.phases().moveFromLast(ImportPhases.PARSE, ImportPhases.NAMES, namesNanos[0]);
		}
		run.rejectIfProblems();
		return read;
	}

}
