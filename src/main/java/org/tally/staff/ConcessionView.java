package org.tally.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A candidate's active concession as the audit log shows it before and after a change.
 * {@link ConcessionRequest} and {@link ConcessionChange} write it.
 *
 * @param recordedBy the user name of who recorded it
 */
record ConcessionView(String candidate, Instant concededAt, String statement, String sourceUrl, String recordedBy) {

	/**
	 * A row of {@code candidate}, {@code conceded_at}, {@code statement},
	 * {@code source_url} and {@code recorded_by}.
	 */
	static ConcessionView read(ResultSet rs, int row) throws SQLException {
		return new ConcessionView(rs.getString("candidate"), rs.getTimestamp("conceded_at").toInstant(),
				rs.getString("statement"), rs.getString("source_url"), rs.getString("recorded_by"));
	}

}
