package org.tally.web;

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
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CA-34 general in Chromium, in Spanish: the cards show the English page's numbers
 * (the certified canvass, Gomez 25,569 = 59.2%, Ahn 17,610 = 40.8%), the words and the
 * date are Spanish, the language switch leads to the same page in English, and the pages
 * fit a phone. Screenshots in target/screenshots/ (*-es-1280, *-es-390).
 */
@BrowserTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpanishPagesIT {

	private static final String NBSP = "\u00a0";

	@LocalServerPort
	int port;

	final TallyApi api;

	SpanishPagesIT(TallyApi api) {
		this.api = api;
	}

	@Test
	void theCa34PagesInSpanishShowTheEnglishNumbers() {
		String election = this.api.createElection("it-es-ca34", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		post("/api/v1/elections/" + election + "/contests/us-house-34/concessions", """
				{"candidate":"Robert Lee Ahn","concededAt":"2017-06-07T05:30:00Z",
				 "statement":"I called Jimmy Gomez to congratulate him."}""");
		post("/api/v1/elections/" + election + "/contests/us-house-34/call", """
				{"status":"called","winners":["Jimmy Gomez"],"advancing":[],"note":"Certified canvass."}""");

		try (Browser browser = Browser.open(this.port)) {
			browser.get("/elections/" + election + "?lang=es");
			assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es-US");
			assertThat(rows(browser.find("#contest-us-house-34"))).containsExactly(
					"Jimmy Gomez | 25,569 | 59.2" + NBSP + "%", "Robert Lee Ahn | 17,610 | 40.8" + NBSP + "%");
			assertThat(Browser.text(browser.find(".kicker"))).contains("6 de junio de 2017");
			assertThat(Browser.text(browser.find("#contest-us-house-34"))).contains("✓ Ganador", "Reconoció su derrota",
					"195 distritos electorales han informado", "43,179 votos");
			browser.waitUntil(Duration.ofSeconds(20),
					(driver) -> Browser.text(browser.find("#live-state")).startsWith("En vivo"));
			browser.fullPageScreenshot("election-ca34-general-es-1280", 1600);

			browser.get("/elections/" + election + "/contests/us-house-34?lang=es");
			assertThat(Browser.text(browser.find("#units"))).contains("Condados", "Distritos electorales",
					"25,569 59.2" + NBSP + "%");
			browser.fullPageScreenshot("contest-ca34-general-es-1280", 2600);

			browser.find(".languages a[hreflang='en-US']").click();
			browser.waitUntil(Duration.ofSeconds(10), (driver) -> browser.url().contains("lang=en"));
			assertThat(browser.url()).contains("/contests/us-house-34");
			assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en-US");
			assertThat(rows(browser.find("#contest-us-house-34"))).containsExactly("Jimmy Gomez | 25,569 | 59.2%",
					"Robert Lee Ahn | 17,610 | 40.8%");

			browser.get("/embed/elections/" + election + "/contests/us-house-34?lang=es").size(420, 560);
			assertThat(Browser.text(browser.find("body"))).contains("Resultados completos en Tally", "Votos");
			browser.screenshot("embed-ca34-general-es-420");
			browser.get("/?lang=es").size(1280, 900);
			browser.screenshot("index-es-1280");
			browser.get("/elections/no-such-election?lang=es");
			assertThat(Browser.text(browser.find("h1"))).isEqualTo("No encontramos esa página");
			browser.screenshot("error-404-es-1280");
		}

		try (Browser phone = Browser.open(this.port, true, 390, 844)) {
			for (String path : List.of("/elections/" + election + "?lang=es",
					"/elections/" + election + "/contests/us-house-34?lang=es")) {
				phone.get(path);
				Number width = (Number) phone.script("return document.documentElement.scrollWidth");
				assertThat(width.intValue()).as("no sideways scroll on " + path).isLessThanOrEqualTo(390);
			}
			phone.get("/elections/" + election + "?lang=es");
			phone.fullPageScreenshot("election-ca34-general-es-390", 1800);
			phone.get("/elections/" + election + "/contests/us-house-34?lang=es");
			phone.fullPageScreenshot("contest-ca34-general-es-390", 3000);
		}
	}

	private static List<String> rows(WebElement card) {
		List<String> rows = new ArrayList<>();
		for (WebElement row : card.findElements(By.cssSelector("tr.cand"))) {
			rows.add(Browser.text(row.findElement(By.cssSelector(".name"))) + " | "
					+ Browser.text(row.findElement(By.cssSelector(".votes"))) + " | "
					+ Browser.text(row.findElement(By.cssSelector(".pct"))));
		}
		return rows;
	}

	private void post(String path, String json) {
		this.api.admin()
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

}
