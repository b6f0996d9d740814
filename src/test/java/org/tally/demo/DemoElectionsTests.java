package org.tally.demo;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

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
	void historyAndTimelineCarryTheRealTimesOf2017() {
		// the election-night count Wednesday morning, then the canvass in mid-June
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/2017-06-06-ca-34/contests/us-house-34/history")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.revisions.length()")
			.isEqualTo(2)
			.jsonPath("$.revisions[0].at")
			.isEqualTo("2017-06-07T08:00:00Z")
			.jsonPath("$.revisions[0].candidates[0].votes")
			.isEqualTo(19761)
			.jsonPath("$.revisions[0].candidates[0].votePct")
			.isEqualTo(60.1)
			.jsonPath("$.revisions[1].at")
			.isEqualTo("2017-06-16T23:00:00Z")
			.jsonPath("$.revisions[1].candidates[0].votePct")
			.isEqualTo(59.2);
		// "Last updated": the canvass of 2017, not when this instance loaded the demo
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/2017-06-06-ca-34")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lastUpdated")
			.isEqualTo("2017-06-16T23:00:00Z");
		String page = this.api.text("/elections/2017-06-06-ca-34/contests/us-house-34");
		// x axis in dates from Jun 7 to Jun 16; the timeline at the night's own times
		// (the reader's language's medium date and time, with the year)
		assertThat(page).contains(">Jun 7, 2017<", ">Jun 16, 2017<")
			.doesNotContain(">Rev 1<")
			.contains("Jun 6, 2017, 10:30 PM PDT", "Jun 7, 2017, 1:30 AM PDT")
			.contains("Jun 7, 2017, 1:00 AM PDT", "Jun 16, 2017, 4:00 PM PDT");
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
