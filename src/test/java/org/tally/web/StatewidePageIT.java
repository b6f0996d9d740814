package org.tally.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.tally.support.Browser;
import org.tally.support.TallyApi;
import org.tally.support.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's precincts one click away in Chromium: in place with JavaScript, on the
 * county's page without it; the precinct search narrows as you type. Real rows of the
 * 2016 president in Alpine and Stanislaus. Screenshots in target/screenshots/.
 */
@BrowserTest
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class StatewidePageIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	final TallyApi api;

	StatewidePageIT(TallyApi api) {
		this.api = api;
	}

	@Test
	void aCountysPrecinctsAreOneClickAwayWithAndWithoutJavaScript() {
		String election = this.api.createElection("it-statewide", "general");
		this.api.importFile(election, "web/20161108__ca__general__president__alpine_stanislaus.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		String contest = "/elections/" + election + "/contests/president";

		try (Browser browser = Browser.open(this.port)) {
			browser.get(contest);
			browser.script("window.tallyMarker = 'same page';");
			browser.fullPageScreenshot("contest-statewide-counties-1280", 4000);
			browser.find("a[href*='/counties/stanislaus?']").click();
			browser.waitUntil(WAIT,
					(driver) -> Browser.text(browser.find("#precincts")).equals("Precincts in Stanislaus"));

			assertThat(browser.url()).endsWith(contest);
			assertThat(browser.script("return window.tallyMarker;")).isEqualTo("same page");
			assertThat(browser.findAll("#precinct-panel tbody tr")).hasSize(200);
			assertThat(Browser.text(browser.find("#precinct-panel .result-count"))).isEqualTo("Precincts 1–200 of 211");
			browser.fullPageScreenshot("contest-statewide-county-in-place-1280", 6000);

			browser.find("#precinct-q").sendKeys("101002");
			browser.waitUntil(WAIT,
					(driver) -> driver.findElements(By.cssSelector("#precinct-panel tbody tr")).size() == 1);
			assertThat(Browser.text(browser.find("#precinct-panel tbody th"))).isEqualTo("101002");
			assertThat(browser.script("return window.tallyMarker;")).isEqualTo("same page");
		}

		try (Browser browser = Browser.open(this.port, false, 390, 900)) {
			browser.get(contest);
			// the county link is a plain link: follow its href as a reader without
			// scripts does
			browser.get(browser.find("a[href*='/counties/stanislaus?']").getAttribute("href"));
			browser.waitUntil(WAIT,
					(driver) -> driver.getCurrentUrl().endsWith(contest + "/counties/stanislaus?lang=en"));

			assertThat(Browser.text(browser.find("h1"))).isEqualTo("Stanislaus · President");
			assertThat(browser.findAll("#precinct-panel tbody tr")).hasSize(200);
			browser.get(browser.find("a[rel=next]").getAttribute("href"));
			browser.waitUntil(WAIT, (driver) -> driver.getCurrentUrl().contains("page=2"));
			assertThat(browser.findAll("#precinct-panel tbody tr")).hasSize(11);
			browser.fullPageScreenshot("county-statewide-nojs-390", 3000);
		}
	}

}
