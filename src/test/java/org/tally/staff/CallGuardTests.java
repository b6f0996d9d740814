package org.tally.staff;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call while the count could still turn needs an override reason, kept with the call
 * and in the audit log; without a known remainder or an estimate there is no guard.
 */
@TallyIntegrationTest
class CallGuardTests {

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	CallGuardTests(TallyApi api) {
		this.api = api;
	}

	/** Ann leads by 10 with 210 of an expected 400 votes still to count. */
	@Test
	void aCallWhileTheRemainderCouldTurnItNeedsAnOverride() {
		String election = election("guard-remainder", "400");

		call(election, "{\"status\":\"called\",\"winners\":[\"Ann\"]}").expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("override").contains("210 votes are still expected"));
		call(election, "{\"status\":\"too-close\"}").expectStatus().isCreated();
		call(election, "{\"status\":\"called\",\"winners\":[\"Ann\"],\"override\":\"Bob's areas have all reported\"}")
			.expectStatus()
			.isCreated();

		assertThat(this.jdbc.sql("""
				select rc.override from race_call rc join contest c on c.id = rc.contest_id
				join election e on e.id = c.election_id where e.slug = ? and rc.status = 'called'""")
			.param(election)
			.query(String.class)
			.single()).isEqualTo("Bob's areas have all reported");
		assertThat(this.jdbc.sql("select detail from audit_event where action = 'call' and target = ?")
			.param("contest " + election + "/mayor")
			.query(String.class)
			.list()).contains("override: Bob's areas have all reported");
	}

	@Test
	void withoutARemainderOrAnEstimateThereIsNoGuard() {
		String election = election("guard-none", "");

		call(election, "{\"status\":\"called\",\"winners\":[\"Ann\"]}").expectStatus().isCreated();

		assertThat(this.jdbc.sql("""
				select count(*) from race_call rc join contest c on c.id = rc.contest_id
				join election e on e.id = c.election_id where e.slug = ? and rc.override is null""")
			.param(election)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String election(String stem, String expected) {
		String election = this.api.createElection(stem, "general");
		String csv = "county,office,district,party,candidate,votes,expected_votes\n" + "Alpha,Mayor,,,Ann,100,"
				+ expected + "\nAlpha,Mayor,,,Bob,90," + expected + "\n";
		this.api.importCsv(election, csv.getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		return election;
	}

	private RestTestClient.ResponseSpec call(String election, String body) {
		return this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/mayor/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
