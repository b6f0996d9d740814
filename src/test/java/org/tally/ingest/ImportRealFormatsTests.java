package org.tally.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.results.VoteType;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real files of the formats beyond OpenElections CSV, imported over HTTP as downloaded
 * with {@code format=auto}: the totals are the ones the files state.
 */
@TallyIntegrationTest
class ImportRealFormatsTests {

	private static final String DETAIL_ZIP = "ingest/clarity-detailxml-nj-gloucester-2017-cut.zip";

	private static final String DETAIL_XML = "ingest/clarity-detail-nj-gloucester-2017-cut.xml";

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	ImportRealFormatsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void gloucesterDetailXmlZipImportsAsDownloaded() {
		String election = this.api.createElection("gloucester-2017-zip", "general");

		this.api.importBody(election, TallyApi.read(DETAIL_ZIP), "application/zip", "mode=setup&county=Gloucester")
			.expectStatus()
			.isCreated();

		// <Choice key="1" text="- PHILIP MURPHY" totalVotes="42349">, <Choice ... "- KIM
		// GUADAGNO" totalVotes="32448">
		governor(election).jsonPath("$.candidates[?(@.name == 'PHILIP MURPHY')].votes")
			.isEqualTo(List.of(42349))
			.jsonPath("$.candidates[?(@.name == 'KIM GUADAGNO')].votes")
			.isEqualTo(List.of(32448));
		assertThat(this.jdbc.sql("""
				select c.seats from contest c join election e on e.id = c.election_id
				where e.slug = ? and c.slug = 'general-assembly-3rd-legislative-district'""")
			.param(election)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select written_name from choice where name = 'PHILIP MURPHY'")
			.query(String.class)
			.list()).contains("- PHILIP MURPHY");
		// <Timestamp>11/14/2017 12:31:01 PM EST</Timestamp>
		assertThat(this.jdbc.sql("""
				select r.source_updated_at from revision r join election e on e.id = r.election_id
				where e.slug = ? and r.kind = 'import'""").param(election).query(Instant.class).single())
			.isEqualTo(Instant.parse("2017-11-14T17:31:01Z"));
	}

	@Test
	void detailXmlIsAcceptedUnderEveryContentTypeAStaffToolMightSend() {
		String election = this.api.createElection("gloucester-2017-types", "general");
		byte[] xml = TallyApi.read(DETAIL_XML);

		this.api.importBody(election, xml, "application/xml", "mode=setup&county=Gloucester")
			.expectStatus()
			.isCreated();
		for (String type : List.of("text/xml", "text/csv", "application/octet-stream", "application/json")) {
			this.api.importBody(election, xml, type, "mode=setup&county=Gloucester")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.outcome")
				.isEqualTo("duplicate");
		}
	}

	@Test
	void otherContentTypesAreRefusedNamingTheFormats() {
		String election = this.api.createElection("gloucester-2017-png", "general");

		this.api.importBody(election, TallyApi.read(DETAIL_XML), "image/png", "mode=setup")
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.formats")
			.isEqualTo(List.of("openelections", "clarity-summary", "clarity-detail", "nist-cdf", "ap-json", "rctab"));
	}

	@Test
	void gloucesterSummaryAndDetailStateTheSameTotals() {
		String election = this.api.createElection("gloucester-2017-both", "general");

		this.api.importFile(election, "ingest/clarity-summary-nj-gloucester-2017.csv", "mode=setup&county=Gloucester")
			.expectStatus()
			.isCreated();
		// 1,"Governor (Vote For 1)"," - PHILIP MURPHY","",42349,...,206681,79138,229,229
		governor(election).jsonPath("$.candidates[?(@.name == 'PHILIP MURPHY')].votes").isEqualTo(List.of(42349));
		assertThat(this.jdbc.sql("select seats from contest where slug = 'general-assembly-3rd-legislative-district'")
			.query(Integer.class)
			.list()).containsOnly(2);

		// the same night's detail.xml: the same names, now precinct by precinct
		this.api.importBody(election, TallyApi.read(DETAIL_ZIP), "application/zip", "mode=strict&county=Gloucester")
			.expectStatus()
			.isEqualTo(422);
		this.api.importBody(election, TallyApi.read(DETAIL_ZIP), "application/zip", "mode=setup&county=Gloucester")
			.expectStatus()
			.isCreated();
		governor(election).jsonPath("$.candidates[?(@.name == 'PHILIP MURPHY')].votes").isEqualTo(List.of(42349));
	}

