package org.tally.feed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected vote and turnout through real HTTP and PostgreSQL: staff set an estimate
 * on CA-34 with the setup API, files bring {@code expected_votes}, registered voters and
 * ballots cast, and the feed shows what is counted and what is left. Every expected value
 * is worked by hand from the source numbers in the comments.
 */
@TallyIntegrationTest
class ExpectedVoteFeedTests {

	private static final String ELECTION_NIGHT = "ca34/20170606__ca__special__general__election_night.csv";

	private static final String CERTIFIED = "ca34/20170606__ca__special__general.csv";

	final TallyApi api;

	ExpectedVoteFeedTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void staffEstimateShowsWhatIsCountedAndWhatTheRunnerUpNeeds() {
		String contest = electionNight("expected-staff");
		long before = revision("expected-staff");

		put(contest, 45_000L).expectStatus().isOk().expectBody().jsonPath("$.expectedVotes").isEqualTo(45000);

		Map<String, Object> feed = json(contest);
		// Gomez 19,761 + Ahn 13,108 = 32,869 of 45,000 = 73.04% -> "73"
		assertThat(feed).containsEntry("expectedVotes", 45000)
			.containsEntry("expectedVotePct", "73")
			.containsEntry("votesRemaining", 12131)
			.containsEntry("decided", false);
		// Ahn needs (6,653 + 12,131) / (2 x 12,131) = 18,784 / 24,262 = 77.42% of what
		// remains
		assertThat(needs(feed)).containsExactly(null, new BigDecimal("77.4"));
		assertThat(revision("expected-staff")).isEqualTo(before + 1);
	}

	@Test
	void decidedWhenFewerVotesAreExpectedThanTheMargin() {
		String contest = electionNight("expected-decided");

		put(contest, 38_000L).expectStatus().isOk();

		Map<String, Object> feed = json(contest);
		// 38,000 - 32,869 = 5,131 still expected, under the margin 19,761 - 13,108 =
		// 6,653;
		// Ahn would need (6,653 + 5,131) / 10,262 = 114.83%: he cannot catch up
		assertThat(feed).containsEntry("votesRemaining", 5131).containsEntry("decided", true);
		assertThat(needs(feed)).containsExactly(null, new BigDecimal("114.8"));
	}

	@Test
	void expectedVoteStaysAtNinetyNineUntilTheElectionIsCertified() {
		String contest = electionNight("expected-cap");

		put(contest, 32_900L).expectStatus().isOk();
		// 32,869 / 32,900 = 99.905% floored
		assertThat(json(contest)).containsEntry("expectedVotePct", "99").containsEntry("votesRemaining", 31);

		this.api.importFile("expected-cap", CERTIFIED, "").expectStatus().isCreated();
		put(contest, 43_179L).expectStatus().isOk();
		// the canvass: 25,569 + 17,610 = 43,179 of 43,179, but not certified yet
		Map<String, Object> counted = json(contest);
		assertThat(counted).containsEntry("expectedVotePct", "99").containsEntry("votesRemaining", 0);
		assertThat(needs(counted)).containsExactly(null, null);

		send("PUT", "/api/v1/elections/expected-cap/status", "{\"status\":\"certified\"}").expectStatus().isOk();
		assertThat(json(contest)).containsEntry("expectedVotePct", "100");
	}

	@Test
	void clearingTheEstimateFallsBackToNone() {
		String contest = electionNight("expected-clear");
		put(contest, 45_000L).expectStatus().isOk();

		put(contest, null).expectStatus().isOk();

		assertThat(json(contest)).containsEntry("expectedVotes", null)
			.containsEntry("expectedVotePct", null)
			.containsEntry("votesRemaining", null);
		assertThat(needs(json(contest))).containsExactly(null, null);
	}

