package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff import page over real HTTP, signed in through the login form with its CSRF
 * token: upload, preview, confirm, history; problems listed with nothing applied.
 */
@TallyIntegrationTest
class StaffImportPageTests {

	private static final String CERTIFIED = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	RestTestClient browser;

	String session;

	StaffImportPageTests(TallyApi api) {
		this.api = api;
	}

	@BeforeEach
	void signIn() {
		this.browser = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		var login = this.browser.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class);
		String csrfCookie = cookie(login.getResponseHeaders(), "TALLY-CSRF=");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", Staff.ADMIN);
		form.add("password", Staff.ADMIN_PASSWORD);
		form.add("_csrf", csrf(login.getResponseBody()));
		var signedIn = this.browser.post()
			.uri("/login")
			.header(HttpHeaders.COOKIE, csrfCookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(String.class);
		assertThat(signedIn.getResponseHeaders().getLocation()).asString().doesNotContain("error");
		this.session = cookie(signedIn.getResponseHeaders(), "JSESSIONID=");
	}

	@Test
	void sendsAnonymousReadersToTheLoginPage() {
		String election = this.api.createElection("ca34-page-anonymous", "special-general");

		this.browser.get()
			.uri("/staff/elections/" + election + "/imports")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, ".*/login$");
	}

	@Test
	void previewsThenAppliesTheSameBytesAndShowsThemInTheHistory() {
		String election = this.api.createElection("ca34-page-flow", "special-general");
		String page = get("/staff/elections/" + election + "/imports");
		assertThat(page).contains("Import results", "enctype=\"multipart/form-data\"", "No imports yet.",
				"/webjars/htmx.org/", "htmx.min.js", "upload-progress");

		String preview = upload(election, page, TallyApi.read(CERTIFIED), "setup", "");

		assertThat(preview).contains("Preview of", "U.S. House, District 34", "43,179", "Jimmy Gomez, Robert Lee Ahn",
				"Apply this import");
		assertThat(revision(election)).as("a preview applies nothing").isZero();
		String hash = value(preview, "hash");
		byte[] staged = this.jdbc.sql("""
				select string_agg(data, ''::bytea order by seq) from staged_upload_chunk where hash = ?""")
			.param(hash)
			.query(byte[].class)
			.single();
		assertThat(staged).as("kept in PostgreSQL, for any instance to confirm").isEqualTo(TallyApi.read(CERTIFIED));

		var confirmed = this.browser.post()
			.uri("/staff/elections/" + election + "/imports/confirm")
			.header(HttpHeaders.COOKIE, this.session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form("_csrf", csrf(preview), "hash", hash, "fileName", value(preview, "fileName"), "format", "auto",
					"mode", "setup", "correction", ""))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(String.class);
		String after = this.browser.get()
			.uri(confirmed.getResponseHeaders().getLocation())
			.header(HttpHeaders.COOKIE, this.session)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();

		assertThat(revision(election)).isEqualTo(1);
		assertThat(after).contains("Applied <strong>390</strong> rows as revision", "certified.csv",
				hash.substring(0, 12), "applied", "(revision 1)", "preview");
		assertThat(this.jdbc.sql("select count(*) from staged_upload where hash = ?")
			.param(hash)
			.query(Long.class)
			.single()).as("dropped once applied").isZero();
	}

	@Test
	void previewSaysWhetherTheTotalsTheFileStatesAgreeAndListsThoseThatDoNot() {
		String election = this.api.createElection("allegheny-page", "general");
		String page = get("/staff/elections/" + election + "/imports");
		byte[] allegheny = TallyApi.read(ClarityDetailReconciliation.ALLEGHENY);

		assertThat(upload(election, page, allegheny, "setup", ""))
			.contains("All 22 totals the file states agree with its rows.");

		String preview = upload(election, page, ClarityDetailReconciliation.oneMoreVoteForLaing(allegheny), "setup",
				"");

		assertThat(preview).contains("2 of 22 totals the file states disagree with its rows.",
				"Member of Council Sharpsburg (2 Year Term) [key 0382]", "Adrianne Laing", "Election Day",
				"/ElectionResult/Contest[@key=&#39;0382&#39;]");
		assertThat(preview).containsPattern("<td class=\"num\">589</td>\\s*<td class=\"num\">590</td>");
		assertThat(revision(election)).as("a preview applies nothing").isZero();
	}

	@Test
	void listsEveryProblemAndAppliesNothing() {
		String election = this.api.createElection("ca34-page-problems", "special-general");
		this.api.importFile(election, CERTIFIED, "mode=setup").expectStatus().isCreated();
		byte[] broken = ("county,precinct,office,district,party,candidate,votes\n"
				+ "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,3O9\n"
				+ "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,-28\n")
			.getBytes(StandardCharsets.UTF_8);

		String answer = upload(election, get("/staff/elections/" + election + "/imports"), broken, "strict", "");

		assertThat(answer)
			.contains("2 problems: nothing was applied", "class=\"problem\"", "3O9", "not a whole number", "-28",
					"negative count")
			.doesNotContain("Apply this import");
		assertThat(revision(election)).isEqualTo(1);
	}

	@Test
	void showsWhereInAJsonFileEachProblemIs() {
		String election = this.api.createElection("nist-page-problems", "general");
		String file = new String(RecordingSink.json("nist-composed-units.json"), StandardCharsets.UTF_8);
		byte[] broken = file.replaceFirst("\"Count\": 240", "\"Count\": -240").getBytes(StandardCharsets.UTF_8);

		String answer = upload(election, get("/staff/elections/" + election + "/imports"), broken, "setup", "");

		assertThat(answer).contains("1 problem: nothing was applied", "-240",
				"/Election/0/Contest/0/ContestSelection/1/VoteCounts/2/Count", "name=\"calls\"");
		assertThat(revision(election)).isZero();
	}

	/**
	 * The staff upload page takes the same bomb (a 300 MB text node in a small zip) as a
	 * listed problem, not a 500 with an OutOfMemoryError (issue 21).
	 */
	@Test
	void anXmlBombIsAProblemOnThePage() {
		String election = this.api.createElection("ca34-page-bomb", "special-general");
		byte[] zip = ParserBombProperties.zip(ParserBombProperties.xml("text", 300L << 20));

		String answer = upload(election, get("/staff/elections/" + election + "/imports"), zip, "setup", "");

		assertThat(answer).contains("refused").doesNotContain("OutOfMemoryError");
	}

	private String upload(String election, String page, byte[] file, String mode, String correction) {
		MultiValueMap<String, Object> parts = ImportValidationTests.multipart("certified.csv", file);
		parts.add("_csrf", csrf(page));
		parts.add("format", "auto");
		parts.add("mode", mode);
		parts.add("correction", correction);
		return this.browser.post()
			.uri("/staff/elections/" + election + "/imports")
			.header(HttpHeaders.COOKIE, this.session)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	private String get(String path) {
		return this.browser.get()
			.uri(path)
			.header(HttpHeaders.COOKIE, this.session)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	/** The election's revision as stored (the feed may lag a notification behind). */
	private long revision(String election) {
		return this.jdbc.sql("select revision from election where slug = ?").param(election).query(Long.class).single();
	}

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	private static String value(String html, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
		assertThat(matcher.find()).as("hidden field " + name).isTrue();
		return matcher.group(1);
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	private static String cookie(HttpHeaders headers, String name) {
		List<String> cookies = headers.get(HttpHeaders.SET_COOKIE);
		assertThat(cookies).isNotNull();
		return cookies.stream()
			.filter((c) -> c.startsWith(name))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

}
