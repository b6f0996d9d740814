package org.tally.staff;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A contest's stored setup as staff read it: what the staff API answers, the setup page
 * shows, and the audit log holds before and after a change. {@link ContestRequest} writes
 * it.
 *
 * @param threshold the share to pass, in percent, for rule {@code threshold} only
 */
record ContestView(String slug, String office, String district, String name, @Schema(allowableValues = {
		"candidate", "measure" }) String kind, int seats,
		@Schema(allowableValues = { "plurality", "majority", "top-two", "threshold", "ranked-choice" }) String rule,
		@Nullable BigDecimal threshold, boolean uncontested, int ballotOrder, @Nullable Integer precinctsTotal,
		@Nullable Long registeredVoters, @Nullable Long ballotsOutstanding, @Nullable Long expectedVotes,
		@Nullable Long ballotsCast){

	/**
	 * The columns {@link #read(ResultSet, int)} reads, for a select from {@code contest}.
	 */
	static final String COLUMNS = """
			slug, office, district, name, kind, seats, rule, threshold, uncontested, ballot_order, precincts_total,
			registered_voters, ballots_outstanding, expected_votes, ballots_cast""";

	/** A row of {@link #COLUMNS}. */
	static ContestView read(ResultSet rs, int row) throws SQLException {
		return new ContestView(rs.getString("slug"), rs.getString("office"), rs.getString("district"),
				rs.getString("name"), rs.getString("kind"), rs.getInt("seats"), rs.getString("rule"),
				rs.getBigDecimal("threshold"), rs.getBoolean("uncontested"), rs.getInt("ballot_order"),
				rs.getObject("precincts_total", Integer.class), rs.getObject("registered_voters", Long.class),
				rs.getObject("ballots_outstanding", Long.class), rs.getObject("expected_votes", Long.class),
				rs.getObject("ballots_cast", Long.class));
	}

}
