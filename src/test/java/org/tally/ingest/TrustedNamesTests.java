package org.tally.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and counts a reader can trust, through HTTP imports of real files changed the way
 * an attacker or a broken export would (docs/import.md, "Names a reader can trust"):
 * CA-34's OpenElections CSV and newsdev/elex's AP file for Kentucky.
 */
@TallyIntegrationTest
class TrustedNamesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CA34 = "ca34/20170404__ca__special__primary.csv";

	final TallyApi api;

	TrustedNamesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void aBidiControlInACsvNameIsAProblemNamingTheRow() {
		String election = this.api.createElection("names-bidi", "special-primary");
		String file = csv(CA34).replace("Alejandra Campoverdi", "Alejandra \u202ECampoverdi");

		JsonNode problem = JSON.readTree(refused(election, file.getBytes(StandardCharsets.UTF_8))).path("problems");
		assertThat(problem.toString()).contains("U+202E RIGHT-TO-LEFT OVERRIDE", "\"column\":\"candidate\"",
				"\"row\":3", "Alejandra <U+202E>Campoverdi");
		assertThat(problem.toString()).doesNotContain("\u202E");
		// nothing imported
		assertThat(this.api.text("/api/v1/elections/" + election + "/contests")).isEqualTo("[]");
	}

	@Test
	void aControlCharacterInAnApNameIsAProblemAtItsPointer() {
		String election = election("names-ap", "Kentucky");
		String file = csv("json/ap-20151103-national-cut.json").replace("\"last\":\"Bevin\"",
				"\"last\":\"Bevin\\u0007\"");

		String body = this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports?mode=setup")
			.contentType(MediaType.APPLICATION_JSON)
			.body(file.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("U+0007", "/races/2/reportingUnits/0/candidates/0");
	}

	@Test
	void zeroWidthCharactersAreRemovedWithAWarningAndNamesAreNfc() {
		String election = this.api.createElection("names-zw", "special-primary");
		// a zero-width space in one row's name, a stray byte order mark in another's, and
		// "José" written with a combining accent: each one name with its clean twin
		String file = csv(CA34)
			.replace("Los Angeles,U.S. House,34,DEM,Alejandra Campoverdi,1001",
					"Los Angeles,U.S. House,34,DEM,Alejandra Campo\u200Bverdi,1001")
			.replace("Adrienne Nicole Edwards", "\uFEFFAdrienne Nicole Edwards")
				+ "Los Angeles,Mayor,,,Jose\u0301 Huizar,10\nOrange,Mayor,,,Jos\u00E9 Huizar,5\n";

		String body = this.api.importCsv(election, file.getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("zero-width characters removed", "Alejandra Campo<U+200B>verdi",
				"<U+FEFF>Adrienne Nicole Edwards");
		String contest = this.api.text("/api/v1/elections/" + election + "/contests/us-house-34");
		assertThat(contest).contains("\"Alejandra Campoverdi\"", "\"Adrienne Nicole Edwards\"")
			.doesNotContain("\u200B", "\uFEFF");
		JsonNode mayor = JSON.readTree(this.api.text("/api/v1/elections/" + election + "/contests/mayor"));
		assertThat(mayor.path("candidates").size()).isEqualTo(1);
		assertThat(mayor.path("candidates").get(0).path("name").asString()).isEqualTo("Jos\u00E9 Huizar");
		assertThat(mayor.path("candidates").get(0).path("votes").asLong()).isEqualTo(15);
	}

	@Test
	void aNewChoiceThatLooksLikeAnotherIsAWarningInThePreview() {
		String election = this.api.createElection("names-look", "special-primary");
		this.api.importFile(election, CA34, "mode=setup").expectStatus().isCreated();
		// "Jimmy Gomez" with a Cyrillic о, in a dry run (the staff preview)
		String file = "county,office,district,party,candidate,votes\n"
				+ "Los Angeles,U.S. House,34,DEM,Jimmy G\u043Emez,30000\n";

		String body = this.api.importCsv(election, file.getBytes(StandardCharsets.UTF_8), "mode=setup&dryRun=true")
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("reads like \\\"Jimmy Gomez\\\"", "\"column\":\"candidate\"");
	}

	@Test
	void implausibleCountsAreWarnings() {
		String election = election("names-counts", "California");
		// more votes than registered voters, and a count above 10^9 in one unit
		String file = "county,office,district,party,candidate,votes,registered_voters\n"
				+ "Alpine,U.S. House,4,REP,Tom McClintock,900,700\n" + "Alpine,U.S. House,4,DEM,Jessica Morse,200,700\n"
				+ "Amador,State Senate,1,REP,Ted Gaines,5000000000,\n";

		String body = this.api.importCsv(election, file.getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("1100 votes, more than its 700 registered voters can cast",
				"more than 1,000,000,000 votes for one choice in one unit");
	}

	private String election(String slug, String jurisdiction) {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"%s","name":"Test %s","date":"2024-11-05","kind":"general","jurisdiction":"%s","test":false}
				""".formatted(slug, slug, jurisdiction)).exchange().expectStatus().isCreated();
		return slug;
	}

	private String refused(String election, byte[] csv) {
		return this.api.importCsv(election, csv, "mode=setup")
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static String csv(String resource) {
		return new String(TallyApi.read(resource), StandardCharsets.UTF_8);
	}

}
