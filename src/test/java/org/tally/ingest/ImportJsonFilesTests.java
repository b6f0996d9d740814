package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NIST SP 1500-100 and AP results files through the HTTP import into PostgreSQL: posted
 * as {@code application/json} with the format left to detection, they show the totals the
 * files state, and every bad one is refused with nothing applied.
 */
@TallyIntegrationTest
class ImportJsonFilesTests {

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	ImportJsonFilesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void nistReportImportsWithTheTotalsItStatesAndItsUnitsByRole() {
		String election = election("nist-composed", "Example State", false);

		post(election, "nist-composed-units.json", "mode=setup").expectStatus().isCreated();

		// Ann Able: P-1 100+150+50+10, P-2A 290, South County 400 (the file's state row:
		// 1000)
		contest(election, "governor").jsonPath("$.candidates[?(@.name == 'Ann Able')].votes")
			.isEqualTo(List.of(1000))
			.jsonPath("$.candidates[?(@.name == 'Bob Baker')].votes")
			.isEqualTo(List.of(800))
			.jsonPath("$.candidates[?(@.name == 'Bob Baker')].party")
			.isEqualTo(List.of("REP"));
		contest(election, "measure-a-parks").jsonPath("$.kind")
			.isEqualTo("measure")
			.jsonPath("$.candidates[?(@.name == 'Yes')].votes")
			.isEqualTo(List.of(220));
		contest(election, "city-council").jsonPath("$.seats")
			.isEqualTo(2)
			.jsonPath("$.candidates[?(@.name == 'Cy Cole')].votes")
			.isEqualTo(List.of(40 + 30));
		assertThat(units(election)).containsExactlyInAnyOrder("north-county", "north-county/P-1", "north-county/P-2A",
				"north-county/Vote Center 1", "south-county");
		Timestamp stated = this.jdbc.sql("""
				select r.source_updated_at from revision r join election e on e.id = r.election_id
				where e.slug = ? and r.kind = 'import'""").param(election).query(Timestamp.class).single();
		assertThat(stated.toInstant()).isEqualTo(Instant.parse("2024-11-06T09:30:00Z"));
	}

	@Test
	void nistsOwnReportShowsTheCountysTotalsFromItsPrecincts() {
		String election = election("nist-gen-01", "Test County", false);

		post(election, "nist-err-gen-01-cut.json", "mode=setup").expectStatus().isCreated();

		// the file's ru-county-1 (Test County) row for each selection of the contest
		contest(election, "president-and-vice-president-of-the-united-states").jsonPath("$.totalVotes")
			.isEqualTo(12 + 12 + 8 + 8);
		// two anonymous write-in selections in a vote-for-2 contest stay two choices
		contest(election, "county-assessor").jsonPath("$.seats")
			.isEqualTo(2)
			.jsonPath("$.totalVotes")
			.isEqualTo(12 + 12 + 8 + 8 + 8 + 8 + 16 + 8)
			.jsonPath("$.candidates[?(@.name == 'Write-in 2')].votes")
			.isEqualTo(List.of(8));
		assertThat(units(election)).contains("test-county", "test-county/Precinct 2a")
			.doesNotContain("test-county/Test County");
	}

	@Test
	void theSameReportSentTwiceIsADuplicateAndADryRunAppliesNothing() {
		String election = election("nist-twice", "Example State", false);

		post(election, "nist-composed-units.json", "mode=setup&dryRun=true").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("preview");
		assertThat(counts(election)).isZero();
		post(election, "nist-composed-units.json", "mode=setup").expectStatus().isCreated();
		long applied = counts(election);
		post(election, "nist-composed-units.json", "mode=setup").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("duplicate");
		assertThat(counts(election)).isEqualTo(applied).isPositive();
	}

	@Test
	void aReportWhoseTestFlagContradictsTheElectionIsRefusedWithItsPointer() {
		String election = election("nist-test", "Example State", true);

		post(election, "nist-composed-units.json", "mode=setup").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.problems[0].location")
			.isEqualTo("/IsTest");
		assertThat(contests(election)).isZero();
	}

	@Test
	void aNegativeCountIsRefusedWithItsPointerAndNothingApplied() {
		String election = election("nist-negative", "Example State", false);
		String file = new String(RecordingSink.json("nist-composed-units.json"), StandardCharsets.UTF_8);

		postBytes(election, file.replaceFirst("\"Count\": 240", "\"Count\": -240").getBytes(StandardCharsets.UTF_8),
				"mode=setup", MediaType.APPLICATION_JSON_VALUE)
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.problems[0].location")
			.isEqualTo("/Election/0/Contest/0/ContestSelection/1/VoteCounts/2/Count");
		assertThat(contests(election)).isZero();
	}

	@Test
	void strictModeRefusesAReportNamingUnknownContests() {
		String election = election("nist-strict", "Example State", false);

		post(election, "nist-composed-units.json", "").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.problems[0].message")
			.value((message) -> assertThat((String) message).startsWith("unknown contest"));
		assertThat(contests(election)).isZero();
	}

	@Test
	void jsonIsToldFromItsBytesWhateverTheContentType() {
		String election = election("nist-as-csv", "Example State", false);

		postBytes(election, RecordingSink.json("nist-composed-units.json"), "mode=setup", "text/csv").expectStatus()
			.isCreated();
		postBytes(election, "{\"Election\": [".getBytes(StandardCharsets.UTF_8), "mode=setup",
				MediaType.APPLICATION_OCTET_STREAM_VALUE)
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.problems[0].message")
			.value((message) -> assertThat((String) message).startsWith("not readable as JSON"));
	}

