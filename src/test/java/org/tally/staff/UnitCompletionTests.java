package org.tally.staff;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff mark a unit complete for a contest's estimate ({@code PUT/DELETE
 * .../contests/{c}/units/{u}/complete}, docs/projection.md): staff only, audited, and the
 * estimator counts the unit as complete.
 */
@TallyIntegrationTest
class UnitCompletionTests {

	private static final String HEADER = "county,office,district,party,candidate,votes,precincts_reporting,precincts_total\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final TallyApi api;

	UnitCompletionTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void staffMarkUnitsCompleteAndTheEstimateCountsThem() {
		String then = this.api.createElection("complete-then", "general");
		csv(then, rows(0, 20, 1));
		String now = this.api.createElection("complete-now", "general");
		// four counties complete by their file; six more counted with precincts still out
		csv(now, rows(0, 4, 1) + rows(4, 10, 0));
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + now + "/contests/mayor/baseline")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"election\":\"" + then + "\",\"contest\":\"mayor\"}")
			.exchange()
			.expectStatus()
			.isOk();
		StaffAccounts accounts = new StaffAccounts(this.port, this.api);
		String staff = accounts.create("complete-desk", "STAFF");
		RestTestClient desk = accounts.basic(staff, StaffAccounts.PASSWORD);

		assertThat(projection(now)).containsEntry("status", "waiting").containsEntry("unitsComplete", 4);

		String path = "/api/v1/elections/" + now + "/contests/mayor/units/" + code(now, "County 4") + "/complete";
		this.api.anonymous().put().uri(path).exchange().expectStatus().isUnauthorized();
		this.api.anonymous().delete().uri(path).exchange().expectStatus().isUnauthorized();
		assertThat(projection(now)).containsEntry("unitsComplete", 4);

		Map<String, Object> answer = desk.put()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(answer).containsEntry("election", now)
			.containsEntry("contest", "mayor")
			.containsEntry("unit", code(now, "County 4"))
			.containsEntry("complete", true)
			.containsKey("revision");
		// marking twice changes nothing more
		desk.put().uri(path).exchange().expectStatus().isOk();
		assertThat(projection(now)).as("five complete of twenty: enough to estimate")
			.containsEntry("status", "estimating")
			.containsEntry("unitsComplete", 5);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'unit-complete' and actor = ? and target like ?")
			.params(staff, "contest " + now + "/mayor%")
			.query(Long.class)
			.single()).isEqualTo(2);

		desk.delete().uri(path).exchange().expectStatus().isOk();
		assertThat(projection(now)).containsEntry("status", "waiting").containsEntry("unitsComplete", 4);
		desk.put()
			.uri("/api/v1/elections/" + now + "/contests/mayor/units/no-such-unit/complete")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private String code(String election, String name) {
		return this.jdbc.sql("""
				select u.code from reporting_unit u join election e on e.id = u.election_id
				where e.slug = ? and u.name = ?""").params(election, name).query(String.class).single();
	}

	private Map<String, Object> projection(String election) {
		return this.api.admin()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/mayor/projection")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/** Counties from..to, each with its one precinct reporting or not. */
	private static String rows(int from, int to, int reporting) {
		StringBuilder rows = new StringBuilder();
		for (int i = from; i < to; i++) {
			long total = 2_000 + 300 * i;
			long ann = total * (40 + i) / 100;
			rows.append("County ")
				.append(i)
				.append(",Mayor,,DEM,Ann,")
				.append(ann)
				.append(",")
				.append(reporting)
				.append(",1\n");
			rows.append("County ")
				.append(i)
				.append(",Mayor,,REP,Bob,")
				.append(total - ann)
				.append(",")
				.append(reporting)
				.append(",1\n");
		}
		return rows.toString();
	}

	private void csv(String election, String rows) {
		this.api.importCsv(election, (HEADER + rows).getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
	}

}
