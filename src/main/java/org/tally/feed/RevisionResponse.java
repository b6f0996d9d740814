package org.tally.feed;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.tally.results.RevisionRecord;

/**
 * One revision of the chain (docs/verify.md): what it applied and its signed digest.
 *
 * @param action the action in the chain's canonical form; for an import its parameters
 */
record RevisionResponse(long revision, Instant at, String kind, @Schema(nullable = true) String sourceSha256,
		@Schema(nullable = true) String sourceName, @Schema(nullable = true) Instant sourceUpdatedAt,
		@Schema(nullable = true) JsonNode action, String role, String digest, String previousDigest, String signature) {

	static RevisionResponse of(RevisionRecord record, JsonNode action) {
		return new RevisionResponse(record.revision(), record.at(), record.kind(), record.sourceSha256(),
				record.sourceName(), record.sourceUpdatedAt(), action, record.role(), record.digest(),
				record.previousDigest(), record.signature());
	}

}
