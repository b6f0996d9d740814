package org.tally.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every file staff could send wrong is refused over HTTP with a 422 problem listing each
 * problem as row, column, value and message, and changes nothing: the counts, their
 * history and the revision stay as they were. The rows are the real CA-34 precinct rows
 * of {@code ca34/20170606__ca__special__general__los_angeles__precinct.csv}, bent one way
 * at a time.
 */
@TallyIntegrationTest
class ImportValidationTests {

	private static final AtomicInteger ELECTIONS = new AtomicInteger();

	private static final String CERTIFIED = "ca34/20170606__ca__special__general__los_angeles__precinct.csv";

	private static final String HEADER = "county,precinct,office,district,party,candidate,votes\n";

	private static final String GOMEZ = "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,";

	private static final String AHN = "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,";

	@Autowired
	JdbcClient jdbc;

	final TallyApi api;

	String election;

	ImportValidationTests(TallyApi api) {
		this.api = api;
	}

	@BeforeEach
	void importTheCertifiedCount() {
		this.election = this.api.createElection("ca34-checked-" + ELECTIONS.incrementAndGet(), "special-general");
		this.api.importFile(this.election, CERTIFIED, "mode=setup").expectStatus().isCreated();
	}

	@Test
	void rejectsNonNumericVotes() {
		assertThat(rejected(HEADER + GOMEZ + "309\n" + AHN + "2B\n")).containsExactly(problem(3, "votes", "2B"));
	}

	@Test
	void rejectsNegativeVotes() {
		assertThat(problems(rejectedBody(HEADER + GOMEZ + "-309\n"))).singleElement()
			.satisfies((p) -> assertProblem(p, 2, "votes", "-309", "negative"));
	}

	@Test
	void rejectsFractionalVotes() {
		assertThat(problems(rejectedBody(HEADER + GOMEZ + "309.5\n"))).singleElement()
			.satisfies((p) -> assertProblem(p, 2, "votes", "309.5", "fractional"));
	}

	@Test
	void rejectsOverflowingVotes() {
		assertThat(problems(rejectedBody(HEADER + GOMEZ + "99999999999999999999999999\n"))).singleElement()
			.satisfies((p) -> assertProblem(p, 2, "votes", "99999999999999999999999999", "too large"));
	}

	@Test
	void rejectsRaggedRows() {
		assertThat(problems(rejectedBody(HEADER + GOMEZ + "309\n" + "Los Angeles,0850001A,U.S. House,34,DEM,28\n")))
			.singleElement()
			.satisfies((p) -> assertProblem(p, 3, null, "Los Angeles,0850001A,U.S. House,34,DEM,28",
					"expected 7 cells as in the header, found 6"));
	}

