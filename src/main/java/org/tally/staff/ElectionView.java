package org.tally.staff;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

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

	/** The settings the setup service read. */
	static ElectionView of(ElectionSettings election) {
		return new ElectionView(election.slug(), election.name(), election.date().toString(), election.kind(),
				election.jurisdiction(), election.status(), election.test(), election.timeZone(), election.revision(),
				election.language(), election.publishAfter());
	}

}
