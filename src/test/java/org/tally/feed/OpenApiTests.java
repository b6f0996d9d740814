package org.tally.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programs find the API described at /v3/api-docs, people at the Swagger UI. The document
 * is written to {@code target/openapi.json}, where {@code .ci/run} lints it with
 * Redocly's recommended rules; these tests hold it to what the server does.
 */
@TallyIntegrationTest
class OpenApiTests {

	final TallyApi api;

	@LocalServerPort
	int port;

	OpenApiTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void describesTheFeedWithExamples() {
		this.api.anonymous()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/elections/{election}/contests/{contest}'].get.summary")
			.isEqualTo("One contest")
			.jsonPath("$.paths['/api/v1/elections/{election}/contests/{contest}'].get.responses['200']"
					+ ".content['application/json'].examples")
			.exists()
			.jsonPath("$.paths['/api/v1/elections/{election}/contests/{contest}/history'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/elections/{election}/results.csv'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/elections/{election}/cdf.json'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/elections/{election}/events'].get")
			.exists()
			.jsonPath("$.components.schemas.ContestResponse.properties.candidates")
			.exists()
			.jsonPath("$.components.schemas.ContestResponse.properties.expectedVotePct.type")
			.isEqualTo("string")
			.jsonPath("$.components.schemas.ContestResponse.properties.turnoutPct.description")
			.exists()
			.jsonPath("$.components.schemas.CandidateResponse.properties.needsPctOfRemaining.description")
			.exists()
			.jsonPath("$.components.schemas.ReportingUnitResponse.properties.turnoutPct")
			.exists()
			.jsonPath("$.paths['/api/v1/elections/{election}/contests/{contest}'].get.responses['200']"
					+ ".content['application/json'].examples['CA-34, election night with an expected vote']"
					+ ".value.expectedVotePct")
			.isEqualTo("73");
	}

