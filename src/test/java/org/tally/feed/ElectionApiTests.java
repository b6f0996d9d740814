package org.tally.feed;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads are public, writes need staff, errors are problem details.
 */
@TallyIntegrationTest
class ElectionApiTests {

	private final TallyApi api;

	ElectionApiTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void listsCreatedElectionsToAnonymousReaders() {
		this.api.createElection("listed-election", "general");

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.slug == 'listed-election')].kind")
			.isEqualTo("general")
			.jsonPath("$[?(@.slug == 'listed-election')].status")
			.isEqualTo("scheduled")
			.jsonPath("$[?(@.slug == 'listed-election')].revision")
			.isEqualTo(0);
	}

	@Test
	void listsElectionsBeingCountedFirstThenTheMostRecent() {
		String[][] elections = { { "order-certified", "2024-11-05", "certified" },
				{ "order-scheduled-old", "2016-11-08", "scheduled" }, { "order-paused", "2012-11-06", "paused" },
				{ "order-scheduled-new", "2020-11-03", "scheduled" }, { "order-counting", "2008-11-04", "counting" },
				{ "order-complete", "2004-11-02", "unofficial-complete" } };
		for (String[] election : elections) {
			this.api.createElection(election[0], "general");
			this.api.putJson("/api/v1/elections/" + election[0], "{\"date\":\"" + election[1] + "\"}");
			this.api.putJson("/api/v1/elections/" + election[0] + "/status", "{\"status\":\"" + election[2] + "\"}");
		}

		List<Object> listed = this.api.jsonList("/api/v1/elections")
			.stream()
			.map((election) -> election.get("slug"))
			.filter((slug) -> slug.toString().startsWith("order-"))
			.toList();

		assertThat(listed).containsExactly("order-counting", "order-paused", "order-complete", "order-scheduled-new",
				"order-scheduled-old", "order-certified");
	}

	@Test
	void refusesAnonymousElectionCreation() {
		this.api.anonymous()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"slug\":\"sneaky\",\"name\":\"x\",\"date\":\"2017-06-06\",\"kind\":\"general\",\"jurisdiction\":\"x\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void answersConflictForAnExistingSlug() {
		this.api.createElection("taken-slug", "general");

		this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"slug\":\"taken-slug\",\"name\":\"x\",\"date\":\"2017-06-06\",\"kind\":\"general\",\"jurisdiction\":\"x\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void rejectsAnInvalidElectionWithProblemDetails() {
		this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"slug\":\"Bad Slug\",\"name\":\"x\",\"date\":\"2017-06-06\",\"kind\":\"coronation\",\"jurisdiction\":\"x\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersNotFoundAsProblemDetails() {
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/no-such-election")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("No election 'no-such-election'");
	}

}
