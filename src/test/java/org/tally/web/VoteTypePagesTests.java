package org.tally.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split by vote type, the expected vote and turnout on the pages (issue 12) are the
 * feed's numbers for the same contest: real HTTP, the page parsed as HTML. Real files
 * with a split: Chester County, PA 2022 (OpenElections precincts with
 * {@code election_day, early_voting, provisional} and turnout rows) and Arkansas 2014
 * (Clarity detail.xml, four vote types by county).
 */
@TallyIntegrationTest
class VoteTypePagesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CHESTER = "ingest/20221108__pa__general__chester__precinct-cut.csv";

	private static final String ARKANSAS = "ingest/clarity-detail-ar-2014-county.xml";

	private static final Map<String, String> ENGLISH = Map.of("election-day", "Election day", "mail", "Mail", "early",
			"Early", "provisional", "Provisional");

	final TallyApi api;

	VoteTypePagesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void theContestPageSplitIsTheFeedsForEveryCandidateAndType() {
		String election = this.api.createElection("pages-types-chester", "general");
		this.api.importFile(election, CHESTER, "mode=setup").expectStatus().isCreated();

		for (String contest : List.of("governor", "us-senate", "us-house-6", "state-senate-44")) {
			JsonNode feed = feed("/api/v1/elections/" + election + "/contests/" + contest);
			Document page = page("/elections/" + election + "/contests/" + contest + "?lang=en");
			assertSplitIsTheFeeds(contest, feed, page);
		}
	}

	@Test
	void aClarityFileShowsAllFourTypes() {
		String election = this.api.createElection("pages-types-arkansas", "general");
		this.api.importBody(election, TallyApi.read(ARKANSAS), "application/xml", "mode=setup")
			.expectStatus()
			.isCreated();
		JsonNode contests = feed("/api/v1/elections/" + election + "/contests");
		assertThat(contests).isNotEmpty();
		for (JsonNode contest : contests) {
			String slug = contest.get("slug").asString();
			Document page = page("/elections/" + election + "/contests/" + slug);
			assertThat(page.select("#vote-types thead tr").first().select("th").eachText()).containsExactly("Candidate",
					"Election day", "Mail", "Early", "Provisional", "Total");
			assertSplitIsTheFeeds(slug, feed("/api/v1/elections/" + election + "/contests/" + slug), page);
		}
	}

	@Test
	void aContestWithoutASplitShowsNone() {
		String election = this.api.createElection("pages-types-none", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		Document page = page("/elections/" + election + "/contests/us-house-34");

		Element split = page.getElementById("vote-types");
		assertThat(split).isNotNull();
		assertThat(split.hasAttr("hidden")).isTrue();
		assertThat(split.select("table")).isEmpty();
	}

	@Test
	void expectedVoteAndTurnoutAreTheFeedsOnCardContestPageAndEmbedInBothLanguages() {
		String election = this.api.createElection("pages-expected-chester", "general");
		this.api.importFile(election, CHESTER, "mode=setup").expectStatus().isCreated();
		String api = "/api/v1/elections/" + election + "/contests/governor";
		send(api, "{\"office\":\"Governor\",\"expectedVotes\":6200}");
		JsonNode feed = feed(api + "?level=county");

		// by hand: 4,251 of 6,200 = 68.6% -> "68"; 6,200 - 4,251 = 1,949 remaining;
		// Mastriano needs (2,755 - 1,419 + 1,949) / (2 x 1,949) = 84.27% -> 84.3; the
		// rest
		// trail by more than 1,949 and cannot catch up; turnout 4,274 / 6,613 = 64.6%
		assertThat(feed.get("expectedVotePct").asString()).isEqualTo("68");
		assertThat(feed.get("votesRemaining").asLong()).isEqualTo(1949);
		assertThat(feed.get("candidates").get(1).get("needsPctOfRemaining").decimalValue())
			.isEqualByComparingTo("84.3");

		Map<String, String> needs = new LinkedHashMap<>();
		for (JsonNode candidate : feed.get("candidates")) {
			JsonNode need = candidate.get("needsPctOfRemaining");
			if (need != null && !need.isNull()) {
				needs.put(candidate.get("name").asString(),
						(need.decimalValue().compareTo(new BigDecimal("100")) > 0) ? "cannot catch up"
								: "needs " + need.decimalValue().toPlainString() + "% of the remaining vote");
			}
		}
		assertThat(needs).hasSize(5)
			.containsEntry("Douglas V. Mastriano and Carrie Lewis", "needs 84.3% of the remaining vote");

		String expected = "est. " + feed.get("expectedVotePct").asString() + "% of expected vote";
		Document contestPage = page("/elections/" + election + "/contests/governor?lang=en");
		Element figures = contestPage.getElementById("contest-figures");
		assertThat(figures.selectFirst(".expected-label").text()).isEqualTo(expected);
		assertThat(figures.getElementById("figure-counted").text()).isEqualTo(count(feed.get("totalVotes")));
		assertThat(figures.getElementById("figure-expected").text()).isEqualTo(count(feed.get("expectedVotes")));
		assertThat(figures.getElementById("figure-remaining").text()).isEqualTo(count(feed.get("votesRemaining")));
		assertThat(figures.getElementById("figure-ballots-cast").text()).isEqualTo(count(feed.get("ballotsCast")));
		assertThat(figures.getElementById("figure-registered").text()).isEqualTo(count(feed.get("registeredVoters")));
		assertThat(figures.getElementById("figure-turnout").text())
			.isEqualTo(feed.get("turnoutPct").decimalValue().toPlainString() + "%");
		Map<String, String> shownNeeds = new LinkedHashMap<>();
		for (Element need : figures.select(".needs li")) {
			shownNeeds.put(need.selectFirst(".name").text(), need.selectFirst(".need").text());
		}
		assertThat(shownNeeds).containsExactlyEntriesOf(needs);
		// the leader needs nothing
		assertThat(shownNeeds).doesNotContainKey(feed.get("candidates").get(0).get("name").asString());

		// the county table's turnout column is the county's in the feed
		JsonNode chester = feed.get("reportingUnits").get(0);
		assertThat(contestPage.select("#units td.unit-turnout").eachText())
			.containsExactly(chester.get("turnoutPct").decimalValue().toPlainString() + "%");

		// the card, on the election page, the contest page and the embed
		for (String path : List.of("/elections/" + election + "?lang=en",
				"/embed/elections/" + election + "/contests/governor?lang=en")) {
			assertThat(page(path).selectFirst("#contest-governor .progress-label strong").text()).as(path)
				.isEqualTo(expected);
		}
		assertThat(contestPage.selectFirst("#contest-governor .progress-label strong").text()).isEqualTo(expected);

		// Spanish: the same numbers, es-US signs and words
		Document spanish = page("/elections/" + election + "/contests/governor?lang=es");
		assertThat(plain(spanish.selectFirst("#contest-figures .expected-label")))
			.isEqualTo("est. 68 % del voto esperado");
		assertThat(plain(spanish.getElementById("figure-turnout"))).isEqualTo("64.6 %");
		assertThat(spanish.getElementById("figure-remaining").text()).isEqualTo("1,949");
		assertThat(spanish.select("#contest-figures .needs .need").stream().map(VoteTypePagesTests::plain).toList())
			.startsWith("necesita 84.3 % del voto restante", "ya no puede alcanzar al primero");
		assertThat(plain(
				page("/elections/" + election + "?lang=es").selectFirst("#contest-governor .progress-label strong")))
			.isEqualTo("est. 68 % del voto esperado");
		assertThat(spanish.select("#vote-types thead tr").first().select("th").eachText()).containsExactly("Candidato",
				"Día de la elección", "Anticipado", "Provisional", "Total");
	}

	@Test
	void aTrickleOfTheExpectedVoteShowsUnderOnePercentAndNoEstimateShowsPrecincts() {
		String election = this.api.createElection("pages-expected-trickle", "general");
		this.api.importFile(election, CHESTER, "mode=setup").expectStatus().isCreated();
		String api = "/api/v1/elections/" + election + "/contests/governor";

		// without an estimate: the precincts, as before
		assertThat(page("/elections/" + election).selectFirst("#contest-governor .progress-label").text())
			.isEqualTo("3 precincts reporting");
		assertThat(page("/elections/" + election + "/contests/governor").getElementById("contest-figures")
			.selectFirst(".expected")).isNull();

		// 4,251 of 10,000,000 is 0.04%: a trickle
		send(api, "{\"office\":\"Governor\",\"expectedVotes\":10000000}");
		assertThat(feed(api).get("expectedVotePct").asString()).isEqualTo("<1");
		assertThat(page("/elections/" + election).selectFirst("#contest-governor .progress-label").text())
			.isEqualTo("est. <1% of expected vote · 3 precincts reporting");
		assertThat(plain(page("/elections/" + election + "/contests/governor?lang=es")
			.selectFirst("#contest-figures .expected-label"))).isEqualTo("est. <1 % del voto esperado");
	}

	@Test
	void theLiveUpdateCarriesTheCardFiguresAndSplitOnlyWhenTheContestChanged() {
		String election = this.api.createElection("pages-types-live", "general");
		this.api.importFile(election, CHESTER, "mode=setup").expectStatus().isCreated();
		long revision = feed("/api/v1/elections/" + election + "/revision").get("revision").asLong();
		String live = "/elections/" + election + "/contests/governor/live?lang=en&since=";

		Document changed = page(live + (revision - 1));
		assertThat(changed.getElementById("contest-governor").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(changed.getElementById("vote-types").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(changed.getElementById("contest-figures").attr("hx-swap-oob")).isEqualTo("true");
		assertSplitIsTheFeeds("governor", feed("/api/v1/elections/" + election + "/contests/governor"), changed);

		Document unchanged = page(live + revision);
		assertThat(unchanged.getElementById("contest-governor")).isNull();
		assertThat(unchanged.getElementById("vote-types")).isNull();
		assertThat(unchanged.getElementById("election-status").attr("data-revision"))
			.isEqualTo(String.valueOf(revision));
	}

	/**
	 * Every candidate's votes of every type, the type totals and the unsplit remainder
	 * are the feed's; each shown share of a type is the candidate's votes over the
	 * type's, within the tenth that largest-remainder rounding may move it, and a type's
	 * shares add up to 100.0.
	 */
	private static void assertSplitIsTheFeeds(String contest, JsonNode feed, Document page) {
		Element table = page.selectFirst("#vote-types table.split-table");
		assertThat(table).as(contest + " has a split table").isNotNull();
		JsonNode totals = feed.get("voteTypes");
		List<String> types = new ArrayList<>();
		totals.propertyNames().forEach(types::add);
		assertThat(types).as(contest).isNotEmpty();
		List<String> headings = table.select("thead tr").first().select("th").eachText();
		assertThat(headings.subList(1, headings.size() - 1)).as(contest)
			.containsExactlyElementsOf(types.stream().map(ENGLISH::get).toList());

		List<Element> rows = table.select("tbody tr");
		JsonNode candidates = feed.get("candidates");
		assertThat(rows).as(contest).hasSize(candidates.size());
		Map<String, BigDecimal> pctSums = new LinkedHashMap<>();
		// equal votes show equal shares, which wins over the sum of 100.0
		// (docs/contract.md §2)
		Map<String, java.util.Set<Long>> seen = new LinkedHashMap<>();
		java.util.Set<String> tied = new java.util.HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			JsonNode candidate = candidates.get(i);
			Element row = rows.get(i);
			assertThat(row.selectFirst("th span").text()).isEqualTo(candidate.get("name").asString());
			List<String> cells = row.select("td").stream().map(Element::text).toList();
			for (int t = 0; t < types.size(); t++) {
				String type = types.get(t);
				long votes = candidate.get("voteTypes").get(type).asLong();
				long total = totals.get(type).asLong();
				assertThat(cells.get(2 * t)).as(contest + " " + type).isEqualTo(String.format("%,d", votes));
				if (total == 0) {
					assertThat(cells.get(2 * t + 1)).isEqualTo("—");
					continue;
				}
				BigDecimal shown = percent(cells.get(2 * t + 1));
				BigDecimal exact = BigDecimal.valueOf(votes * 100)
					.divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
				assertThat(shown.subtract(exact).abs()).as(contest + " " + candidate.get("name") + " " + type)
					.isLessThan(new BigDecimal("0.1"));
				pctSums.merge(type, shown, BigDecimal::add);
				if (votes > 0 && !seen.computeIfAbsent(type, (key) -> new java.util.HashSet<>()).add(votes)) {
					tied.add(type);
				}
			}
			assertThat(cells.get(2 * types.size())).isEqualTo(String.format("%,d", candidate.get("votes").asLong()));
			assertThat(percent(cells.get(2 * types.size() + 1)))
				.isEqualByComparingTo(candidate.get("votePct").decimalValue());
		}
		pctSums.forEach((type, sum) -> {
			if (!tied.contains(type)) {
				assertThat(sum).as(contest + " " + type).isEqualByComparingTo("100.0");
			}
		});
		List<String> footer = table.select("tfoot td").stream().map(Element::text).toList();
		long split = 0;
		for (int t = 0; t < types.size(); t++) {
			long total = totals.get(types.get(t)).asLong();
			split += total;
			assertThat(footer.get(2 * t)).isEqualTo(String.format("%,d", total));
		}
		long unsplit = feed.get("totalVotes").asLong() - split;
		Element note = page.selectFirst("#vote-types .unsplit");
		if (unsplit > 0) {
			assertThat(note.text()).as(contest).startsWith(String.format("%,d", unsplit) + " votes are in the totals");
		}
		else {
			assertThat(note).as(contest).isNull();
		}
		// the chart: a bar per type, named, and its text alternative carries the shares
		List<Element> bars = page.select("#vote-types .split-row");
		assertThat(bars).hasSize(types.size());
		String description = page.selectFirst("#vote-types .split-bars").attr("aria-label");
		for (int t = 0; t < types.size(); t++) {
			assertThat(bars.get(t).selectFirst(".split-label strong").text()).isEqualTo(ENGLISH.get(types.get(t)));
			assertThat(description).contains(ENGLISH.get(types.get(t)) + ", ");
		}
	}

	private static BigDecimal percent(String cell) {
		return new BigDecimal(cell.replace("%", "").replace("\u00a0", "").strip());
	}

	private static String count(JsonNode node) {
		return String.format("%,d", node.asLong());
	}

	private void send(String path, String json) {
		this.api.admin()
			.method(HttpMethod.PUT)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private JsonNode feed(String path) {
		String body = this.api.text(path);
		return JSON.readTree(body);
	}

	/** Jsoup's text with no-break spaces (es-US puts one before "%") as plain spaces. */
	private static String plain(Element element) {
		return element.text().replace('\u00a0', ' ').replace('\u202f', ' ');
	}

	private Document page(String path) {
		String html = this.api.page(path);
		return Jsoup.parse(html);
	}

}
