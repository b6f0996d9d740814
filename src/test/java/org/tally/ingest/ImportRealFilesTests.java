package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cuts of real results files (see {@code src/test/resources/ingest/README.md}) through
 * the HTTP import into PostgreSQL: what real files do arrives intact.
 */
@TallyIntegrationTest
class ImportRealFilesTests {

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	ImportRealFilesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void alamedaCountyTotalRowBesideItsPrecinctsIsNotAddedToThem() {
		String election = this.api.createElection("alameda-2018", "general");
		String file = "ingest/20181106__ca__general__alameda__precinct-cut.csv";
		long precinctVotesForCox = lines(file).stream()
			.filter((line) -> line.contains(",John Cox,") && !line.contains("ALAMEDA CA"))
			.mapToLong((line) -> Long.parseLong(line.substring(line.lastIndexOf(',') + 1).strip()))
			.sum();

		this.api.importFile(election, file, "mode=setup").expectStatus().isCreated();

		assertThat(precinctVotesForCox).isEqualTo(297);
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests/governor")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.candidates[?(@.name == 'John Cox')].votes")
			.isEqualTo(List.of((int) precinctVotesForCox));
		assertThat(units(election)).contains("alameda").doesNotContain("alameda/ALAMEDA CA");
	}

	@Test
	void precinctCodesKeepTheirLeadingZeros() {
		String election = this.api.createElection("fresno-2016", "general");

		this.api.importFile(election, "ingest/20161108__ca__general__fresno__precinct-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		assertThat(units(election)).contains("fresno/0000001");
	}

	@Test
	void escapedQuotesAccentsAndWriteInPartiesArriveIntact() {
		String election = this.api.createElection("ca-2016-2006", "general");

		this.api.importFile(election, "ingest/20161108__ca__general-cut.csv", "mode=setup").expectStatus().isCreated();
		this.api.importFile(election, "ingest/20161108__ca__general__solano__precinct-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		this.api.importFile(election, "ingest/20061107__ca__general__governor-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		List<String> choices = this.jdbc
			.sql("""
					select ch.name || ' | ' || coalesce(ch.party, '') || case when ch.write_in then ' | write-in' else '' end
					from choice ch join contest c on c.id = ch.contest_id
					join election e on e.id = c.election_id where e.slug = ?""")
			.param(election)
			.query(String.class)
			.list();
		assertThat(choices).contains("Bernard \"Bernie\" Sanders | NPP")
			.anySatisfy((choice) -> assertThat(choice).contains("Cendaña"))
			.contains("James Harris | IND | write-in", "Arnold Schwarzenegger | REP");
	}

	@Test
	void claritySummaryIsDetectedFromItsHeader() {
		String election = this.api.createElection("mi-clarity", "general");

		this.api.importFile(election, "ingest/clarity-summary-mi-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("applied")
			.jsonPath("$.rows")
			.isEqualTo(2);
	}

	private List<String> units(String election) {
		return this.jdbc.sql("""
				select u.code from reporting_unit u join election e on e.id = u.election_id where e.slug = ?""")
			.param(election)
			.query(String.class)
			.list();
	}

	private static List<String> lines(String resource) {
		return Arrays.asList(new String(TallyApi.read(resource), StandardCharsets.UTF_8).split("\r?\n"));
	}

}
