package org.tally.results;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An election's row as it was read at one moment: what the feed needs to answer without
 * touching the JPA model. {@code digest} is the current revision's (docs/verify.md), null
 * before the first revision. {@code projections} is the election's setting of who may see
 * the estimate ({@code off}, {@code staff}, {@code public}; docs/projection.md), held
 * here so a page asks no query for it.
 */
public record ElectionState(long id, String slug, String name, LocalDate date, String kind, String jurisdiction,
		String status, boolean test, String timeZone, long revision, Instant lastUpdated, String language,
		String digest, String projections) {
}
