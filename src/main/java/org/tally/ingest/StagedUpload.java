package org.tally.ingest;

import java.security.Principal;

import org.tally.ingest.kit.ImportFormat;

/**
 * A file uploaded on the staff page, kept server-side by its hash between the preview and
 * the confirmation, with the choices staff made for it.
 */
public record StagedUpload(String hash, String fileName, String format, String mode, String correction, String calls) {

	public StagedUpload {
		correction = (correction == null || correction.isBlank()) ? null : correction.strip();
	}

	ImportCommand command(String election, boolean dryRun, Principal principal) {
		return new ImportCommand(election, this.fileName, ImportFormat.fromCode(this.format),
				ImportMode.fromCode(this.mode), dryRun, this.correction, null, null, principal.getName(),
				"ap".equals(this.calls), null);
	}

}
