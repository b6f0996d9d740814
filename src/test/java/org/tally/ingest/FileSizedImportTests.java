package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.tally.results.RevisionChain;
import org.tally.results.RevisionDigest;
import org.tally.results.RevisionRecord;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An import reads the reporting units of the counties its file names, not the election's
 * (issue 27), and seals its revision from the counts it wrote, not from every count of
 * the election: the counts, the units and the chain must come out as when everything was
 * read. Every digest is checked against the one the stored history gives
 * ({@link RevisionChain#recompute}, the rule of docs/verify.md read from all counts).
 */
@TallyIntegrationTest
class FileSizedImportTests {

	private static final AtomicInteger ELECTIONS = new AtomicInteger();

	private static final String HEADER = "county,precinct,office,district,party,candidate,votes\n";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RevisionChain chain;

	@Autowired
	MeterRegistry meters;

	final TallyApi api;

	FileSizedImportTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void countyFilesOneAfterAnotherKeepTheirUnitsAndSealAsTheWholeHistoryGives() {
		String election = this.api.createElection("file-sized-" + ELECTIONS.incrementAndGet(), "general");
		// Alameda's first file: a statewide contest and a local one, both fresh
		imported(election, HEADER + """
				Alameda,A1,President,,DEM,Hillary Clinton,100
				Alameda,A1,President,,REP,Donald Trump,40
				Alameda,A2,President,,DEM,Hillary Clinton,90
				Alameda,A2,President,,REP,Donald Trump,50
				Alameda,A1,Measure A,,,Yes,70
				Alameda,A1,Measure A,,,No,60
				""", 6);
		// Alpine's first file: the statewide contest has counts now (merged), its local
		// contest is fresh; a county name that reads like a LIKE pattern
		imported(election, HEADER + """
				Alpine,P_1,President,,DEM,Hillary Clinton,7
				Alpine,P_1,President,,REP,Donald Trump,9
				Alpine,P%2,President,,DEM,Hillary Clinton,1
				Alpine,P%2,President,,REP,Donald Trump,2
				Alpine,P_1,Measure B,,,Yes,3
				Alpine,P_1,Measure B,,,No,4
				""", 6);
		// Alameda again: some counts up, one the same, one new precinct, the local
		// contest updated
		imported(election, HEADER + """
				Alameda,A1,President,,DEM,Hillary Clinton,120
				Alameda,A1,President,,REP,Donald Trump,40
				Alameda,A2,President,,DEM,Hillary Clinton,95
				Alameda,A2,President,,REP,Donald Trump,55
				Alameda,A3,President,,DEM,Hillary Clinton,5
				Alameda,A3,President,,REP,Donald Trump,6
				Alameda,A1,Measure A,,,Yes,80
				Alameda,A1,Measure A,,,No,60
				""", 6);
		// Alpine's county unit itself and Alameda's, in one file
		imported(election, HEADER + """
				Alpine,,Measure C,,,Yes,11
				Alpine,,Measure C,,,No,12
				Alameda,,Measure C,,,Yes,13
				Alameda,,Measure C,,,No,14
				""", 4);
		assertThat(this.jdbc.sql("""
				select u.code from reporting_unit u join election e on e.id = u.election_id where e.slug = ? order by 1
				""").param(election).query(String.class).list()).containsExactly("alameda", "alameda/A1", "alameda/A2",
				"alameda/A3", "alpine", "alpine/P%2", "alpine/P_1");
		assertThat(this.jdbc.sql("""
				select u.code, v.votes, v.revision from vote_count v join reporting_unit u on u.id = v.unit_id
				join choice ch on ch.id = v.choice_id join contest c on c.id = v.contest_id
				join election e on e.id = c.election_id
				where e.slug = ? and c.slug = 'president' and ch.name = 'Hillary Clinton' order by 1
				""").param(election).query((rs, row) -> tuple(rs.getString(1), rs.getLong(2), rs.getLong(3))).list())
			.containsExactly(tuple("alameda/A1", 120L, 3L), tuple("alameda/A2", 95L, 3L), tuple("alameda/A3", 5L, 3L),
					tuple("alpine/P%2", 1L, 2L), tuple("alpine/P_1", 7L, 2L));
		assertChainAsTheStoredHistoryGives(election, 4);
	}

	@Test
	void strictModeStillKnowsTheUnitsOfACountyReadOnDemand() {
		String election = this.api.createElection("file-sized-" + ELECTIONS.incrementAndGet(), "general");
		imported(election, HEADER + """
				Alameda,A1,President,,DEM,Hillary Clinton,100
				Alameda,A2,President,,DEM,Hillary Clinton,90
				""", 2);
		this.api.importCsv(election, bytes(HEADER + """
				Alameda,A1,President,,DEM,Hillary Clinton,101
				Alameda,A2,President,,DEM,Hillary Clinton,91
				"""), "").expectStatus().isCreated().expectBody().jsonPath("$.changedCounts").isEqualTo(2);
		Map<String, Object> rejected = this.api.importCsv(election, bytes(HEADER + """
				Alameda,A9,President,,DEM,Hillary Clinton,1
				"""), "")
			.expectStatus()
			.isEqualTo(422)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(rejected.toString()).contains("A9").contains("unknown precinct");
		assertChainAsTheStoredHistoryGives(election, 2);
	}

	@Test
	void aOneContestFileReadsThatContestsNamesNotTheElections() {
		String election = this.api.createElection("file-sized-" + ELECTIONS.incrementAndGet(), "general");
		StringBuilder setup = new StringBuilder(HEADER);
		for (int measure = 1; measure <= 40; measure++) {
			for (String choice : List.of("Yes", "No", "Abstain")) {
				setup.append("Alameda,A1,Measure ").append(measure).append(",,,").append(choice).append(",1\n");
			}
		}
		imported(election, setup.toString(), 120);
		Map<String, Double> before = namesRead();
		this.api.importCsv(election, bytes(HEADER + """
				Alameda,A1,Measure 7,,,Yes,2
				Alameda,A1,Measure 7,,,No,3
				"""), "").expectStatus().isCreated().expectBody().jsonPath("$.changedCounts").isEqualTo(2);
		Map<String, Double> after = namesRead();
		// Measure 7 and its three choices: not the election's 40 contests and 120 choices
		assertThat(after.getOrDefault("contest", 0.0) - before.getOrDefault("contest", 0.0)).isEqualTo(1.0);
		assertThat(after.getOrDefault("choice", 0.0) - before.getOrDefault("choice", 0.0)).isEqualTo(3.0);
		assertThat(after.getOrDefault("source_key", 0.0)).isEqualTo(before.getOrDefault("source_key", 0.0));
		// an unknown contest still gets the closest of all the election's names
		Map<String, Object> rejected = this.api.importCsv(election, bytes(HEADER + """
				Alameda,A1,Measure 40x,,,Yes,2
				"""), "")
			.expectStatus()
			.isEqualTo(422)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(rejected.toString()).contains("unknown contest").contains("did you mean 'Measure 40'");
	}

	/** The rows imports read of elections' names so far, by table. */
	private Map<String, Double> namesRead() {
		Map<String, Double> rows = new HashMap<>();
		this.meters.find(StoredNames.ROWS_READ)
			.counters()
			.forEach((counter) -> rows.put(counter.getId().getTag("table"), counter.count()));
		return rows;
	}

	@Test
	void likePrefixMatchesTheTextItself() {
		assertThat(NameQueries.likePrefix("alpine/")).isEqualTo("alpine/%");
		assertThat(NameQueries.likePrefix("a_b%c\\/")).isEqualTo("a\\_b\\%c\\\\/%");
	}

	private void imported(String election, String csv, int changedCounts) {
		this.api.importCsv(election, bytes(csv), "mode=setup")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.changedCounts")
			.isEqualTo(changedCounts);
	}

	private void assertChainAsTheStoredHistoryGives(String election, int revisions) {
		long id = this.jdbc.sql("select id from election where slug = ?").param(election).query(Long.class).single();
		List<RevisionRecord> sealed = this.chain.revisions(id);
		assertThat(sealed).hasSize(revisions);
		String previous = RevisionDigest.GENESIS;
		for (RevisionRecord revision : sealed) {
			assertThat(revision.previousDigest()).isEqualTo(previous);
			assertThat(revision.digest()).as("revision %d", revision.revision())
				.isEqualTo(this.chain.recompute(id, revision.revision(), previous));
			previous = revision.digest();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
