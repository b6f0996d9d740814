package org.tally.system;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

/**
 * Load balancers probe health without credentials; the rest of Actuator is for admins.
 */
@TallyIntegrationTest
class ActuatorTests {

	private final TallyApi api;

	ActuatorTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void healthIsPublicAndReportsPostgres() {
		this.api.anonymous()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP");
	}

	@Test
	void metricsAreForAdminsOnly() {
		this.api.anonymous().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
		this.api.admin().get().uri("/actuator/metrics").exchange().expectStatus().isOk();
	}

}