	@Test
	void pennsylvaniaCountyFileImportsWithItsVariants() {
		String election = this.api.createElection("chester-2022", "general");

		this.api.importFile(election, "ingest/20221108__pa__general__chester__precinct-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.warnings[?(@.row == 33)].message")
			.isEqualTo(List.of("votes (367) is not the sum of the vote types (357): the votes column is used"));

		// John Fetterman: Atglen 258, Charlestown 1924, Coatesville 5 367 (its votes
		// column)
		assertThat(this.jdbc.sql("""
				select sum(v.votes) from vote_count v join choice c on c.id = v.choice_id
				join contest k on k.id = v.contest_id join election e on e.id = k.election_id
				where e.slug = ? and c.name = 'John Fetterman' and v.vote_type = 'total'""")
			.param(election)
			.query(Long.class)
			.single()).isEqualTo(258 + 1924 + 367);
		// Registered Voters 838 + 4714 + 1061 for the county-wide contests
		assertThat(this.jdbc.sql("""
				select p.registered_voters from progress p join contest c on c.id = p.contest_id
				join election e on e.id = c.election_id where e.slug = ? and c.slug = 'governor'""")
			.param(election)
			.query(Long.class)
			.single()).isEqualTo(838 + 4714 + 1061);
		assertThat(this.jdbc.sql("select count(*) from contest where office in ('Registered Voters', 'Ballots Cast')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void badDetailFilesAreRefusedWithNothingApplied() {
		String election = this.api.createElection("gloucester-2017-bad", "general");
		byte[] zip = TallyApi.read(DETAIL_ZIP);
		String bomb = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
				<ElectionResult><Contest text="&lol2;"/></ElectionResult>""";
		String negative = """
				<ElectionResult><Contest text="Governor"><Choice text="Ann Lee">
				<VoteType name="Election" votes="1"><Precinct name="Clayton District 1" votes="-1"/></VoteType>
				</Choice></Contest></ElectionResult>""";

		this.api.importBody(election, Arrays.copyOf(zip, zip.length - 200), "application/zip", "mode=setup")
			.expectStatus()
			.isEqualTo(422);
		this.api.importBody(election, bomb.getBytes(), "application/xml", "mode=setup").expectStatus().isEqualTo(422);
		this.api.importBody(election, negative.getBytes(), "text/xml", "mode=setup")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.problems[0].location")
			.isEqualTo("/ElectionResult/Contest[@text='Governor']/Choice[@text='Ann Lee']/VoteType[@name='Election']"
					+ "/Precinct[@name='Clayton District 1']");
		this.api.importBody(election, "<ElectionReport/>".getBytes(), "application/xml", "mode=setup")
			.expectStatus()
			.isEqualTo(422);

		assertThat(this.jdbc.sql("""
				select count(*) from reporting_unit u join election e on e.id = u.election_id where e.slug = ?""")
			.param(election)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Issue 21's bombs over HTTP: a detailxml.zip of a few hundred KB holding one 300 MB
	 * text node, attribute or run of whitespace before the root is a 413/422 problem in
	 * seconds, never a 500 (it was an OutOfMemoryError), and the server reads on after
	 * it.
	 */
	@Test
	void xmlBombsInAZipAreProblemsNeverA500() {
		String election = this.api.createElection("xml-bombs", "general");
		for (String shape : List.of("text", "attribute", "whitespace")) {
			byte[] zip = ParserBombProperties.zip(ParserBombProperties.xml(shape, 300L << 20));
			assertThat(zip.length).as(shape).isLessThan(1 << 20);
			long start = System.nanoTime();
			this.api.importBody(election, zip, "application/zip", "mode=setup")
				.expectStatus()
				.value((status) -> assertThat(status).as(shape).isIn(413, 422))
				.expectHeader()
				.contentTypeCompatibleWith("application/problem+json");
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as(shape)
				.isLessThan(java.time.Duration.ofSeconds(30));
		}
		this.api.importBody(election, TallyApi.read(DETAIL_ZIP), "application/zip", "mode=setup")
			.expectStatus()
			.isCreated();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec governor(String election) {
		return this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/governor")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

}
