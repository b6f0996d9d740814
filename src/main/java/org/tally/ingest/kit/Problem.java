package org.tally.ingest.kit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with an import file, pointed at precisely enough for staff to find and
 * fix it in a spreadsheet or an editor. Also used for warnings, which do not stop an
 * import.
 *
 * @param row line in the file, the header being row 1; 0 when it concerns the whole file
 * @param column the header name of the cell (for XML and JSON the attribute or member),
 * or {@code null} when it concerns the whole row
 * @param value the offending cell (at most 80 characters), or {@code null}
 * @param message what is wrong, in words for the election desk
 * @param location for XML the element path, for JSON the JSON pointer; {@code null} for
 * CSV
 */
public record Problem(long row, @Nullable String column, @Nullable String value, String message,
		@JsonInclude(JsonInclude.Include.NON_NULL) String location) {

	public static final int MAX_VALUE_LENGTH = 80;

	public Problem {
		if (value != null && value.length() > MAX_VALUE_LENGTH) {
			int end = Character.isHighSurrogate(value.charAt(MAX_VALUE_LENGTH - 1)) ? MAX_VALUE_LENGTH - 1
					: MAX_VALUE_LENGTH;
			value = value.substring(0, end);
		}
	}

	/** A problem in a CSV file, where the row and column say where. */
	public Problem(long row, String column, String value, String message) {
		this(row, column, value, message, null);
	}

	public static Problem ofFile(String message) {
		return new Problem(0, null, null, message);
	}

}
