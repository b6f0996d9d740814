package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History is never overwritten: the counts of every revision read back, although a first
 * value is written once and only replaced values go to the history table.
 */
@TallyIntegrationTest
class CountHistoryTests {

	private static final String HEADER = "county,office,district,party,candidate,votes\n";

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	CountHistoryTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void everyRevisionsCountsReadBack() {
		String election = this.api.createElection("history-read-back", "special-general");
		post(election, "Jimmy Gomez,19761\nLos Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108", "mode=setup");
		post(election, "Jimmy Gomez,25569\nLos Angeles,U.S. House,34,DEM,Robert Lee Ahn,17610", null);
		post(election, "Jimmy Gomez,25570", "correction=typo%20in%20canvass");

		assertThat(countsAt(election, 0)).isEmpty();
		assertThat(countsAt(election, 1)).containsExactly("Jimmy Gomez 19761 @1", "Robert Lee Ahn 13108 @1");
		assertThat(countsAt(election, 2)).containsExactly("Jimmy Gomez 25569 @2", "Robert Lee Ahn 17610 @2");
		assertThat(countsAt(election, 3)).containsExactly("Jimmy Gomez 25570 @3", "Robert Lee Ahn 17610 @2");
		assertThat(this.jdbc.sql("""
				select count(*) from vote_count_change h join contest c on c.id = h.contest_id
				join election e on e.id = c.election_id where e.slug = ?""").param(election).query(Long.class).single())
			.as("only replaced values are kept apart")
			.isEqualTo(3);
	}

	private void post(String election, String rows, String query) {
		byte[] csv = (HEADER + "Los Angeles,U.S. House,34,DEM," + rows + "\n").getBytes(StandardCharsets.UTF_8);
		this.api.importCsv(election, csv, query).expectStatus().isCreated();
	}

	private List<String> countsAt(String election, long revision) {
		return this.jdbc.sql("""
				select ch.name, v.votes, v.revision
				from vote_counts_at((select id from election where slug = :election), :revision) v
				join choice ch on ch.id = v.choice_id
				where v.vote_type = 'total' order by ch.name""")
			.param("election", election)
			.param("revision", revision)
			.query((rs, row) -> rs.getString(1) + " " + rs.getLong(2) + " @" + rs.getLong(3))
			.list();
	}

}
