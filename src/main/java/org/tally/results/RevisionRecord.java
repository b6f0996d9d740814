package org.tally.results;

import java.time.Instant;

/**
 * One revision as its chain records it (docs/verify.md).
 *
 * @param at when Tally received it
 * @param sourceSha256 the applied file's SHA-256, or null for a staff action
 * @param action the canonical JSON of the action, or null
 * @param role who made it
 * @param digest null only for a revision not sealed yet
 */
public record RevisionRecord(long revision, Instant at, String kind, String sourceSha256, String sourceName,
		Instant sourceUpdatedAt, String action, RecordedRole role, String digest, String previousDigest,
		String signature) {
}
