package org.tally.ingest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP into PostgreSQL: the over- and under-votes of a CSV (Bexar County's 2022
 * precinct file, "Over Votes"/"Under Votes" rows in each contest) and of a Clarity
 * detail.xml (Atkinson County's 2020 contest-level "Undervotes"/"Overvotes" vote types)
 * are kept as the contests' other counts, shown where NIST's are (the feed's
 * {@code otherCounts}, cdf.json's {@code OtherCounts}), never as votes (docs/import.md,
 * Other counts).
 */
@TallyIntegrationTest
class OtherCountsEveryFormatTests {

	private static final String BEXAR = "ingest/20221108__tx__general__bexar__precinct-cut.csv";

	private final TallyApi api;

	OtherCountsEveryFormatTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void bexarsOverAndUnderVoteRowsAreItsContestsOtherCounts() {
		String election = this.api.createElection("other-bexar", "general");
		post(election, TallyApi.read(BEXAR), "text/csv", "mode=setup", 201);

		// Governor: Under Votes 4 (1001) + 2 (1002), Over Votes 0 + 0
		assertThat(contest(election, "Governor").get("otherCounts")).isEqualTo(Map.of("overvotes", 0, "undervotes", 6));
		assertThat(contest(election, "Governor").get("candidates").toString()).doesNotContain("Over Votes",
				"Under Votes");
		assertThat(cdfOtherCounts(election, "Governor")).containsExactly(Map.of("@type", "ElectionResults.OtherCounts",
				"GpUnitId", "gpu-jurisdiction", "Overvotes", 0, "Undervotes", 6));
	}

	@Test
	void atkinsonsContestLevelUndervotesAreThePresidentialContestsOtherCounts() {
		String election = this.api.createElection("other-atkinson", "general");
		post(election, TallyApi.read("ingest/clarity-detail-ga-atkinson-2020-precinct.xml"), "application/xml",
				"mode=setup&county=Atkinson", 201);

		// <VoteType name="Undervotes" votes="15">: 4 + 0 + 5 + 6 in its four precincts
		Map<String, Object> president = contest(election, "President of the United States");
		assertThat(president.get("otherCounts")).isEqualTo(Map.of("overvotes", 0, "undervotes", 15));
		assertThat(president.get("totalVotes")).isEqualTo(2300 + 825 + 30);
	}

	private Map<String, Object> contest(String election, String name) {
		Object slug = this.api.jsonList("/api/v1/elections/" + election + "/contests")
			.stream()
			.filter((c) -> name.equals(c.get("name")))
			.findFirst()
			.orElseThrow()
			.get("slug");
		return this.api.json("/api/v1/elections/" + election + "/contests/" + slug);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> cdfOtherCounts(String election, String name) {
		Map<String, Object> cdf = this.api.json("/api/v1/elections/" + election + "/cdf.json");
		List<Map<String, Object>> contests = (List<Map<String, Object>>) ((List<Map<String, Object>>) cdf
			.get("Election")).get(0).get("Contest");
		return (List<Map<String, Object>>) contests.stream()
			.filter((c) -> name.equals(c.get("Name")))
			.findFirst()
			.orElseThrow()
			.get("OtherCounts");
	}

	private Map<String, Object> post(String election, byte[] body, String type, String query, int status) {
		return this.api.importBody(election, body, type, query)
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
