package org.tally.feed;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contest order, written once ({@code results.ContestOrder}, docs/numbers.md): by ballot
 * order, then office, district in natural order, name, id. Staff create five contests out
 * of order, four of them with the same ballot order; the feed's list and the
 * {@code results.csv} export show them in the order worked out by hand.
 */
@TallyIntegrationTest
class ContestOrderTests {

	/**
	 * Ballot order 0 but Assessor's 1; then office, then district 2 before 9 before 10.
	 */
	private static final List<String> ORDER = List.of("governor", "us-house-2", "us-house-9", "us-house-10",
			"assessor");

	private final TallyApi api;

	ContestOrderTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void theFeedAndTheExportListContestsInOneOrder() {
		String election = this.api.createElection("contest-order", "general");
		for (String contest : List.of("{\"office\":\"Assessor\",\"ballotOrder\":1}",
				"{\"office\":\"U.S. House\",\"district\":\"10\"}", "{\"office\":\"Governor\"}",
				"{\"office\":\"U.S. House\",\"district\":\"9\"}", "{\"office\":\"U.S. House\",\"district\":\"2\"}")) {
			this.api.admin()
				.method(HttpMethod.POST)
				.uri("/api/v1/elections/" + election + "/contests")
				.contentType(MediaType.APPLICATION_JSON)
				.body(contest)
				.exchange()
				.expectStatus()
				.isCreated();
		}
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Alpha,Assessor,,,Ann,1
				Alpha,U.S. House,10,,Bob,2
				Alpha,Governor,,,Cy,3
				Alpha,U.S. House,9,,Di,4
				Alpha,U.S. House,2,,Ed,5
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		List<Map<String, Object>> contests = this.api.jsonList("/api/v1/elections/" + election + "/contests");
		assertThat(contests).extracting((contest) -> contest.get("slug")).containsExactlyElementsOf(ORDER);
		Set<String> exported = new LinkedHashSet<>();
		String[] lines = this.api.text("/api/v1/elections/" + election + "/results.csv").split("\r\n");
		for (int i = 1; i < lines.length; i++) {
			String[] cells = lines[i].split(",", -1);
			exported.add((cells[2] + " " + cells[3]).strip());
		}
		assertThat(exported).containsExactly("Governor", "U.S. House 2", "U.S. House 9", "U.S. House 10", "Assessor");
	}

}
