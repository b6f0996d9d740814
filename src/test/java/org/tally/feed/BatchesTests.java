package org.tally.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every revision that changed a contest is a batch: the history entry says what it added
 * (worked by hand below), the live event the same with the units' number, the contest
 * page the last batches in the reader's language.
 */
@TallyIntegrationTest
class BatchesTests {

	private static final String HEADER = "county,precinct,office,district,party,candidate,votes\n";

	@LocalServerPort
	int port;

	private final TallyApi api;

	BatchesTests(TallyApi api) {
		this.api = api;
	}

	/**
	 * Revision 1: A-1 Ann 30 Bob 10, A-2 Ann 20 Bob 20 (Ann 50, Bob 30). Revision 2: A-2
	 * becomes Ann 25 Bob 26, A-3 comes in with Ann 100 Bob 34 (Ann 155, Bob 70). The
	 * second batch: Ann +5 +100 = +105, Bob +16 +34 = +40, 145 votes; 105/145 = 72.41%
	 * and 40/145 = 27.59%: floored to 724 and 275 tenths, the tenth left goes to the
	 * larger remainder (Bob's 125/145 over Ann's 20/145): 72.4% and 27.6%, from A-2 and
	 * A-3 (codes are county/precinct).
	 */
	@Test
	void historyEntriesCarryWhatEachRevisionAdded() {
		String election = twoRevisions("batches-history");

		List<Map<String, Object>> revisions = revisions(election);

		assertThat(revisions).hasSize(2);
		assertThat(added(revisions.get(0)))
			.isEqualTo(Map.of("totalVotes", 80, "units", List.of("alpha/A-1", "alpha/A-2"), "candidates",
					List.of(votes("Ann", 50, 62.5), votes("Bob", 30, 37.5))));
		assertThat(added(revisions.get(1)))
			.isEqualTo(Map.of("totalVotes", 145, "units", List.of("alpha/A-2", "alpha/A-3"), "candidates",
					List.of(votes("Ann", 105, 72.4), votes("Bob", 40, 27.6))));
	}

	@Test
	void aCorrectionThatTakesVotesAwayHasNoSplit() {
		String election = twoRevisions("batches-correction");
		csv(election, "Alpha,A-3,Mayor,1,,Ann,90\n", "correction=typo");

		Map<String, Object> added = added(revisions(election).get(2));

		assertThat(added.get("totalVotes")).isEqualTo(-10);
		assertThat(added.get("units")).isEqualTo(List.of("alpha/A-3"));
		assertThat(added.get("candidates")).asList().containsExactly(votes("Ann", -10, null), votes("Bob", 0, null));
	}

	@Test
	void theLiveEventCarriesTheBatchWithTheUnitsNumber() throws Exception {
		String election = twoRevisions("batches-event");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/elections/" + election + "/events"))
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", "1")
			.build();
		HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofLines());
		try (EventsAcrossInstancesTests.Stream stream = new EventsAcrossInstancesTests.Stream(response.body())) {
			String data = stream.nextEvent().data();

			assertThat(data).contains("\"revision\":2")
				.contains("\"added\":{\"mayor-1\":{\"totalVotes\":145,\"candidates\":[{\"name\":\"Ann\",\"votes\":105,"
						+ "\"votePct\":72.4},{\"name\":\"Bob\",\"votes\":40,\"votePct\":27.6}],\"unitsTouched\":2}}")
				.doesNotContain("\"units\"");
		}
	}

	@Test
	void theContestPageShowsTheLastBatchesInEnglishAndSpanish() {
		String election = twoRevisions("batches-page");
		String path = "/elections/" + election + "/contests/mayor-1";

		String english = text(this.api.page(path));
		String spanish = text(this.api.page(path + "?lang=es"));

		assertThat(english).contains("Latest batches of votes")
			.contains("+145 votes: Ann 72.4%, Bob 27.6%, from 2 precincts")
			.contains("+80 votes: Ann 62.5%, Bob 37.5%, from 2 precincts");
		assertThat(english.indexOf("+145 votes")).as("newest first").isLessThan(english.indexOf("+80 votes"));
		assertThat(spanish).contains("Últimos lotes de votos")
			.contains("+145 votos: Ann 72.4 %, Bob 27.6 %, de 2 distritos electorales");
	}

	private String twoRevisions(String slug) {
		String election = this.api.createElection(slug, "general");
		csv(election, """
				Alpha,A-1,Mayor,1,,Ann,30
				Alpha,A-1,Mayor,1,,Bob,10
				Alpha,A-2,Mayor,1,,Ann,20
				Alpha,A-2,Mayor,1,,Bob,20
				""", "mode=setup");
		csv(election, """
				Alpha,A-2,Mayor,1,,Ann,25
				Alpha,A-2,Mayor,1,,Bob,26
				Alpha,A-3,Mayor,1,,Ann,100
				Alpha,A-3,Mayor,1,,Bob,34
				""", "mode=setup");
		return election;
	}

	private void csv(String election, String rows, String query) {
		this.api.importCsv(election, (HEADER + rows).getBytes(StandardCharsets.UTF_8), query)
			.expectStatus()
			.is2xxSuccessful();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> revisions(String election) {
		return (List<Map<String, Object>>) this.api.json("/api/v1/elections/" + election + "/contests/mayor-1/history")
			.get("revisions");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> added(Map<String, Object> revision) {
		Map<String, Object> added = new java.util.HashMap<>((Map<String, Object>) revision.get("added"));
		added.remove("unitLevel");
		return added;
	}

	private static Map<String, Object> votes(String name, int votes, Double pct) {
		Map<String, Object> map = new java.util.HashMap<>();
		map.put("name", name);
		map.put("votes", votes);
		map.put("votePct", pct);
		return map;
	}

	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ")
			.replace("\u00a0", " ")
			.replaceAll("\\s+", " ")
			.replace("&#43;", "+")
			.strip();
	}

}
