package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.tally.results.VoteType;

import org.tally.ingest.kit.ProgressRow;

/**
 * Streams resolved rows (ids, not names) through PostgreSQL {@code COPY}, in fixed-size
 * chunks, so memory stays flat whatever the file size.
 * <p>
 * While every row so far counts for a fresh contest (one without counts before this
 * import), rows go straight into {@code vote_count} with the revision the import will
 * take: nothing to compare, no history to keep, and PostgreSQL builds the index while the
 * file is still being read. The first row that needs comparing (a contest with counts, or
 * progress) switches to the {@code staged} temporary table for the rest of the file. A
 * count stated twice in the straight part stops the import with {@link CountsCollide}
 * (its caller starts over, staging everything).
 * <p>
 * The connection can do nothing else while a {@code COPY} runs: {@link #pause()} ends it
 * (for a query, such as taking ids for new names), and the next row starts another.
 */
final class StagingWriter implements AutoCloseable {

	static final String CREATE_STAGING = """
			create temporary table staged (
			    row                 bigint  not null,
			    kind                char(1) not null,
			    contest_id          bigint  not null,
			    unit_id             bigint  not null,
			    choice_id           bigint,
			    vote_type           text,
			    votes               bigint,
			    precincts_reporting integer,
			    precincts_total     integer,
			    ballots_cast        bigint,
			    registered_voters   bigint,
			    ballots_outstanding bigint,
			    expected_votes      bigint
			) on commit drop
			""";

	private static final String COPY = "copy staged from stdin (format text)";

	private static final String COPY_COUNTS = """
			copy vote_count (contest_id, choice_id, unit_id, vote_type, votes, revision) from stdin (format text)
			""";

	private static final int CHUNK = 1 << 16;

	private static final byte[] NULL = { '\\', 'N' };

	private static final byte[][] VOTE_TYPES = new byte[VoteType.values().length][];

	static {
		for (VoteType type : VoteType.values()) {
			VOTE_TYPES[type.ordinal()] = type.code().getBytes(StandardCharsets.US_ASCII);
		}
	}

	private final CopyManager copyManager;

	private final byte[] buffer = new byte[CHUNK + 512];

	private final byte[] digits = new byte[20];

	private final long revision;

	private boolean direct;

	private CopyIn copy;

	private int used;

	private long directRows;

	private long countRows;

	private long progressRows;

	private long waitNanos;

	/**
	 * @param revision the revision counts written straight into {@code vote_count} get,
	 * or 0 to stage every row
	 */
	StagingWriter(CopyManager copyManager, long revision) {
		this.copyManager = copyManager;
		this.revision = revision;
		this.direct = revision > 0;
	}

	/**
	 * A count; {@code fresh} when its contest had no counts before this import.
	 */
	void count(long row, long contestId, long unitId, long choiceId, VoteType type, long votes, boolean fresh)
			throws SQLException {
		if (this.direct && fresh) {
			number(contestId);
			number(choiceId);
			number(unitId);
			bytes(VOTE_TYPES[type.ordinal()]);
			number(votes);
			number(this.revision);
			endLine();
			this.directRows++;
			return;
		}
		stageFromNowOn();
		number(row);
		text('c');
		number(contestId);
		number(unitId);
		number(choiceId);
		bytes(VOTE_TYPES[type.ordinal()]);
		number(votes);
		for (int i = 0; i < 6; i++) {
			bytes(NULL);
		}
		endLine();
		this.countRows++;
	}

	void progress(long row, long contestId, long unitId, ProgressRow progress) throws SQLException {
		stageFromNowOn();
		number(row);
		text('p');
		number(contestId);
		number(unitId);
		for (int i = 0; i < 3; i++) {
			bytes(NULL);
		}
		number(progress.precinctsReporting());
		number(progress.precinctsTotal());
		number(progress.ballotsCast());
		number(progress.registeredVoters());
		number(progress.ballotsOutstanding());
		number(progress.expectedVotes());
		endLine();
		this.progressRows++;
	}

	/**
	 * {@link #pause()} for a caller that runs a statement on the connection mid-file (new
	 * ids, where new units count): a failure is the import's failure.
	 */
	void pauseForStatement() {
		try {
			pause();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the import: " + ex.getMessage(), ex);
		}
	}

	/** Sends what is buffered and ends the running {@code COPY}, if any. */
	void pause() throws SQLException {
		flush();
		if (this.copy != null) {
			long start = System.nanoTime();
			try {
				this.copy.endCopy();
			}
			catch (SQLException ex) {
				if (this.copy.isActive()) {
					try {
						this.copy.cancelCopy();
					}
					catch (SQLException cancel) {
						ex.addSuppressed(cancel);
					}
				}
				throw collision(ex);
			}
			finally {
				this.copy = null;
				this.waitNanos += System.nanoTime() - start;
			}
		}
	}

	/**
	 * Time spent sending rows to PostgreSQL and waiting for it to finish each
	 * {@code COPY}: the staging, as opposed to reading the file.
	 */
	long waitNanos() {
		return this.waitNanos;
	}

	/** Sends what is buffered and ends the {@code COPY}. */
	Staged finish() throws SQLException {
		pause();
		return new Staged(this.directRows, this.countRows, this.progressRows);
	}

	/**
	 * How many counts went straight into {@code vote_count}, and how many count and
	 * progress rows into {@code staged}.
	 */
	record Staged(long directRows, long countRows, long progressRows) {
	}

	private void stageFromNowOn() throws SQLException {
		if (this.direct) {
			pause();
			this.direct = false;
		}
	}

	private SQLException collision(SQLException ex) {
		if (this.direct && "23505".equals(ex.getSQLState())) {
			throw new CountsCollide(ex);
		}
		return ex;
	}

	/** A count stated twice among those written straight into {@code vote_count}. */
	static final class CountsCollide extends RuntimeException {

		CountsCollide(Throwable cause) {
			super("a count is stated twice", cause);
		}

	}

	@Override
	public void close() throws SQLException {
		if (this.copy != null && this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

	private void number(Number value) {
		if (value == null) {
			bytes(NULL);
		}
		else {
			number(value.longValue());
		}
	}

	private void number(long value) {
		separator();
		if (value < 0) {
			this.buffer[this.used++] = '-';
			value = -value;
		}
		int at = this.digits.length;
		do {
			this.digits[--at] = (byte) ('0' + (value % 10));
			value /= 10;
		}
		while (value > 0);
		int length = this.digits.length - at;
		System.arraycopy(this.digits, at, this.buffer, this.used, length);
		this.used += length;
	}

	private void text(char ascii) {
		separator();
		this.buffer[this.used++] = (byte) ascii;
	}

	private void bytes(byte[] value) {
		separator();
		System.arraycopy(value, 0, this.buffer, this.used, value.length);
		this.used += value.length;
	}

	private void separator() {
		if (this.used > 0 && this.buffer[this.used - 1] != '\n') {
			this.buffer[this.used++] = '\t';
		}
	}

	private void endLine() throws SQLException {
		this.buffer[this.used++] = '\n';
		if (this.used >= CHUNK) {
			flush();
		}
	}

	private void flush() throws SQLException {
		if (this.used > 0) {
			long start = System.nanoTime();
			try {
				if (this.copy == null) {
					this.copy = this.copyManager.copyIn(this.direct ? COPY_COUNTS : COPY);
				}
				this.copy.writeToCopy(this.buffer, 0, this.used);
			}
			catch (SQLException ex) {
				throw collision(ex);
			}
			finally {
				this.waitNanos += System.nanoTime() - start;
			}
			this.used = 0;
		}
	}

}
