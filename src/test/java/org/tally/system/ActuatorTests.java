package org.tally.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Load balancers probe health without credentials; the rest of Actuator is for admins.
 */
@TallyIntegrationTest
class ActuatorTests {

	@LocalServerPort
	int port;

	TallyApi api;

	@BeforeEach
	void connect() {
		this.api = new TallyApi(this.port);
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