	@Test
	void apFileImportsTheCountiesOfTheElectionsStateWithTheStateRowsTotals() {
		String election = election("ap-kentucky", "Kentucky", false);

		// two Colorado races skipped; Kentucky's state row is all 120 counties, the cut
		// keeps four
		post(election, "ap-20151103-national-cut.json", "mode=setup").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.warnings.length()")
			.isEqualTo(3)
			.jsonPath("$.warnings[2].message")
			.value((message) -> assertThat((String) message).contains("AP's state row differs"));

		// Bevin: AP's state row; the counties keep their own rows (Adair, Allen,
		// Anderson,
		// Ballard: their precincts are the contest's)
		contest(election, "governor").jsonPath("$.candidates[?(@.name == 'Matt Bevin')].votes")
			.isEqualTo(List.of(511771))
			.jsonPath("$.unitsDifferBy['Matt Bevin']")
			.isEqualTo(511771 - (2727 + 2344 + 3724 + 1312))
			.jsonPath("$.precinctsReporting")
			.isEqualTo(16 + 13 + 14 + 13)
			.jsonPath("$.call.status")
			.isEqualTo("not-called");
		assertThat(units(election)).containsExactlyInAnyOrder("kentucky", "adair", "allen", "anderson", "ballard");
	}

	@Test
	void apsExpectedVotePercentageIsStoredAsEachCountysExpectedVotes() {
		String election = election("ap-eevp", "Kentucky", false);
		// the elex sample predates AP's eevp: written into Adair's and Allen's units
		String file = new String(RecordingSink.json("ap-20151103-national-cut.json"), StandardCharsets.UTF_8)
			.replace("\"reportingunitName\":\"Adair\",", "\"reportingunitName\":\"Adair\",\"eevp\":80,")
			.replace("\"reportingunitName\":\"Allen\",", "\"reportingunitName\":\"Allen\",\"eevp\":100,");

		postBytes(election, file.getBytes(StandardCharsets.UTF_8), "mode=setup", MediaType.APPLICATION_JSON_VALUE)
			.expectStatus()
			.isCreated();

		// Adair: 2727 + 1268 + 116 = 4111 votes are 80% of 5138.75; Allen: 2344 + 977 +
		// 76 = 3397 are all of it
		List<String> expected = this.jdbc.sql("""
				select u.code || '=' || coalesce(p.expected_votes::text, '-') from progress p
				join reporting_unit u on u.id = p.unit_id join election e on e.id = u.election_id
				where e.slug = ? order by u.code""").param(election).query(String.class).list();
		assertThat(expected).containsExactly("adair=5139", "allen=3397", "anderson=-", "ballard=-");
	}

	@Test
	void apWinnerFlagsBecomeCallsOnlyWhenAskedAndAStaffCallAlwaysWins() {
		String election = election("ap-calls", "Kentucky", false);

		post(election, "ap-20151103-national-cut.json", "mode=setup&calls=ap").expectStatus().isCreated();

		contest(election, "governor").jsonPath("$.call.status")
			.isEqualTo("called")
			.jsonPath("$.call.winners")
			.isEqualTo(List.of("Matt Bevin"))
			.jsonPath("$.call.note")
			.isEqualTo("AP")
			.jsonPath("$.call.calledBy")
			.isEqualTo("admin");

		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/governor/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"too-close\",\"winners\":[],\"advancing\":[],\"note\":\"desk\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		String file = new String(RecordingSink.json("ap-20151103-national-cut.json"), StandardCharsets.UTF_8);
		postBytes(election,
				file.replace("\"voteCount\":2727", "\"voteCount\":2800")
					.replace("\"voteCount\":511771", "\"voteCount\":511844")
					.getBytes(StandardCharsets.UTF_8),
				"calls=ap", MediaType.APPLICATION_JSON_VALUE)
			.expectStatus()
			.isCreated();

		contest(election, "governor").jsonPath("$.call.status")
			.isEqualTo("too-close")
			.jsonPath("$.candidates[?(@.name == 'Matt Bevin')].votes")
			.isEqualTo(List.of(511771 + 2800 - 2727));
	}

	@Test
	void anApRaceOfTestDataIsRefusedInARealElection() {
		String election = election("ap-fake", "Virginia", false);

		post(election, "ap-00000000-fake-cut.json", "mode=setup").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.problems[0].location")
			.isEqualTo("/races/0/test");
		assertThat(contests(election)).isZero();
	}

	private String election(String slug, String jurisdiction, boolean test) {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"%s","name":"Test %s","date":"2024-11-05","kind":"general","jurisdiction":"%s","test":%s}
				""".formatted(slug, slug, jurisdiction, test)).exchange().expectStatus().isCreated();
		return slug;
	}

	private RestTestClient.ResponseSpec post(String election, String file, String query) {
		return postBytes(election, RecordingSink.json(file), query, MediaType.APPLICATION_JSON_VALUE);
	}

	private RestTestClient.ResponseSpec postBytes(String election, byte[] body, String query, String contentType) {
		return this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports" + (query.isEmpty() ? "" : "?" + query))
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.body(body)
			.exchange();
	}

	private RestTestClient.BodyContentSpec contest(String election, String contest) {
		return this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/" + contest)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private List<String> units(String election) {
		return this.jdbc.sql("""
				select u.code from reporting_unit u join election e on e.id = u.election_id where e.slug = ?""")
			.param(election)
			.query(String.class)
			.list();
	}

	private long contests(String election) {
		return this.jdbc.sql("select count(*) from contest c join election e on e.id = c.election_id where e.slug = ?")
			.param(election)
			.query(Long.class)
			.single();
	}

	private long counts(String election) {
		return this.jdbc.sql("""
				select count(*) from vote_count v join contest c on c.id = v.contest_id
				join election e on e.id = c.election_id where e.slug = ?""").param(election).query(Long.class).single();
	}

}
