package org.tally.ingest.rctab;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TestCsv;
import org.tally.support.TallyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RCTab reports through the whole import, the feed and the page: the 2013 Minneapolis
 * mayor report (BrightSpots/rcv test data) against the report's own
 * {@code *_expected_detailed_report.csv}, round by round.
 */
@TallyIntegrationTest
class RctabImportTests {

	static final String REPORT = "rctab/2013_minneapolis_mayor_expected_detailed_report.json";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final TallyApi api;

	RctabImportTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void minneapolisRoundsEqualTheReportsOwnCsvRoundByRound() {
		String election = this.api.createElection("rctab-mpls", "general");
		post(election, TallyApi.read(REPORT), "mode=setup").expectStatus().isCreated();

		JsonNode rounds = get("/api/v1/elections/" + election + "/contests/mayor/rounds");
		Expected expected = Expected.read(new String(
				TallyApi.read("rctab/2013_minneapolis_mayor_expected_detailed_report.csv"), StandardCharsets.UTF_8));

		assertThat(rounds.path("rounds").size()).isEqualTo(33).isEqualTo(expected.rounds);
		for (int r = 0; r < expected.rounds; r++) {
			JsonNode round = rounds.path("rounds").get(r);
			assertThat(round.path("round").asInt()).isEqualTo(r + 1);
			assertThat(round.path("threshold").decimalValue()).as("threshold, round %d", r + 1)
				.isEqualByComparingTo(expected.row("Current Round Threshold").get(r).votes);
			Map<String, JsonNode> tally = new HashMap<>();
			round.path("tally").values().forEach((t) -> tally.put(t.path("name").asString(), t));
			for (String choice : expected.choices) {
				Cell want = expected.row(choice).get(r);
				JsonNode got = tally.get(choice);
				BigDecimal votes = (got != null) ? got.path("votes").decimalValue() : BigDecimal.ZERO;
				BigDecimal transfer = (got != null) ? got.path("transfer").decimalValue() : BigDecimal.ZERO;
				assertThat(votes).as("%s, round %d", choice, r + 1).isEqualByComparingTo(want.votes);
				assertThat(transfer).as("%s's transfer, round %d", choice, r + 1).isEqualByComparingTo(want.transfer);
			}
			// a batch elimination names its choices in any order
			assertThat(names(round.path("eliminated"))).as("eliminated, round %d", r + 1)
				.containsExactlyInAnyOrderElementsOf(expected.named("Eliminated", r));
			assertThat(names(round.path("elected"))).as("elected, round %d", r + 1)
				.isEqualTo(expected.named("Elected", r));
			assertThat(round.path("inactiveBallots").path("overvotes").decimalValue())
				.isEqualByComparingTo(expected.row("Inactive Ballots by Overvotes").get(r).votes);
			assertThat(round.path("inactiveBallots").path("skippedRankings").decimalValue())
				.isEqualByComparingTo(expected.row("Inactive Ballots by Skipped Rankings").get(r).votes);
			assertThat(round.path("inactiveBallots").path("exhaustedChoices").decimalValue())
				.isEqualByComparingTo(expected.row("Inactive Ballots by Exhausted Choices").get(r).votes);
			assertThat(round.path("inactiveTotal").decimalValue())
				.isEqualByComparingTo(expected.row("Inactive Ballots Total").get(r).votes);
			assertThat(round.path("activeVotes").decimalValue())
				.isEqualByComparingTo(expected.row("Active Ballots").get(r).votes);
		}
	}

	@Test
	void headlineVotesAreTheFinalRoundsWithFirstChoicesBeside() {
		String election = this.api.createElection("rctab-headline", "general");
		post(election, TallyApi.read(REPORT), "format=rctab&mode=setup").expectStatus().isCreated();

		JsonNode contest = get("/api/v1/elections/" + election + "/contests/mayor");

		Map<String, JsonNode> candidates = new HashMap<>();
		contest.path("candidates").values().forEach((c) -> candidates.put(c.path("name").asString(), c));
		// from the CSV: round 33 Hodges 38,852, Andrew 24,942; round 1 28,951 and 19,621
		assertThat(candidates.get("BETSY HODGES").path("votes").asLong()).isEqualTo(38852);
		assertThat(candidates.get("BETSY HODGES").path("firstChoiceVotes").asLong()).isEqualTo(28951);
		assertThat(candidates.get("MARK ANDREW").path("votes").asLong()).isEqualTo(24942);
		assertThat(candidates.get("MARK ANDREW").path("firstChoiceVotes").asLong()).isEqualTo(19621);
		// eliminated in round 32 with 7,523 first choices
		assertThat(candidates.get("CAM WINTON").path("votes").asLong()).isZero();
		assertThat(candidates.get("CAM WINTON").path("firstChoiceVotes").asLong()).isEqualTo(7523);
		assertThat(contest.path("totalVotes").asLong()).isEqualTo(38852 + 24942);

		String page = this.api.text("/elections/" + election + "/contests/mayor");
		assertThat(page).contains("Ranked-choice rounds", "Round 33", "elected in round 33", "38,852", "28,951",
				"class=\"share-chart rounds-chart\"");
		// the same rounds in Spanish: outcomes, inactive ballots and shares in the
		// reader's
		// language
		String spanish = this.api.text("/elections/" + election + "/contests/mayor?lang=es");
		assertThat(spanish).contains("Ronda 33", "elegido en la ronda 33", "eliminado", "Boletas inactivas, total",
				"38,852");
		assertThat(spanish).doesNotContain("elected in round", "Inactive ballots", ">eliminated<");
	}

