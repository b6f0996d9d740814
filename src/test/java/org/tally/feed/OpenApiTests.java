package org.tally.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programs find the API described at /v3/api-docs, people at the Swagger UI. The document
 * is written to {@code target/openapi.json}, where {@code .ci/run} lints it with
 * Redocly's recommended rules.
 */
@TallyIntegrationTest
class OpenApiTests {

	final TallyApi api;

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
			.exists();
	}

	@Test
	void writesTheDocumentForTheLinter() throws IOException {
		byte[] document = this.api.anonymous()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "openapi.json"), document);
		assertThat(new String(document, StandardCharsets.UTF_8)).contains("\"openapi\":\"3.");
	}

	@Test
	void servesTheSwaggerUi() {
		this.api.anonymous().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

}
