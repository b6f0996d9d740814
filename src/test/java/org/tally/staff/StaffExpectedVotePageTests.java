package org.tally.staff;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff set, keep and clear a contest's expected vote on the staff contest page (session
 * and CSRF as a browser sends them), over CA-34's election-night count (Gomez 19,761, Ahn
 * 13,108): the page and the feed show the same numbers, worked by hand here.
 */
@TallyIntegrationTest
class StaffExpectedVotePageTests {

	private static final String ELECTION = "desk-expected";

	private static final String PAGE = "/staff/elections/" + ELECTION + "/contests/us-house-34";

	@LocalServerPort
	int port;

	@Test
	void staffSetKeepAndClearTheExpectedVote() {
		TallyApi api = new TallyApi(this.port);
		api.createElection(ELECTION, "special-general");
		api.importFile(ELECTION, "ca34/20170606__ca__special__general__election_night.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		StaffBrowser browser = new StaffBrowser(this.port);
		assertThat(browser.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.get(PAGE).body()).contains("no expected vote set");

		// 32,869 of 45,000 = 73.04%; 12,131 left; Ahn needs (6,653 + 12,131) / 24,262 =
		// 77.42%
		redirects(browser.post(PAGE + "/expected",
				Map.of("expectedVotes", "45000", "registeredVoters", "", "ballotsCast", "")));
		Document page = Jsoup.parse(browser.get(PAGE).body());
		assertThat(page.select(".notice.error")).isEmpty();
		assertThat(page.select("#expected-vote").text()).contains("expected vote 73% of 45,000", "12,131 votes");
		assertThat(page.select("#count table tbody tr").eachText())
			.anySatisfy((row) -> assertThat(row).contains("Robert Lee Ahn", "needs 77.4% of the rest"));
		assertThat(contest(api)).containsEntry("expectedVotes", 45000).containsEntry("expectedVotePct", "73");

		// the rest of the setup saved from its own form leaves the figures alone
		redirects(browser.post(PAGE + "/setup", Map.of("office", "U.S. House", "district", "34", "seats", "1", "rule",
				"plurality", "precinctsTotal", "195")));
		assertThat(contest(api)).containsEntry("expectedVotes", 45000).containsEntry("precinctsTotal", 195);

		// 38,000 leaves 5,131, under the margin of 6,653: decided, and Ahn cannot catch
		// up
		browser.get(PAGE);
		redirects(browser.post(PAGE + "/expected", Map.of("expectedVotes", "38000")));
		Document decided = Jsoup.parse(browser.get(PAGE).body());
		assertThat(decided.select("#count").text()).contains("decided", "Fewer votes are still expected",
				"cannot catch up");

		redirects(browser.post(PAGE + "/expected", Map.of("expectedVotes", "-5")));
		assertThat(browser.get(PAGE).body()).contains("expectedVotes: must be greater than 0");
		assertThat(contest(api)).containsEntry("expectedVotes", 38000);

		redirects(browser.post(PAGE + "/expected", Map.of("expectedVotes", "38000", "clear", "expectedVotes")));
		assertThat(browser.get(PAGE).body()).contains("no expected vote set");
		assertThat(contest(api)).containsEntry("expectedVotes", null).containsEntry("expectedVotePct", null);
	}

	private static Map<String, Object> contest(TallyApi api) {
		return api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/contests/us-house-34")
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static void redirects(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
	}

}
