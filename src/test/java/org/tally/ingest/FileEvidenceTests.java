package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestCsv;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real files whose names mislead, imported over HTTP as downloaded: the file's own
 * arithmetic decides (docs/import.md, Evidence over names; Statistic rows).
 */
@TallyIntegrationTest
class FileEvidenceTests {

	/**
	 * Georgia's 2022 runoff: Gordon County has a precinct called "Gordon County" beside
	 * ten others; Rabun County reports only one row, "Rabun County".
	 */
	private static final String GA = "ingest/20221206__ga__general_runoff__precinct-gordon-rabun-cut.csv";

	/**
	 * Tioga County PA 2022: "Registered", "Ballots - cast", "Ballots - blank", "Turnout".
	 */
	private static final String TIOGA = "ingest/20221108__pa__general__tioga__precinct-cut.csv";

	private final TallyApi api;

	FileEvidenceTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void aPrecinctNamedLikeItsCountyButSmallerThanTheOthersIsCountedAsAPrecinct() {
		String election = this.api.createElection("ga-2022-runoff", "runoff");

		Map<String, Object> result = importCsv(election, GA);

		assertThat(warnings(result)).anySatisfy((warning) -> {
			assertThat(warning.get("value")).isEqualTo("Gordon County");
			assertThat((String) warning.get("message")).contains("counted as a precinct");
		});
		// every row of the file counted once, the "Gordon County" precinct's too
		Map<String, Long> expected = sumsByCandidate(GA);
		Map<String, Object> senate = this.api.json("/api/v1/elections/" + election + "/contests/us-senate");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> candidates = (List<Map<String, Object>>) senate.get("candidates");
		assertThat(candidates).hasSize(2)
			.allSatisfy((candidate) -> assertThat(((Number) candidate.get("votes")).longValue())
				.isEqualTo(expected.get((String) candidate.get("name"))));
		// Warnock in "Gordon County": 188 + 278 + 32 + 0 votes that were dropped before
		assertThat(expected.get("Raphael Warnock")).isGreaterThan(498);
	}

	@Test
	void pennsylvaniaStatisticRowsAreReadAsWhatTheyCountAndNeverRefuseTheFile() {
		String election = this.api.createElection("pa-2022-tioga", "general");

		Map<String, Object> result = importCsv(election, TIOGA);

		assertThat(warnings(result)).extracting((warning) -> warning.get("value"))
			.contains("Ballots - blank", "Turnout");
		Map<String, Object> governor = this.api.json("/api/v1/elections/" + election + "/contests/governor");
		// "Registered": 232 + 953; "Ballots - cast": 167 + 598
		assertThat(governor.get("registeredVoters")).isEqualTo(1185);
		assertThat(governor.get("ballotsCast")).isEqualTo(765);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> candidates = (List<Map<String, Object>>) governor.get("candidates");
		assertThat(candidates).extracting((candidate) -> candidate.get("name"))
			.doesNotContain("Ballots - blank", "Registered", "Turnout", "");
		assertThat(result.get("reconciliation")).isNotNull();
	}

	private Map<String, Object> importCsv(String election, String resource) {
		return this.api.importCsv(election, TallyApi.read(resource), "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> warnings(Map<String, Object> result) {
		return (List<Map<String, Object>>) result.get("warnings");
	}

	/** Each candidate's votes over every row of the file: the sum of its vote types. */
	private static Map<String, Long> sumsByCandidate(String resource) {
		List<List<String>> records = TestCsv.records(new String(TallyApi.read(resource), StandardCharsets.UTF_8));
		List<String> header = records.get(0);
		Map<String, Long> sums = new java.util.HashMap<>();
		for (List<String> record : records.subList(1, records.size())) {
			if (record.isEmpty()) {
				continue;
			}
			long votes = 0;
			for (int i = header.indexOf("election_day_votes"); i < header.size(); i++) {
				votes += Long.parseLong(record.get(i));
			}
			sums.merge(record.get(header.indexOf("candidate")), votes, Long::sum);
		}
		return sums;
	}

}
