package org.tally.results;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call's choices are read once ({@code call_choices}, migration V36, docs/numbers.md):
 * named in any order, they come back in the contest's ballot order, the same in the
 * feed's call and in the contest timeline.
 */
@TallyIntegrationTest
class CallChoicesTests {

	private final TallyApi api;

	@Autowired
	ResultsQueries queries;

	CallChoicesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void aCallsChoicesComeInBallotOrderInTheFeedAndTheTimeline() {
		String election = this.api.createElection("call-choices", "special-general");
		String contest = "/api/v1/elections/" + election + "/contests";
		send(contest, "{\"office\":\"U.S. House\",\"district\":\"34\"}");
		send(contest + "/us-house-34/candidates", "{\"name\":\"Jimmy Gomez\",\"party\":\"DEM\",\"ballotOrder\":1}");
		send(contest + "/us-house-34/candidates", "{\"name\":\"Robert Lee Ahn\",\"party\":\"DEM\",\"ballotOrder\":2}");
		// named against ballot order
		send(contest + "/us-house-34/call",
				"{\"status\":\"runoff\",\"advancing\":[\"Robert Lee Ahn\",\"Jimmy Gomez\"]}");

		@SuppressWarnings("unchecked")
		Map<String, Object> call = (Map<String, Object>) this.api.json(contest + "/us-house-34").get("call");
		assertThat(call).containsEntry("advancing", List.of("Jimmy Gomez", "Robert Lee Ahn"))
			.containsEntry("winners", List.of());
		long election0 = this.queries.electionState(election).orElseThrow().id();
		long id = this.queries.contestId(election0, "us-house-34").orElseThrow();
		assertThat(this.queries.timeline(id)).filteredOn((event) -> "runoff".equals(event.status()))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.advancing()).containsExactly("Jimmy Gomez", "Robert Lee Ahn");
				assertThat(event.winners()).isEmpty();
			});
	}

	private void send(String path, String json) {
		this.api.admin()
			.method(HttpMethod.POST)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
