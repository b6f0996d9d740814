package org.tally.staff;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A candidate (or a measure's Yes or No) as staff read it: on the contest's setup page,
 * and in the audit log before and after a change. {@link CandidateRequest} writes it.
 */
record ChoiceView(long id, String name, String party, boolean incumbent, boolean writeIn, int ballotOrder) {

	/**
	 * The columns {@link #read(ResultSet, int)} reads, for a select from {@code choice}.
	 */
	static final String COLUMNS = "id, name, party, incumbent, write_in, ballot_order";

	/** A row of {@link #COLUMNS}. */
	static ChoiceView read(ResultSet rs, int row) throws SQLException {
		return new ChoiceView(rs.getLong("id"), rs.getString("name"), rs.getString("party"), rs.getBoolean("incumbent"),
				rs.getBoolean("write_in"), rs.getInt("ballot_order"));
	}

}
