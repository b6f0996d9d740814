package org.tally.staff;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A STAFF member runs election night from the browser: signs in, sets up the election and
 * its contest, imports the count, calls the race and records the concession; readers see
 * each step in the feed.
 */
@TallyIntegrationTest
class ElectionNightFlowTests {

	static final String ELECTION = "flow-2017-06-06-ca-34";

	static final String CONTEST_PAGE = "/staff/elections/" + ELECTION + "/contests/us-house-34";

	@LocalServerPort
	int port;

	@Test
	void staffRunAnElectionNightFromTheBrowser() {
		TallyApi api = new TallyApi(this.port);
		StaffAccounts accounts = new StaffAccounts(this.port, api);
		String staff = accounts.create("night-desk", "STAFF");
		StaffBrowser browser = new StaffBrowser(this.port);

		// Given a staff member signed in
		assertThat(browser.signIn(staff, StaffAccounts.PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.get("/staff").body()).contains("Staff desk", staff);

		// When they set up the election, its contest and candidates
		redirects(browser.post("/staff/elections",
				form("slug", ELECTION, "name", "CA-34 Special General", "date", "2017-06-06", "kind", "special-general",
						"jurisdiction", "California", "timeZone", "America/Los_Angeles")));
		assertThat(browser.get("/staff").body()).contains("CA-34 Special General",
				"/staff/elections/" + ELECTION + "/imports");
		browser.get("/staff/elections/" + ELECTION);
		redirects(browser.post("/staff/elections/" + ELECTION + "/contests", form("office", "U.S. House", "district",
				"34", "seats", "1", "rule", "plurality", "precinctsTotal", "195", "ballotsOutstanding", "100")));
		browser.get(CONTEST_PAGE);
		redirects(browser.post(CONTEST_PAGE + "/candidates",
				form("name", "Jimmy Gomez", "party", "DEM", "ballotOrder", "1")));
		redirects(browser.post(CONTEST_PAGE + "/candidates",
				form("name", "Robert Lee Ahn", "party", "DEM", "ballotOrder", "2")));
		browser.get("/staff/elections/" + ELECTION);
		redirects(browser.post("/staff/elections/" + ELECTION + "/reporting-units",
				form("name", "Los Angeles", "level", "county")));
		redirects(browser.post("/staff/elections/" + ELECTION + "/status", form("status", "counting")));

		// And the count arrives
		accounts.basic(staff, StaffAccounts.PASSWORD)
			.post()
			.uri("/api/v1/elections/" + ELECTION + "/imports")
			.header(HttpHeaders.CONTENT_TYPE, "text/csv")
			.body(TallyApi.read("ca34/20170606__ca__special__general.csv"))
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"applied\""));
		String desk = browser.get(CONTEST_PAGE).body();
		assertThat(desk).contains("25,569", "17,610", "decided");

		// Then they call the race and record the concession
		Map<String, String> call = form("status", "called", "winners", "Jimmy Gomez", "note", "All precincts in");
		redirects(browser.post(CONTEST_PAGE + "/call", call));
		browser.get(CONTEST_PAGE);
		redirects(browser.post(CONTEST_PAGE + "/concessions", form("candidate", "Robert Lee Ahn", "concededAt",
				"2017-06-06T22:30", "statement", "Ahn called Gomez to concede")));

		String after = browser.get(CONTEST_PAGE).body();
		assertThat(after).contains("called", "conceded", "Ahn called Gomez to concede").doesNotContain("notice error");
		api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/contests/us-house-34")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.call.status")
			.isEqualTo("called")
			.jsonPath("$.call.calledBy")
			.isEqualTo(staff)
			.jsonPath("$.candidates[?(@.name == 'Jimmy Gomez')].winner")
			.isEqualTo(true)
			.jsonPath("$.candidates[?(@.name == 'Robert Lee Ahn')].concededAt")
			.isEqualTo("2017-06-07T05:30:00Z");
	}

	static void redirects(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
	}

	static Map<String, String> form(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

}
