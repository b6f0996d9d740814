package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP into PostgreSQL: NIST's whole err-gen-01.json (usnistgov/cdf-test-method)
 * keeps its {@code @id}s as the keys of its contests, choices and units (a later report
 * that renames a contest updates the same one, with a warning naming the row), its county
 * rows reconciled against their units, and its {@code OtherCounts} as the contests' other
 * counts in the feed (docs/import.md, Identity by key, Reconciliation, Other counts).
 */
@TallyIntegrationTest
class SourceKeysAndOtherCountsTests {

	private static final String ASSEMBLY = "state-assembly-district-2";

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	SourceKeysAndOtherCountsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void nistIdsAreKeptAndALaterReportIsReadByThemAndItsOtherCountsAreShown() {
		String election = election("nist-keys");
		byte[] report = RecordingSink.json("nist-err-gen-01.json");

		Map<String, Object> first = post(election, report, 201);
		@SuppressWarnings("unchecked")
		Map<String, Object> reconciliation = (Map<String, Object>) first.get("reconciliation");
		// each selection's ru-county-1 row beside its units: all agree
		assertThat(((Number) reconciliation.get("checked")).intValue()).isGreaterThan(30);
		assertThat(reconciliation.get("agreed")).isEqualTo(reconciliation.get("checked"));
		Long keys = this.jdbc.sql("""
				select count(*) from source_key k join election e on e.id = k.election_id
				where e.slug = ? and k.kind = 'contest'""").param(election).query(Long.class).single();
		// 18 counted contests (the straight-party one is left out)
		assertThat(keys).isEqualTo(18);
		// State Assembly - District 2: Undervotes 3 in each split precinct (its county's
		// 6 is their sum, not counted again)
		Map<String, Object> assembly = this.api.json("/api/v1/elections/" + election + "/contests/" + ASSEMBLY);
		assertThat(assembly.get("otherCounts")).isEqualTo(Map.of("overvotes", 0, "undervotes", 6));
		assertThat(this.api
			.json("/api/v1/elections/" + election + "/contests/" + "president-and-vice-president-"
					+ "of-the-united-states")
			.get("otherCounts")).isEqualTo(Map.of("overvotes", 0, "undervotes", 0));

		// the issuer later names the contest otherwise (no count changes: 200): the @id
		// decides, where the name would have made a new contest
		String later = new String(report, StandardCharsets.UTF_8).replace("\"State Assembly - District 2\"",
				"\"Assembly Member - District 2\"");
		assertThat(later).isNotEqualTo(new String(report, StandardCharsets.UTF_8));
		Map<String, Object> second = post(election, later.getBytes(StandardCharsets.UTF_8), 200);
		assertThat(warnings(second)).anySatisfy((warning) -> {
			assertThat(warning.get("value")).isEqualTo("cc-assembly-2");
			assertThat((String) warning.get("message")).contains(
					"contest key cc-assembly-2 was 'State Assembly - District 2' in an earlier file",
					"'Assembly Member - District 2' in this one");
			assertThat((String) warning.get("location")).startsWith("/Election/0/Contest/");
			assertThat(((Number) warning.get("row")).intValue()).isPositive();
		});
		List<Object> slugs = this.api.jsonList("/api/v1/elections/" + election + "/contests")
			.stream()
			.map((contest) -> contest.get("slug"))
			.toList();
		assertThat(slugs).contains(ASSEMBLY).doesNotContain("assembly-member-district-2").hasSize(18);
		String label = this.jdbc.sql("""
				select k.label from source_key k join election e on e.id = k.election_id
				where e.slug = ? and k.key = 'cc-assembly-2'""").param(election).query(String.class).single();
		assertThat(label).isEqualTo("Assembly Member - District 2");
	}

	@Test
	void anRctabReportsRoundsAreReconciledAndItsOverAndUndervotesShown() {
		String election = election("rctab-evidence");
		byte[] report = read("/rctab/2013_minneapolis_mayor_expected_detailed_report.json");

		Map<String, Object> result = post(election, report, 201);

		@SuppressWarnings("unchecked")
		Map<String, Object> reconciliation = (Map<String, Object>) result.get("reconciliation");
		assertThat(reconciliation).containsEntry("checked", 33).containsEntry("agreed", 33);
		List<Map<String, Object>> contests = this.api.jsonList("/api/v1/elections/" + election + "/contests");
		assertThat(contests).singleElement()
			.satisfies((contest) -> assertThat(contest.get("otherCounts"))
				.isEqualTo(Map.of("overvotes", 140, "undervotes", 639)));
		// kept with the import in its history
		List<Map<String, Object>> history = this.api.admin()
			.get()
			.uri("/api/v1/elections/" + election + "/imports")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(history).singleElement()
			.satisfies((entry) -> assertThat(((Map<?, ?>) entry.get("reconciliation")).get("checked")).isEqualTo(33));
		// and in both NIST reports, at the jurisdiction
		Map<String, Object> cdf = this.api.json("/api/v1/elections/" + election + "/cdf.json");
		@SuppressWarnings("unchecked")
		Map<String, Object> contest = ((List<Map<String, Object>>) ((List<Map<String, Object>>) cdf.get("Election"))
			.get(0)
			.get("Contest")).get(0);
		assertThat(contest.get("OtherCounts")).isEqualTo(List.of(Map.of("@type", "ElectionResults.OtherCounts",
				"GpUnitId", "gpu-jurisdiction", "Overvotes", 140, "Undervotes", 639)));
		assertThat(this.api.text("/api/v1/elections/" + election + "/cdf.xml")).contains("<Overvotes>140</Overvotes>",
				"<Undervotes>639</Undervotes>");
	}

	private String election(String slug) {
		this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"%s","name":"Test %s","date":"2024-11-05","kind":"general","jurisdiction":"Test County","test":false}
					"""
				.formatted(slug, slug))
			.exchange()
			.expectStatus()
			.isCreated();
		return slug;
	}

	private Map<String, Object> post(String election, byte[] body, int status) {
		return this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports?mode=setup")
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static byte[] read(String name) {
		try (java.io.InputStream in = SourceKeysAndOtherCountsTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> warnings(Map<String, Object> result) {
		return (List<Map<String, Object>>) result.get("warnings");
	}

}
