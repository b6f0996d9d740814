package org.tally.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
import org.tally.support.TallyApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Chromium on the CA-34 files: the numbers readers see are the feed's,
 * an import reaches an open page without a reload, and the page reads without JavaScript.
 * Screenshots land in target/screenshots/.
 */
@BrowserTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ElectionPageIT {

	private static final Duration LIVE = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	final TallyApi api;

	ElectionPageIT(TallyApi api) {
		this.api = api;
	}

	@Test
	void numbersOnThePageEqualTheFeed() {
		String primary = this.api.createElection("it-ca34-primary", "special-primary");
		this.api.importFile(primary, "ca34/20170404__ca__special__primary__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		String general = this.api.createElection("it-ca34-general", "special-general");
		this.api.importFile(general, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		concede(general, "Robert Lee Ahn");
		call(general, "{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"],\"advancing\":[],\"note\":\"Canvass.\"}");

		try (Browser browser = Browser.open(this.port)) {
			for (String election : List.of(primary, general)) {
				JsonNode feed = feed("/api/v1/elections/" + election + "/contests/us-house-34");
				browser.get("/elections/" + election);
				WebElement card = browser.find("#contest-us-house-34");

				assertThat(rows(card)).containsExactlyElementsOf(expectedRows(feed));
				// the precinct files never say how many precincts there are: no total, no
				// percentage, only the count of those reporting (docs/contract.md §2)
				assertThat(feed.get("precinctsTotal").isNull()).isTrue();
				assertThat(Browser.text(card.findElement(org.openqa.selenium.By.cssSelector(".progress-label"))))
					.isEqualTo(String.format("%,d precincts reporting", feed.get("precinctsReporting").asInt()));
			}
			assertThat(Browser.text(browser.find("#contest-us-house-34"))).contains("✓ Winner", "Conceded");
			browser.fullPageScreenshot("election-ca34-general-1280", 2000);
			browser.get("/elections/" + primary);
			browser.fullPageScreenshot("election-ca34-primary-1280", 2400);
			browser.get("/elections/" + general + "/contests/us-house-34");
			browser.fullPageScreenshot("contest-ca34-general-1280", 2600);
			browser.get("/embed/elections/" + general + "/contests/us-house-34").size(420, 520);
			browser.screenshot("embed-ca34-general-420");
			browser.get("/").size(1280, 900);
			browser.screenshot("index-1280");
			browser.get("/elections/no-such-election");
			browser.screenshot("error-404-1280");
		}
	}

	@Test
	void anImportReachesTheOpenPageWithoutAReload() {
		String election = this.api.createElection("it-ca34-live", "special-general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes,precincts_reporting,precincts_total
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,4120,31,195
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,2905,31,195
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();

		try (Browser browser = Browser.open(this.port)) {
			browser.get("/elections/" + election);
			browser.script("window.tallyMarker = 'still here'");
			assertThat(Browser.text(browser.find("#contest-us-house-34 .votes"))).isEqualTo("4,120");

			// The page subscribes to the event stream a moment after it loads; an import
			// sent before that is not announced to it. Send counts until one arrives.
			long gomez = 19_000;
			boolean arrived = false;
			for (int attempt = 0; attempt < 10 && !arrived; attempt++) {
				gomez += 100;
				this.api.importCsv(election, """
						county,office,district,party,candidate,votes,precincts_reporting,precincts_total
						Los Angeles,U.S. House,34,DEM,Jimmy Gomez,%d,194,195
						Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108,194,195
						""".formatted(gomez).getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();
				String expected = String.format("%,d", gomez);
				arrived = waitFor(browser,
						() -> expected.equals(Browser.text(browser.find("#contest-us-house-34 .votes"))));
			}
			assertThat(arrived).as("an import reached the open page").isTrue();
			this.api.importCsv(election, """
					county,office,district,party,candidate,votes,precincts_reporting,precincts_total
					Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761,195,195
					Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108,195,195
					""".getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();
			browser.waitUntil(LIVE,
					(driver) -> "19,761".equals(Browser.text(browser.find("#contest-us-house-34 .votes"))));
			browser.waitUntil(LIVE,
					(driver) -> Browser.text(browser.find("#contest-us-house-34"))
						.contains("100% of precincts reporting")
							&& Browser.text(browser.find("#live-state")).contains("updated"));

			assertThat(browser.script("return window.tallyMarker")).isEqualTo("still here");
			String card = Browser.text(browser.find("#contest-us-house-34"));
			assertThat(card).contains("New numbers", "60.1%", "19,761", "13,108");
			assertThat(browser.find("#contest-us-house-34").getAttribute("class")).contains("is-updated");
			assertThat(Browser.text(browser.find("#live-state")))
				.containsPattern("updated 1 contest at .*[AP]M P[SD]T");
			assertThat(browser.find("#live-state").getAttribute("data-state")).isEqualTo("updated");
			assertThat(browser.find("#live-since").getAttribute("value"))
				.isEqualTo(browser.find("#election-status").getAttribute("data-revision"))
				.isNotEqualTo("1");
			browser.screenshot("election-live-update-1280");
		}
	}

	@Test
	void readsAndFiltersWithoutJavaScript() {
		String election = this.api.createElection("it-ca34-nojs", "special-general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes,precincts_reporting,precincts_total
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761,195,195
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108,195,195
				Los Angeles,State Assembly,51,DEM,Wendy Carrillo,5000,3,400
				Los Angeles,State Assembly,51,DEM,Luis Lopez,4000,3,400
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();

		try (Browser browser = Browser.open(this.port, false, 390, 844)) {
			browser.get("/elections/" + election);
			assertThat(Browser.text(browser.find("#contest-us-house-34"))).contains("Jimmy Gomez", "19,761", "60.1%");
			assertThat(browser.find("#live-state").isDisplayed()).isFalse();
			assertThat(browser.find(".noscript-note").isDisplayed()).isTrue();
			browser.fullPageScreenshot("election-nojs-390", 2000);

			browser.find("#filter-q").sendKeys("carrillo", org.openqa.selenium.Keys.ENTER);
			browser.waitUntil(LIVE, (driver) -> browser.url().contains("q=carrillo"));
			assertThat(browser.findAll("#cards .card")).hasSize(1);
			assertThat(browser.find("#cards .card").getAttribute("id")).isEqualTo("contest-state-assembly-51");
		}
	}

	@Test
	void fitsAPhoneAndFiltersAsYouType() {
		String election = this.api.createElection("it-ca34-phone", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();

		try (Browser browser = Browser.open(this.port, true, 390, 844)) {
			for (String path : List.of("/elections/" + election, "/elections/" + election + "/contests/us-house-34")) {
				browser.get(path);
				Number width = (Number) browser.script("return document.documentElement.scrollWidth");
				assertThat(width.intValue()).as("page width of " + path).isLessThanOrEqualTo(390);
			}
			browser.get("/elections/" + election);
			browser.fullPageScreenshot("election-ca34-general-390", 1800);
			browser.get("/elections/" + election + "/contests/us-house-34");
			browser.fullPageScreenshot("contest-ca34-general-390", 3000);

			browser.get("/elections/" + election);
			browser.find("#filter-q").sendKeys("nobody");
			assertThat(browser.find("#contest-us-house-34").isDisplayed()).isFalse();
			assertThat(browser.find("#no-match").isDisplayed()).isTrue();
			assertThat(browser.url()).contains("q=nobody");
		}
	}

	@Test
	void embedShowsInAnotherSitesFrame() throws IOException {
		String election = this.api.createElection("it-ca34-embed", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		String embed = "http://localhost:" + this.port + "/embed/elections/" + election + "/contests/us-house-34";

		HttpServer newsroom = articleServer("<h1>A newsroom article</h1><iframe id=\"results\" width=\"420\" "
				+ "height=\"400\" src=\"" + embed + "\"></iframe>");
		try (Browser browser = Browser.open(this.port)) {
			browser.get("http://127.0.0.1:" + newsroom.getAddress().getPort() + "/article");
			browser.waitUntil(LIVE, ExpectedConditions.frameToBeAvailableAndSwitchToIt("results"));
			browser.waitUntil(LIVE, (driver) -> !browser.findAll("#contest-us-house-34 .votes").isEmpty());

			assertThat(Browser.text(browser.find("#contest-us-house-34 .votes"))).isEqualTo("25,569");
		}
		finally {
			newsroom.stop(0);
		}
	}

	/** Another site: a page of its own origin that frames Tally's embed. */
	private static HttpServer articleServer(String html) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] body = ("<!DOCTYPE html><html lang=\"en\"><title>Article</title><body>" + html + "</body></html>")
			.getBytes(StandardCharsets.UTF_8);
		server.createContext("/article", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static boolean waitFor(Browser browser, java.util.function.BooleanSupplier condition) {
		try {
			browser.waitUntil(Duration.ofSeconds(3), (driver) -> condition.getAsBoolean());
			return true;
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			return false;
		}
	}

	private List<String> rows(WebElement card) {
		List<String> rows = new ArrayList<>();
		for (WebElement row : card.findElements(org.openqa.selenium.By.cssSelector("tr.cand"))) {
			rows.add(Browser.text(row.findElement(org.openqa.selenium.By.cssSelector(".name"))) + " | "
					+ Browser.text(row.findElement(org.openqa.selenium.By.cssSelector(".votes"))) + " | "
					+ Browser.text(row.findElement(org.openqa.selenium.By.cssSelector(".pct"))));
		}
		return rows;
	}

	private static List<String> expectedRows(JsonNode contest) {
		List<String> rows = new ArrayList<>();
		for (JsonNode candidate : contest.get("candidates")) {
			rows.add(candidate.get("name").asString() + " | " + String.format("%,d", candidate.get("votes").asLong())
					+ " | " + candidate.get("votePct").decimalValue().toPlainString() + "%");
		}
		return rows;
	}

	private JsonNode feed(String path) {
		String json = this.api.text(path);
		return JsonMapper.builder().build().readTree(json);
	}

	private void concede(String election, String candidate) {
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/concessions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"candidate\":\"" + candidate + "\",\"concededAt\":\"2017-06-07T05:30:00Z\","
					+ "\"statement\":\"I called Jimmy Gomez to congratulate him.\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private void call(String election, String body) {
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

}
