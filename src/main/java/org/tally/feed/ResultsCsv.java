package org.tally.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The election's counts in the OpenElections layout
 * ({@code county,precinct,office,district,party,candidate,votes}): precinct rows and
 * county rows as they are stored. A cell that a spreadsheet would run as a formula gets a
 * leading apostrophe.
 */
@Component
class ResultsCsv {

	static final String HEADER = "county,precinct,office,district,party,candidate,votes\r\n";

	private static final String ROWS = """
			select coalesce(county.name, u.name) as county,
			       case when u.level = 'precinct' then u.name else '' end as precinct,
			       c.office, c.district, ch.party, ch.name as candidate, vc.votes
			from vote_count vc
			join contest c on c.id = vc.contest_id
			join choice ch on ch.id = vc.choice_id
			join reporting_unit u on u.id = vc.unit_id
			left join reporting_unit county on county.id = u.parent_id and u.level = 'precinct'
			where c.election_id = :election and vc.vote_type = 'total'
			order by c.ballot_order, c.id, 1, u.level <> 'county', 2, ch.ballot_order, ch.id
			""";

	private final JdbcClient jdbc;

	ResultsCsv(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	byte[] export(long electionId) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		StringBuilder line = new StringBuilder(HEADER);
		this.jdbc.sql(ROWS).param("election", electionId).query((RowCallbackHandler) (rs) -> {
			line.append(cell(rs.getString("county")))
				.append(',')
				.append(cell(rs.getString("precinct")))
				.append(',')
				.append(cell(rs.getString("office")))
				.append(',')
				.append(cell(rs.getString("district")))
				.append(',')
				.append(cell(rs.getString("party")))
				.append(',')
				.append(cell(rs.getString("candidate")))
				.append(',')
				.append(rs.getLong("votes"))
				.append("\r\n");
			if (line.length() > 16 * 1024) {
				out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
				line.setLength(0);
			}
		});
		out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
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
