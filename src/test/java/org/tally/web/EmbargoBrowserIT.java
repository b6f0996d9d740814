package org.tally.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
import org.tally.support.TallyApi;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embargo in Chromium (docs/contract.md §7): the CA-34 contest page of an election
 * whose results open a few seconds ahead shows "Results after …" and no count, then shows
 * the certified count by itself when the results open (no reload by the reader).
 * Screenshots in target/screenshots/ (embargo-contest-*).
 */
@BrowserTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbargoBrowserIT {

	@LocalServerPort
	int port;

	final TallyApi api;

	EmbargoBrowserIT(TallyApi api) {
		this.api = api;
	}

	@Test
	void theContestPageShowsResultsAfterThenTheCounts() {
		String election = "it-embargo";
		this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"%s","name":"Embargoed special","date":"2017-06-06","kind":"special-general",
					 "jurisdiction":"California","publishAfter":"%s"}""".formatted(election,
					Instant.now().plusSeconds(3600)))
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();

		try (Browser browser = Browser.open(this.port)) {
			browser.get("/elections/" + election + "/contests/us-house-34");
			assertThat(Browser.text(browser.find("#results-after"))).startsWith("Results after ");
			assertThat(Browser.text(browser.find("h1"))).isEqualTo("U.S. House, District 34");
			assertThat(Browser.text(browser.find("body"))).doesNotContain("25,569").doesNotContain("Gomez");
			browser.screenshot("embargo-contest-before-1280");

			// the time comes a few seconds from now: the open page turns into the results
			this.api.admin()
				.put()
				.uri("/api/v1/elections/" + election)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"publishAfter\":\"" + Instant.now().plusSeconds(4) + "\"}")
				.exchange()
				.expectStatus()
				.isOk();
			browser.waitUntil(Duration.ofSeconds(30),
					(driver) -> Browser.text(browser.find("body")).contains("25,569"));
			assertThat(Browser.text(browser.find("body"))).contains("Jimmy Gomez", "25,569", "17,610")
				.doesNotContain("Results after");
			browser.fullPageScreenshot("embargo-contest-after-1280", 2000);
		}
	}

}
