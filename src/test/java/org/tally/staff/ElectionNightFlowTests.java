package org.tally.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
			.isEqualTo("staff")
			.jsonPath("$.candidates[?(@.name == 'Jimmy Gomez')].winner")
			.isEqualTo(true)
			.jsonPath("$.candidates[?(@.name == 'Robert Lee Ahn')].concededAt")
			.isEqualTo("2017-06-07T05:30:00Z");

		// Readers learn the role that called it, never the staff member's name
		// (issue 21, item 8); the desk still sees who it was
		String contest = "/elections/" + ELECTION + "/contests/us-house-34";
		String feed = "/api/v1/elections/" + ELECTION;
		for (String path : List.of(contest, contest + "?lang=es", contest + "/card", contest + "/live",
				"/elections/" + ELECTION, "/elections/" + ELECTION + "/cards",
				"/embed/elections/" + ELECTION + "/contests/us-house-34", feed, feed + "/contests",
				feed + "/contests/us-house-34", feed + "/contests/us-house-34/history", feed + "/revision",
				feed + "/revisions", feed + "/imports", feed + "/results.csv", feed + "/cdf.json")) {
			HttpResponse<String> anonymous = get(path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(200);
			assertThat(anonymous.body()).as(path).doesNotContain(staff);
		}
		assertThat(text(api.page(contest))).contains("By staff").doesNotContain(staff);
		assertThat(text(api.page(contest + "?lang=es"))).contains("Por el personal");
		long last = this.revision();
		assertThat(events(ELECTION, last)).contains("\"contests\":[\"us-house-34\"]").doesNotContain(staff);
		assertThat(browser.get(CONTEST_PAGE).body()).contains("by <span>" + staff + "</span>");
	}

	private long revision() {
		String body = get("/api/v1/elections/" + ELECTION + "/revision").body();
		Matcher revision = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)").matcher(body);
		assertThat(revision.find()).as(body).isTrue();
		return Long.parseLong(revision.group(1));
	}

	private HttpResponse<String> get(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The election's event stream from its first revision up to the current one, read
	 * from the socket (at most 10 s between bytes).
	 */
	private String events(String election, long last) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /api/v1/elections/" + election + "/events HTTP/1.1\r\nHost: localhost\r\n"
						+ "Accept: text/event-stream\r\nLast-Event-ID: 0\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			StringBuilder events = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				events.append(line).append('\n');
				if (line.equals("id:" + last)) {
					events.append(reader.readLine()).append('\n').append(reader.readLine());
					return events.toString();
				}
			}
			throw new AssertionError("the stream ended before revision " + last + ": " + events);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
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
