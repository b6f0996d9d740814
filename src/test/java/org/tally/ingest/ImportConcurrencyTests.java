package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two imports into one election at the same moment serialize: each gets its own revision,
 * revisions only go up, and neither import's counts are lost.
 */
@TallyIntegrationTest
class ImportConcurrencyTests {

	private static final String CERTIFIED = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	private static final String HEADER = "county,precinct,office,district,party,candidate,votes\n";

	private final TallyApi api;

	ImportConcurrencyTests(TallyApi api) {
		this.api = api;
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void simultaneousImportsSerializeWithoutLosingAnUpdate() throws Exception {
		TallyApi api = this.api;
		String election = api.createElection("ca34-two-desks", "special-general");
		api.importFile(election, CERTIFIED, "mode=setup").expectStatus().isCreated();
		int rounds = 8;
		ExecutorService desks = Executors.newFixedThreadPool(2);
		List<Map<String, Object>> answers = new ArrayList<>();
		try {
			for (int round = 1; round <= rounds; round++) {
				// desk A raises Gomez in 0850001A, desk B raises Ahn there: both must
				// stick
				byte[] gomez = csv("Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez," + (309 + round));
				byte[] ahn = csv("Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn," + (28 + round));
				CyclicBarrier together = new CyclicBarrier(2);
				Future<Map<String, Object>> a = desks.submit(() -> post(api, election, gomez, together));
				Future<Map<String, Object>> b = desks.submit(() -> post(api, election, ahn, together));
				answers.add(a.get(60, TimeUnit.SECONDS));
				answers.add(b.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			desks.shutdownNow();
		}

		assertThat(answers).extracting((answer) -> answer.get("outcome")).containsOnly("applied");
		assertThat(answers).extracting((answer) -> ((Number) answer.get("revision")).longValue())
			.doesNotHaveDuplicates()
			.allSatisfy((revision) -> assertThat(revision).isBetween(2L, 1L + 2 * rounds));
		assertThat(this.jdbc.sql("""
				select r.number from revision r join election e on e.id = r.election_id
				where e.slug = ? order by r.received_at, r.number""").param(election).query(Long.class).list())
			.as("revisions strictly increase in the order they were made")
			.isSorted()
			.hasSize(1 + 2 * rounds)
			.doesNotHaveDuplicates();
		assertThat(this.jdbc.sql("""
				select ch.name, v.votes from vote_count v join choice ch on ch.id = v.choice_id
				join reporting_unit u on u.id = v.unit_id join election e on e.id = u.election_id
				where e.slug = ? and u.code = 'los-angeles/0850001A' order by ch.name""")
			.param(election)
			.query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
			.list()).containsExactly("Jimmy Gomez " + (309 + rounds), "Robert Lee Ahn " + (28 + rounds));
		assertThat(this.jdbc.sql("""
				select count(*) from vote_count_change v join reporting_unit u on u.id = v.unit_id
				join election e on e.id = u.election_id where e.slug = ? and u.code = 'los-angeles/0850001A'
				""").param(election).query(Long.class).single()).as("every replaced value kept in the history")
			.isEqualTo(2L * rounds);
	}

	private static Map<String, Object> post(TallyApi api, String election, byte[] file, CyclicBarrier together)
			throws Exception {
		together.await(30, TimeUnit.SECONDS);
		return api.importCsv(election, file, null)
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static byte[] csv(String row) {
		return (HEADER + row + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
