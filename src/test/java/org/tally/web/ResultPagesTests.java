package org.tally.web;

import java.nio.charset.StandardCharsets;

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

	private String electionWithTwoContests(String slug) {
		String election = this.api.createElection(slug, "special-general");
		this.api.importCsv(election, TWO_CONTESTS, "mode=setup").expectStatus().is2xxSuccessful();
		return election;
	}

	private String page(String path) {
		return this.api.anonymous()
			.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
