package org.tally.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tally.support.Browser;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estimate of the final result in Chromium, in English and Spanish: labelled an
 * estimate, not a race call, with the range as text beside every point; absent while the
 * election's {@code projections} is {@code staff} (the default). Screenshots in
 * target/screenshots/ (contest-estimate-en, contest-estimate-es).
 */
@TallyIntegrationTest
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EstimatePagesIT {

	private static final String HEADER = "county,office,district,party,candidate,votes,precincts_reporting,precincts_total\n";

	@LocalServerPort
	int port;

	final TallyApi api;

	EstimatePagesIT(TallyApi api) {
		this.api = api;
	}

	@Test
	void theContestPageShowsTheEstimateWithItsRangeInEnglishAndSpanish() {
		String then = this.api.createElection("it-estimate-then", "general");
		csv(then, rows(20, 1.0, 0.0));
		String now = this.api.createElection("it-estimate-now", "general");
		csv(now, rows(10, 1.1, 0.04));
		this.api.putJson("/api/v1/elections/" + now + "/contests/mayor/baseline", "{\"election\":\"" + then
				+ "\",\"contest\":\"mayor\",\"choices\":{\"Ann Gomez\":\"Ann Gomez\",\"Bob Ahn\":\"Bob Ahn\"}}");
		String path = "/elections/" + now + "/contests/mayor";

		try (Browser browser = Browser.open(this.port)) {
			browser.get(path);
			assertThat(browser.findAll("#estimate-heading")).as("hidden while projections is staff").isEmpty();

			this.api.putJson("/api/v1/elections/" + now + "/projections", "{\"projections\":\"public\"}");
			// another address: the browser may keep the page it has for five seconds
			browser.get(path + "?lang=en");
			String english = Browser.text(browser.find(".estimate-panel"));
			assertThat(english).contains("Estimate of the final result", "Estimate, not a race call",
					"10 of 20 units complete");
			assertThat(english).containsPattern("Ann Gomez: [0-9,]+ votes \\(90% range [0-9,]+ to [0-9,]+\\), "
					+ "[0-9.]+% \\([0-9.]+% to [0-9.]+%\\)");
			assertThat(english).containsPattern("Ann Gomez ahead by [0-9,]+ votes \\(90% range");
			browser.fullPageScreenshot("contest-estimate-en", 2400);

			browser.get(path + "?lang=es");
			String spanish = Browser.text(browser.find(".estimate-panel"));
			assertThat(spanish).contains("Estimación del resultado final", "Estimación, no una proyección de ganador",
					"10 de 20 unidades completas");
			assertThat(spanish).containsPattern("Ann Gomez: [0-9,]+ votos \\(rango del 90.?%: [0-9,]+ a [0-9,]+\\)");
			browser.fullPageScreenshot("contest-estimate-es", 2400);
		}
	}

	private static String rows(int counties, double turnout, double swing) {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < counties; i++) {
			double size = 2_000 + 600 * ((i * 7) % 20);
			double share = 0.35 + 0.3 * ((i * 3) % 20) / 20 + swing;
			long total = Math.round(size * turnout);
			long ann = Math.round(total * share);
			rows.append("County ").append(i).append(",Mayor,,,Ann Gomez,").append(ann).append(",1,1\n");
			rows.append("County ").append(i).append(",Mayor,,,Bob Ahn,").append(total - ann).append(",1,1\n");
		}
		return rows.toString();
	}

	private void csv(String election, String rows) {
		this.api.importCsv(election, (HEADER + rows).getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
	}

}
