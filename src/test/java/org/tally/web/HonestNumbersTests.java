package org.tally.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every surface shows the feed's number for every count (issue 10): the election page,
 * the contest page (card, chart table, county and precinct tables) and the embed, parsed
 * as HTML, against the feed's {@code votePct} for the same cell; and the cases where a
 * second rounding, a guessed total or a tie read as a lead would show.
 */
@TallyIntegrationTest
class HonestNumbersTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final TallyApi api;

	HonestNumbersTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void everyPercentageOnEveryPageOfTheCa34PrimaryIsTheFeeds() {
		String election = this.api.createElection("honest-ca34-primary", "special-primary");
		this.api.importFile(election, "ca34/20170404__ca__special__primary__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		JsonNode contest = feed("/api/v1/elections/" + election + "/contests/us-house-34");
		List<String> expectedCard = candidateCells(contest.get("candidates"));
		// from the file: 23 candidates, Gomez first with 25.4 (checked by hand from the
		// file's sums in PercentagesTests)
		assertThat(expectedCard).hasSize(23).first().isEqualTo("Jimmy Gomez 25.4");

		Document electionPage = page("/elections/" + election);
		assertThat(cardCells(electionPage.getElementById("contest-us-house-34"))).isEqualTo(expectedCard);
		Document embed = page("/embed/elections/" + election + "/contests/us-house-34");
		assertThat(cardCells(embed.getElementById("contest-us-house-34"))).isEqualTo(expectedCard);

		Document contestPage = page("/elections/" + election + "/contests/us-house-34");
		assertThat(cardCells(contestPage.getElementById("contest-us-house-34"))).isEqualTo(expectedCard);
		List<String> columns = columns(contestPage);
		assertThat(columns).hasSize(4);
		JsonNode precincts = feed("/api/v1/elections/" + election + "/contests/us-house-34?level=precinct")
			.get("reportingUnits");
		assertThat(precincts).hasSize(195);
		assertThat(unitCells(contestPage, "precincts"))
			.containsExactlyInAnyOrderElementsOf(unitCells(precincts, columns));
		JsonNode counties = feed("/api/v1/elections/" + election + "/contests/us-house-34?level=county")
			.get("reportingUnits");
		assertThat(unitCells(contestPage, "counties")).containsExactlyInAnyOrderElementsOf(unitCells(counties, columns))
			.hasSize(5);
		JsonNode history = feed("/api/v1/elections/" + election + "/contests/us-house-34/history").get("revisions");
		assertThat(chartCells(contestPage)).isEqualTo(historyCells(history, chartNames(contestPage)));
	}

	@Test
	void aPartialCountWithoutATotalSaysHowManyPrecinctsReportedNotAPercentage() {
		String election = this.api.createElection("honest-partial", "special-general");
		// the first 12 of CA-34's 195 precincts, no precincts_total column
		String[] lines = new String(TallyApi.read("ca34/20170606__ca__special__general__los_angeles__precinct.csv"),
				StandardCharsets.UTF_8)
			.split("\n");
		String first12 = String.join("\n", Arrays.copyOfRange(lines, 0, 1 + 24)) + "\n";
		this.api.importCsv(election, first12.getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		JsonNode contest = feed("/api/v1/elections/" + election + "/contests/us-house-34");
		assertThat(contest.get("precinctsReporting").asInt()).isEqualTo(12);
		assertThat(contest.get("precinctsTotal").isNull()).isTrue();
		assertThat(contest.get("precinctsReportingPct").isNull()).isTrue();
		for (String path : List.of("/elections/" + election, "/elections/" + election + "/contests/us-house-34",
				"/embed/elections/" + election + "/contests/us-house-34")) {
			String progress = page(path).selectFirst("#contest-us-house-34 .progress-label").text();
			assertThat(progress).as(path).isEqualTo("12 precincts reporting").doesNotContain("%");
		}

		// a total from staff is used as given
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"office\":\"U.S. House\",\"district\":\"34\",\"precinctsTotal\":195}")
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode withTotal = feed("/api/v1/elections/" + election + "/contests/us-house-34");
		assertThat(withTotal.get("precinctsTotal").asInt()).isEqualTo(195);
		// 12 / 195 = 6.15%, floored
		assertThat(withTotal.get("precinctsReportingPct").asString()).isEqualTo("6");
		assertThat(page("/elections/" + election).selectFirst("#contest-us-house-34 .progress-label").text())
			.isEqualTo("6% of precincts reporting · 12 of 195 precincts");
	}

	@Test
	void aThreeWayTieReadsAsATieEverywhere() {
		String election = this.api.createElection("honest-tie", "special-general");
		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Mayor,1,,Ann,1
				Alpha,A-1,Mayor,1,,Bob,1
				Alpha,A-1,Mayor,1,,Cy,1
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		JsonNode contest = feed("/api/v1/elections/" + election + "/contests/mayor-1");
		assertThat(candidateCells(contest.get("candidates"))).containsExactly("Ann 33.3", "Bob 33.3", "Cy 33.3");
		assertThat(contest.get("margin").get("votes").asLong()).isZero();

		Document page = page("/elections/" + election + "/contests/mayor-1");
		Element card = page.getElementById("contest-mayor-1");
		assertThat(cardCells(card)).containsExactly("Ann 33.3", "Bob 33.3", "Cy 33.3");
		assertThat(card.text()).contains("Tied at 1 votes").doesNotContain("Leading").doesNotContain("leads by");
		assertThat(unitCells(page, "precincts")).containsExactlyInAnyOrder("A-1 Ann 33.3", "A-1 Bob 33.3",
				"A-1 Cy 33.3");
		assertThat(page.select("#units table.units tbody tr").get(0).text()).contains("Tie");
		JsonNode unit = feed("/api/v1/elections/" + election + "/contests/mayor-1?level=precinct").get("reportingUnits")
			.get(0);
		assertThat(unit.get("tie").asBoolean()).isTrue();
		assertThat(unit.get("leader").isNull()).isTrue();
		JsonNode summary = feed("/api/v1/elections/" + election).get("contests").get(0);
		assertThat(summary.get("tie").asBoolean()).isTrue();
		assertThat(summary.get("leader").isNull()).isTrue();
	}

	@Test
	void largestRemainderNotHalfUpOnEverySurfaceWhereTheyDiffer() {
		// 311/298/34/7 of 650: Fox 47.846..., half up 47.8; largest remainder gives the
		// tenths left to Wu (.77) and, of the equal remainders .46, to Fox (more votes)
		String election = this.api.createElection("honest-remainder", "special-general");
		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Mayor,1,,Fox,311
				Alpha,A-1,Mayor,1,,Dunn,298
				Alpha,A-1,Mayor,1,,Lee,34
				Alpha,A-1,Mayor,1,,Wu,7
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();
		List<String> expected = List.of("Fox 47.9", "Dunn 45.8", "Lee 5.2", "Wu 1.1");

		assertThat(candidateCells(feed("/api/v1/elections/" + election + "/contests/mayor-1").get("candidates")))
			.isEqualTo(expected);
		Document page = page("/elections/" + election + "/contests/mayor-1");
		assertThat(cardCells(page.getElementById("contest-mayor-1"))).isEqualTo(expected);
		assertThat(unitCells(page, "precincts")).containsExactly("A-1 Fox 47.9", "A-1 Dunn 45.8", "A-1 Lee 5.2",
				"A-1 Wu 1.1");
		assertThat(unitCells(page, "counties")).containsExactly("Alpha Fox 47.9", "Alpha Dunn 45.8", "Alpha Lee 5.2",
				"Alpha Wu 1.1");
		assertThat(chartCells(page)).containsExactly("1 Fox 47.9", "1 Dunn 45.8", "1 Lee 5.2", "1 Wu 1.1");
		assertThat(page.select("svg.share-chart .series-label").eachText()).contains("Fox 47.9%");
		assertThat(cardCells(page("/elections/" + election).getElementById("contest-mayor-1"))).isEqualTo(expected);
		assertThat(
				cardCells(page("/embed/elections/" + election + "/contests/mayor-1").getElementById("contest-mayor-1")))
			.isEqualTo(expected);
	}

	@Test
	void historyShowsEachCountAsTheFilesHaveItAtItsOwnTime() {
		String election = this.api.createElection("honest-history", "special-general");
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports?mode=setup&sourceUpdatedAt=2017-06-07T08:00:00Z")
			.header("Content-Type", "text/csv")
			.body(TallyApi.read("ca34/20170606__ca__special__general__election_night.csv"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		// the canvass summed from the precinct file itself, not through Tally
		Map<String, Long> canvass = new java.util.LinkedHashMap<>();
		String[] lines = new String(TallyApi.read("ca34/20170606__ca__special__general__los_angeles__precinct.csv"),
				StandardCharsets.UTF_8)
			.split("\n");
		for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
			String[] cells = line.strip().split(",");
			canvass.merge(cells[5], Long.parseLong(cells[6]), Long::sum);
		}
		assertThat(canvass).containsExactly(Map.entry("Jimmy Gomez", 25569L), Map.entry("Robert Lee Ahn", 17610L));

		JsonNode revisions = feed("/api/v1/elections/" + election + "/contests/us-house-34/history").get("revisions");
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(0).get("at").asString()).isEqualTo("2017-06-07T08:00:00Z");
		// 19,761 / 32,869 = 60.12%, 13,108 / 32,869 = 39.88%
		assertThat(candidateCells(revisions.get(0).get("candidates"))).containsExactly("Jimmy Gomez 60.1",
				"Robert Lee Ahn 39.9");
		assertThat(revisions.get(1).get("candidates").get(0).get("votes").asLong())
			.isEqualTo(canvass.get("Jimmy Gomez"));
		// 25,569 / 43,179 = 59.22%
		assertThat(candidateCells(revisions.get(1).get("candidates"))).containsExactly("Jimmy Gomez 59.2",
				"Robert Lee Ahn 40.8");
		Document page = page("/elections/" + election + "/contests/us-house-34");
		assertThat(chartCells(page)).containsExactly("1 Jimmy Gomez 60.1", "1 Robert Lee Ahn 39.9",
				"2 Jimmy Gomez 59.2", "2 Robert Lee Ahn 40.8");
	}

	// --- the feed

	private JsonNode feed(String path) {
		String body = this.api.text(path);
		return JSON.readTree(body);
	}

	/** "Jimmy Gomez 25.4" per candidate, in the feed's order. */
	private static List<String> candidateCells(JsonNode candidates) {
		List<String> cells = new ArrayList<>();
		candidates.forEach((c) -> cells.add(c.get("name").asString() + " " + c.get("votePct").decimalValue()));
		return cells;
	}

	/**
	 * "0850001A Jimmy Gomez 25.4" per unit and charted column, and "... Others 12.3" for
	 * the rest taken together (the sum of their shown percentages).
	 */
	private static List<String> unitCells(JsonNode units, List<String> columns) {
		List<String> cells = new ArrayList<>();
		units.forEach((unit) -> {
			if (unit.get("totalVotes").asLong() == 0) {
				return;
			}
			java.math.BigDecimal others = java.math.BigDecimal.ZERO.setScale(1);
			boolean hasOthers = false;
			for (JsonNode votes : unit.get("candidates")) {
				String name = votes.get("name").asString();
				if (columns.contains(name)) {
					cells.add(unit.get("name").asString() + " " + name + " " + votes.get("votePct").decimalValue());
				}
				else {
					others = others.add(votes.get("votePct").decimalValue());
					hasOthers = true;
				}
			}
			if (hasOthers) {
				cells.add(unit.get("name").asString() + " Others " + others);
			}
		});
		return cells;
	}

	/** "1 Jimmy Gomez 25.4" per revision and charted candidate. */
	private static List<String> historyCells(JsonNode revisions, List<String> names) {
		List<String> cells = new ArrayList<>();
		revisions.forEach((point) -> {
			Map<String, String> byName = new java.util.HashMap<>();
			point.get("candidates")
				.forEach((c) -> byName.put(c.get("name").asString(), c.get("votePct").decimalValue().toPlainString()));
			names.forEach((name) -> cells.add(point.get("revision").asLong() + " " + name + " " + byName.get(name)));
		});
		return cells;
	}

	// --- the pages

	private Document page(String path) {
		String html = this.api.page(path);
		return Jsoup.parse(html);
	}

	/** "Jimmy Gomez 25.4" per candidate row of a card, folded ones too. */
	private static List<String> cardCells(Element card) {
		assertThat(card).as("the card").isNotNull();
		return card.select("tr.cand")
			.stream()
			.map((row) -> row.selectFirst(".name").text() + " " + stripPercent(row.selectFirst("td.pct").text()))
			.toList();
	}

	/** The candidates with a column in the unit tables. */
	private static List<String> columns(Document page) {
		return page.select("#units table.units")
			.first()
			.select("thead th a")
			.eachText()
			.stream()
			.skip(1)
			.filter((name) -> !name.equals("Total") && !name.equals("Leader") && !name.equals("Margin"))
			.toList();
	}

	/**
	 * "0850001A Jimmy Gomez 25.4" per row and column of the counties table, or of every
	 * precinct table: the contest page's when it lists precincts, else each county page's
	 * (a contest over several counties lists its precincts there), every page of them.
	 */
	private List<String> unitCells(Document page, String level) {
		if ("counties".equals(level)) {
			return cells(page.selectFirst("#counties ~ .table-scroll table.units"));
		}
		if (page.selectFirst("#precinct-panel table.units") != null) {
			return precinctCells(page);
		}
		List<String> cells = new ArrayList<>();
		for (Element county : page.select("#counties ~ .table-scroll table.units tbody th a[href]")) {
			cells.addAll(precinctCells(page(county.attr("href"))));
		}
		return cells;
	}

	/** The precinct table's cells on this page and the pages after it. */
	private List<String> precinctCells(Document page) {
		List<String> cells = new ArrayList<>(cells(page.selectFirst("#precinct-panel table.units")));
		Element next = page.selectFirst("#precinct-panel a[rel=next]");
		if (next != null) {
			cells.addAll(precinctCells(page(next.attr("href"))));
		}
		return cells;
	}

	private static List<String> cells(Element table) {
		assertThat(table).as("a county or precinct table").isNotNull();
		List<String> names = new ArrayList<>(table.select("thead th").eachText());
		// County/Precinct, the candidates, Others, Total, Leader, Margin
		List<String> cellColumns = names.subList(1, names.size() - 3);
		List<String> cells = new ArrayList<>();
		for (Element row : table.select("tbody tr")) {
			String unit = row.selectFirst("th").text();
			List<Element> tds = row.select("td");
			for (int i = 0; i < cellColumns.size(); i++) {
				Element pct = tds.get(i).selectFirst(".cell-pct");
				if (pct != null) {
					cells.add(unit + " " + cellColumns.get(i) + " " + stripPercent(pct.text()));
				}
			}
		}
		return cells;
	}

	/** The candidates of the chart's data table. */
	private static List<String> chartNames(Document page) {
		List<String> names = page.select("figure.chart-cumulative table thead th").eachText();
		return names.subList(3, names.size());
	}

	/** "1 Jimmy Gomez 25.4" per row and candidate of the chart's data table. */
	private static List<String> chartCells(Document page) {
		List<String> names = chartNames(page);
		List<String> cells = new ArrayList<>();
		for (Element row : page.select("figure.chart-cumulative table tbody tr")) {
			List<String> tds = row.select("td").eachText();
			for (int i = 0; i < names.size(); i++) {
				String cell = tds.get(3 + i);
				cells.add(tds.get(0) + " " + names.get(i) + " "
						+ cell.substring(cell.indexOf('(') + 1, cell.indexOf("%)")));
			}
		}
		return cells;
	}

	private static String stripPercent(String text) {
		return text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
	}

	static String joined(List<String> cells) {
		return cells.stream().collect(Collectors.joining("\n"));
	}

}
