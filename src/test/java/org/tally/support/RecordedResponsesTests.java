package org.tally.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The real responses recorded under {@code src/test/resources/contract} (the ones the
 * TypeScript reader compiles against) fit the committed document, and
 * {@link ContractCheck} refuses a response that does not.
 */
class RecordedResponsesTests {

	static final Path RECORDED = Path.of("src", "test", "resources", "contract");

	static final Map<String, String> OPERATIONS = Map.ofEntries(Map.entry("elections.json", "/api/v1/elections"),
			Map.entry("election-ca34.json", "/api/v1/elections/2017-06-06-ca-34"),
			Map.entry("election-empty.json", "/api/v1/elections/2026-11-03-empty"),
			Map.entry("contest-ca34.json", "/api/v1/elections/2017-06-06-ca-34/contests/us-house-34"),
			Map.entry("contest-ca34-precincts.json", "/api/v1/elections/2017-06-06-ca-34/contests/us-house-34"),
			Map.entry("contest-uncalled.json", "/api/v1/elections/2017-06-06-uncalled/contests/us-house-34"),
			Map.entry("history-ca34.json", "/api/v1/elections/2017-06-06-ca-34/contests/us-house-34/history"),
			Map.entry("revision-ca34.json", "/api/v1/elections/2017-06-06-ca-34/revision"),
			Map.entry("users.json", "/api/v1/users"), Map.entry("tokens.json", "/api/v1/tokens"),
			Map.entry("imports.json", "/api/v1/elections/2017-06-06-uncalled/imports"));

	@Test
	void everyRecordedReadFitsTheDocument() throws IOException {
		for (Map.Entry<String, String> recorded : OPERATIONS.entrySet()) {
			ContractCheck.check("GET", recorded.getValue(), 200, json(),
					Files.readAllBytes(RECORDED.resolve(recorded.getKey())));
		}
		ContractCheck.check("POST", "/api/v1/tokens", 201, json(),
				Files.readAllBytes(RECORDED.resolve("token-created.json")));
		HttpHeaders problem = new HttpHeaders();
		problem.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		ContractCheck.check("GET", "/api/v1/elections/2017-06-06-ca-34/contests/nope", 404, problem,
				Files.readAllBytes(RECORDED.resolve("problem-not-found.json")));
	}

	@Test
	void aResponseThatDoesNotFitFails() throws IOException {
		String contest = Files.readString(RECORDED.resolve("contest-ca34.json"));
		assertThat(contest).contains("\"name\":\"U.S. House, District 34\"");
		byte[] nullName = contest.replace("\"name\":\"U.S. House, District 34\"", "\"name\":null").getBytes();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ContractCheck.check("GET", "/api/v1/elections/e/contests/c", 200, json(), nullName))
			.withMessageContaining("name");
		byte[] unknownKind = contest.replace("\"kind\":\"candidate\"", "\"kind\":\"person\"").getBytes();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ContractCheck.check("GET", "/api/v1/elections/e/contests/c", 200, json(), unknownKind));
		byte[] extraField = contest.replace("\"slug\":", "\"surprise\":1,\"slug\":").getBytes();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ContractCheck.check("GET", "/api/v1/elections/e/contests/c", 200, json(), extraField));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ContractCheck.check("GET", "/api/v1/elections/e/contests/c", 418, json(), new byte[0]));
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
