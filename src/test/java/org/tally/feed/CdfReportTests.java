package org.tally.feed;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NIST SP 1500-100 v2 export validates against NIST's own JSON schema (a copy in
 * src/test/resources/nist) and carries the CA-34 numbers.
 */
@TallyIntegrationTest
class CdfReportTests {

	static Schema schema;

	final TallyApi api;

	CdfReportTests(TallyApi api) {
		this.api = api;
	}

	@BeforeAll
	static void loadSchema() throws Exception {
		try (InputStream in = new ClassPathResource("nist/NIST_V2_election_results_reporting.json").getInputStream()) {
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
		}
	}

	@Test
	void schemaRejectsAReportMissingItsRequiredFields() {
		assertThat(schema.validate("{\"@type\":\"ElectionResults.ElectionReport\"}", InputFormat.JSON)).isNotEmpty();
	}

	@Test
	void calledCertifiedElectionValidatesAgainstTheNistSchema() {
		String election = this.api.createElection("cdf-certified", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"],\"advancing\":[],\"note\":\"\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();

		String report = Eventually.get(() -> {
			String answer = report(election);
			assertThat(answer).contains("\"PostElectionStatus\":\"winner\"");
			return answer;
		});

		List<Error> errors = schema.validate(report, InputFormat.JSON);
		assertThat(errors).isEmpty();
		assertThat(report).contains("\"Type\":\"special\"")
			.contains("\"Count\":25569")
			.contains("\"Count\":17610")
			.contains("\"GpUnitId\":\"gpu-los-angeles\"")
			.contains("\"IsTest\":false");
	}

	@Test
	void primaryWithTwentyThreeCandidatesValidates() {
		String election = this.api.createElection("cdf-primary", "special-primary");
		this.api.importFile(election, "ca34/20170404__ca__special__primary__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		assertThat(schema.validate(report(election), InputFormat.JSON)).isEmpty();
	}

	private String report(String election) {
		return new String(this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/cdf.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
	}

}
