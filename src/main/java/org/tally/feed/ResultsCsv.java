package org.tally.feed;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;

import javax.sql.DataSource;

import org.tally.results.ContestOrder;
import org.tally.results.UnitLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.tally.results.VoteType;

/**
 * The election's counts in the OpenElections layout, written so that importing the file
 * into a fresh election ({@code mode=setup}) gives back every stored count and progress
 * value: one row per unit, contest and choice as stored (precinct rows with their county,
 * county rows with an empty precinct), the total in {@code votes}, each vote type under
 * its OpenElections name, and the progress of the contest in the unit repeated on every
 * row of that unit and contest (the importer reads it once per run of rows and checks the
 * others agree). A unit with progress and no counts of its own (a county whose counts are
 * its precincts') gets one row with an empty party, candidate and votes. An empty cell is
 * a value that is not stored, never a zero. A cell that a spreadsheet would run as a
 * formula gets a leading apostrophe.
 * <p>
 * Rows are read from the database in batches of {@value #FETCH} and written as they come,
 * so the export holds its bytes, not the election's rows as objects too.
 */
@Component
class ResultsCsv {

	/** The stored vote types in the order of their columns: the total, then the split. */
	private static final VoteType[] TYPES = VoteType.values();

	/**
	 * The header: a constant for the OpenAPI document's example; its vote-type columns
	 * are each {@link VoteType#csvColumn()} in the order of {@link #TYPES}
	 * ({@code ResultsCsvHeaderTests} checks).
	 */
	static final String HEADER = "county,precinct,office,district,party,candidate,votes,"
			+ "election_day,absentee,early_voting,provisional,"
			+ "precincts_reporting,precincts_total,registered_voters,ballots_cast,ballots_outstanding,expected_votes\r\n";

	private static final String[] PROGRESS = { "precincts_reporting", "precincts_total", "registered_voters",
			"ballots_cast", "ballots_outstanding", "expected_votes" };

	private static final int FETCH = 2000;

	/**
	 * Every count (one row per vote type), and one row without a choice for each unit and
	 * contest that has progress and no counts; ordered so that a unit's rows of a contest
	 * follow each other, and a choice's vote types too.
	 */
	private static final String ROWS = """
			with rows as (
			    select vc.contest_id, vc.unit_id, vc.choice_id, vc.vote_type, vc.votes
			    from vote_count vc
			    join contest c on c.id = vc.contest_id
			    where c.election_id = ?
			    union all
			    select p.contest_id, p.unit_id, null, null, null
			    from progress p
			    join contest c on c.id = p.contest_id
			    where c.election_id = ?
			      and not exists (select 1 from vote_count v where v.contest_id = p.contest_id and v.unit_id = p.unit_id)
			)
			select r.contest_id, r.unit_id, r.choice_id, r.vote_type, r.votes,
			       county.name as county,
			       case when u.level = %2$s then u.name else '' end as precinct,
			       c.office, c.district, ch.party, ch.name as candidate,
			       p.precincts_reporting::bigint as precincts_reporting, p.precincts_total::bigint as precincts_total, p.registered_voters, p.ballots_cast,
			       p.ballots_outstanding, p.expected_votes
			from rows r
			join contest c on c.id = r.contest_id
			join reporting_unit u on u.id = r.unit_id
			join reporting_unit county on county.id = u.sum_county_id
			left join choice ch on ch.id = r.choice_id
			left join progress p on p.contest_id = r.contest_id and p.unit_id = r.unit_id
			order by %1$s, 6, u.sum_county_id, u.level <> %3$s, 7, u.id,
			         ch.ballot_order nulls first, r.choice_id nulls first
			"""
		.formatted(ContestOrder.of("c"), UnitLevel.PRECINCT.sql(), UnitLevel.COUNTY.sql());

	private final JdbcTemplate jdbc;

	ResultsCsv(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH);
	}

	/**
	 * The export; to be called in a transaction (the results' snapshot), where the driver
	 * reads the rows in batches.
	 */
	byte[] export(long electionId) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 16 * 1024)) {
			out.write(HEADER);
			Rows rows = new Rows(out);
			this.jdbc.query(ROWS, rows, electionId, electionId);
			rows.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Gathers the consecutive vote-type rows of one unit, contest and choice into one
	 * line.
	 */
	private static final class Rows implements RowCallbackHandler {

		private final Writer out;

		private final Long[] votes = new Long[TYPES.length];

		private final String[] text = new String[6];

		private final Long[] progress = new Long[PROGRESS.length];

		private boolean pending;

		private long contest;

		private long unit;

		private Long choice;

		Rows(Writer out) {
			this.out = out;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			long contest = rs.getLong("contest_id");
			long unit = rs.getLong("unit_id");
			Long choice = rs.getObject("choice_id", Long.class);
			if (!this.pending || contest != this.contest || unit != this.unit || choice == null
					|| !Objects.equals(choice, this.choice)) {
				flush();
				start(rs, contest, unit, choice);
			}
			VoteType type = VoteType.find(rs.getString("vote_type")).orElse(null);
			if (type != null) {
				this.votes[type.ordinal()] = rs.getLong("votes");
			}
		}

		private void start(ResultSet rs, long contest, long unit, Long choice) throws SQLException {
			this.pending = true;
			this.contest = contest;
			this.unit = unit;
			this.choice = choice;
			Arrays.fill(this.votes, null);
			this.text[0] = rs.getString("county");
			this.text[1] = rs.getString("precinct");
			this.text[2] = rs.getString("office");
			this.text[3] = rs.getString("district");
			this.text[4] = rs.getString("party");
			this.text[5] = rs.getString("candidate");
			for (int i = 0; i < PROGRESS.length; i++) {
				this.progress[i] = rs.getObject(PROGRESS[i], Long.class);
			}
		}

		void flush() {
			if (!this.pending) {
				return;
			}
			this.pending = false;
			try {
				for (int i = 0; i < this.text.length; i++) {
					if (i > 0) {
						this.out.write(',');
					}
					this.out.write(cell(this.text[i]));
				}
				for (Long count : this.votes) {
					this.out.write(',');
					number(count);
				}
				for (Long value : this.progress) {
					this.out.write(',');
					number(value);
				}
				this.out.write("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void number(Long value) throws IOException {
			if (value != null) {
				this.out.write(Long.toString(value));
			}
		}

	}

	/**
	 * The cell as CSV: a value starting with {@code = + - @}, a tab or a carriage return
	 * is prefixed with an apostrophe so spreadsheets show it as text; a value holding a
	 * comma, quote or line break is quoted.
	 */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0 || !text.equals(value);
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
