package org.tally.feed;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.ElectionState;

record ElectionSummaryResponse(String slug, String name, LocalDate date, @Schema(allowableValues = {
		"general", "primary", "special-primary", "special-general", "runoff" }) String kind, String jurisdiction,
		@Schema(allowableValues = { "scheduled", "counting", "paused", "unofficial-complete",
				"certified" }) String status,
		boolean test, String language, long revision, @Nullable Instant lastUpdated, @Nullable Instant publishAfter){

	static ElectionSummaryResponse of(ElectionState election) {
		return new ElectionSummaryResponse(election.slug(), election.name(), election.date(), election.kind(),
				election.jurisdiction(), election.status(), election.test(), election.language(), election.revision(),
				election.lastUpdated(), election.publishAfter());
	}

}