	@Test
	void expectedVotesColumnGivesTheContestAndCountyEstimateUntilStaffSetOne() {
		String election = this.api.createElection("expected-file", "special-general");
		this.api
			.importFile(election, "ca34/20170606__ca__special__general__election_night__expected_votes.csv",
					"mode=setup")
			.expectStatus()
			.isCreated();
		String contest = "/api/v1/elections/" + election + "/contests/us-house-34";

		Map<String, Object> feed = json(contest + "?level=county");
		// 32,869 of the file's 43,179 = 76.12% -> "76"; 10,310 remain; Ahn needs
		// (6,653 + 10,310) / 20,620 = 82.26%
		assertThat(feed).containsEntry("expectedVotes", 43179)
			.containsEntry("expectedVotePct", "76")
			.containsEntry("votesRemaining", 10310);
		assertThat(needs(feed)).containsExactly(null, new BigDecimal("82.3"));
		assertThat(list(feed.get("reportingUnits"))).singleElement()
			.satisfies((county) -> assertThat(county).containsEntry("name", "Los Angeles")
				.containsEntry("expectedVotes", 43179)
				.containsEntry("expectedVotePct", "76")
				.containsEntry("votesRemaining", 10310));

		put(contest, 45_000L).expectStatus().isOk();

		// staff's estimate wins for the contest; the county keeps what its file said
		Map<String, Object> staff = json(contest + "?level=county");
		assertThat(staff).containsEntry("expectedVotes", 45000).containsEntry("expectedVotePct", "73");
		assertThat(list(staff.get("reportingUnits"))).singleElement()
			.satisfies((county) -> assertThat(county).containsEntry("expectedVotePct", "76"));
	}

	@Test
	void turnoutPseudoRowsGiveTurnoutPerContestAndCounty() {
		turnoutOfChesterGovernor("turnout-rows", "ingest/20221108__pa__general__chester__precinct-cut.csv");

		// the State Assembly 74 is voted in two of the three precincts: the county's
		// turnout is not its own
		Map<String, Object> assembly = json("/api/v1/elections/turnout-rows/contests/state-assembly-74");
		assertThat(assembly).containsEntry("registeredVoters", null).containsEntry("turnoutPct", null);
	}

	@Test
	void turnoutColumnsOfPrecinctsAddUpPerCounty() {
		turnoutOfChesterGovernor("turnout-columns",
				"ingest/20221108__pa__general__chester__precinct-turnout-columns.csv");
	}

	/**
	 * Chester's three precincts: registered 838 + 4,714 + 1,061 = 6,613; ballots cast 552
	 * + 3,304 + 418 = 4,274; turnout 4,274 / 6,613 = 64.630% -> 64.6.
	 */
	private void turnoutOfChesterGovernor(String election, String file) {
		this.api.createElection(election, "general");
		this.api.importFile(election, file, "mode=setup").expectStatus().isCreated();

		Map<String, Object> governor = json("/api/v1/elections/" + election + "/contests/governor?level=county");

		assertThat(governor).containsEntry("registeredVoters", 6613).containsEntry("ballotsCast", 4274);
		assertThat(new BigDecimal(governor.get("turnoutPct").toString())).isEqualTo(new BigDecimal("64.6"));
		assertThat(governor).containsEntry("expectedVotePct", null);
		Map<String, Object> chester = list(governor.get("reportingUnits")).get(0);
		assertThat(chester).containsEntry("name", "Chester")
			.containsEntry("registeredVoters", 6613)
			.containsEntry("ballotsCast", 4274)
			.doesNotContainKey("expectedVotePct");
		assertThat(new BigDecimal(chester.get("turnoutPct").toString())).isEqualTo(new BigDecimal("64.6"));
	}

