package org.tally.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference case end to end: the real CA-34 files through the HTTP import into
 * PostgreSQL and back out of the feed.
 */
@TallyIntegrationTest
class Ca34ImportTests {

	private final TallyApi api;

	Ca34ImportTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void certifiedPrecinctFileShowsGomezFiftyNinePointTwo() {
		String election = this.api.createElection("ca34-certified", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("applied")
			.jsonPath("$.revision")
			.isEqualTo(1)
			.jsonPath("$.rows")
			.isEqualTo(390);

		Map<String, Object> contest = contest(election, "us-house-34");

		// the file lists 195 precincts but never says how many the contest has: the total
		// stays unknown rather than guessed from what reported (docs/contract.md §2)
		assertThat(contest).containsEntry("name", "U.S. House, District 34")
			.containsEntry("totalVotes", 43179)
			.containsEntry("precinctsReporting", 195)
			.containsEntry("precinctsTotal", null)
			.containsEntry("precinctsReportingPct", null);
		List<Map<String, Object>> candidates = candidates(contest);
		assertThat(candidates).extracting((c) -> c.get("name")).containsExactly("Jimmy Gomez", "Robert Lee Ahn");
		assertThat(candidates).extracting((c) -> c.get("votes")).containsExactly(25569, 17610);
		assertThat(candidates).extracting((c) -> new BigDecimal(c.get("votePct").toString()))
			.containsExactly(new BigDecimal("59.2"), new BigDecimal("40.8"));
	}

	@Test
	void primaryPercentagesSumToExactlyOneHundred() {
		String election = this.api.createElection("ca34-primary", "special-primary");
		this.api.importFile(election, "ca34/20170404__ca__special__primary__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		List<Map<String, Object>> candidates = candidates(contest(election, "us-house-34"));

		assertThat(candidates).hasSize(23);
		BigDecimal sum = candidates.stream()
			.map((c) -> new BigDecimal(c.get("votePct").toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo("100.0");
		assertThat(candidates.subList(0, 2)).extracting((c) -> c.get("name"))
			.containsExactly("Jimmy Gomez", "Robert Lee Ahn");
	}

	@Test
	void countyTotalRowIsNotAddedToItsPrecincts() {
		String election = this.api.createElection("ca34-both-levels", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		assertThat(candidates(contest(election, "us-house-34"))).extracting((c) -> c.get("votes"))
			.containsExactly(25569, 17610);
	}

	@Test
	void sameBytesTwiceAnswerDuplicateWithTheEarlierRevision() {
		String election = this.api.createElection("ca34-twice", "special-general");
		String file = "ca34/20170606__ca__special__general.csv";
		this.api.importFile(election, file, "mode=setup").expectStatus().isCreated();

		this.api.importFile(election, file, "mode=setup")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("duplicate")
			.jsonPath("$.revision")
			.isEqualTo(1);
		assertThat(contest(election, "us-house-34")).containsEntry("revision", 1).containsEntry("totalVotes", 43179);
	}

	private Map<String, Object> contest(String election, String contest) {
		return this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/" + contest)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> candidates(Map<String, Object> contest) {
		return (List<Map<String, Object>>) contest.get("candidates");
	}

}
