package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP into PostgreSQL: the over- and under-votes of a CSV (Bexar County's 2022
 * precinct file, "Over Votes"/"Under Votes" rows in each contest) and of a Clarity
 * detail.xml (Atkinson County's 2020 contest-level "Undervotes"/"Overvotes" vote types)
 * are kept as the contests' other counts, shown where NIST's are (the feed's
 * {@code otherCounts}, cdf.json's {@code OtherCounts}), never as votes; a file that
 * changes only those makes a revision that says so, one that restates them makes none
 * (docs/import.md, Other counts).
 */
@TallyIntegrationTest
class OtherCountsEveryFormatTests {

	private static final String BEXAR = "ingest/20221108__tx__general__bexar__precinct-cut.csv";

	private static final String HEADER = "county,precinct,office,district,candidate,party,votes,election_day,absentee,"
			+ "early_voting\n";

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	OtherCountsEveryFormatTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void bexarsOverAndUnderVoteRowsAreItsContestsOtherCountsAndOnlyAChangeOfThemMakesARevision() {
		String election = this.api.createElection("other-bexar", "general");
		Map<String, Object> first = post(election, TallyApi.read(BEXAR), "text/csv", "mode=setup", 201);
		long revision = ((Number) first.get("revision")).longValue();

		// Governor: Under Votes 4 (1001) + 2 (1002), Over Votes 0 + 0
		assertThat(contest(election, "Governor").get("otherCounts")).isEqualTo(Map.of("overvotes", 0, "undervotes", 6));
		assertThat(contest(election, "Governor").get("candidates").toString()).doesNotContain("Over Votes",
				"Under Votes");
		assertThat(cdfOtherCounts(election, "Governor")).containsExactly(Map.of("@type", "ElectionResults.OtherCounts",
				"GpUnitId", "gpu-jurisdiction", "Overvotes", 0, "Undervotes", 6));

		// a file of the same figures in another order changes nothing: no revision
		String same = HEADER + "Bexar,1002,Governor,,Under Votes,,2,0,0,2\nBexar,1001,Governor,,Under Votes,,4,2,0,2\n";
		Map<String, Object> restated = post(election, same.getBytes(StandardCharsets.UTF_8), "text/csv", "mode=setup",
				200);
		assertThat(restated.get("outcome")).isEqualTo("unchanged");
		assertThat(restated.get("revision")).isNull();
		assertThat(revision(election)).isEqualTo(revision);

		// only the Governor's under-votes in 1001 change (4 to 9): a revision, saying so
		String changed = HEADER + "Bexar,1001,Governor,,Under Votes,,9,4,0,5\n";
		Map<String, Object> second = post(election, changed.getBytes(StandardCharsets.UTF_8), "text/csv", "mode=setup",
				201);
		assertThat(second.get("outcome")).isEqualTo("applied");
		assertThat(second.get("revision")).isEqualTo((int) revision + 1);
		assertThat(second.get("changedCounts")).isEqualTo(0);
		assertThat(warnings(second)).extracting((w) -> w.get("message"))
			.contains("no vote count changed; the file changes the over-votes, under-votes or blank ballots of "
					+ "1 contest: a revision records them");
		assertThat(contest(election, "Governor").get("otherCounts"))
			.isEqualTo(Map.of("overvotes", 0, "undervotes", 11));
		assertThat(revision(election)).isEqualTo(revision + 1);
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

	private long revision(String election) {
		return this.jdbc.sql("select revision from election where slug = ?").param(election).query(Long.class).single();
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

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> warnings(Map<String, Object> result) {
		return (List<Map<String, Object>>) result.get("warnings");
	}

}
