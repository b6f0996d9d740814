package org.tally.ingest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.results.VoteType;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allegheny County PA's 2023 general detail.xml holds two distinct contests (keys 0381
 * and 0382) with the one text "Member of Council Sharpsburg (2 Year Term)", each with a
 * "Write-in" choice. Imported over HTTP as downloaded (cut to the two contests): two
 * contests, every total the file states reconciled (docs/import.md, Identity by key).
 */
@TallyIntegrationTest
class ClarityKeyIdentityTests {

	private static final String ALLEGHENY = ClarityDetailReconciliation.ALLEGHENY;

	private static final String FIRST = "member-of-council-sharpsburg-2-year-term";

	private static final String SECOND = "member-of-council-sharpsburg-2-year-term-0382";

	private final TallyApi api;

	ClarityKeyIdentityTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void twoContestsSharingALabelStayTwoContestsAndEveryStatedTotalIsReconciled() {
		String election = this.api.createElection("allegheny-2023", "general");

		Map<String, Object> result = importXml(election, TallyApi.read(ALLEGHENY), 201);

		assertThat(warnings(result)).anySatisfy((warning) -> {
			assertThat(warning.get("value")).isEqualTo("0382");
			assertThat((String) warning.get("message")).contains("contest key 0382", "contest key 0381");
		});
		// <Choice key="003" text="Write-in" totalVotes="6"> in 0381, <Choice key="002"
		// text="Write-in" totalVotes="34"> in 0382
		assertThat(votes(election, FIRST)).containsEntry("Corey Egwrube Ochai", 489)
			.containsEntry("Diana Lynn Oliver", 234)
			.containsEntry("Write-in", 6)
			.hasSize(3);
		assertThat(votes(election, SECOND)).containsEntry("Adrianne Laing", 589)
			.containsEntry("Write-in", 34)
			.hasSize(2);
		@SuppressWarnings("unchecked")
		Map<String, Object> reconciliation = (Map<String, Object>) result.get("reconciliation");
		// per choice its totalVotes and each vote type's votes: 5 choices x (1 + 3); the
		// turnout section's registered voters and ballots cast
		assertThat(reconciliation).containsEntry("checked", 22).containsEntry("agreed", 22);
		assertThat((List<?>) reconciliation.get("disagreements")).isEmpty();
	}

	@Test
	void reimportingTheSameSourceUpdatesTheSameContestsAndADisagreeingTotalIsReportedNotPublished() {
		String election = this.api.createElection("allegheny-2023-again", "general");
		importXml(election, TallyApi.read(ALLEGHENY), 201);

		// the same site later: one more Election Day vote for Adrianne Laing in Dist 1,
		// her totalVotes left as it was
		byte[] later = ClarityDetailReconciliation.oneMoreVoteForLaing(TallyApi.read(ALLEGHENY));
		Map<String, Object> result = importXml(election, later, 201);

		List<Map<String, Object>> contests = this.api.jsonList("/api/v1/elections/" + election + "/contests");
		assertThat(contests).extracting((contest) -> contest.get("slug")).containsExactlyInAnyOrder(FIRST, SECOND);
		// published: the units' counts (590); stated: totalVotes (589) and the Election
		// Day VoteType's votes, both reported
		assertThat(votes(election, SECOND)).containsEntry("Adrianne Laing", 590);
		@SuppressWarnings("unchecked")
		Map<String, Object> reconciliation = (Map<String, Object>) result.get("reconciliation");
		assertThat(reconciliation).containsEntry("checked", 22).containsEntry("agreed", 20);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> disagreements = (List<Map<String, Object>>) reconciliation.get("disagreements");
		assertThat(disagreements).allSatisfy((disagreement) -> {
			assertThat(disagreement.get("contest")).isEqualTo("Member of Council Sharpsburg (2 Year Term) [key 0382]");
			assertThat(disagreement.get("choice")).isEqualTo("Adrianne Laing");
			assertThat(disagreement.get("unit")).isEqualTo("Allegheny");
			assertThat(((Number) disagreement.get("computed")).longValue())
				.isEqualTo(((Number) disagreement.get("stated")).longValue() + 1);
			assertThat((String) disagreement.get("location")).startsWith("/ElectionResult/Contest[@key='0382']");
		}).extracting((disagreement) -> disagreement.get("voteType")).containsExactly("Election Day", "total");
		// the history keeps what each applied file stated and whether it agreed
		List<Map<String, Object>> history = this.api.admin()
			.get()
			.uri("/api/v1/elections/" + election + "/imports")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		List<Object> agreed = history.stream()
			.map((entry) -> (Object) ((Map<?, ?>) entry.get("reconciliation")).get("agreed"))
			.toList();
		assertThat(agreed).containsExactly(20, 22);
	}

