package org.tally.feed;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.Election;

record ElectionSummaryResponse(String slug, String name, LocalDate date, @Schema(allowableValues = {
		"general", "primary", "special-primary", "special-general", "runoff" }) String kind, String jurisdiction,
		@Schema(allowableValues = { "scheduled", "counting", "paused", "unofficial-complete",
				"certified" }) String status,
		boolean test, String language, long revision, @Nullable Instant lastUpdated, @Nullable Instant publishAfter){

	static ElectionSummaryResponse of(Election election) {
		return new ElectionSummaryResponse(election.getSlug(), election.getName(), election.getDate(),
				election.getKind(), election.getJurisdiction(), election.getStatus(), election.isTest(),
				election.getLanguage(), election.getRevision(), election.getLastUpdated(), election.getPublishAfter());
	}

}
