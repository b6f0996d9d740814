package org.tally.feed;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NIST SP 1500-100 v2 export validates against both of NIST's JSON schemas (copies in
 * src/test/resources/nist: the ElectionResultsReporting repository's draft-04 schema and
 * the cdf-test-method catalog's draft-07 one), carries the CA-34 numbers, and gives the
 * counts by vote type of real files (Pennsylvania CSV, Clarity detail.xml) per precinct
 * or county as the files state them, read here on their own.
 */
@TallyIntegrationTest
class CdfReportTests {

	static List<Schema> schemas;

	final TallyApi api;

	CdfReportTests(TallyApi api) {
		this.api = api;
	}

	@BeforeAll
	static void loadSchemas() throws Exception {
		schemas = List.of(schema("nist/NIST_V2_election_results_reporting.json", SpecificationVersion.DRAFT_4),
				schema("nist/NIST_V2_election_results_reporting.cdf-test-method.json", SpecificationVersion.DRAFT_7));
	}

	private static Schema schema(String resource, SpecificationVersion version) throws Exception {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return SchemaRegistry.withDefaultDialect(version).getSchema(in);
		}
	}

	static void assertValid(String report) {
		for (Schema schema : schemas) {
			List<Error> errors = schema.validate(report, InputFormat.JSON);
			assertThat(errors).isEmpty();
		}
	}

	@Test
	void schemasRejectAReportMissingItsRequiredFields() {
		assertThat(schemas).hasSize(2)
			.allSatisfy((schema) -> assertThat(
					schema.validate("{\"@type\":\"ElectionResults.ElectionReport\"}", InputFormat.JSON))
				.isNotEmpty());
	}

	@Test
	void calledCertifiedElectionValidatesAgainstTheNistSchema() {
		String election = this.api.createElection("cdf-certified", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"],\"advancing\":[],\"note\":\"\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();

		String report = Eventually.get(() -> {
			String answer = report(election);
			assertThat(answer).contains("\"PostElectionStatus\":\"winner\"");
			return answer;
		});

		assertValid(report);
		assertThat(report).contains("\"Type\":\"special\"")
			.contains("\"Count\":25569")
			.contains("\"Count\":17610")
			.contains("\"GpUnitId\":\"gpu-los-angeles\"")
			.contains("\"IsTest\":false");
	}

	@Test
	void primaryWithTwentyThreeCandidatesValidates() {
		String election = this.api.createElection("cdf-primary", "special-primary");
		this.api.importFile(election, "ca34/20170404__ca__special__primary__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		assertValid(report(election));
	}

	@Test
	void pennsylvaniaPrecinctsCarryTheirCountsByVoteType() {
		String election = this.api.createElection("cdf-pa", "general");
		byte[] source = TallyApi.read(ExportRoundTripTests.PA);
		this.api.importCsv(election, source, "mode=setup").expectStatus().isCreated();

		String report = report(election);
		assertValid(report);
		Map<String, Long> counts = counts(report);
		Map<String, String> types = Map.of("votes", "total", "election_day", "election-day", "early_voting", "early",
				"provisional", "provisional");
		int checked = 0;
		// the county (made of these precincts) and the jurisdiction: the file's rows
		// summed
		Map<String, Long> summed = new HashMap<>();
		for (Map<String, String> row : ExportRoundTripTests.parse(new String(source, StandardCharsets.UTF_8))) {
			if (row.get("candidate").isEmpty()) {
				continue;
			}
			String contest = row.get("district").isEmpty() ? row.get("office")
					: row.get("office") + ", District " + row.get("district");
			for (Map.Entry<String, String> type : types.entrySet()) {
				String key = contest + "|" + row.get("candidate") + "|"
						+ CdfReport.unitId("chester/" + row.get("precinct")) + "|" + type.getValue();
				assertThat(counts).as(key).containsEntry(key, Long.valueOf(row.get(type.getKey())));
				checked++;
				for (String unit : List.of("gpu-chester", "gpu-jurisdiction")) {
					summed.merge(contest + "|" + row.get("candidate") + "|" + unit + "|" + type.getValue(),
							Long.valueOf(row.get(type.getKey())), Long::sum);
				}
			}
		}
		assertThat(checked).isGreaterThan(200);
		summed.forEach((key, votes) -> assertThat(counts).as(key).containsEntry(key, votes));
		// no mail in the file: no absentee counts invented
		assertThat(counts.keySet()).noneMatch((key) -> key.endsWith("|absentee-mail"));
		// precincts composed by their county, the county by the jurisdiction
		JsonNode units = JSON.readTree(report).get("GpUnit");
		JsonNode county = find(units, "gpu-chester");
		assertThat(county.get("Type").asString()).isEqualTo("county");
		assertThat(county.get("ComposingGpUnitIds").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("gpu-chester_x002F_Atglen", "gpu-chester_x002F_Coatesville_x0020_5",
					"gpu-chester_x002F_Phoenixville_x0020_M-3");
		assertThat(find(units, "gpu-chester_x002F_Atglen").get("Type").asString()).isEqualTo("precinct");
		assertThat(find(units, "gpu-jurisdiction").get("ComposingGpUnitIds").values()).extracting(JsonNode::asString)
			.containsExactly("gpu-chester");
	}

	@Test
	void clarityCountiesCarryTheirCountsByVoteType() throws Exception {
		String election = this.api.createElection("cdf-ar", "general");
		byte[] source = TallyApi.read(ExportRoundTripTests.AR);
		this.api.importBody(election, source, "application/xml", "mode=setup").expectStatus().isCreated();

		String report = report(election);
		assertValid(report);
		Map<String, Long> counts = counts(report);
		Map<String, String> types = Map.of("Election Day", "election-day", "Early Vote", "early", "Absentee",
				"absentee-mail", "Provisional", "provisional");
		int checked = 0;
		for (Element choice : ExportRoundTripTests.elements(ExportRoundTripTests.xml(source).getDocumentElement(),
				"Choice")) {
			for (Element type : ExportRoundTripTests.elements(choice, "VoteType")) {
				for (Element county : ExportRoundTripTests.elements(type, "County")) {
					String key = "U.S. Senate|" + choice.getAttribute("text") + "|gpu-"
							+ county.getAttribute("name").toLowerCase(Locale.ROOT).replace(' ', '-') + "|"
							+ types.get(type.getAttribute("name"));
					assertThat(counts).as(key).containsEntry(key, Long.valueOf(county.getAttribute("votes")));
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(75 * 4);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every VoteCounts of the report by contest name, ballot name, unit id and type. */
	private static Map<String, Long> counts(String report) {
		JsonNode election = JSON.readTree(report).get("Election").get(0);
		Map<String, String> names = new HashMap<>();
		for (JsonNode candidate : election.get("Candidate")) {
			names.put(candidate.get("@id").asString(),
					candidate.get("BallotName").get("Text").get(0).get("Content").asString());
		}
		Map<String, Long> counts = new HashMap<>();
		for (JsonNode contest : election.get("Contest")) {
			for (JsonNode selection : contest.get("ContestSelection")) {
				String name = names.get(selection.get("CandidateIds").get(0).asString());
				for (JsonNode count : selection.get("VoteCounts")) {
					String key = contest.get("Name").asString() + "|" + name + "|" + count.get("GpUnitId").asString()
							+ "|" + count.get("Type").asString();
					assertThat(counts.put(key, count.get("Count").asLong())).as(key).isNull();
				}
			}
		}
		return counts;
	}

	private static JsonNode find(JsonNode units, String id) {
		for (JsonNode unit : units) {
			if (unit.get("@id").asString().equals(id)) {
				return unit;
			}
		}
		throw new AssertionError("no GpUnit " + id);
	}

	private String report(String election) {
		return new String(this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/cdf.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
	}

}
