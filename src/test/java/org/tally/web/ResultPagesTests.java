package org.tally.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over real HTTP: what a reader without JavaScript gets, the fragments the live
 * page fetches, the embed's framing policy and the HTML error pages.
 */
@TallyIntegrationTest
class ResultPagesTests {

	private static final byte[] TWO_CONTESTS = """
			county,office,district,party,candidate,votes,precincts_reporting,precincts_total
			Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761,194,195
			Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108,194,195
			Los Angeles,State Assembly,51,DEM,Wendy Carrillo,5000,3,400
			Los Angeles,State Assembly,51,DEM,Luis Lopez,4000,3,400
			""".getBytes(StandardCharsets.UTF_8);

	final TallyApi api;

	ResultPagesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void electionPageShowsEveryContestWithSeparatorsAndHonestProgress() {
		String election = electionWithTwoContests("pages-cards");

		String html = page("/elections/" + election);

		assertThat(html).contains("id=\"contest-us-house-34\"", "id=\"contest-state-assembly-51\"");
		assertThat(html).contains("19,761", "13,108", "60.1%", "39.9%");
		assertThat(html).contains("<strong>99%</strong> of precincts reporting", "194 of 195 precincts");
		assertThat(html).contains("<strong>&lt;1%</strong> of precincts reporting");
		assertThat(html).contains("Leading", "Not called", "Gomez leads by 6,653 votes (20.2 points)");
	}

	@Test
	void filtersByOfficeAndSearchesCandidatesWithoutJavaScript() {
		String election = electionWithTwoContests("pages-filter");

		assertThat(page("/elections/" + election + "?office=State+Assembly")).contains("contest-state-assembly-51")
			.doesNotContain("id=\"contest-us-house-34\"")
			.contains("Showing <span id=\"shown-count\">1</span>");
		assertThat(page("/elections/" + election + "?q=ahn")).contains("contest-us-house-34")
			.doesNotContain("id=\"contest-state-assembly-51\"");
		assertThat(page("/elections/" + election + "?q=nobody+at+all")).contains("No contests match");
	}

	@Test
	void changedCardsComeAsOutOfBandSwapsWithTheNewRevision() {
		String election = electionWithTwoContests("pages-oob");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,State Assembly,51,DEM,Wendy Carrillo,6000
				""".getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();

		String html = page("/elections/" + election + "/cards?since=1");

		assertThat(html).contains("id=\"contest-state-assembly-51\"", "hx-swap-oob=\"true\"", "6,000")
			.doesNotContain("contest-us-house-34");
		assertThat(html).contains("id=\"election-status\"", "data-revision=\"2\"", "value=\"2\"");
	}

	@Test
	void embedMayBeFramedAnywhere() {
		String election = electionWithTwoContests("pages-embed");

		this.api.anonymous()
			.get()
			.uri("/embed/elections/" + election + "/contests/us-house-34")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Security-Policy", "^frame-ancestors \\*;.*")
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("19,761", "Full results on Tally"));
	}

	@Test
	void testElectionsCarryTheTestBanner() {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"pages-rehearsal","name":"Rehearsal","date":"2026-11-03","kind":"general",
				 "jurisdiction":"California","test":true}""").exchange().expectStatus().isCreated();

		assertThat(page("/elections/pages-rehearsal")).contains("class=\"test-banner\"", "rehearsal data");
		assertThat(page("/")).contains("class=\"test-mark\">TEST<");
	}

	@Test
	void unknownElectionIsAnHtmlNotFoundPage() {
		this.api.anonymous()
			.get()
			.uri("/elections/no-such-election")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("We can’t find that page", "no-such-election"));
	}

	@Test
	void contestPageSortsPrecinctsOnTheServer() {
		String election = this.api.createElection("pages-precincts", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();

		String byName = page("/elections/" + election + "/contests/us-house-34");
		String byAhn = page("/elections/" + election + "/contests/us-house-34?sort=c1&dir=desc");

		assertThat(byName).contains("Los Angeles", "25,569", "Share of the vote after each count update");
		assertThat(byName.indexOf("0850001A")).isLessThan(byName.indexOf("9000010C"));
		assertThat(byAhn).contains("aria-sort=\"descending\"");
		// the precinct where Ahn did best comes first
		assertThat(byAhn.indexOf(">9002547A<")).isLessThan(byAhn.indexOf(">0850001A<"));
	}

	@Test
	void contestPageCountsACountysPrecinctsNotAlsoItsOwnRowAndFollowsEachRevision() {
		String election = this.api.createElection("pages-totals-rule", "general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Alpha,Mayor,1,,Ann,100
				Alpha,Mayor,1,,Bob,50
				Alpha,Mayor,1,,Cy,9
				Beta,Mayor,1,,Ann,7
				Beta,Mayor,1,,Bob,3
				Beta,Mayor,1,,Cy,1
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();
		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Mayor,1,,Ann,30
				Alpha,A-1,Mayor,1,,Bob,5
				Alpha,A-2,Mayor,1,,Ann,20
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();
		String path = "/elections/" + election + "/contests/mayor-1";

		String before = page(path);

		// Alpha has its own row (159 votes) and precincts: the precincts count, never
		// both
		assertThat(row(before, "Alpha")).isEqualTo("50 90.9% 5 9.1% 0 0.0% 55 Ann +45");
		assertThat(row(before, "Beta")).as("a county without precincts: its own row")
			.isEqualTo("7 63.6% 3 27.3% 1 9.1% 11 Ann +4");
		assertThat(chartRow(before, 1)).isEqualTo("170 107 (62.9%) 53 (31.2%) 10 (5.9%)");
		assertThat(chartRow(before, 2)).isEqualTo("66 57 (86.4%) 8 (12.1%) 1 (1.5%)");

		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Mayor,1,,Ann,40
				Alpha,A-2,Mayor,1,,Bob,20
				""".getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();
		String after = page(path);

		// the tables and the chart are kept per revision: the next one shows at once
		assertThat(row(after, "Alpha")).isEqualTo("60 70.6% 25 29.4% 0 0.0% 85 Ann +35");
		assertThat(row(after, "A-2")).isEqualTo("20 50.0% 20 50.0% 0 0.0% 40 Tie —");
		assertThat(chartRow(after, 3)).isEqualTo("96 67 (69.8%) 28 (29.2%) 1 (1.0%)");
	}

	/** A county or precinct table row's cells as text, after its name. */
	private static String row(String html, String unit) {
		Matcher row = Pattern
			.compile("<th scope=\"row\">(?:<a [^>]*>)?" + Pattern.quote(unit) + "(?:</a>)?</th>(.*?)</tr>",
					Pattern.DOTALL)
			.matcher(html);
		assertThat(row.find()).as("a row for " + unit).isTrue();
		return text(row.group(1));
	}

	/** The chart's data table row for a revision: total and cells, as text. */
	private static String chartRow(String html, long revision) {
		Matcher row = Pattern.compile("<td>" + revision + "</td><td>[^<]*</td>(.*?)</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(row.find()).as("a chart row for revision " + revision).isTrue();
		return text(row.group(1));
	}

	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	private String electionWithTwoContests(String slug) {
		String election = this.api.createElection(slug, "special-general");
		this.api.importCsv(election, TWO_CONTESTS, "mode=setup").expectStatus().is2xxSuccessful();
		return election;
	}

	private String page(String path) {
		return this.api.page(path);
	}

}