	@Test
	void aNewReportIsANewRevisionAndEarlierRoundsStayReadable() {
		String election = this.api.createElection("rctab-revisions", "general");
		ObjectNode preliminary = (ObjectNode) JSON.readTree(TallyApi.read(REPORT));
		ArrayNode results = (ArrayNode) preliminary.path("results");
		while (results.size() > 5) {
			results.remove(results.size() - 1);
		}
		post(election, JSON.writeValueAsBytes(preliminary), "mode=setup").expectStatus().isCreated();
		// the full report eliminates choices that the fifth round still counted
		post(election, TallyApi.read(REPORT), "").expectStatus().isCreated();

		JsonNode latest = get("/api/v1/elections/" + election + "/contests/mayor/rounds");
		JsonNode earlier = get("/api/v1/elections/" + election + "/contests/mayor/rounds?revision=1");

		assertThat(latest.path("reportRevision").asLong()).isEqualTo(2);
		assertThat(latest.path("revisions").toString()).isEqualTo("[1,2]");
		assertThat(latest.path("rounds").size()).isEqualTo(33);
		assertThat(earlier.path("reportRevision").asLong()).isEqualTo(1);
		assertThat(earlier.path("rounds").size()).isEqualTo(5);
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/mayor/history")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void rejectsAReportWithBadCountsNamingWhere() {
		String election = this.api.createElection("rctab-bad", "general");
		post(election, """
				{"config":{"contest":"Mayor","office":"Mayor"},"results":[
				 {"round":1,"tally":{"A":"10","B":"-3"},"tallyResults":[{"eliminated":"B","transfers":{"A":"x"}}]}]}
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("/results/0/tally/B", "/results/0/tallyResults/0/transfers/A"));
	}

	@Test
	void contestsWithoutRoundsAnswerNotFound() {
		String election = this.api.createElection("rctab-none", "general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Hennepin,Mayor,,,Betsy Hodges,100
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/mayor/rounds")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec post(String election, byte[] body,
			String query) {
		return this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports" + (query.isEmpty() ? "" : "?" + query))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private JsonNode get(String path) {
		String body = this.api.text(path);
		return JSON.readTree(body);
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.values().forEach((n) -> names.add(n.asString()));
		return names;
	}

	record Cell(BigDecimal votes, BigDecimal transfer, String text) {
	}

	/**
	 * The expected_detailed_report.csv: a row per choice or figure, three columns per
	 * round.
	 */
	static final class Expected {

		final Map<String, List<Cell>> rows = new HashMap<>();

		final List<String> choices = new ArrayList<>();

		int rounds;

		static Expected read(String csv) {
			Expected expected = new Expected();
			boolean inRounds = false;
			boolean inChoices = false;
			for (List<String> cells : TestCsv.records(csv)) {
				if (cells.isEmpty()) {
					continue;
				}
				if ("Rounds".equals(cells.get(0))) {
					inRounds = true;
					expected.rounds = (cells.size() - 1) / 3;
					continue;
				}
				if (!inRounds) {
					continue;
				}
				String name = cells.get(0);
				if ("Elected".equals(name)) {
					inChoices = true;
				}
				else if ("Active Ballots".equals(name)) {
					inChoices = false;
				}
				else if (inChoices && !name.isBlank()) {
					expected.choices.add(name);
				}
				List<Cell> row = new ArrayList<>();
				for (int r = 0; r < expected.rounds; r++) {
					String votes = cell(cells, 1 + 3 * r);
					String transfer = cell(cells, 3 + 3 * r);
					row.add(new Cell(decimal(votes), decimal(transfer), votes));
				}
				expected.rows.put(name, row);
			}
			return expected;
		}

		List<Cell> row(String name) {
			assertThat(this.rows).containsKey(name);
			return this.rows.get(name);
		}

		List<String> named(String rowName, int round) {
			String text = row(rowName).get(round).text();
			return text.isBlank() ? List.of() : List.of(text.split("; "));
		}

		private static String cell(List<String> cells, int index) {
			return (index < cells.size()) ? cells.get(index) : "";
		}

		private static BigDecimal decimal(String text) {
			if (text.isBlank() || !text.matches("-?[0-9.]+")) {
				return BigDecimal.ZERO;
			}
			return new BigDecimal(text);
		}

	}

}
