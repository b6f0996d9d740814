package org.tally.feed;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.tally.results.RevisionRecord;

/**
 * One revision of the chain (docs/verify.md): what it applied and its signed digest.
 *
 * @param action the action in the chain's canonical form; for an import its parameters
 */
record RevisionResponse(long revision, Instant at, String kind, @Nullable String sourceSha256,
		@Nullable String sourceName, @Nullable Instant sourceUpdatedAt,
		@Nullable @Schema(description = "the staff action in the chain's canonical form (docs/verify.md)",
				implementation = Object.class, type = "object",
				additionalProperties = Schema.AdditionalPropertiesValue.TRUE) JsonNode action,
		String role, String digest, @Nullable String previousDigest, String signature) {

	static RevisionResponse of(RevisionRecord record, @Nullable JsonNode action) {
		return new RevisionResponse(record.revision(), record.at(), record.kind(), record.sourceSha256(),
				record.sourceName(), record.sourceUpdatedAt(), action, record.role().code(), record.digest(),
				record.previousDigest(), record.signature());
	}

}
