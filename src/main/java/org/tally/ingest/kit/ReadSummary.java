package org.tally.ingest.kit;

import java.util.List;

/**
 * What reading a file found, besides the rows themselves.
 *
 * @param format the format read, named or detected; {@code null} when the header matched
 * none
 * @param rows data rows read (the header and blank lines not counted), good or bad
 * @param problems problems reported to the sink; zero means the file can be applied
 * @param columns the header's column names as written, trimmed
 */
public record ReadSummary(ImportFormat format, long rows, long problems, List<String> columns) {

	public ReadSummary {
		columns = List.copyOf(columns);
	}

	/** Whether the file can be applied: no problems (warnings allowed). */
	public boolean ok() {
		return this.problems == 0;
	}

}
