package org.tally.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.tally.support.Browser;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contest with a baseline in Chromium, in English and Spanish: the county table's
 * "then" and "shift" columns, and the map coloured by shift at the keyboard's choice.
 * Screenshots in target/screenshots/ (contest-shift-en, contest-shift-es).
 */
@TallyIntegrationTest
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ShiftPagesIT {

	private static final String HEADER = "county,office,district,party,candidate,votes,precincts_reporting,precincts_total\n";

	@LocalServerPort
	int port;

	final TallyApi api;

	ShiftPagesIT(TallyApi api) {
		this.api = api;
	}

	@Test
	void thenAndShiftColumnsAndTheMapByShiftInEnglishAndSpanish() {
		String then = this.api.createElection("it-shift-then", "general");
		// Alameda then Gomez +20.0, Alpine Ahn +40.0, Amador even
		csv(then,
				row("Alameda", "Ann Gomez", "DEM", 600) + row("Alameda", "Bob Ahn", "REP", 400)
						+ row("Alpine", "Ann Gomez", "DEM", 300) + row("Alpine", "Bob Ahn", "REP", 700)
						+ row("Amador", "Ann Gomez", "DEM", 500) + row("Amador", "Bob Ahn", "REP", 500));
		String now = this.api.createElection("it-shift-now", "general");
		// Alameda now Gomez +10.0 (a shift of 10.0 toward Ahn), Alpine Ahn +10.0 (30.0
		// toward Gomez), Amador not counted yet
		csv(now, row("Alameda", "Ann Gomez", "DEM", 550) + row("Alameda", "Bob Ahn", "REP", 450)
				+ row("Alpine", "Ann Gomez", "DEM", 450) + row("Alpine", "Bob Ahn", "REP", 550)
				+ row("Amador", "Ann Gomez", "DEM", 0) + row("Amador", "Bob Ahn", "REP", 0));
		String path = "/elections/" + now + "/contests/mayor";

		try (Browser browser = Browser.open(this.port)) {
			browser.get(path + "?lang=en");
			assertThat(browser.findAll("#units th.unit-shift")).as("no baseline: no shift columns").isEmpty();
			assertThat(browser.findAll(".map-mode")).isEmpty();

			this.api.admin()
				.put()
				.uri("/api/v1/elections/" + now + "/contests/mayor/baseline")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"election\":\"" + then + "\",\"contest\":\"mayor\"}")
				.exchange()
				.expectStatus()
				.isOk();
			browser.get(path + "?lang=en&sort=unit");
			assertThat(Browser.text(browser.find("#units th.unit-then"))).isEqualTo("Then");
			assertThat(Browser.text(browser.find("#units th.unit-shift"))).isEqualTo("Shift");
			assertThat(cells(browser, "unit-then")).containsExactly("Gomez +20.0", "Ahn +40.0", "Even");
			assertThat(cells(browser, "unit-shift")).containsExactly("Ahn +10.0", "Gomez +30.0", "—");
			assertThat(Browser.text(browser.find(".map-mode .map-mode-label"))).isEqualTo("Colour the map by");
			assertThat(Browser.text(browser.find(".map-figure"))).as("the control once, above the map")
				.doesNotContain("Colour the map by");
			assertThat(browser.find(".fill-lead").isDisplayed()).isTrue();
			assertThat(browser.find(".fill-shift").isDisplayed()).isFalse();
			assertThat(browser.find(".map-legend-shift").isDisplayed()).isFalse();

			// the keyboard: the radio group takes the focus, an arrow picks "shift"
			WebElement lead = browser.find(".map-mode input[value=lead]");
			browser.script("arguments[0].focus()", lead);
			lead.sendKeys(Keys.ARROW_RIGHT);
			assertThat(browser.find(".map-mode input[value=shift]").isSelected()).isTrue();
			assertThat(browser.find(".fill-shift").isDisplayed()).isTrue();
			assertThat(browser.find(".fill-lead").isDisplayed()).isFalse();
			assertThat(Browser.text(browser.find(".map-legend-shift"))).contains("Shift toward Ann Gomez",
					"Shift toward Bob Ahn", "Shift since " + then);
			assertThat(Browser.text(browser.find(".map-table"))).contains("Ann Gomez +30.0");
			browser.fullPageScreenshot("contest-shift-en", 3200);

			// the chart shows each batch's shares at the keyboard's choice too
			assertThat(browser.find(".chart-cumulative").isDisplayed()).isTrue();
			assertThat(browser.find(".chart-batches").isDisplayed()).isFalse();
			WebElement cumulative = browser.find(".chart-mode input[value=cumulative]");
			browser.script("arguments[0].focus()", cumulative);
			cumulative.sendKeys(Keys.ARROW_RIGHT);
			assertThat(browser.find(".chart-batches").isDisplayed()).isTrue();
			assertThat(browser.find(".chart-cumulative").isDisplayed()).isFalse();
			assertThat(browser.find(".chart-batches title").getAttribute("textContent"))
				.startsWith("Share of each batch of votes for Ann Gomez, Bob Ahn");

			browser.get(path + "?lang=es&sort=unit");
			assertThat(Browser.text(browser.find("#units th.unit-then"))).isEqualTo("Antes");
			assertThat(Browser.text(browser.find("#units th.unit-shift"))).isEqualTo("Cambio");
			assertThat(cells(browser, "unit-then")).hasSize(3).contains("Igual");
			assertThat(cells(browser, "unit-shift").get(0)).matches("Ahn \\+10[.,]0");
			assertThat(Browser.text(browser.find(".map-mode .map-mode-label"))).isEqualTo("Colorear el mapa por");
			WebElement leadEs = browser.find(".map-mode input[value=lead]");
			browser.script("arguments[0].focus()", leadEs);
			leadEs.sendKeys(Keys.ARROW_RIGHT);
			assertThat(browser.find(".fill-shift").isDisplayed()).isTrue();
			assertThat(Browser.text(browser.find(".map-legend-shift"))).contains("Cambio hacia Ann Gomez");
			browser.fullPageScreenshot("contest-shift-es", 3200);
		}
	}

	private static List<String> cells(Browser browser, String column) {
		return browser.findAll("#units td." + column).stream().map(Browser::text).toList();
	}

	private static String row(String county, String candidate, String party, long votes) {
		return county + ",Mayor,," + party + "," + candidate + "," + votes + "," + ((votes > 0) ? 1 : 0) + ",1\n";
	}

	private void csv(String election, String rows) {
		this.api.importCsv(election, (HEADER + rows).getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
	}

}
