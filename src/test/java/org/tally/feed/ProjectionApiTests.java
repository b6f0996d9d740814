package org.tally.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET .../projection}: its shape while waiting, estimating and final, and who may
 * see it under each {@code projections} setting.
 */
@TallyIntegrationTest
class ProjectionApiTests {

	private static final String HEADER = "county,office,district,party,candidate,votes,precincts_reporting,precincts_total\n";

	private static final int COUNTIES = 20;

	private final TallyApi api;

	ProjectionApiTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void withoutABaselineItWaits() {
		String election = this.api.createElection("projection-waiting", "general");
		csv(election, rows(0, 10, 1.0, 0.0));
		projections(election, "public");

		Map<String, Object> projection = get(this.api.anonymous(), election);

		assertThat(projection).containsEntry("status", "waiting")
			.containsEntry("level", 0.9)
			.containsEntry("candidates", List.of())
			// without figures they are left out (the document: not required)
			.doesNotContainKeys("baseline", "totalVotes", "margin");
		assertThat(projection.get("calibration")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("coverage", "replays", "dataset");
	}

	/**
	 * Twenty counties; half report complete with turnout up 10% and a 4-point swing to
	 * Ann: the estimate carries that to the other ten, its range holds the point.
	 */
	@Test
	void halfTheCountiesCompleteGiveAnEstimateWithARange() {
		String election = electionWithBaseline("projection-estimating");
		csv(election, rows(0, 10, 1.1, 0.04));

		Map<String, Object> projection = get(this.api.admin(), election);

		assertThat(projection).containsEntry("status", "estimating")
			.containsEntry("unitsComplete", 10)
			.containsEntry("unitsTotal", COUNTIES)
			.containsEntry("baseline", Map.of("election", election.replace("-now", "-then"), "contest", "mayor"));
		Map<String, Object> total = map(projection.get("totalVotes"));
		long truth = 0;
		for (int i = 0; i < COUNTIES; i++) {
			truth += Math.round(size(i) * 1.1);
		}
		assertThat(((Number) total.get("estimate")).doubleValue()).isBetween(truth * 0.98, truth * 1.02);
		assertThat(((Number) total.get("low")).longValue())
			.isLessThanOrEqualTo(((Number) total.get("estimate")).longValue());
		assertThat(((Number) total.get("high")).longValue())
			.isGreaterThanOrEqualTo(((Number) total.get("estimate")).longValue());
		List<Map<String, Object>> candidates = list(projection.get("candidates"));
		assertThat(candidates).extracting((candidate) -> candidate.get("name")).containsExactly("Ann", "Bob");
		assertThat(map(candidates.get(0).get("votePct"))).containsKeys("estimate", "low", "high");
		assertThat(map(projection.get("margin"))).containsEntry("leader", "Ann").containsKey("votes");
	}

	/**
	 * Mail first: every county's final vote is 40% mail, 15 points better for Ann than
	 * her baseline share, and 60% election day, 10 points worse. Ten counties are
	 * complete; the other ten have counted their mail only. Modelled by vote type (the
	 * baseline has no split: its totals serve every type), Ann's estimate is within 1% of
	 * her final votes; the totals alone would put some 6% too many on her (the rest of
	 * those counties split like the complete counties' totals, though it is all election
	 * day: EstimatorTests compares the two).
	 */
	@Test
	void mailReportedFirstIsEstimatedByVoteType() {
		String election = electionWithBaseline("projection-mail-first");
		StringBuilder rows = new StringBuilder();
		long ann = 0;
		for (int i = 0; i < COUNTIES; i++) {
			double share = 0.35 + 0.3 * ((i * 3) % COUNTIES) / COUNTIES;
			long mail = Math.round(size(i) * 1.1 * 0.4);
			long day = Math.round(size(i) * 1.1 * 0.6);
			long annMail = Math.round(mail * (share + 0.15));
			long annDay = Math.round(day * (share - 0.10));
			ann += annMail + annDay;
			boolean complete = i < 10;
			long countedDay = complete ? day : 0;
			long countedAnnDay = complete ? annDay : 0;
			String progress = complete ? ",1,1\n" : ",0,1\n";
			rows.append("County ").append(i).append(",Mayor,,,Ann,").append(annMail + countedAnnDay).append(',');
			rows.append(countedAnnDay).append(',').append(annMail).append(progress);
			rows.append("County ")
				.append(i)
				.append(",Mayor,,,Bob,")
				.append(mail - annMail + countedDay - countedAnnDay);
			rows.append(',').append(countedDay - countedAnnDay).append(',').append(mail - annMail).append(progress);
		}
		this.api.importCsv(election,
				("county,office,district,party,candidate,votes,election_day,mail,precincts_reporting,precincts_total\n"
						+ rows)
					.getBytes(StandardCharsets.UTF_8),
				"mode=setup")
			.expectStatus()
			.is2xxSuccessful();

		Map<String, Object> projection = get(this.api.admin(), election);

		assertThat(projection).containsEntry("status", "estimating")
			.containsEntry("unitsComplete", 10)
			.containsEntry("unitsTotal", COUNTIES);
		Map<String, Object> annVotes = map(list(projection.get("candidates")).get(0).get("votes"));
		assertThat(((Number) annVotes.get("estimate")).doubleValue()).isBetween(ann * 0.99, ann * 1.01);
		assertThat(((Number) annVotes.get("low")).longValue()).isLessThanOrEqualTo(ann);
		assertThat(((Number) annVotes.get("high")).longValue()).isGreaterThanOrEqualTo(ann);
	}

	@Test
	void everyCountyCompleteIsFinalAndTheRangeIsTheCount() {
		String election = electionWithBaseline("projection-final");
		csv(election, rows(0, COUNTIES, 1.0, 0.0));

		Map<String, Object> projection = get(this.api.admin(), election);

		assertThat(projection).containsEntry("status", "final").containsEntry("unitsComplete", COUNTIES);
		Map<String, Object> total = map(projection.get("totalVotes"));
		assertThat(total.get("low")).isEqualTo(total.get("estimate")).isEqualTo(total.get("high"));
	}

	@Test
	void staffOnlyByDefaultPublicWhenSaidAndNobodyWhenOff() {
		String election = electionWithBaseline("projection-visibility");
		csv(election, rows(0, 10, 1.0, 0.0));
		String path = "/api/v1/elections/" + election + "/contests/mayor/projection";

		this.api.anonymous().get().uri(path).exchange().expectStatus().isNotFound();
		this.api.admin().get().uri(path).exchange().expectStatus().isOk();
		projections(election, "public");
		this.api.anonymous().get().uri(path).exchange().expectStatus().isOk();
		projections(election, "off");
		this.api.anonymous().get().uri(path).exchange().expectStatus().isNotFound();
		this.api.admin().get().uri(path).exchange().expectStatus().isNotFound();
	}

	private String electionWithBaseline(String stem) {
		String then = this.api.createElection(stem + "-then", "general");
		csv(then, rows(0, COUNTIES, 1.0, 0.0));
		String now = this.api.createElection(stem + "-now", "general");
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + now + "/contests/mayor/baseline")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"election\":\"" + then + "\",\"contest\":\"mayor\",\"choices\":{\"Ann\":\"Ann\",\"Bob\":\"Bob\"}}")
			.exchange()
			.expectStatus()
			.isNotFound();
		// the contest exists once its first file (with a county not counted yet) is in
		csv(now, "County 19,Mayor,,,Ann,0,0,1\nCounty 19,Mayor,,,Bob,0,0,1\n");
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + now + "/contests/mayor/baseline")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"election\":\"" + then + "\",\"contest\":\"mayor\",\"choices\":{\"Ann\":\"Ann\",\"Bob\":\"Bob\"}}")
			.exchange()
			.expectStatus()
			.isOk();
		return now;
	}

	private static double size(int county) {
		return 2_000 + 600 * ((county * 7) % COUNTIES);
	}

	/**
	 * Counties from..to complete, turnout times the baseline, Ann's share up by swing.
	 */
	private static String rows(int from, int to, double turnout, double swing) {
		StringBuilder rows = new StringBuilder();
		for (int i = from; i < to; i++) {
			double share = 0.35 + 0.3 * ((i * 3) % COUNTIES) / COUNTIES + swing;
			long total = Math.round(size(i) * turnout);
			long ann = Math.round(total * share);
			rows.append("County ").append(i).append(",Mayor,,,Ann,").append(ann).append(",1,1\n");
			rows.append("County ").append(i).append(",Mayor,,,Bob,").append(total - ann).append(",1,1\n");
		}
		return rows.toString();
	}

	private void csv(String election, String rows) {
		this.api.importCsv(election, (HEADER + rows).getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
	}

	private void projections(String election, String setting) {
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + election + "/projections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"projections\":\"" + setting + "\"}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private Map<String, Object> get(RestTestClient client, String election) {
		return client.get()
			.uri("/api/v1/elections/" + election + "/contests/mayor/projection")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
