package org.tally.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an import file, pointed at precisely enough for staff to find and
 * fix it in a spreadsheet. Also used for warnings, which do not stop an import.
 *
 * @param row line in the file, the header being row 1; 0 when it concerns the whole file
 * @param column the header name of the cell, or {@code null} when it concerns the whole
 * row
 * @param value the offending cell (at most 80 characters), or {@code null}
 * @param message what is wrong, in words for the election desk
 * @param location in a JSON or XML file, where: a JSON pointer ({@code /races/3/...}) or
 * the element path; {@code null} for CSV files
 */
public record Problem(long row, String column, String value, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) String location) {

	static final int MAX_VALUE_LENGTH = 80;

	public Problem {
		if (value != null && value.length() > MAX_VALUE_LENGTH) {
			int end = Character.isHighSurrogate(value.charAt(MAX_VALUE_LENGTH - 1)) ? MAX_VALUE_LENGTH - 1
					: MAX_VALUE_LENGTH;
			value = value.substring(0, end);
		}
	}

	public Problem(long row, String column, String value, String message) {
		this(row, column, value, message, null);
	}

	static Problem ofFile(String message) {
		return new Problem(0, null, null, message);
	}

}
