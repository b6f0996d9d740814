package org.tally.staff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.SignIn;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names are data, never markup: a script tag or a spreadsheet formula typed as a name is
 * shown as text on every page. Paths built to escape or break routing are answered 4xx,
 * never 5xx.
 */
@TallyIntegrationTest
class HostileInputTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";

	static final String ELECTION = "hostile-names";

	static String contest;

	@LocalServerPort
	int port;

	/** Sets the hostile election up once for both tests; answers the contest slug. */
	String setUp() {
		if (contest != null) {
			return contest;
		}
		TallyApi api = new TallyApi(this.port);
		api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"%s","name":"%s","date":"2017-06-06","kind":"general","jurisdiction":"%s"}"""
				.formatted(ELECTION, SCRIPT.replace("\"", "\\\""), FORMULA.replace("\"", "\\\"")))
			.exchange()
			.expectStatus()
			.isCreated();
		api.admin()
			.post()
			.uri("/api/v1/elections/" + ELECTION + "/contests")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"office\":\"" + SCRIPT + "\",\"district\":\"1\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		contest = "script-alert-1-script-1";
		for (String name : List.of(SCRIPT, FORMULA)) {
			api.admin()
				.post()
				.uri("/api/v1/elections/" + ELECTION + "/contests/" + contest + "/candidates")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"party\":\"" + SCRIPT + "\"}")
				.exchange()
				.expectStatus()
				.isCreated();
		}
		byte[] csv = ("county,office,district,party,candidate,votes\n" + "Los Angeles," + SCRIPT + ",1," + SCRIPT + ","
				+ SCRIPT + ",100\n" + "Los Angeles," + SCRIPT + ",1," + SCRIPT + ",\"" + FORMULA.replace("\"", "\"\"")
				+ "\",50\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		api.importCsv(ELECTION, csv, "mode=setup").expectStatus().is2xxSuccessful();
		api.admin()
			.post()
			.uri("/api/v1/elections/" + ELECTION + "/contests/" + contest + "/concessions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"candidate\":\"" + SCRIPT + "\",\"statement\":\"" + SCRIPT + "\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		api.admin()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"" + SCRIPT + "\",\"username\":\"admin\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		return contest;
	}

	@Test
	void showsHostileNamesAsTextOnEveryPage() {
		String slug = setUp();
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);
		List<String> pages = List.of("/", "/elections/" + ELECTION, "/elections/" + ELECTION + "/contests/" + slug,
				"/elections/" + ELECTION + "/cards", "/elections/" + ELECTION + "/contests/" + slug + "/card",
				"/embed/elections/" + ELECTION + "/contests/" + slug, "/staff", "/staff/elections/" + ELECTION,
				"/staff/elections/" + ELECTION + "/contests/" + slug, "/staff/elections/" + ELECTION + "/imports",
				"/staff/audit", "/staff/tokens");
		for (String page : pages) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page)
				.doesNotContain(SCRIPT)
				.doesNotContain("<script>alert")
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		}
		String desk = browser.get("/staff/elections/" + ELECTION + "/contests/" + slug).body();
		assertThat(desk).contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)");
	}

	@Test
	void escapesFormulasInTheCsvExport(TallyApi api) {
		setUp();

		String csv = api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/results.csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(csv).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
		assertThat(csv.lines().skip(1)).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.split(",")).noneMatch((cell) -> cell.matches("\"?[=+\\-@].*")));
	}

	@Test
	void answersPathTricksWith4xxNever5xx() throws Exception {
		setUp();
		String longSlug = "a".repeat(5000);
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		List<String> paths = List.of("/api/v1/elections/..%2f..%2fetc", "/api/v1/elections/..%2F..%2Fetc%2Fpasswd",
				"/api/v1/elections/%2e%2e/%2e%2e/etc", "/api/v1/elections/x%00y", "/api/v1/elections/%00",
				"/api/v1/elections/" + longSlug, "/api/v1/elections/" + ELECTION + "/contests/" + longSlug,
				"/api/v1/elections/" + ELECTION + "/contests/" + longSlug + "/history",
				"/api/v1/elections/" + "b".repeat(20000), "/elections/..%2f..%2fetc", "/elections/%00",
				"/elections/" + longSlug, "/staff/elections/..%2fetc", "/staff/elections/" + longSlug,
				"/api/v1/elections/" + ELECTION + "/contests/%3Cscript%3E", "/api/v1/elections/;jsessionid=x",
				"/api/v1/elections/" + ELECTION + "/contests/x;y", "/staff/audit?page=-5",
				"/staff/audit?page=99999999999", "/staff/elections/" + ELECTION + "/contests/x/candidates/abc");
		String basic = SignIn.basic(Staff.ADMIN, Staff.ADMIN_PASSWORD);
		for (String path : paths) {
			for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.header("Authorization", basic)
						.header("Content-Type", "application/json")
						.method(method, HttpRequest.BodyPublishers.ofString("{\"status\":\"called\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(method + " " + abbreviate(path)).isBetween(200, 499);
				if (!path.contains("page=")) {
					assertThat(response.statusCode()).as(method + " " + abbreviate(path)).isGreaterThanOrEqualTo(400);
				}
			}
		}
	}

	static String abbreviate(String path) {
		return (path.length() > 120) ? path.substring(0, 120) + "…" : path;
	}

}
