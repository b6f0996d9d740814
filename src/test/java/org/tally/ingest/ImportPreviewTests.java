package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dryRun=true} answers what an import would do (per contest: old and new totals,
 * decreases, units newly reporting, candidates setup would create) and applies nothing.
 * The file is the real CA-34 certified precinct file, sent in two waves as on election
 * night.
 */
@TallyIntegrationTest
class ImportPreviewTests {

	private static final AtomicInteger ELECTIONS = new AtomicInteger();

	private static final String CERTIFIED = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	@Autowired
	JdbcClient jdbc;

	final TallyApi api;

	String election;

	ImportPreviewTests(TallyApi api) {
		this.api = api;
	}

	@BeforeEach
	void createElection() {
		this.election = this.api.createElection("ca34-preview-" + ELECTIONS.incrementAndGet(), "special-general");
	}

	@Test
	void previewsTheSecondWaveWithOldAndNewTotalsAndNewUnits() {
		List<String> lines = lines();
		byte[] firstWave = join(lines.subList(0, 201));
		long firstWaveVotes = lines.subList(1, 201).stream().mapToLong(ImportPreviewTests::votes).sum();
		this.api.importCsv(this.election, firstWave, "mode=setup").expectStatus().isCreated();
		long[] before = state();

		Map<String, Object> contest = preview(TallyApi.read(CERTIFIED), "dryRun=true&mode=setup");

		assertThat(contest).containsEntry("slug", "us-house-34")
			.containsEntry("oldTotal", (int) firstWaveVotes)
			.containsEntry("newTotal", 43179)
			.containsEntry("decreases", 0)
			.containsEntry("newUnitsReporting", 95)
			.containsEntry("newCandidates", List.of());
		assertThat(state()).containsExactly(before);
	}

	@Test
	void previewsCandidatesThatSetupWouldCreateWithoutCreatingThem() {
		Map<String, Object> contest = preview(TallyApi.read(CERTIFIED), "dryRun=true&mode=setup");

		assertThat(contest).containsEntry("oldTotal", 0)
			.containsEntry("newTotal", 43179)
			.containsEntry("newUnitsReporting", 195)
			.containsEntry("newCandidates", List.of("Jimmy Gomez", "Robert Lee Ahn"));
		assertThat(state()).containsExactly(0, 0, 0, 0, 0);
		assertThat(
				this.jdbc.sql("select count(*) from contest c join election e on e.id = c.election_id where e.slug = ?")
					.param(this.election)
					.query(Long.class)
					.single())
			.isZero();
	}

	@Test
	void previewsDecreasesOfACorrection() {
		this.api.importFile(this.election, CERTIFIED, "mode=setup").expectStatus().isCreated();
		long[] before = state();
		byte[] lower = ("county,precinct,office,district,party,candidate,votes\n"
				+ "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,300\n"
				+ "Los Angeles,0850012A,U.S. House,34,DEM,Jimmy Gomez,150\n")
			.getBytes(StandardCharsets.UTF_8);

		Map<String, Object> contest = preview(lower, "dryRun=true&correction=recount");

		assertThat(contest).containsEntry("oldTotal", 43179)
			.containsEntry("newTotal", 43179 - 9 - 1)
			.containsEntry("decreases", 2)
			.containsEntry("newUnitsReporting", 0);
		assertThat(state()).containsExactly(before);
	}

	@Test
	void recordsThePreviewInTheHistoryWithoutARevision() {
		preview(TallyApi.read(CERTIFIED), "dryRun=true&mode=setup");

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + this.election + "/imports")
			.exchange()
			.expectBody()
			.jsonPath("$[0].outcome")
			.isEqualTo("preview")
			.jsonPath("$[0].dryRun")
			.isEqualTo(true)
			.jsonPath("$[0].revision")
			.isEmpty();
	}

	private Map<String, Object> preview(byte[] file, String query) {
		Map<String, Object> body = this.api.importCsv(this.election, file, query)
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("outcome", "preview").containsEntry("revision", null);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> contests = (List<Map<String, Object>>) body.get("contests");
		assertThat(contests).hasSize(1);
		return contests.get(0);
	}

	/** Revision, revisions, votes, count history rows, choices of the election. */
	private long[] state() {
		return this.jdbc
			.sql("""
					select e.revision, (select count(*) from revision r where r.election_id = e.id),
					       (select coalesce(sum(v.votes), 0) from vote_count v join contest c on c.id = v.contest_id
					        where c.election_id = e.id),
					       (select count(*) from vote_count_change v join contest c on c.id = v.contest_id
					        where c.election_id = e.id),
					       (select count(*) from choice ch join contest c on c.id = ch.contest_id where c.election_id = e.id)
					from election e where e.slug = ?""")
			.param(this.election)
			.query((rs,
					row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) })
			.single();
	}

	private static List<String> lines() {
		return Arrays.asList(new String(TallyApi.read(CERTIFIED), StandardCharsets.UTF_8).split("\r?\n"));
	}

	private static byte[] join(List<String> lines) {
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static long votes(String line) {
		return Long.parseLong(line.substring(line.lastIndexOf(',') + 1).strip());
	}

}
