package org.tally.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

	/**
	 * AP's winner flags taken with {@code calls=ap}: the mayor's race (Ann leads by 10
	 * with 210 of an expected 400 votes still to count) is called anyway, its record and
	 * the audit log noting that the guard applied; the clerk's race (no expected vote, no
	 * estimate) is called with no note.
	 */
	@Test
	void aCallTakenFromAFileWhileTheGuardAppliesIsNotedNeverRefused() {
		String election = this.api.createElection("guard-ap", "general");
		ap(election, "", "mode=setup");
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + election + "/contests/mayor")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"office\":\"Mayor\",\"expectedVotes\":400}")
			.exchange()
			.expectStatus()
			.isOk();

		ap(election, ",\"winner\":\"X\"", "calls=ap");

		List<String> calls = this.jdbc.sql("""
				select c.slug || ' ' || rc.status || ' ' || rc.note || ' ' || coalesce(rc.override, '-')
				from race_call rc join contest c on c.id = rc.contest_id
				join election e on e.id = c.election_id where e.slug = ? order by c.slug""")
			.param(election)
			.query(String.class)
			.list();
		assertThat(calls).containsExactly("clerk called AP -",
				"mayor called AP taken from the file (calls=ap) while the call guard applies: "
						+ "210 votes are still expected, at least the margin of 10");
		assertThat(this.jdbc.sql("select detail from audit_event where action = 'call' and target = ?")
			.param("contest " + election + "/mayor")
			.query(String.class)
			.list())
			.containsExactly("taken from the file (calls=ap) while the call guard applies: "
					+ "210 votes are still expected, at least the margin of 10");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'call' and target = ?")
			.param("contest " + election + "/clerk")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * An AP file of two races, the mayor's and the clerk's, each with its state row and
	 * the county Alpha: Ann 100, Bob 90, one of four precincts in.
	 */
	private void ap(String election, String winner, String query) {
		String json = "{\"electionDate\":\"2017-06-06\",\"races\":[" + race("1", "Mayor", winner) + ","
				+ race("2", "Clerk", winner) + "]}";
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports?" + query)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private static String race(String id, String office, String winner) {
		return """
				{"test":false,"raceID":"%s","raceType":"General","raceTypeID":"G","officeID":"%s","officeName":"%s",
				 "reportingUnits":[%s,%s]}""".formatted(id, office.substring(0, 1), office,
				unit("\"stateName\":\"California\",\"level\":\"state\"", winner),
				unit("\"reportingunitName\":\"Alpha\",\"level\":\"subunit\"", winner));
	}

	private static String unit(String where, String winner) {
		return """
				{"statePostal":"CA",%s,"precinctsReporting":1,"precinctsTotal":4,
				 "candidates":[{"last":"Ann","candidateID":"1","ballotOrder":1,"voteCount":100%s},
				               {"last":"Bob","candidateID":"2","ballotOrder":2,"voteCount":90}]}""".formatted(where,
				winner);
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
