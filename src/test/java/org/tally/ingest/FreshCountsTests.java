package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tally.results.ContestResult;
import org.tally.results.ResultsQueries;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Counts of contests that had none go straight into {@code vote_count} while the file is
 * read (see {@link StagingWriter}); a file that states such a count twice is read again
 * and merged like any other, so identical repeats still pass and conflicts are still
 * named by row. And since vote_count has no row-by-row foreign keys (V3), the database's
 * own triggers must still remove counts with their candidate or unit.
 */
@TallyIntegrationTest
class FreshCountsTests {

	private static final AtomicInteger ELECTIONS = new AtomicInteger();

	private static final String HEADER = "county,precinct,office,district,party,candidate,votes\n";

	private static final String GOMEZ = "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,";

	private static final String AHN = "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,";

	private static final String MAYOR_A = "Los Angeles,0850001A,Mayor,,,Eric Garcetti,";

	private static final String MAYOR_B = "Los Angeles,0850001B,Mayor,,,Eric Garcetti,";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ResultsQueries results;

	final TallyApi api;

	FreshCountsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void repeatsThatAgreeAreOneCountInAFreshElection() {
		String election = election();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "309\n" + AHN + "28\n" + GOMEZ + "309\n"), "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.changedCounts")
			.isEqualTo(2)
			.jsonPath("$.revision")
			.isEqualTo(1)
			.jsonPath("$.contests[0].newTotal")
			.isEqualTo(337)
			.jsonPath("$.contests[0].newUnitsReporting")
			.isEqualTo(1);
		assertThat(counts(election)).containsExactlyInAnyOrder(tuple("Jimmy Gomez", "0850001A", 309L, 1L),
				tuple("Robert Lee Ahn", "0850001A", 28L, 1L));
		assertThat(
				this.jdbc.sql("select count(*) from contest c join election e on e.id = c.election_id where e.slug = ?")
					.param(election)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void aConflictInAFreshElectionIsNamedByRowAndNothingIsCreated() {
		String election = election();
		List<Map<String, Object>> problems = rejected(election,
				HEADER + GOMEZ + "309\n" + AHN + "28\n" + GOMEZ + "390\n");
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p).containsEntry("row", 4).containsEntry("column", "votes").containsEntry("value", "390");
			assertThat((String) p.get("message")).contains("conflicts with row 2");
		});
		assertThat(this.jdbc.sql("""
				select (select count(*) from contest c where c.election_id = e.id)
				     + (select count(*) from reporting_unit u where u.election_id = e.id) + e.revision
				from election e where e.slug = ?""").param(election).query(Long.class).single()).isZero();
	}

	@Test
	void aFileMixingFreshAndCountedContestsTakesBoth() {
		String election = election();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "100\n" + AHN + "20\n"), "mode=setup")
			.expectStatus()
			.isCreated();
		// the mayor's race is fresh: its first row goes straight in, the House row
		// switches
		// to staging, and the mayor's second row follows the staged path to the same end
		this.api
			.importCsv(election, bytes(HEADER + MAYOR_A + "50\n" + GOMEZ + "309\n" + AHN + "28\n" + MAYOR_B + "70\n"),
					"mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.revision")
			.isEqualTo(2)
			.jsonPath("$.changedCounts")
			.isEqualTo(4)
			.jsonPath("$.contests[?(@.slug == 'mayor')].newTotal")
			.isEqualTo(120)
			.jsonPath("$.contests[?(@.slug == 'mayor')].newUnitsReporting")
			.isEqualTo(2)
			.jsonPath("$.contests[?(@.slug == 'us-house-34')].oldTotal")
			.isEqualTo(120)
			.jsonPath("$.contests[?(@.slug == 'us-house-34')].newTotal")
			.isEqualTo(337);
		assertThat(counts(election)).containsExactlyInAnyOrder(tuple("Jimmy Gomez", "0850001A", 309L, 2L),
				tuple("Robert Lee Ahn", "0850001A", 28L, 2L), tuple("Eric Garcetti", "0850001A", 50L, 2L),
				tuple("Eric Garcetti", "0850001B", 70L, 2L));
	}

	@Test
	void aConflictAcrossTheSwitchToStagingIsStillNamed() {
		String election = election();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "100\n"), "mode=setup").expectStatus().isCreated();
		List<Map<String, Object>> problems = rejected(election,
				HEADER + MAYOR_A + "50\n" + GOMEZ + "309\n" + MAYOR_A + "55\n");
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p).containsEntry("row", 4).containsEntry("value", "55");
			assertThat((String) p.get("message")).contains("conflicts with row 2");
		});
		assertThat(counts(election)).containsExactly(tuple("Jimmy Gomez", "0850001A", 100L, 1L));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest/20181106__ca__general__alameda__precinct-cut.csv",
			"ingest/20161108__ca__general-cut.csv", "ingest/20161108__ca__general__san_joaquin__precinct-cut.csv",
			"ingest/20201103__ca__general__county-cut.csv", "ingest/20061107__ca__general__governor-cut.csv",
			"ca34/20170606__ca__special__general__los_angeles__precinct.csv" })
	void totalsSummedWhileReadingEqualTotalsReadBackFromTheCounts(String file) {
		String election = election();
		this.api.importFile(election, file, "mode=setup").expectStatus().isCreated();
		assertThat(snapshotsOf(election)).isNotEmpty().isEqualTo(totalsReadBack(election));
		assertSumsMatchTheCounts();
	}

	@Test
	void theSumsFollowIncreasesCorrectionsAndACountyThatStartsReportingPrecincts() {
		String election = election();
		String county = "Los Angeles,,U.S. House,34,DEM,";
		this.api
			.importCsv(election, bytes(HEADER + county + "Jimmy Gomez,500\n" + county + "Robert Lee Ahn,90\n"),
					"mode=setup")
			.expectStatus()
			.isCreated();
		assertSumsMatchTheCounts();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "309\n" + AHN + "28\n"), "mode=setup")
			.expectStatus()
			.isCreated();
		assertSumsMatchTheCounts();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "300\n" + AHN + "30\n"), "correction=recount")
			.expectStatus()
			.isCreated();
		assertSumsMatchTheCounts();
		// the county's precincts now stand for it: 300 + 30, not its own 590 as well
		assertThat(snapshotsOf(election)).containsEntry("us-house-34 / Jimmy Gomez", 300L)
			.containsEntry("us-house-34 / Robert Lee Ahn", 30L)
			.isEqualTo(totalsReadBack(election));
	}

	@Test
	void theSumsOfEveryVoteTypeFollowLoadsIncreasesCorrectionsPrecinctsAndDeletions() {
		String election = election();
		// Chester County's own rows (a split of election day, early, provisional), then
		// its precincts
		this.api.importFile(election, "ingest/20221108__pa__general__chester__county-totals.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		assertSumsMatchTheCounts();
		String precincts = new String(TallyApi.read("ingest/20221108__pa__general__chester__precinct-cut.csv"),
				StandardCharsets.UTF_8);
		this.api.importCsv(election, bytes(precincts), "mode=setup").expectStatus().isCreated();
		assertSumsMatchTheCounts();
		// Atglen's Houlahan row: more early votes, then a correction down, with mail
		// added
		String atglen = "Chester,Atglen,U.S. House,6,DEM,Chrissy Houlahan,";
		String header = "county,precinct,office,district,party,candidate,votes,election_day,early_voting,provisional";
		this.api.importCsv(election, bytes(header + "\n" + atglen + "279,213,65,1\n"), null).expectStatus().isCreated();
		assertSumsMatchTheCounts();
		this.api.importCsv(election, bytes(header + ",mail\n" + atglen + "260,200,50,0,10\n"), "correction=recount")
			.expectStatus()
			.isCreated();
		assertSumsMatchTheCounts();
		this.jdbc.sql("""
				delete from reporting_unit where code = 'chester/charlestown'
				and election_id = (select id from election where slug = ?)
				""").param(election).update();
		assertSumsMatchTheCounts();
		this.jdbc.sql("""
				delete from choice where name = 'Chrissy Houlahan'
				and contest_id in (select c.id from contest c join election e on e.id = c.election_id where e.slug = ?)
				""").param(election).update();
		assertSumsMatchTheCounts();
		// the same precincts loaded fresh: summed while read, per type
		String fresh = election();
		this.api.importCsv(fresh, bytes(precincts), "mode=setup").expectStatus().isCreated();
		assertThat(snapshotsOf(fresh)).isEqualTo(totalsReadBack(fresh));
		assertSumsMatchTheCounts();
	}

	@Test
	void unitsAFreshLoadCreatesArePlacedByTheDatabaseInBatches() {
		String election = election();
		StringBuilder file = new StringBuilder(
				"county,precinct,office,district,party,candidate,votes,election_day,mail\n");
		// more new precincts than CountSums places at once, in two counties, one with a
		// row of its own
		file.append("Chester,,Mayor,,,A,7,5,2\n");
		for (int i = 0; i < CountSums.BATCH * 2 + 7; i++) {
			String county = (i % 3 == 0) ? "Chester" : "Delaware";
			file.append(county)
				.append(",P")
				.append(i)
				.append(",Mayor,,,A,")
				.append(i % 11 + 1)
				.append(",")
				.append(i % 11)
				.append(",1\n");
			file.append(county)
				.append(",P")
				.append(i)
				.append(",Mayor,,,B,")
				.append(i % 5)
				.append(",")
				.append(i % 5)
				.append(",0\n");
		}
		this.api.importCsv(election, bytes(file.toString()), "mode=setup").expectStatus().isCreated();
		assertThat(snapshotsOf(election)).isEqualTo(totalsReadBack(election));
		assertSumsMatchTheCounts();
	}

	@Test
	void aMixedFileSnapshotsWhatTheCountsAddUpTo() {
		String election = election();
		this.api.importFile(election, "ingest/20181106__ca__general__alameda__precinct-cut.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		// its contests have counts now; the CA-34 file's are fresh, and the switch to
		// staging comes at the first Alameda row
		byte[] alameda = TallyApi.read("ingest/20181106__ca__general__alameda__precinct-cut.csv");
		String bumped = new String(alameda, StandardCharsets.UTF_8).replaceAll(",(\\d+)(\r?\n)", ",1$1$2");
		byte[] ca34 = TallyApi.read("ca34/20170606__ca__special__general__los_angeles__precinct.csv");
		String mixed = new String(ca34, StandardCharsets.UTF_8) + bumped.substring(bumped.indexOf('\n') + 1);
		this.api.importCsv(election, bytes(mixed), "mode=setup").expectStatus().isCreated();
		assertThat(snapshotsOf(election)).isEqualTo(totalsReadBack(election));
		assertSumsMatchTheCounts();
	}

	@Test
	void aRepeatThatAgreesAcrossTheSwitchToStagingIsOneCount() {
		String election = election();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "100\n"), "mode=setup").expectStatus().isCreated();
		this.api
			.importCsv(election, bytes(HEADER + MAYOR_A + "50\n" + GOMEZ + "309\n" + MAYOR_A + "50\n"), "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.changedCounts")
			.isEqualTo(2);
		assertThat(counts(election)).containsExactlyInAnyOrder(tuple("Jimmy Gomez", "0850001A", 309L, 2L),
				tuple("Eric Garcetti", "0850001A", 50L, 2L));
	}

	@Test
	void aResentFileIsADuplicateBeforeItsNamesAreChecked() {
		String election = election();
		byte[] file = bytes(HEADER + GOMEZ + "309\n" + AHN + "28\n");
		this.api.importCsv(election, file, "mode=setup").expectStatus().isCreated();
		this.jdbc.sql("""
				update choice set name = 'Jimmy Gomez Jr.' where name = 'Jimmy Gomez'
				and contest_id in (select c.id from contest c join election e on e.id = c.election_id where e.slug = ?)
				""").param(election).update();
		this.api.importCsv(election, file, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("duplicate")
			.jsonPath("$.revision")
			.isEqualTo(1)
			.jsonPath("$.rows")
			.isEqualTo(2);
	}

	@Test
	void setupModeRefusesAContestNameLongerThanTheSchemaAllows() {
		String election = election();
		String office = "Board of Supervisors " + "x".repeat(279);
		String district = "9".repeat(100);
		List<Map<String, Object>> problems = rejected(election,
				HEADER + "Los Angeles,0850001A," + office + "," + district + ",,Jimmy Gomez,309\n");
		assertThat(problems).singleElement()
			.satisfies((p) -> assertThat((String) p.get("message")).contains("cannot name a contest"));
	}

	@Test
	void setupModeRefusesAContestItCannotName() {
		String election = election();
		List<Map<String, Object>> problems = rejected(election,
				HEADER + "Los Angeles,0850001A,???,,,Jimmy Gomez,309\n");
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p).containsEntry("row", 2).containsEntry("column", "office").containsEntry("value", "???");
			assertThat((String) p.get("message")).contains("cannot name a contest");
		});
	}

	@Test
	void deletingACandidateOrAUnitDeletesItsCountsAndTheirHistory() {
		String election = election();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "100\n" + AHN + "20\n" + MAYOR_B + "7\n"), "mode=setup")
			.expectStatus()
			.isCreated();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "309\n" + AHN + "28\n"), null).expectStatus().isCreated();
		assertThat(this.jdbc.sql("select count(*) from vote_count_change").query(Long.class).single()).isPositive();
		this.jdbc.sql("""
				delete from choice where name = 'Jimmy Gomez'
				and contest_id in (select c.id from contest c join election e on e.id = c.election_id where e.slug = ?)
				""").param(election).update();
		assertThat(counts(election)).extracting((row) -> row.toList().get(0))
			.containsExactlyInAnyOrder("Robert Lee Ahn", "Eric Garcetti");
		this.jdbc.sql("""
				delete from reporting_unit where code = 'los-angeles/0850001B'
				and election_id = (select id from election where slug = ?)
				""").param(election).update();
		assertThat(counts(election)).containsExactly(tuple("Robert Lee Ahn", "0850001A", 28L, 2L));
		assertThat(this.jdbc.sql("""
				select count(*) from vote_count_change h join contest c on c.id = h.contest_id
				join election e on e.id = c.election_id where e.slug = ?""").param(election).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void deletingACountyOrAnElectionTakesEveryCountUnderIt() {
		String election = election();
		String other = election();
		byte[] file = bytes(HEADER + GOMEZ + "100\n" + MAYOR_B + "7\n" + "Orange,0001,Mayor,,,Eric Garcetti,3\n");
		this.api.importCsv(election, file, "mode=setup").expectStatus().isCreated();
		this.api.importCsv(other, file, "mode=setup").expectStatus().isCreated();
		this.jdbc.sql("""
				delete from reporting_unit where code = 'los-angeles'
				and election_id = (select id from election where slug = ?)
				""").param(election).update();
		assertThat(counts(election)).containsExactly(tuple("Eric Garcetti", "0001", 3L, 1L));
		this.jdbc.sql("delete from election where slug = ?").param(election).update();
		assertThat(this.jdbc.sql("""
				select count(*) from vote_count v where not exists (select 1 from contest c where c.id = v.contest_id)
				   or not exists (select 1 from reporting_unit u where u.id = v.unit_id)
				   or not exists (select 1 from choice ch where ch.id = v.choice_id and ch.contest_id = v.contest_id)
				""").query(Long.class).single()).as("counts left without their contest, unit or choice").isZero();
		assertThat(counts(other)).hasSize(3);
		assertSumsMatchTheCounts();
	}

	@Test
	void theIdsCountsReferToCannotChange() {
		String election = election();
		this.api.importCsv(election, bytes(HEADER + GOMEZ + "100\n"), "mode=setup").expectStatus().isCreated();
		assertThatThrownBy(
				() -> this.jdbc.sql("update choice set id = id + 1000000 where name = 'Jimmy Gomez'").update())
			.hasMessageContaining("the id of a choice cannot change");
		assertThatThrownBy(() -> this.jdbc.sql("""
				update reporting_unit set id = id + 1000000 where election_id = (select id from election where slug = ?)
				""").param(election).update()).hasMessageContaining("the id of a reporting_unit cannot change");
	}

	/**
	 * The sums the totals read (count_sum, V4, V15) are those of the counts, every vote
	 * type, summed here again from scratch where each unit's sum_* columns (the one
	 * definition, V15) place it: the imports add to them revision by revision.
	 */
	private void assertSumsMatchTheCounts() {
		String recount = """
				select vc.contest_id, vc.choice_id, u.sum_county_id, u.sum_block, vc.vote_type, sum(vc.votes),
				       bit_or(u.sum_bit)
				from vote_count vc join reporting_unit u on u.id = vc.unit_id
				group by 1, 2, 3, 4, 5""";
		String kept = "select contest_id, choice_id, county_id, block, vote_type, votes, precincts from count_sum";
		assertThat(this.jdbc.sql("select count(*) from ((" + recount + ") except all (" + kept + ")) a")
			.query(Long.class)
			.single()).as("counts missing from the sums").isZero();
		assertThat(this.jdbc.sql("select count(*) from ((" + kept + ") except all (" + recount + ")) a")
			.query(Long.class)
			.single()).as("sums without their counts").isZero();
	}

	/**
	 * The last snapshot of each contest, with its split by type: what the imports
	 * computed as they applied.
	 */
	private Map<String, Object> snapshotsOf(String election) {
		Map<String, Object> snapshots = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select c.slug, ch.name, s.votes from contest_snapshot s join contest c on c.id = s.contest_id
				join choice ch on ch.id = s.choice_id join election e on e.id = c.election_id
				where e.slug = ? and s.revision = (select max(x.revision) from contest_snapshot x
				                                   where x.contest_id = s.contest_id)
				""").param(election).query((rs) -> {
			snapshots.put(rs.getString(1) + " / " + rs.getString(2), rs.getLong(3));
		});
		this.jdbc.sql("""
				select c.slug, ch.name, s.vote_type, s.votes from contest_type_snapshot s
				join contest c on c.id = s.contest_id join choice ch on ch.id = s.choice_id
				join election e on e.id = c.election_id
				where e.slug = ? and s.revision = (select max(x.revision) from contest_snapshot x
				                                   where x.contest_id = s.contest_id)
				""").param(election).query((rs) -> {
			snapshots.put(rs.getString(1) + " / " + rs.getString(2) + " / " + rs.getString(3), rs.getLong(4));
		});
		this.jdbc
			.sql("""
					select c.slug, p.precincts_reporting from contest_progress_snapshot p join contest c on c.id = p.contest_id
					join election e on e.id = c.election_id
					where e.slug = ? and p.revision = (select max(x.revision) from contest_progress_snapshot x
					                                   where x.contest_id = p.contest_id)
					""")
			.param(election)
			.query((rs) -> {
				snapshots.put(rs.getString(1) + " reporting", rs.getObject(2));
			});
		return snapshots;
	}

	/** The same, computed now from vote_count by the queries the feed uses. */
	private Map<String, Object> totalsReadBack(String election) {
		long id = this.jdbc.sql("select id from election where slug = ?").param(election).query(Long.class).single();
		Map<String, Object> totals = new java.util.TreeMap<>();
		for (ContestResult contest : this.results.contests(id, 0)) {
			contest.candidates().forEach((c) -> {
				totals.put(contest.slug() + " / " + c.name(), c.votes());
				c.voteTypes()
					.forEach((type, votes) -> totals.put(contest.slug() + " / " + c.name() + " / " + type, votes));
			});
			totals.put(contest.slug() + " reporting", contest.progress().precinctsReporting());
		}
		return totals;
	}

	private String election() {
		return this.api.createElection("fresh-counts-" + ELECTIONS.incrementAndGet(), "special-general");
	}

	private List<Map<String, Object>> rejected(String election, String file) {
		Map<String, Object> body = this.api.importCsv(election, bytes(file), "mode=setup")
			.expectStatus()
			.isEqualTo(422)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> problems = (List<Map<String, Object>>) body.get("problems");
		return problems;
	}

	private List<org.assertj.core.groups.Tuple> counts(String election) {
		return this.jdbc.sql("""
				select ch.name, u.code, v.votes, v.revision from vote_count v
				join choice ch on ch.id = v.choice_id join reporting_unit u on u.id = v.unit_id
				join contest c on c.id = v.contest_id join election e on e.id = c.election_id
				where e.slug = ?""")
			.param(election)
			.query((rs, row) -> tuple(rs.getString(1), rs.getString(2).substring(rs.getString(2).indexOf('/') + 1),
					rs.getLong(3), rs.getLong(4)))
			.list();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
