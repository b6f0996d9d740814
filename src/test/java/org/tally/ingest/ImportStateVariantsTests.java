package org.tally.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Real files from states and vendors other than California's (cuts in
 * {@code src/test/resources/ingest}, provenance in its README), as downloaded and as
 * offices save them (Windows-1252, a BOM, CRLF), through the HTTP import with
 * {@code format=auto} into PostgreSQL: the totals the files state, their progress, and
 * nothing of their pseudo-rows as a candidate.
 */
@TallyIntegrationTest
class ImportStateVariantsTests {

	private static final String BEXAR = "ingest/20221108__tx__general__bexar__precinct-cut.csv";

	private static final String WI = "ingest/20201103__wi__general__ward-cut.csv";

	private static final String GA = "ingest/20200929__ga__special__us__house__5-cut.csv";

	private static final String GLOUCESTER = "ingest/clarity-summary-nj-gloucester-2017.csv";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	ImportStateVariantsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void bexarImportsAsDownloadedAsWindows1252WithOrWithoutItsCharsetAndWithBomAndCrlf() {
		String utf8 = new String(TallyApi.read(BEXAR), StandardCharsets.UTF_8);
		byte[] windows1252 = utf8.getBytes(WINDOWS_1252);
		byte[] bomCrlf = ("\uFEFF" + utf8.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);

		String asDownloaded = importBexar("bexar-utf8", utf8.getBytes(StandardCharsets.UTF_8), "text/csv");
		String detected = importBexar("bexar-1252", windows1252, "text/csv");
		String named = importBexar("bexar-1252-named", windows1252, "text/csv; charset=windows-1252");
		String withBom = importBexar("bexar-bom-crlf", bomCrlf, "text/csv");

		for (String election : List.of(asDownloaded, detected, named, withBom)) {
			assertThat(choices(election)).contains("José Menéndez", "Renée Yanta", "Alfred Molison, Jr.")
				.doesNotContain("Over Votes", "Under Votes");
			assertThat(offices(election)).doesNotContain("Registered Voters", "Ballots Cast", "Ballots Cast - Blank");
			// Greg Abbott: 89 (1001) + 99 (1002); Beto O'Rourke 426 + 181
			assertThat(total(election, "Greg Abbott")).isEqualTo(89 + 99);
			assertThat(total(election, "Beto O'Rourke")).isEqualTo(426 + 181);
			// Registered Voters 934 + 679, Ballots Cast 528 + 287: the county-wide
			// contest's
			assertThat(this.jdbc.sql("""
					select p.registered_voters, p.ballots_cast from progress p join contest c on c.id = p.contest_id
					join election e on e.id = c.election_id where e.slug = ? and c.office = 'Governor'""")
				.param(election)
				.query((rs, n) -> tuple(rs.getLong(1), rs.getLong(2)))
				.list()).containsExactly(tuple(934L + 679L, 528L + 287L));
			assertThat(this.jdbc.sql("""
					select ch.name from choice ch join contest c on c.id = ch.contest_id
					join election e on e.id = c.election_id where e.slug = ? and ch.write_in""")
				.param(election)
				.query(String.class)
				.list()).contains("Write-ins", "Not Assigned");
		}
	}

	@Test
	void theWindows1252GuessIsWarnedAndANamedCharsetIsNot() {
		byte[] windows1252 = new String(TallyApi.read(BEXAR), StandardCharsets.UTF_8).getBytes(WINDOWS_1252);

		this.api
			.importBody(this.api.createElection("bexar-1252-warned", "general"), windows1252, "text/csv",
					"mode=setup&format=auto")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.warnings[?(@.message =~ /not UTF-8.*/)].row")
			.isEqualTo(List.of(25));
		this.api
			.importBody(this.api.createElection("bexar-1252-quiet", "general"), windows1252,
					"text/csv; charset=windows-1252", "mode=setup&format=auto")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.warnings[?(@.message =~ /not UTF-8.*/)]")
			.isEmpty();
	}

