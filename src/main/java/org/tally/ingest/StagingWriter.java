package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams parsed rows into the {@code staged} temporary table through PostgreSQL
 * {@code COPY}, in fixed-size chunks, so memory stays flat whatever the file size.
 */
final class StagingWriter implements AutoCloseable {

	static final String CREATE_STAGING = """
			create temporary table staged (
			    row                 bigint  not null,
			    kind                char(1) not null,
			    county_code         text    not null,
			    county              text    not null,
			    precinct_code       text,
			    precinct            text,
			    contest_slug        text    not null,
			    office              text    not null,
			    district            text    not null,
			    party               text,
			    candidate           text,
			    vote_type           text,
			    votes               bigint,
			    incumbent           boolean,
			    write_in            boolean,
			    precincts_reporting integer,
			    precincts_total     integer,
			    ballots_cast        bigint,
			    registered_voters   bigint,
			    ballots_outstanding bigint
			) on commit drop
			""";

	private static final String COPY = "copy staged from stdin (format text)";

	private static final int CHUNK = 1 << 16;

	private final CopyIn copy;

	private final StringBuilder line = new StringBuilder(256);

	private final byte[] buffer = new byte[CHUNK + 4096];

	private int used;

	private long countRows;

	private long progressRows;

	StagingWriter(CopyManager copyManager) throws SQLException {
		this.copy = copyManager.copyIn(COPY);
	}

	void count(long row, UnitKey unit, String contestSlug, CountRow count) throws SQLException {
		this.line.setLength(0);
		number(row);
		text("c");
		unit(unit);
		text(contestSlug);
		text(count.office());
		text(count.district());
		text(count.party());
		text(count.candidate());
		text(count.voteType().code());
		number(count.votes());
		bool(count.incumbent());
		bool(count.writeIn());
		nulls(5);
		flushLine();
		this.countRows++;
	}

	void progress(long row, UnitKey unit, String contestSlug, ProgressRow progress) throws SQLException {
		this.line.setLength(0);
		number(row);
		text("p");
		unit(unit);
		text(contestSlug);
		text(progress.office());
		text(progress.district());
		nulls(6);
		number(progress.precinctsReporting());
		number(progress.precinctsTotal());
		number(progress.ballotsCast());
		number(progress.registeredVoters());
		number(progress.ballotsOutstanding());
		flushLine();
		this.progressRows++;
	}

	/** Sends what is buffered and ends the COPY. */
	Staged finish() throws SQLException {
		flush();
		this.copy.endCopy();
		return new Staged(this.countRows, this.progressRows);
	}

	/** How many count and progress rows went into {@code staged}. */
	record Staged(long countRows, long progressRows) {
	}

	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

	private void unit(UnitKey unit) {
		text(unit.countyCode());
		text(unit.county());
		text(unit.precinctCode());
		text(unit.precinct());
	}

	private void nulls(int count) {
		for (int i = 0; i < count; i++) {
			separator();
			this.line.append("\\N");
		}
	}

	private void number(Number value) {
		separator();
		if (value == null) {
			this.line.append("\\N");
		}
		else {
			this.line.append(value.longValue());
		}
	}

	private void bool(Boolean value) {
		separator();
		this.line.append((value == null) ? "\\N" : (value ? "t" : "f"));
	}

	private void text(String value) {
		separator();
		if (value == null) {
			this.line.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> this.line.append("\\\\");
				case '\t' -> this.line.append("\\t");
				case '\n' -> this.line.append("\\n");
				case '\r' -> this.line.append("\\r");
				default -> this.line.append(c);
			}
		}
	}

	private void separator() {
		if (!this.line.isEmpty()) {
			this.line.append('\t');
		}
	}

	private void flushLine() throws SQLException {
		this.line.append('\n');
		byte[] bytes = this.line.toString().getBytes(StandardCharsets.UTF_8);
		if (this.used + bytes.length > CHUNK) {
			flush();
		}
		if (bytes.length > this.buffer.length) {
			this.copy.writeToCopy(bytes, 0, bytes.length);
			return;
		}
		System.arraycopy(bytes, 0, this.buffer, this.used, bytes.length);
		this.used += bytes.length;
	}

	private void flush() throws SQLException {
		if (this.used > 0) {
			this.copy.writeToCopy(this.buffer, 0, this.used);
			this.used = 0;
		}
	}

}
