package org.tally.staff;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.ColumnMapRowMapper;

/**
 * A row as the API and the audit log show it: each column under its camelCase name
 * ({@code ballot_order} is {@code ballotOrder}), in select order; instants and dates as
 * ISO text, arrays as lists. Rename a column in the select
 * ({@code election_date as date}) to name it otherwise.
 */
final class CamelCaseColumns extends ColumnMapRowMapper {

	static final CamelCaseColumns ROW = new CamelCaseColumns();

	private CamelCaseColumns() {
	}

	@Override
	protected Map<String, Object> createColumnMap(int columnCount) {
		return new LinkedHashMap<>(columnCount * 2);
	}

	@Override
	protected String getColumnKey(String columnName) {
		StringBuilder key = new StringBuilder(columnName.length());
		boolean upper = false;
		for (char c : columnName.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				key.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return key.toString();
	}

	@Override
	protected Object getColumnValue(ResultSet rs, int index) throws SQLException {
		Object value = rs.getObject(index);
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof Array array) {
			return Arrays.asList((Object[]) array.getArray());
		}
		return value;
	}

}
