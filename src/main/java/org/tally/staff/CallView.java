package org.tally.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A contest's call as the audit log shows it before and after a change: the status, the
 * winners and the choices advancing, the note. {@link CallRequest} writes it.
 *
 * @param override why staff called while the estimate said it was too soon; only in the
 * entry of that call
 */
record CallView(String status, List<String> winners, List<String> advancing, String note,
		@JsonInclude(JsonInclude.Include.NON_NULL) String override) {

	/** The call a request makes, with the override it needed (or {@code null}). */
	static CallView of(CallRequest request, String override) {
		return new CallView(request.status(), request.winners(), request.advancing(), request.note(), override);
	}

	/**
	 * A row of {@code status}, {@code winners}, {@code advancing} (text arrays) and
	 * {@code note}.
	 */
	static CallView read(ResultSet rs, int row) throws SQLException {
		return new CallView(rs.getString("status"), names(rs, "winners"), names(rs, "advancing"), rs.getString("note"),
				null);
	}

	private static List<String> names(ResultSet rs, String column) throws SQLException {
		return Arrays.asList((String[]) rs.getArray(column).getArray());
	}

}
