package org.tally.feed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read endpoints of docs/contract.md §4 on the CA-34 files: breakdowns, incremental
 * reads, history, the CSV export and test elections.
 */
@TallyIntegrationTest
class FeedEndpointsTests {

	private static final String COUNTY = "ca34/20170606__ca__special__general.csv";

	private static final String PRECINCTS = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	final TallyApi api;

	FeedEndpointsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void countyLevelAddsTheCountyWithTheContestTotals() {
		String election = imported("units-county", PRECINCTS);

		Map<String, Object> contest = json("/api/v1/elections/" + election + "/contests/us-house-34?level=county");

		List<Map<String, Object>> units = list(contest.get("reportingUnits"));
		assertThat(units).hasSize(1);
		Map<String, Object> county = units.get(0);
		assertThat(county).containsEntry("code", "los-angeles")
			.containsEntry("name", "Los Angeles")
			.containsEntry("level", "county")
			.containsEntry("totalVotes", 43179);
		assertThat(list(county.get("candidates")))
			.extracting((c) -> c.get("name"), (c) -> c.get("votes"), (c) -> new BigDecimal(c.get("votePct").toString()))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Jimmy Gomez", 25569, new BigDecimal("59.2")),
					org.assertj.core.groups.Tuple.tuple("Robert Lee Ahn", 17610, new BigDecimal("40.8")));
	}

	@Test
	void countyLevelNeverCountsACountyRowBesideItsPrecincts() {
		String election = imported("units-no-double", PRECINCTS);
		this.api.importFile(election, COUNTY, "mode=setup").expectStatus().isCreated();

		Map<String, Object> contest = json("/api/v1/elections/" + election + "/contests/us-house-34?level=county");

		assertThat(list(contest.get("reportingUnits"))).singleElement()
			.satisfies((county) -> assertThat(county).containsEntry("totalVotes", 43179));
	}

	@Test
	void precinctLevelListsEveryPrecinctWithItsCounty() {
		String election = imported("units-precinct", PRECINCTS);

		Map<String, Object> contest = json("/api/v1/elections/" + election + "/contests/us-house-34?level=precinct");

		List<Map<String, Object>> units = list(contest.get("reportingUnits"));
		assertThat(units).hasSize(195)
			.allSatisfy((unit) -> assertThat(unit).containsEntry("level", "precinct")
				.containsEntry("parent", "los-angeles"));
		assertThat(units).filteredOn((unit) -> "0850001A".equals(unit.get("name")))
			.singleElement()
			.satisfies((unit) -> assertThat(unit).containsEntry("totalVotes", 337));
		assertThat(units.stream().mapToLong((unit) -> ((Number) unit.get("totalVotes")).longValue()).sum())
			.isEqualTo(43179);
	}

	@Test
	void refusesAnUnknownLevel() {
		String election = imported("units-bad-level", PRECINCTS);

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34?level=planet")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void sinceReturnsOnlyContestsChangedAfterTheRevisionAndTellsTheNextOne() {
		String election = imported("since-incremental", PRECINCTS);
		String uri = "/api/v1/elections/" + election + "/contests";

		this.api.anonymous()
			.get()
			.uri(uri + "?since=0")
			.exchange()
			.expectHeader()
			.valueEquals("Tally-Revision", "1")
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
		this.api.anonymous()
			.get()
			.uri(uri + "?since=1")
			.exchange()
			.expectHeader()
			.valueEquals("Tally-Revision", "1")
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void historyListsTheTotalsAfterEachRevision() {
		String election = imported("history-two", COUNTY);
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();

		Map<String, Object> history = Eventually.get(() -> {
			Map<String, Object> answer = json("/api/v1/elections/" + election + "/contests/us-house-34/history");
			assertThat(list(answer.get("revisions"))).hasSize(2);
			return answer;
		});

		List<Map<String, Object>> revisions = list(history.get("revisions"));
		assertThat(revisions).extracting((r) -> r.get("revision")).containsExactly(1, 2);
		assertThat(revisions).extracting((r) -> r.get("kind")).containsExactly("import", "import");
		assertThat(revisions).extracting((r) -> r.get("totalVotes")).containsExactly(43179, 43179);
		assertThat(revisions.get(1)).containsEntry("precinctsReporting", 195).containsKey("receivedAt");
		assertThat(list(revisions.get(0).get("candidates"))).extracting((c) -> c.get("name"), (c) -> c.get("votes"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Jimmy Gomez", 25569),
					org.assertj.core.groups.Tuple.tuple("Robert Lee Ahn", 17610));
	}

	@Test
	void exportsTheOpenElectionsLayoutAsStored() {
		String election = imported("csv-layout", PRECINCTS);

		String csv = text("/api/v1/elections/" + election + "/results.csv");

		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("county,precinct,office,district,party,candidate,votes,election_day,absentee,"
					+ "early_voting,provisional,precincts_reporting,precincts_total,registered_voters,ballots_cast,"
					+ "ballots_outstanding,expected_votes");
		// no vote types and no progress in the file: empty cells, never zeros
		assertThat(lines).hasSize(391).contains("Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,309,,,,,,,,,,");
	}

	@Test
	void escapesCellsASpreadsheetWouldRunAsFormulas() {
		String election = this.api.createElection("csv-formulas", "general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,Mayor,,=1+2,"=HYPERLINK(""http://x"",""y"")",10
				Los Angeles,Mayor,,@SUM(A1),+Plus,5
				Los Angeles,Mayor,,IND,-Minus,1
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		String csv = text("/api/v1/elections/" + election + "/results.csv");

		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
			.contains("\"'=1+2\"")
			.contains("\"'@SUM(A1)\"")
			.contains("\"'+Plus\"")
			.contains("\"'-Minus\"");
		assertThat(csv.lines()).noneMatch((line) -> line.contains(",=") || line.contains(",@") || line.contains(",+"));
	}

	@Test
	void testElectionsSayItInEveryResponse() {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"rehearsal","name":"Rehearsal","date":"2017-06-06","kind":"general",
				 "jurisdiction":"California","test":true}
				""").exchange().expectStatus().isCreated();
		this.api.importFile("rehearsal", PRECINCTS, "mode=setup").expectStatus().isCreated();

		assertThat(json("/api/v1/elections/rehearsal")).containsEntry("test", true);
		assertThat(json("/api/v1/elections/rehearsal/contests/us-house-34")).containsEntry("test", true);
		assertThat(json("/api/v1/elections/rehearsal/contests/us-house-34/history")).containsEntry("test", true);
		assertThat(json("/api/v1/elections/rehearsal/cdf.json")).containsEntry("IsTest", true);
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/rehearsal/results.csv")
			.exchange()
			.expectHeader()
			.valueEquals("Tally-Test", "true");
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/rehearsal/contests")
			.exchange()
			.expectHeader()
			.valueEquals("Tally-Test", "true")
			.expectBody()
			.jsonPath("$[0].test")
			.isEqualTo(true);
	}

	private String imported(String slug, String file) {
		this.api.createElection(slug, "special-general");
		this.api.importFile(slug, file, "mode=setup").expectStatus().isCreated();
		return slug;
	}

	private Map<String, Object> json(String uri) {
		return this.api.json(uri);
	}

	private String text(String uri) {
		return new String(this.api.anonymous()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
