package org.tally.staff;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.Election;

/**
 * An election's settings as the staff API answers them.
 *
 * @param date the election day, ISO (2017-06-06)
 * @param revision the election's revision after the change
 * @param language the public pages' default language ("en", "es")
 * @param publishAfter no counts on any public surface before this instant
 * (docs/contract.md §7)
 */
record ElectionView(String slug, String name, String date, @Schema(allowableValues = {
		"general", "primary", "special-primary", "special-general", "runoff" }) String kind, String jurisdiction,
		@Schema(allowableValues = { "scheduled", "counting", "paused", "unofficial-complete",
				"certified" }) String status,
		boolean test, String timeZone, long revision, String language, @Nullable Instant publishAfter){

	static ElectionView of(Election election) {
		return new ElectionView(election.getSlug(), election.getName(), election.getDate().toString(),
				election.getKind(), election.getJurisdiction(), election.getStatus(), election.isTest(),
				election.getTimeZone(), election.getRevision(), election.getLanguage(), election.getPublishAfter());
	}

	/** From the setup service's snapshot (camelCase columns). */
	static ElectionView of(Map<String, Object> row) {
		return new ElectionView((String) row.get("slug"), (String) row.get("name"), String.valueOf(row.get("date")),
				(String) row.get("kind"), (String) row.get("jurisdiction"), (String) row.get("status"),
				Boolean.TRUE.equals(row.get("test")), (String) row.get("timeZone"),
				((Number) row.get("revision")).longValue(), (String) row.get("language"),
				(row.get("publishAfter") != null) ? Instant.parse((String) row.get("publishAfter")) : null);
	}

}
