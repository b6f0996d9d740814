package org.tally.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.FromAddress;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load balancers probe health without credentials; the rest of Actuator is for admins.
 */
@TallyIntegrationTest
class ActuatorTests {

	private static final String CONTEST_URI = "uri=\"/api/v1/elections/{election}/contests/{contest}\"";

	private final TallyApi api;

	@LocalServerPort
	int port;

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

	@Test
	void readinessFollowsTheDatabaseAndTheResultsListener() {
		this.api.anonymous()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP")
			.jsonPath("$.components.resultsListener.status")
			.isEqualTo("UP");
		this.api.anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusIsForAdminsAndCountsEveryFeedRequestFastPathIncluded() {
		this.api.anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		String election = this.api.createElection("metrics-fast-path", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		double before = contestRequests();

		for (int i = 0; i < 3; i++) {
			this.api.anonymous()
				.get()
				.uri("/api/v1/elections/" + election + "/contests/us-house-34")
				.exchange()
				.expectStatus()
				.isOk();
		}

		assertThat(contestRequests() - before).isEqualTo(3.0);
	}

	@Test
	void sendsHstsOnlyBehindTheTrustedTlsProxy() {
		FromAddress proxy = new FromAddress("127.0.0.3", this.port);
		FromAddress stranger = new FromAddress("127.0.0.2", this.port);

		FromAddress.Response viaProxy = proxy.send("GET", "/login",
				Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.9"), null);
		FromAddress.Response forged = stranger.send("GET", "/login", Map.of("X-Forwarded-Proto", "https"), null);

		assertThat(viaProxy.header("Strict-Transport-Security")).contains("max-age=");
		assertThat(forged.header("Strict-Transport-Security")).isNull();
	}

	/**
	 * The http.server.requests count of successful contest reads, from the Prometheus
	 * scrape.
	 */
	private double contestRequests() {
		String scrape = this.api.admin()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return scrape.lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{") && line.contains(CONTEST_URI)
					&& line.contains("status=\"200\"") && line.contains("method=\"GET\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
