package org.tally.feed;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

/**
 * Programs find the API described at /v3/api-docs, people at the Swagger UI.
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
	void servesTheSwaggerUi() {
		this.api.anonymous().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

}
