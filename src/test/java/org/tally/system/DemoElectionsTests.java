package org.tally.system;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The demo replays CA-34 2017 as it happened.
 */
@TallyIntegrationTest
@TestPropertySource(properties = "tally.demo=true")
class DemoElectionsTests {

	private final TallyApi api;

	DemoElectionsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void generalEndsCertifiedWithGomezCalledAndAhnConceded() {
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/2017-06-06-ca-34/contests/us-house-34")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.candidates[0].name")
			.isEqualTo("Jimmy Gomez")
			.jsonPath("$.candidates[0].votes")
			.isEqualTo(25569)
			.jsonPath("$.candidates[0].votePct")
			.isEqualTo(59.2)
			.jsonPath("$.candidates[0].winner")
			.isEqualTo(true)
			.jsonPath("$.candidates[1].name")
			.isEqualTo("Robert Lee Ahn")
			.jsonPath("$.candidates[1].votes")
			.isEqualTo(17610)
			.jsonPath("$.candidates[1].votePct")
			.isEqualTo(40.8)
			.jsonPath("$.candidates[1].conceded")
			.isEqualTo(true)
			.jsonPath("$.candidates[1].concededAt")
			.isEqualTo("2017-06-07T05:30:00Z")
			.jsonPath("$.call.status")
			.isEqualTo("called")
			.jsonPath("$.precinctsReporting")
			.isEqualTo(195)
			.jsonPath("$.precinctsTotal")
			.isEqualTo(195);
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/2017-06-06-ca-34")
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("certified")
			.jsonPath("$.revision")
			.isEqualTo(5); // two imports, a concession, a call, and certification (a
							// setup revision)
	}

	@Test
	void primaryAdvancesGomezAndAhn() {
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/2017-04-04-ca-34-primary/contests/us-house-34")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rule")
			.isEqualTo("top-two")
			.jsonPath("$.candidates[0].advancing")
			.isEqualTo(true)
			.jsonPath("$.candidates[1].advancing")
			.isEqualTo(true)
			.jsonPath("$.candidates[2].advancing")
			.isEqualTo(false)
			.jsonPath("$.call.advancing[0]")
			.isEqualTo("Jimmy Gomez");
	}

}