	@Test
	void wisconsinWardsImportAsUnitsWithScatteringAsAWriteIn() {
		String election = this.api.createElection("wi-2020-wards", "general");

		this.api.importFile(election, WI, "mode=setup&format=auto").expectStatus().isCreated();

		assertThat(units(election)).contains("adams/Town Of Adams Wards 1-3", "adams/Town Of Big Flats Wards 1-2");
		assertThat(total(election, "Joseph R. Biden & Kamala D. Harris")).isEqualTo(263 + 190);
		assertThat(total(election, "Scattering")).isEqualTo(0 + 2);
		assertThat(this.jdbc.sql("""
				select count(*) from choice ch join contest c on c.id = ch.contest_id
				join election e on e.id = c.election_id where e.slug = ? and ch.write_in""")
			.param(election)
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	@Test
	void georgiaVoteTypeOnlyFileTotalsTheSplit() {
		String election = this.api.createElection("ga-2020-house-5", "general");

		this.api.importFile(election, GA, "mode=setup&format=auto").expectStatus().isCreated();

		// (21+44+9+0) + (11+7+3+0) + (41+10+22+3) + (39+13+3+0)
		assertThat(total(election, "Able Mable Thomas")).isEqualTo(74 + 21 + 76 + 55);
		assertThat(this.jdbc.sql("""
				select sum(v.votes) from vote_count v join choice c on c.id = v.choice_id
				join contest k on k.id = c.contest_id join election e on e.id = k.election_id
				where e.slug = ? and v.vote_type = 'mail'""").param(election).query(Long.class).single())
			.isEqualTo(9 + 3 + 22 + 3);
	}

	@Test
	void gloucesterSummaryWithBomAndCrlfGivesSeatsAndDistrictsReporting() {
		String election = this.api.createElection("gloucester-2017-progress", "general");
		byte[] bomCrlf = ("\uFEFF" + new String(TallyApi.read(GLOUCESTER), StandardCharsets.UTF_8).replace("\r\n", "\n")
			.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);

		this.api.importBody(election, bomCrlf, "text/csv", "mode=setup&format=auto&county=Gloucester")
			.expectStatus()
			.isCreated();

		// 1,"Governor (Vote For 1)"," - PHILIP
		// MURPHY","",42349,55.13,206681,79138,229,229
		assertThat(this.jdbc.sql("""
				select p.precincts_reporting, p.precincts_total, p.registered_voters, p.ballots_cast
				from progress p join contest c on c.id = p.contest_id
				join election e on e.id = c.election_id where e.slug = ? and c.office = 'Governor'""")
			.param(election)
			.query((rs, n) -> tuple(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
			.list()).containsExactly(tuple(229, 229, 206681L, 79138L));
		assertThat(this.jdbc.sql("""
				select c.seats from contest c join election e on e.id = c.election_id
				where e.slug = ? and c.office = 'General Assembly 3rd Legislative District'""")
			.param(election)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(total(election, "PHILIP MURPHY")).isEqualTo(42349);
	}

	@Test
	void nevadaCountyFileWithoutACountyColumnCountsUnderTheNamedCounty() {
		String election = this.api.createElection("nv-2004-churchill", "general");

		this.api
			.importFile(election, "ingest/20041102__nv__general__churchill__precinct-cut.csv",
					"mode=setup&format=auto&county=Churchill")
			.expectStatus()
			.isCreated();

		assertThat(units(election)).contains("churchill/Precinct 01", "churchill/Precinct 02");
		assertThat(total(election, "BUSH, GEORGE W.")).isEqualTo(361 + 264);
		assertThat(this.jdbc.sql("""
				select c.seats from contest c join election e on e.id = c.election_id
				where e.slug = ? and c.office = 'Board of School Trustees'""")
			.param(election)
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

	private String importBexar(String slug, byte[] body, String contentType) {
		String election = this.api.createElection(slug, "general");
		this.api.importBody(election, body, contentType, "mode=setup&format=auto").expectStatus().isCreated();
		return election;
	}

	private long total(String election, String choice) {
		return this.jdbc.sql("""
				select coalesce(sum(v.votes), 0) from vote_count v join choice c on c.id = v.choice_id
				join contest k on k.id = c.contest_id join election e on e.id = k.election_id
				where e.slug = ? and c.name = ? and v.vote_type = 'total'""")
			.param(election)
			.param(choice)
			.query(Long.class)
			.single();
	}

	private List<String> choices(String election) {
		return this.jdbc.sql("""
				select ch.name from choice ch join contest c on c.id = ch.contest_id
				join election e on e.id = c.election_id where e.slug = ?""").param(election).query(String.class).list();
	}

	private List<String> offices(String election) {
		return this.jdbc.sql("select c.office from contest c join election e on e.id = c.election_id where e.slug = ?")
			.param(election)
			.query(String.class)
			.list();
	}

	private List<String> units(String election) {
		return this.jdbc.sql("""
				select u.code from reporting_unit u join election e on e.id = u.election_id where e.slug = ?""")
			.param(election)
			.query(String.class)
			.list();
	}

}
