package org.tally.ingest;

import java.nio.charset.Charset;
import java.time.Instant;

import org.tally.ingest.kit.ImportFormat;

/**
 * One import as staff asked for it.
 *
 * @param format the file's format, or null to detect it from the header
 * @param county the county a clarity-summary file reports (it names none itself)
 * @param correction why counts may go down, or null when they may not
 * @param sourceCalls whether the source's own calls (AP's winner flags) become calls
 * ({@code calls=ap}); a staff call always wins over them
 * @param charset the charset the sender named ({@code charset=} of the Content-Type), or
 * null to detect UTF-8 or Windows-1252
 */
public record ImportCommand(String election, String fileName, ImportFormat format, ImportMode mode, boolean dryRun,
		String correction, String county, Instant sourceUpdatedAt, String recordedBy, boolean sourceCalls,
		Charset charset) {

	public ImportCommand(String election, String fileName, ImportFormat format, ImportMode mode, boolean dryRun,
			String correction, String county, Instant sourceUpdatedAt, String recordedBy) {
		this(election, fileName, format, mode, dryRun, correction, county, sourceUpdatedAt, recordedBy, false, null);
	}

	/** The same import, with the time the file itself states when staff gave none. */
	ImportCommand withSourceUpdatedAt(Instant stated) {
		if (this.sourceUpdatedAt != null || stated == null) {
			return this;
		}
		return new ImportCommand(this.election, this.fileName, this.format, this.mode, this.dryRun, this.correction,
				this.county, stated, this.recordedBy, this.sourceCalls, this.charset);
	}

	public ImportCommand {
		if (correction != null && correction.isBlank()) {
			correction = null;
		}
		if (correction != null && correction.length() > 1000) {
			throw new IllegalArgumentException("correction reason is longer than 1000 characters");
		}
	}

}