	@Test
	void rejectsUnterminatedQuoteAtTheRowWhereItOpened() {
		assertThat(problems(rejectedBody(HEADER + GOMEZ + "309\n"
				+ "Los Angeles,0850001A,U.S. House,34,DEM,\"Robert Lee Ahn,28\n" + AHN + "28\n")))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p).containsEntry("row", 3).containsEntry("column", "candidate");
				assertThat((String) p.get("message")).contains("quote opened on row 3 is never closed");
			});
	}

	@Test
	void readsWindows1252AndStillRefusesANameThatIsNotTheCandidates() {
		byte[] file = concat(bytes(HEADER + GOMEZ + "309\n"), bytes("Los Angeles,0850001A,U.S. House,34,DEM,Robert L"),
				new byte[] { (byte) 0xE9 }, bytes("e Ahn,28\n"));

		assertThat(problems(rejectedBody(file))).singleElement()
			.satisfies((p) -> assertProblem(p, 3, "candidate", "Robert L\u00E9e Ahn", "unknown candidate"));
	}

	@Test
	void rejectsNulBytes() {
		assertThat(problems(rejectedBody(HEADER + GOMEZ + "309\n" + AHN.replace("Lee", "L\0ee") + "28\n")))
			.singleElement()
			.satisfies((p) -> assertProblem(p, 3, "candidate", null, "NUL byte"));
	}

	@Test
	void rejectsAbsurdlyLongFields() {
		String longName = "Robert Lee Ahn ".repeat(10_000);

		assertThat(problems(rejectedBody(HEADER + GOMEZ + "309\n" + AHN.replace("Robert Lee Ahn", longName) + "28\n")))
			.singleElement()
			.satisfies((p) -> {
				assertProblem(p, 3, "candidate", null, "cell longer than 500 characters");
				assertThat((String) p.get("value")).hasSize(80).startsWith("Robert Lee Ahn Robert");
			});
	}

	@Test
	void rejectsConflictingDuplicateRows() {
		assertThat(problems(rejectedBody(HEADER + GOMEZ + "309\n" + AHN + "28\n" + GOMEZ + "390\n"))).singleElement()
			.satisfies((p) -> assertProblem(p, 4, "votes", "390", "conflicts with row 2"));
	}

	@Test
	void acceptsRepeatedRowsThatAgree() {
		this.api.importCsv(this.election, bytes(HEADER + GOMEZ + "310\n" + GOMEZ + "310\n"), null)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.changedCounts")
			.isEqualTo(1);
	}

	@Test
	void rejectsEmptyFile() {
		assertThat(problems(rejectedBody(""))).singleElement()
			.satisfies((p) -> assertProblem(p, 0, null, null, "empty file"));
	}

	@Test
	void rejectsBinaryGarbageWithOneProblem() {
		byte[] garbage = new byte[2_000_000];
		new Random(34).nextBytes(garbage);

		Map<String, Object> body = rejectedBody(concat(bytes(HEADER + GOMEZ + "309\n"), garbage));

		assertThat(problems(body)).singleElement()
			.satisfies((p) -> assertThat((String) p.get("message")).startsWith("not a CSV text file"));
		assertThat(body).containsEntry("total", 1);
	}

	@Test
	void rejectsSpreadsheetUploadedInsteadOfCsv() {
		byte[] xlsx = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0 };

		assertThat(problems(rejectedBody(xlsx))).singleElement()
			.satisfies((p) -> assertThat((String) p.get("message")).contains("Excel .xlsx"));
	}

	@Test
	void rejectsMissingRequiredColumns() {
		assertThat(problems(rejectedBody("county,precinct,office,district,party,candidate\n"
				+ "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez\n")))
			.singleElement()
			.satisfies((p) -> assertProblem(p, 1, null, "county,precinct,office,district,party,candidate",
					"missing required column: votes"));
	}

	@Test
	void listsTheFirstHundredProblemsAndTheTotal() {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < 150; i++) {
			file.append(GOMEZ).append(i).append("x\n");
		}

		Map<String, Object> body = rejectedBody(file.toString());

		assertThat(body).containsEntry("total", 150);
		assertThat(problems(body)).hasSize(100)
			.extracting((p) -> p.get("row"), (p) -> p.get("value"))
			.startsWith(tuple(2, "0x"), tuple(3, "1x"))
			.endsWith(tuple(101, "99x"));
		assertThat((String) body.get("detail")).contains("150 problems").contains("nothing was applied");
	}

	@Test
	void strictModeNamesTheRowAndTheClosestKnownCandidate() {
		assertThat(rejected(HEADER + GOMEZ + "309\n" + GOMEZ.replace("Jimmy Gomez", "Jimmy Gomes") + "309\n"))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p).containsEntry("row", 3)
					.containsEntry("column", "candidate")
					.containsEntry("value", "Jimmy Gomes");
				assertThat((String) p.get("message")).contains("unknown candidate in U.S. House, District 34")
					.contains("did you mean 'Jimmy Gomez'?");
			});
	}

	@Test
	void strictModeNamesTheRowAndTheClosestKnownContest() {
		assertThat(rejected(HEADER + GOMEZ.replace("U.S. House", "U.S. Hose") + "309\n")).singleElement()
			.satisfies((p) -> {
				assertThat(p).containsEntry("row", 2).containsEntry("column", "office");
				assertThat((String) p.get("message")).contains("unknown contest")
					.contains("did you mean 'U.S. House, District 34'?");
			});
	}

	@Test
	void strictModeRefusesUnknownPrecinct() {
		assertThat(rejected(HEADER + GOMEZ.replace("0850001A", "0850001Z") + "309\n")).singleElement()
			.satisfies((p) -> assertProblem(p, 2, "precinct", "0850001Z", "unknown precinct"));
	}

	@Test
	void rejectsDecreaseWithoutCorrection() {
		assertThat(rejected(HEADER + GOMEZ + "300\n" + AHN + "28\n")).singleElement()
			.satisfies((p) -> assertProblem(p, 2, "votes", "300", "count goes down from 309 to 300"));
	}

	@Test
	void appliesCorrectionAndRecordsWhoAndWhy() {
		String reason = "LA County RR/CC re-tabulated precinct 0850001A";

		this.api
			.importCsv(this.election, bytes(HEADER + GOMEZ + "300\n" + AHN + "28\n"),
					"correction=" + reason + "&fileName=fix.csv")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("applied")
			.jsonPath("$.revision")
			.isEqualTo(2);

		assertThat(votes("Jimmy Gomez")).isEqualTo(25569 - 9);
		assertThat(this.jdbc.sql("""
				select r.kind, r.recorded_by, r.note from revision r join election e on e.id = r.election_id
				where e.slug = ? and r.number = 2""")
			.param(this.election)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single()).containsExactly("correction", "admin", reason);
		assertThat(history()).first()
			.satisfies((entry) -> assertThat(entry).containsEntry("outcome", "applied")
				.containsEntry("correction", reason)
				.containsEntry("recordedByRole", "ADMIN")
				.doesNotContainKey("recordedBy")
				.containsEntry("fileName", "fix.csv")
				.containsEntry("revision", 2));
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + this.election + "/contests/us-house-34/history")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.revisions[*].kind")
			.isEqualTo(List.of("import", "correction"))
			.jsonPath("$.revisions[1].revision")
			.isEqualTo(2)
			.jsonPath("$.revisions[1].totalVotes")
			.isEqualTo(43179 - 9);
		assertThat(this.jdbc.sql("""
				select s.votes from contest_snapshot s join choice ch on ch.id = s.choice_id
				join contest c on c.id = s.contest_id join election e on e.id = c.election_id
				where e.slug = ? and ch.name = 'Jimmy Gomez' order by s.revision""")
			.param(this.election)
			.query(Long.class)
			.list()).containsExactly(25569L, 25560L);
		assertThat(this.jdbc.sql("select action, actor, detail, after ->> 'revision' from audit_event where target = ?")
			.param(this.election)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)),
					rs.getString(4)))
			.list())
			.containsExactly(List.of("import", "admin", "null", "1"), List.of("correction", "admin", reason, "2"));
	}

	@Test
	void recordsRejectionsInTheImportHistory() {
		rejected(HEADER + GOMEZ + "12a\n");

		assertThat(history()).first()
			.satisfies((entry) -> assertThat(entry).containsEntry("outcome", "rejected")
				.containsEntry("problemCount", 1)
				.containsEntry("revision", null));
	}

	@Test
	void rejectsMultipartUploadTheSameWay() {
		State before = state();

		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + this.election + "/imports")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(multipart("broken.csv", bytes(HEADER + GOMEZ + "-1\n")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.problems[0].row")
			.isEqualTo(2);

		assertThat(state()).isEqualTo(before);
	}

	private List<Map<String, Object>> rejected(String file) {
		return problems(rejectedBody(file));
	}

	private Map<String, Object> rejectedBody(String file) {
		return rejectedBody(bytes(file));
	}

	/** Posts the file, expects 422 problem+json, and checks nothing changed. */
	private Map<String, Object> rejectedBody(byte[] file) {
		State before = state();
		Map<String, Object> body = this.api.importCsv(this.election, file, null)
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("status", 422).containsKeys("total", "problems", "detail");
		assertThat(state()).as("nothing applied").isEqualTo(before);
		return body;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> problems(Map<String, Object> body) {
		List<Map<String, Object>> problems = (List<Map<String, Object>>) body.get("problems");
		assertThat(problems).allSatisfy((p) -> assertThat(p).containsKeys("row", "column", "value", "message"));
		return problems;
	}

	private static Map<String, Object> problem(int row, String column, String value) {
		return Map.of("row", row, "column", column, "value", value, "message", "not a whole number");
	}

	private static void assertProblem(Map<String, Object> problem, int row, String column, String value,
			String message) {
		assertThat(problem).containsEntry("row", row).containsEntry("column", column);
		if (value != null) {
			assertThat(problem).containsEntry("value", value);
		}
		assertThat((String) problem.get("message")).contains(message);
	}

	private List<Map<String, Object>> history() {
		return this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + this.election + "/imports")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private long votes(String candidate) {
		return this.jdbc.sql("""
				select sum(v.votes) from vote_count v join choice ch on ch.id = v.choice_id
				join contest c on c.id = v.contest_id join election e on e.id = c.election_id
				where e.slug = ? and ch.name = ?""").params(this.election, candidate).query(Long.class).single();
	}

	/** Everything an import may change, in one comparable value. */
	private State state() {
		return this.jdbc
			.sql("""
					select e.revision,
					       (select count(*) from revision r where r.election_id = e.id),
					       (select coalesce(sum(v.votes), 0) from vote_count v join contest c on c.id = v.contest_id
					        where c.election_id = e.id),
					       (select count(*) from vote_count_change v join contest c on c.id = v.contest_id
					        where c.election_id = e.id),
					       (select count(*) from choice ch join contest c on c.id = ch.contest_id where c.election_id = e.id),
					       (select count(*) from reporting_unit u where u.election_id = e.id),
					       (select count(*) from contest_snapshot s join contest c on c.id = s.contest_id
					        where c.election_id = e.id),
					       (select count(*) from audit_event a where a.target = e.slug)
					from election e where e.slug = ?""")
			.param(this.election)
			.query((rs, row) -> new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.single();
	}

	record State(long revision, long revisions, long votes, long changes, long choices, long units, long snapshots,
			long audits) {
	}

	static MultiValueMap<String, Object> multipart(String fileName, byte[] content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return fileName;
			}

		}, headers));
		return parts;
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
