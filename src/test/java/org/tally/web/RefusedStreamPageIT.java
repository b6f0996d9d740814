package org.tally.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tally.TallyApplication;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
import org.tally.support.TallyApi;
import org.tally.support.TestDatabaseInitializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on an instance that refuses every event stream (tally.feed.max-readers=0, as
 * when its streams are full): the browser's EventSource gives up on the 503, and the page
 * follows the revision resource instead, so an import still reaches it without a reload.
 */
@BrowserTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RefusedStreamPageIT {

	static ConfigurableApplicationContext refusing;

	final TallyApi api;

	RefusedStreamPageIT(TallyApi api) {
		this.api = api;
	}

	@BeforeAll
	static void startAnInstanceWithNoStreams() {
		refusing = new SpringApplicationBuilder(TallyApplication.class).initializers(new TestDatabaseInitializer())
			.properties("server.port=0", "tally.database.discover=false", "spring.main.banner-mode=off")
			// arguments: above application.properties, which sets the cap too
			.run("--tally.feed.max-readers=0", "--tally.live.poll-seconds=1",
					"--spring.datasource.hikari.maximum-pool-size=4");
	}

	@AfterAll
	static void stop() {
		if (refusing != null) {
			refusing.close();
		}
	}

	@Test
	void aRefusedStreamFallsBackToPolling() {
		String election = this.api.createElection("it-refused-stream", "special-general");
		this.api.importCsv(election, csv(4120), "mode=setup").expectStatus().is2xxSuccessful();
		int port = Integer.parseInt(refusing.getEnvironment().getProperty("local.server.port"));

		try (Browser browser = Browser.open(port)) {
			browser.get("/elections/" + election);
			assertThat(Browser.text(browser.find("#contest-us-house-34 .votes"))).isEqualTo("4,120");
			browser.waitUntil(Duration.ofSeconds(10),
					(driver) -> "reconnecting".equals(browser.find("#live-state").getAttribute("data-state"))
							|| "live".equals(browser.find("#live-state").getAttribute("data-state")));

			// Through the other instance: this one hears of it from PostgreSQL.
			this.api.importCsv(election, csv(19761), "").expectStatus().is2xxSuccessful();

			browser.waitUntil(Duration.ofSeconds(20),
					(driver) -> "19,761".equals(Browser.text(browser.find("#contest-us-house-34 .votes"))));
			browser.waitUntil(Duration.ofSeconds(10),
					(driver) -> Browser.text(browser.find("#live-state")).contains("updated"));
			assertThat(browser.find("#contest-us-house-34").getAttribute("class")).contains("is-updated");
			browser.screenshot("election-refused-stream-polls-1280");
		}
	}

	private static byte[] csv(int gomez) {
		return """
				county,office,district,party,candidate,votes,precincts_reporting,precincts_total
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,%d,31,195
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,2905,31,195
				""".formatted(gomez).getBytes(StandardCharsets.UTF_8);
	}

}
