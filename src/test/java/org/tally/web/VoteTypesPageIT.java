package org.tally.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tally.support.Browser;
import org.tally.support.TallyApi;
import org.tally.support.BrowserTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contest page's split by vote type, expected vote and turnout in Chromium: a type
 * still to come is an empty bar that says so, and fills in without a reload when its
 * votes arrive; at 390 px nothing overflows the page (the tables scroll in their box), in
 * English and Spanish, with and without JavaScript. Chester County, PA 2022 precincts
 * (OpenElections, {@code election_day, early_voting, provisional}). Screenshots in
 * target/screenshots/.
 */
@BrowserTest
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class VoteTypesPageIT {

	private static final String CHESTER = "ingest/20221108__pa__general__chester__precinct-cut.csv";

	private static final Duration LIVE = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	final TallyApi api;

	VoteTypesPageIT(TallyApi api) {
		this.api = api;
	}

	@Test
	void aTypeStillToComeIsAnEmptyBarThatFillsInLive() {
		String election = this.api.createElection("it-types-live", "general");
		// election night: the file's rows before the provisional ballots are counted
		// (each total less its provisional votes, the provisional column 0)
		this.api.importCsv(election, beforeProvisionals(), "mode=setup").expectStatus().isCreated();

		try (Browser browser = Browser.open(this.port)) {
			browser.get("/elections/" + election + "/contests/governor");
			browser.script("window.tallyMarker = 'same page';");
			List<WebElement> bars = browser.findAll("#vote-types .split-row");
			assertThat(bars).extracting((bar) -> Browser.text(bar.findElement(By.cssSelector(".split-label strong"))))
				.containsExactly("Election day", "Early", "Provisional");
			WebElement provisional = bars.get(2);
			assertThat(provisional.getAttribute("class")).contains("is-empty");
			assertThat(Browser.text(provisional)).contains("0 votes", "No votes counted yet");
			assertThat(Browser.text(browser.find("#vote-types tfoot"))).contains("to come");
			assertThat(browser.find("#vote-types .split-bars").getAttribute("aria-label"))
				.contains("Provisional: no votes counted yet.");
			// the page listens before the next count is sent
			browser.waitUntil(LIVE, (driver) -> "live".equals(browser.find("#live-state").getAttribute("data-state")));
			browser.fullPageScreenshot("contest-types-before-provisionals-1280", 2600);

			this.api.importFile(election, CHESTER, "").expectStatus().isCreated();

			browser.waitUntil(LIVE,
					(driver) -> !browser.find("#vote-types .split-row:nth-child(3)")
						.getAttribute("class")
						.contains("is-empty"));
			// Shapiro's 23 provisional votes (the file's 1 + 22 + 0) of the 31 cast for
			// governor: 23 / 31 = 74.19%
			assertThat(Browser.text(browser.find("#vote-types .split-row:nth-child(3)"))).contains("Provisional",
					"31 votes", "Shapiro 74.2%");
			assertThat(browser.findAll("#vote-types tbody tr").get(0).getText()).contains("23");
			assertThat(Browser.text(browser.find("#contest-governor .votes"))).isEqualTo("2,755");
			assertThat(browser.find("#contest-governor").getAttribute("class")).contains("is-updated");
			assertThat(browser.script("return window.tallyMarker;")).isEqualTo("same page");
			assertThat(browser.find("#live-since").getAttribute("value"))
				.isEqualTo(browser.find("#election-status").getAttribute("data-revision"));
			browser.fullPageScreenshot("contest-types-live-1280", 2600);
		}
	}

	@Test
	void theSplitAndTheExpectedVoteFitAPhoneInBothLanguagesWithAndWithoutJavaScript() {
		String election = this.api.createElection("it-types-phone", "general");
		this.api.importFile(election, CHESTER, "mode=setup").expectStatus().isCreated();
		this.api.admin()
			.method(HttpMethod.PUT)
			.uri("/api/v1/elections/" + election + "/contests/governor")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"office\":\"Governor\",\"expectedVotes\":6200}")
			.exchange()
			.expectStatus()
			.isOk();
		String contest = "/elections/" + election + "/contests/governor";

		try (Browser browser = Browser.open(this.port, true, 390, 844)) {
			for (String lang : List.of("en", "es")) {
				for (String path : List.of(contest, "/elections/" + election)) {
					browser.get(path + "?lang=" + lang);
					Number width = (Number) browser.script("return document.documentElement.scrollWidth");
					assertThat(width.intValue()).as("page width of " + path + " in " + lang).isLessThanOrEqualTo(390);
				}
				browser.get(contest + "?lang=" + lang);
				// the split table is wider than the phone: it scrolls in its own box
				Number table = (Number) browser
					.script("return document.querySelector('#vote-types table').scrollWidth");
				Number box = (Number) browser
					.script("return document.querySelector('#vote-types .table-scroll').clientWidth");
				assertThat(table.intValue()).isGreaterThan(box.intValue());
				assertThat(box.intValue()).isLessThanOrEqualTo(390);
				browser.fullPageScreenshot("contest-types-expected-390-" + lang, 4200);
			}
			assertThat(Browser.text(browser.find("#contest-figures")).replace('\u00a0', ' '))
				.contains("est. 68 % del voto esperado")
				.contains("necesita 84.3 % del voto restante");
			browser.get("/elections/" + election + "?lang=en");
			assertThat(Browser.text(browser.find("#contest-governor .progress-label")))
				.startsWith("est. 68% of expected vote");
			browser.fullPageScreenshot("election-expected-390", 2400);
		}

		try (Browser browser = Browser.open(this.port, false, 390, 844)) {
			browser.get(contest);
			assertThat(browser.find("#vote-types table").isDisplayed()).isTrue();
			assertThat(browser.find("#vote-types .split-bars").isDisplayed()).isTrue();
			assertThat(Browser.text(browser.find("#contest-figures"))).contains("est. 68% of expected vote", "1,949",
					"needs 84.3% of the remaining vote", "64.6%");
			assertThat(browser.find(".noscript-note").isDisplayed()).isTrue();
		}

		try (Browser browser = Browser.open(this.port, true, 1280, 900)) {
			browser.get(contest + "?lang=es");
			browser.fullPageScreenshot("contest-types-expected-1280-es", 3000);
			browser.get(contest + "?lang=en");
			browser.fullPageScreenshot("contest-types-expected-1280-en", 3000);
		}
	}

	/**
	 * The Chester file with each candidate row's provisional votes not yet counted: its
	 * total less its provisional votes, the provisional column 0. Turnout rows as they
	 * are.
	 */
	private static byte[] beforeProvisionals() {
		List<String> lines = new ArrayList<>();
		for (String line : new String(TallyApi.read(CHESTER), StandardCharsets.UTF_8).split("\n")) {
			String[] cells = line.split(",", -1);
			if (line.startsWith("county,") || line.contains("\"") || cells[5].isEmpty()) {
				lines.add(line);
				continue;
			}
			long provisional = Long.parseLong(cells[9].strip());
			cells[6] = String.valueOf(Long.parseLong(cells[6]) - provisional);
			cells[9] = "0";
			lines.add(String.join(",", cells));
		}
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
