package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real files as they are used, through HTTP imports, the feed and the pages (issue 23's
 * formats): AP's state row as the totals of record (Colorado's 2015 Proposition BB), AP's
 * Iowa caucus figures that are not votes, RCTab's multi-winner reports and RCVis's
 * layout, primaries' default rules, and "Last, First" names
 * (src/test/resources/ingest/README.md).
 */
@TallyIntegrationTest
class FormatsAsUsedTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final TallyApi api;

	FormatsAsUsedTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void apsStateRowIsTheTotalOfRecordAndTheCountiesDifferenceIsNoted() {
		String election = election("ap-co-bb", "general", "Colorado");
		// the whole race: AP's state row says Yes 805,617, No 354,769; its 64 counties
		// add
		// up to Yes 801,232, No 351,144
		JsonNode result = post(election, TallyApi.read("json/ap-20151103-co-prop-bb.json"), "mode=setup");
		assertThat(result.path("warnings").toString())
			.contains("AP's state row differs from the sum of its 64 counties", "Yes +4385", "No +3625");

		JsonNode contest = get("/api/v1/elections/" + election + "/contests/proposition-bb-retain-revenue");
		assertThat(votes(contest)).containsEntry("Yes", 805_617L).containsEntry("No", 354_769L);
		assertThat(contest.path("totalVotes").asLong()).isEqualTo(805_617L + 354_769L);
		assertThat(contest.path("unitsDifferBy").path("Yes").asLong()).isEqualTo(4385);
		assertThat(contest.path("unitsDifferBy").path("No").asLong()).isEqualTo(3625);
		assertThat(contest.has("countsAre")).isFalse();

		// the counties keep their own rows, and the state row is not one of them
		JsonNode units = get("/api/v1/elections/" + election + "/contests/proposition-bb-retain-revenue?level=county")
			.path("reportingUnits");
		assertThat(units.size()).isEqualTo(64);
		assertThat(units.toString()).contains("\"Adams\"").doesNotContain("\"Colorado\"");
	}

	@Test
	void iowasDemocraticCaucusFiguresAreDelegateEquivalentsNeverVotes() {
		String election = election("ap-ia-caucus", "primary", "Iowa");
		post(election, TallyApi.read("json/ap-20160201-district.json"), "mode=setup");

		JsonNode dem = get("/api/v1/elections/" + election + "/contests/president-dem");
		assertThat(dem.path("countsAre").asString()).isEqualTo("state-delegate-equivalents");
		assertThat(votes(dem)).containsEntry("Hillary Clinton", 701L);
		assertThat(dem.path("candidates").findValues("votePct")).allMatch(JsonNode::isNull);
		// a party's caucus names its nominee by plurality
		assertThat(dem.path("rule").asString()).isEqualTo("plurality");
		JsonNode gop = get("/api/v1/elections/" + election + "/contests/president-gop");
		assertThat(gop.has("countsAre")).isFalse();
		assertThat(gop.path("candidates").get(0).path("votePct").isNumber()).isTrue();

		String page = this.api.text("/elections/" + election + "/contests/president-dem");
		assertThat(page)
			.contains("Delegate equivalents", "1,406 state delegate equivalents",
					"These figures are state delegate equivalents")
			.doesNotContain("1,406 votes", "49.9%");
		String gopPage = this.api.text("/elections/" + election + "/contests/president-gop");
		assertThat(gopPage).contains("votes").doesNotContain("delegate equivalents");
	}

	@Test
	void anRctabThreeSeatReportIsAMultiWinnerRankedChoiceContestWithExactTransfers() {
		String election = election("rctab-park", "general", "Minnesota");
		post(election, TallyApi.read("rctab/2013_minneapolis_park_expected_detailed_report.json"), "mode=setup");

		JsonNode contest = get("/api/v1/elections/" + election + "/contests/park-and-recreation-commissioner");
		assertThat(contest.path("seats").asInt()).isEqualTo(3);
		assertThat(contest.path("rule").asString()).isEqualTo("ranked-choice");
		// the final round: Young 14,866, Erwin 14,866.0000, Forney 12,245.0000
		assertThat(votes(contest)).containsEntry("ANNIE YOUNG", 14_866L)
			.containsEntry("JOHN ERWIN", 14_866L)
			.containsEntry("MEG FORNEY", 12_245L)
			.containsEntry("TOM NORDYKE", 0L);

		JsonNode rounds = get("/api/v1/elections/" + election + "/contests/park-and-recreation-commissioner/rounds");
		JsonNode tenth = rounds.path("rounds").get(9);
		assertThat(tenth.path("exhaustedTransfer").decimalValue()).isEqualByComparingTo("177.5192");
		assertThat(rounds.path("rounds").get(3).path("tally").toString()).contains("9452");
	}

	@Test
	void rcvisLayoutsInactivePileIsNotACandidateAndFractionsAreFloored() {
		String election = election("rcvis-tonka", "general", "Minnesota");
		post(election, TallyApi.read("rcvis/inactive-ballot-rename.json"), "format=rctab&mode=setup");

		JsonNode contest = get("/api/v1/elections/" + election + "/contests/at-large-councilmember-seat-b");
		assertThat(votes(contest)).doesNotContainKey("Inactive ballots")
			.containsEntry("Kimberly Wilburn", 5205L)
			.containsEntry("Stacy Cranbrook", 3291L);
		assertThat(contest.path("totalVotes").asLong()).isEqualTo(5205 + 3291);
		JsonNode rounds = get("/api/v1/elections/" + election + "/contests/at-large-councilmember-seat-b/rounds");
		assertThat(rounds.toString()).doesNotContain("\"Inactive ballots\"");
		assertThat(rounds.path("rounds").get(3).path("inactiveBallots").path("exhaustedChoices").asLong())
			.isEqualTo(1694);

		String macomb = election("rcvis-macomb", "general", "Michigan");
		post(macomb, TallyApi.read("rcvis/macomb-multiwinner-surplus.json"), "mode=setup");
		JsonNode council = get("/api/v1/elections/" + macomb + "/contests/council");
		// two elected: seats 2; Hall-Rayford's 131.6736 is 131 in the headline, exact in
		// the rounds
		assertThat(council.path("seats").asInt()).isEqualTo(2);
		assertThat(votes(council)).containsEntry("Mary Hall-Rayford", 131L);
		JsonNode last = get("/api/v1/elections/" + macomb + "/contests/council/rounds").path("rounds").get(4);
		assertThat(last.path("tally").toString()).contains("131.6736");
	}

	@Test
	void primariesAreTopTwoOnlyInCaliforniaAndWashington() {
		String california = election("primary-ca", "special-primary", "California");
		this.api.importFile(california, "ca34/20170404__ca__special__primary.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		assertThat(get("/api/v1/elections/" + california + "/contests/us-house-34").path("rule").asString())
			.isEqualTo("top-two");

		String washington = election("primary-wa", "primary", "Washington");
		this.api.importFile(washington, "ca34/20170404__ca__special__primary.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		assertThat(get("/api/v1/elections/" + washington + "/contests/us-house-34").path("rule").asString())
			.isEqualTo("top-two");

		String ohio = election("primary-oh", "primary", "Ohio");
		this.api.importFile(ohio, "ingest/20140506__oh__primary__democratic__adams__precinct-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		assertThat(get("/api/v1/elections/" + ohio + "/contests/governor-lieutenant-governor").path("rule").asString())
			.isEqualTo("plurality");

		// an RCTab report says its own rule in any primary
		String maine = election("primary-me", "primary", "Maine");
		post(maine, TallyApi.read("rctab/2018_maine_governor_primary_expected_detailed_report.json"), "mode=setup");
		assertThat(get("/api/v1/elections/" + maine + "/contests/governor").path("rule").asString())
			.isEqualTo("ranked-choice");
	}

	@Test
	void lastCommaFirstNamesAreShortenedToTheSurname() {
		// RCTab writes Maine's candidates "Mills, Janet T."
		String maine = election("names-me", "primary", "Maine");
		post(maine, TallyApi.read("rctab/2018_maine_governor_primary_expected_detailed_report.json"), "mode=setup");
		String page = this.api.text("/elections/" + maine);
		assertThat(page).contains("Mills leads by").doesNotContain("T. leads by");
		String contestPage = this.api.text("/elections/" + maine + "/contests/governor");
		assertThat(contestPage).contains(">Mills ").doesNotContain(">T. ");

		// and so does Ohio's Adams County file: "FitzGerald, Edward"
		String ohio = election("names-oh", "primary", "Ohio");
		this.api.importFile(ohio, "ingest/20140506__oh__primary__democratic__adams__precinct-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		assertThat(this.api.text("/elections/" + ohio)).contains("FitzGerald leads by");
	}

	private String election(String slug, String kind, String jurisdiction) {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"%s","name":"Test %s","date":"2024-11-05","kind":"%s","jurisdiction":"%s","test":false}
				""".formatted(slug, slug, kind, jurisdiction)).exchange().expectStatus().isCreated();
		return slug;
	}

	private JsonNode post(String election, byte[] body, String query) {
		byte[] response = this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports?" + query)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return JSON.readTree(new String(response, StandardCharsets.UTF_8));
	}

	private JsonNode get(String path) {
		return JSON.readTree(this.api.text(path));
	}

	private static Map<String, Long> votes(JsonNode contest) {
		Map<String, Long> votes = new HashMap<>();
		contest.path("candidates")
			.values()
			.forEach((c) -> votes.put(c.path("name").asString(), c.path("votes").asLong()));
		return votes;
	}

}