	@Test
	void aLaterFileOfTheSameSiteFindsEachContestByItsKeyWhateverItsOrderOrText() {
		String election = this.api.createElection("allegheny-2023-keys", "general");
		importXml(election, TallyApi.read(ALLEGHENY), 201);

		// 0382 first: by text alone it would take the plain text and land in 0381's
		// contest
		Map<String, Object> swapped = importXml(election,
				ClarityDetailReconciliation.contestsSwapped(TallyApi.read(ALLEGHENY)), 200);
		assertThat(slugs(election)).containsExactlyInAnyOrder(FIRST, SECOND);
		assertThat(votes(election, FIRST)).containsOnlyKeys("Corey Egwrube Ochai", "Diana Lynn Oliver", "Write-in")
			.containsEntry("Write-in", 6);
		assertThat(votes(election, SECOND)).containsOnlyKeys("Adrianne Laing", "Write-in")
			.containsEntry("Write-in", 34);
		assertThat(warnings(swapped))
			.noneSatisfy((warning) -> assertThat((String) warning.get("message")).contains("in an earlier file"));

		// the site later writes 0382's text otherwise: the same contest (no count
		// changes: 200), and a warning naming the row
		Map<String, Object> renamed = importXml(election,
				ClarityDetailReconciliation.secondContestRenamed(TallyApi.read(ALLEGHENY)), 200);
		assertThat(slugs(election)).containsExactlyInAnyOrder(FIRST, SECOND);
		assertThat(votes(election, SECOND)).containsOnlyKeys("Adrianne Laing", "Write-in");
		assertThat(warnings(renamed)).anySatisfy((warning) -> {
			assertThat(warning.get("value")).isEqualTo("0382");
			assertThat(((Number) warning.get("row")).intValue()).isEqualTo(74);
			assertThat((String) warning.get("message")).contains(
					"contest key 0382 was 'Member of Council Sharpsburg (2 Year Term)' in an earlier file",
					"is 'Member of Council Sharpsburg (2-Year Term)' in this one");
			assertThat((String) warning.get("location")).startsWith("/ElectionResult/Contest[@key='0382']");
		});
	}

	@Test
	void aNewKeyWithTheTextOfAnEarlierKeysContestIsAContestOfItsOwn() {
		String election = this.api.createElection("allegheny-2023-new-key", "general");
		byte[] file = TallyApi.read(ALLEGHENY);
		String xml = new String(file, java.nio.charset.StandardCharsets.UTF_8);
		// the first file holds 0381 alone, the second 0382 alone: one text, two keys
		int second = xml.indexOf("    <Contest key=\"0382\"");
		int end = xml.indexOf("</ElectionResult>");
		int first = xml.indexOf("    <Contest key=\"0381\"");
		importXml(election, (xml.substring(0, second) + xml.substring(end)).getBytes(), 201);
		Map<String, Object> later = importXml(election, (xml.substring(0, first) + xml.substring(second)).getBytes(),
				201);

		assertThat(slugs(election)).containsExactlyInAnyOrder(FIRST, SECOND);
		assertThat(votes(election, FIRST)).containsOnlyKeys("Corey Egwrube Ochai", "Diana Lynn Oliver", "Write-in");
		assertThat(votes(election, SECOND)).containsEntry("Adrianne Laing", 589).containsEntry("Write-in", 34);
		assertThat(warnings(later)).anySatisfy((warning) -> assertThat((String) warning.get("message"))
			.contains("contest key 0382 has the name of contest key 0381"));
	}

	@Test
	void aNewChoiceKeyWithTheNameOfAnEarlierKeysChoiceIsAChoiceOfItsOwn() {
		String election = this.api.createElection("allegheny-2023-new-choice-key", "general");
		String xml = new String(TallyApi.read(ALLEGHENY), java.nio.charset.StandardCharsets.UTF_8);
		importXml(election, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), 201);
		// the site later lists a choice key 004 named like 0381's choice 002 (another
		// candidate of the same name): the key decides
		String renumbered = xml.replace("<Choice key=\"002\" text=\"Diana Lynn Oliver\"",
				"<Choice key=\"004\" text=\"Diana Lynn Oliver\"");
		assertThat(renumbered).isNotEqualTo(xml);
		Map<String, Object> later = importXml(election, renumbered.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				201);

		assertThat(votes(election, FIRST)).containsEntry("Diana Lynn Oliver", 234)
			.containsEntry("Diana Lynn Oliver (004)", 234)
			.containsEntry("Corey Egwrube Ochai", 489)
			.hasSize(4);
		assertThat(warnings(later)).anySatisfy((warning) -> {
			assertThat(warning.get("value")).isEqualTo("0381/004");
			assertThat((String) warning.get("message")).contains("choice key 0381/004",
					"the name of choice key 0381/002 ('Diana Lynn Oliver')", "read as 'Diana Lynn Oliver (004)'");
		});
		// the same file again: its key now finds its own choice, with no new warning
		Map<String, Object> again = importXml(election,
				(renumbered + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), 200);
		assertThat(warnings(again)).noneSatisfy(
				(warning) -> assertThat((String) warning.get("message")).contains("has the name of choice key"));
		assertThat(votes(election, FIRST)).hasSize(4);
	}

	private List<Object> slugs(String election) {
		List<Map<String, Object>> contests = this.api.jsonList("/api/v1/elections/" + election + "/contests");
		return contests.stream().map((contest) -> contest.get("slug")).toList();
	}

	private Map<String, Object> importXml(String election, byte[] xml, int status) {
		return this.api.importBody(election, xml, "application/xml", "mode=setup&county=Allegheny")
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Integer> votes(String election, String contest) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> candidates = (List<Map<String, Object>>) this.api
			.json("/api/v1/elections/" + election + "/contests/" + contest)
			.get("candidates");
		Map<String, Integer> votes = new java.util.HashMap<>();
		candidates.forEach(
				(candidate) -> votes.put((String) candidate.get("name"), ((Number) candidate.get("votes")).intValue()));
		return votes;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> warnings(Map<String, Object> result) {
		return (List<Map<String, Object>>) result.get("warnings");
	}

}