	@Test
	void writesTheDocumentForTheLinter() throws IOException {
		String document = document();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "openapi.json"), document);
		assertThat(document).startsWith("{\"openapi\":\"3.");
	}

	/**
	 * The committed document (docs/openapi.json, what generated clients and
	 * {@code ContractCheck} read) is the served one. After a change to the API, rewrite
	 * it with {@code ./mvnw -B test -Dtest=OpenApiTests -Dtally.openapi.write=true} and
	 * say what changed for clients in docs/api.md.
	 */
	@Test
	void theCommittedDocumentIsTheServedOne() throws IOException {
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		String served = mapper.writeValueAsString(mapper.readTree(document())) + "\n";
		Path committed = Path.of("docs", "openapi.json");
		if (Boolean.getBoolean("tally.openapi.write")) {
			Files.writeString(committed, served);
		}
		assertThat(Files.exists(committed) ? Files.readString(committed) : "")
			.as("docs/openapi.json is not what /v3/api-docs serves; regenerate it with "
					+ "./mvnw -B test -Dtest=OpenApiTests -Dtally.openapi.write=true")
			.isEqualTo(served);
	}

	@Test
	void everyOperationHasASummarySecurityAndProblemResponses() {
		String document = document();
		Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
		assertThat(paths).isNotEmpty();
		paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
			String where = method.toUpperCase() + " " + path;
			assertThat((String) operation.get("summary")).as(where).isNotBlank();
			assertThat(operation).as(where).containsKey("security");
			Map<String, Object> responses = JsonPath.read(operation, "$.responses");
			if (!((List<?>) operation.get("security")).isEmpty()) {
				assertThat(responses).as(where).containsKeys("401", "403");
			}
			responses.forEach((code, response) -> {
				if (code.startsWith("4") || code.startsWith("5")) {
					String ref = JsonPath.read(response, "$.$ref");
					Map<String, Object> media = JsonPath.read(document,
							"$.components.responses." + ref.substring(ref.lastIndexOf('/') + 1) + ".content");
					assertThat(media).as(where + " " + code).containsOnlyKeys("application/problem+json");
				}
			});
		}));
		assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.basicAuth.scheme")).isEqualTo("basic");
		assertThat(JsonPath.<String>read(document, "$.components.securitySchemes.bearerAuth.scheme"))
			.isEqualTo("bearer");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.responses.NotFound.content"))
			.containsOnlyKeys("application/problem+json");
	}

	@Test
	void documentsTheImportBodiesOptionsAndStatusCodes() {
		String document = document();
		String imports = "$.paths['/api/v1/elections/{election}/imports'].post";
		assertThat(JsonPath.<Map<String, Object>>read(document, imports + ".requestBody.content"))
			.containsKeys("text/csv", "multipart/form-data");
		assertThat(JsonPath.<String>read(document, imports + ".requestBody.content['multipart/form-data'].schema.$ref"))
			.endsWith("/ImportUpload");
		assertThat(JsonPath.<String>read(document, "$.components.schemas.ImportUpload.properties.file.$ref"))
			.endsWith("/ResultsFile");
		assertThat(JsonPath.<String>read(document, "$.components.schemas.ResultsFile.format")).isEqualTo("binary");
		List<String> options = JsonPath.read(document, imports + ".parameters[?(@.in == 'query')].name");
		assertThat(options).contains("format", "mode", "dryRun", "correction");
		List<String> described = JsonPath.read(document, imports + ".parameters[?(@.description)].name");
		assertThat(described).containsAll(options);
		assertThat(JsonPath.<Map<String, Object>>read(document, imports + ".responses")).containsKeys("200", "201",
				"422");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths['/api/v1/elections'].post.responses"))
			.containsKey("201")
			.doesNotContainKey("200");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.paths['/api/v1/tokens/{id}'].delete.responses"))
			.containsKey("204")
			.doesNotContainKey("200");
	}

	@Test
	void staffWritesAnswerRecordsAsJson() {
		String document = document();
		assertThat(
				JsonPath.<String>read(document,
						"$.paths['/api/v1/elections/{election}/contests/{contest}'].put"
								+ ".responses['200'].content['application/json'].schema.$ref"))
			.endsWith("/ContestView");
		assertThat(JsonPath.<Map<String, Object>>read(document, "$.components.schemas.ContestView.properties"))
			.containsKeys("slug", "seats", "rule", "threshold", "precinctsTotal", "expectedVotes", "ballotsCast");
		assertThat(
				JsonPath.<String>read(document,
						"$.paths['/api/v1/elections/{election}/contests/{contest}/call']"
								+ ".post.responses['201'].content['application/json'].schema.$ref"))
			.endsWith("/RevisionRef");
		List<String> starStar = JsonPath.read(document, "$.paths..responses..content['*/*']");
		assertThat(starStar).isEmpty();
	}

	/**
	 * What the document says about security is what the server does: an anonymous request
	 * to every documented operation is refused (401) exactly where the document asks for
	 * credentials.
	 */
	@Test
	void documentedSecurityMatchesTheServer() throws Exception {
		String document = document();
		Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
		HttpClient http = HttpClient.newHttpClient();
		List<String> wrong = new ArrayList<>();
		for (var path : paths.entrySet()) {
			for (var operation : path.getValue().entrySet()) {
				boolean secured = !((List<?>) operation.getValue().get("security")).isEmpty();
				String uri = "http://localhost:" + this.port + path.getKey().replaceAll("\\{[^}]+}", "1");
				HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
					.method(operation.getKey().toUpperCase(), HttpRequest.BodyPublishers.noBody())
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(5))
					.build();
				int status;
				try {
					status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				}
				catch (HttpTimeoutException ex) {
					status = 200; // an event stream stays open: it let the reader in
				}
				if (secured != (status == 401)) {
					wrong.add(operation.getKey().toUpperCase() + " " + path.getKey() + " documented "
							+ (secured ? "secured" : "public") + ", answered " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void servesTheSwaggerUi() {
		this.api.anonymous().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	private String document() {
		byte[] body = this.api.anonymous()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

}
