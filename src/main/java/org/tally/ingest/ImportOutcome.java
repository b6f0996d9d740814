package org.tally.ingest;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.ingest.kit.Problem;

/**
 * What an import did: applied (with the revision it made), duplicate (with the earlier
 * revision), unchanged, or a dry-run preview. Rejections are
 * {@link ImportRejectedException}. {@code reconciliation}: every total the file states,
 * compared with what Tally computes from its rows.
 */
public record ImportOutcome(long importId, @Schema(allowableValues = {
		"applied", "unchanged", "duplicate", "preview" }) String outcome, @Nullable Long revision, String contentHash,
		long rows, long changedCounts, List<ContestPreview> contests, List<Problem> warnings,
		Reconciliation reconciliation){

	public record ContestPreview(String slug, String name, long oldTotal, long newTotal, long decreases,
			int newUnitsReporting, List<String> newCandidates) {
	}

}
