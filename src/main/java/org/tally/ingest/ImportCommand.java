package org.tally.ingest;

import java.time.Instant;

/**
 * One import as staff asked for it.
 *
 * @param format the file's format, or null to detect it from the header
 * @param county the county a clarity-summary file reports (it names none itself)
 * @param correction why counts may go down, or null when they may not
 */
public record ImportCommand(String election, String fileName, ImportFormat format, ImportMode mode, boolean dryRun,
		String correction, String county, Instant sourceUpdatedAt, String recordedBy) {

	public ImportCommand {
		if (correction != null && correction.isBlank()) {
			correction = null;
		}
		if (correction != null && correction.length() > 1000) {
			throw new IllegalArgumentException("correction reason is longer than 1000 characters");
		}
	}

}