	@Test
	void aCountyRowBesideItsPrecinctsIsNotCountedTwice() {
		this.api.createElection("turnout-both", "general");
		// Chester's three precincts (the turnout pseudo-rows as columns) and the county's
		// own row with their sums: 271 + 2,110 + 374 = 2,755 votes
		this.api.importCsv("turnout-both", """
				county,precinct,office,district,party,candidate,votes,registered_voters,ballots_cast
				Chester,Atglen,Governor,,DEM,Josh Shapiro and Austin Davis,271,838,552
				Chester,Charlestown,Governor,,DEM,Josh Shapiro and Austin Davis,2110,4714,3304
				Chester,Coatesville 5,Governor,,DEM,Josh Shapiro and Austin Davis,374,1061,418
				Chester,,Governor,,DEM,Josh Shapiro and Austin Davis,2755,6613,4274
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		Map<String, Object> governor = json("/api/v1/elections/turnout-both/contests/governor?level=county");

		assertThat(governor).containsEntry("totalVotes", 2755)
			.containsEntry("registeredVoters", 6613)
			.containsEntry("ballotsCast", 4274);
		assertThat(list(governor.get("reportingUnits"))).singleElement()
			.satisfies((county) -> assertThat(county).containsEntry("registeredVoters", 6613));
	}

	@Test
	void staffTurnoutFiguresWinOverTheFiles() {
		this.api.createElection("turnout-staff", "general");
		this.api.importFile("turnout-staff", "ingest/20221108__pa__general__chester__precinct-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		String governor = "/api/v1/elections/turnout-staff/contests/governor";

		send("PUT", governor, """
				{"office":"Governor","registeredVoters":8000,"ballotsCast":5000}""").expectStatus().isOk();

		// 5,000 / 8,000 = 62.5%
		Map<String, Object> feed = json(governor);
		assertThat(feed).containsEntry("registeredVoters", 8000).containsEntry("ballotsCast", 5000);
		assertThat(new BigDecimal(feed.get("turnoutPct").toString())).isEqualTo(new BigDecimal("62.5"));
	}

	@Test
	void refusesNegativeOrAbsurdFiguresNamingTheField() {
		String contest = electionNight("expected-bad");

		for (String[] bad : new String[][] { { "\"expectedVotes\":-1", "expectedVotes" },
				{ "\"expectedVotes\":0", "expectedVotes" }, { "\"expectedVotes\":5000000000", "expectedVotes" },
				{ "\"registeredVoters\":-3", "registeredVoters" }, { "\"ballotsCast\":12000000000", "ballotsCast" },
				{ "\"expectedVotes\":\"many\"", "expectedVotes" } }) {
			send("PUT", contest, "{\"office\":\"U.S. House\",\"district\":\"34\"," + bad[0] + "}").expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).as(bad[0]).contains(bad[1]));
		}
		assertThat(json(contest)).containsEntry("expectedVotes", null);
	}

	private String electionNight(String election) {
		this.api.createElection(election, "special-general");
		this.api.importFile(election, ELECTION_NIGHT, "mode=setup").expectStatus().isCreated();
		return "/api/v1/elections/" + election + "/contests/us-house-34";
	}

	private RestTestClient.ResponseSpec put(String contest, Long expectedVotes) {
		return send("PUT", contest, """
				{"office":"U.S. House","district":"34","precinctsTotal":195,"expectedVotes":%s}"""
			.formatted(expectedVotes));
	}

	private RestTestClient.ResponseSpec send(String method, String path, String json) {
		return this.api.admin()
			.method(HttpMethod.valueOf(method))
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	private long revision(String election) {
		Map<String, Object> answer = json("/api/v1/elections/" + election + "/revision");
		return ((Number) answer.get("revision")).longValue();
	}

	/**
	 * Each candidate's {@code needsPctOfRemaining}, in the feed's order (most votes
	 * first).
	 */
	private static List<BigDecimal> needs(Map<String, Object> contest) {
		return list(contest.get("candidates")).stream()
			.map((c) -> (c.get("needsPctOfRemaining") != null) ? new BigDecimal(c.get("needsPctOfRemaining").toString())
					: null)
			.toList();
	}

	private Map<String, Object> json(String uri) {
		return this.api.json(uri);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
