package org.tally.feed;

import java.time.Instant;
import java.time.LocalDate;

import org.tally.results.Election;

record ElectionSummaryResponse(String slug, String name, LocalDate date, String kind, String jurisdiction,
		String status, boolean test, String language, long revision, Instant lastUpdated) {

	static ElectionSummaryResponse of(Election election) {
		return new ElectionSummaryResponse(election.getSlug(), election.getName(), election.getDate(),
				election.getKind(), election.getJurisdiction(), election.getStatus(), election.isTest(),
				election.getLanguage(), election.getRevision(), election.getLastUpdated());
	}

}
