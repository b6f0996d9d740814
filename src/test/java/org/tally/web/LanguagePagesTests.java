package org.tally.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages in the reader's language over real HTTP: the CA-34 general's certified
 * precinct file (Gomez 25,569 = 59.2%, Ahn 17,610 = 40.8% of 43,179, 195 precincts) in
 * Spanish shows the numbers the English page shows, with Spanish words and a Spanish
 * date; the language comes from {@code ?lang=}, else {@code Accept-Language}, else the
 * election's default; links and live fetches keep it; caches see it in the URL,
 * {@code Vary} or the ETag.
 */
@TallyIntegrationTest
class LanguagePagesTests {

	private static final String NBSP = "\u00a0";

	final TallyApi api;

	LanguagePagesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void spanishElectionAndContestPagesShowTheEnglishNumbersWithSpanishWordsAndDate() {
		String election = ca34("i18n-ca34");
		String contest = "/elections/" + election + "/contests/us-house-34";

		String en = page("/elections/" + election + "?lang=en", null);
		String es = page("/elections/" + election + "?lang=es", null);

		assertThat(cardRows(en)).containsExactly("Jimmy Gomez 25,569 59.2%", "Robert Lee Ahn 17,610 40.8%");
		assertThat(cardRows(es)).containsExactly("Jimmy Gomez 25,569 59.2" + NBSP + "%",
				"Robert Lee Ahn 17,610 40.8" + NBSP + "%");
		// the file gives no precinct total, so none is shown (never guessed:
		// docs/contract.md §2)
		assertThat(en).contains("<html lang=\"en-US\"", "June 6, 2017", "43,179 votes", "195 precincts reporting",
				"Gomez leads by 7,959 votes (18.4 points)", "Conceded", "Called");
		assertThat(es).contains("<html lang=\"es-US\"", "6 de junio de 2017", "43,179 votos",
				"195 distritos electorales han informado",
				"Gomez lleva una ventaja de 7,959 votos (18.4 puntos porcentuales)", "Reconoció su derrota",
				"Declarada", "Votos", "Resultados no oficiales hasta que se certifiquen", "Elección general especial");
		// names are never translated
		assertThat(es).contains("U.S. House", "Jimmy Gomez", "Robert Lee Ahn", "DEM");
		assertThat(es).doesNotContain(">Votes<", "precincts", "Leading", "Not called");

		String contestEn = page(contest + "?lang=en", null);
		String contestEs = page(contest + "?lang=es", null);

		assertThat(row(contestEn, "Los Angeles")).isEqualTo("25,569 59.2% 17,610 40.8% 43,179 Jimmy Gomez +7,959");
		assertThat(row(contestEs, "Los Angeles"))
			.isEqualTo("25,569 59.2" + NBSP + "% 17,610 40.8" + NBSP + "% 43,179 Jimmy Gomez +7,959");
		assertThat(row(contestEs, "0850001A")).isEqualTo(row(contestEn, "0850001A").replace("%", NBSP + "%"));
		// Ahn conceded at 2017-06-07T05:30Z: 10:30 PM on June 6 in Los Angeles
		assertThat(contestEn).contains("June 6, 2017", "Jun 6, 2017, 10:30 PM PDT", "Robert Lee Ahn conceded",
				"Called: Jimmy Gomez wins");
		assertThat(contestEs).contains("6 de junio de 2017", "6 jun. 2017 10:30 p." + NBSP + "m. PDT",
				"Robert Lee Ahn reconoció su derrota", "Declarada: Jimmy Gomez gana", "Distritos electorales",
				"Condado", "Por condado y distrito electoral");
	}

	@Test
	void languageComesFromTheUrlThenTheBrowserThenTheElectionsDefault() {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"i18n-default-es","name":"Elección de prueba","date":"2017-06-06","kind":"special-general",
				 "jurisdiction":"California","test":false,"language":"es"}""").exchange().expectStatus().isCreated();
		String path = "/elections/i18n-default-es";

		EntityExchangeResult<String> noHeader = exchange(path, null);
		assertThat(noHeader.getResponseBody()).contains("<html lang=\"es-US\"");
		assertThat(noHeader.getResponseHeaders().getVary()).contains(HttpHeaders.ACCEPT_LANGUAGE);
		assertThat(page(path, "en-US,en;q=0.9")).contains("<html lang=\"en-US\"", "Special general");
		assertThat(page(path, "fr-FR, fr;q=0.9")).as("a language Tally does not have: the election's")
			.contains("<html lang=\"es-US\"");
		assertThat(page("/elections/i18n-default-es?lang=en", "es-MX")).contains("<html lang=\"en-US\"");
		assertThat(exchange(path + "?lang=en", "es").getResponseHeaders().getVary())
			.doesNotContain(HttpHeaders.ACCEPT_LANGUAGE);

		String english = ca34("i18n-default-en");
		for (String mexican : List.of("es-MX", "es", "es-ES,es;q=0.9,en;q=0.5")) {
			assertThat(page("/elections/" + english, mexican)).as(mexican).contains("<html lang=\"es-US\"", "votos");
		}
		assertThat(page("/elections/" + english, null)).contains("<html lang=\"en-US\"");

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/i18n-default-es")
			.exchange()
			.expectBody()
			.jsonPath("$.language")
			.isEqualTo("es");
		this.api.admin().put().uri("/api/v1/elections/i18n-default-es").contentType(MediaType.APPLICATION_JSON).body("""
				{"name":"Elección de prueba","date":"2017-06-06","kind":"special-general","jurisdiction":"California",
				 "language":"fr"}""").exchange().expectStatus().isBadRequest();
		this.api.admin()
			.put()
			.uri("/api/v1/elections/i18n-default-es")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name":"Elección de prueba","date":"2017-06-06","kind":"special-general","jurisdiction":"California",
					 "language":"en"}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.language")
			.isEqualTo("en");
		assertThat(page(path, null)).contains("<html lang=\"en-US\"");
	}

	@Test
	void linksTheSwitchAndLiveFetchesKeepTheLanguage() {
		String election = ca34("i18n-links");

		String es = page("/elections/" + election, "es-MX");

		assertThat(es).contains("href=\"/elections/" + election + "/contests/us-house-34?lang=es\"",
				"<input type=\"hidden\" name=\"lang\" value=\"es\">", "href=\"/?lang=es\"");
		assertThat(es).containsPattern("hx-get=\"/elections/" + election + "/cards\\?[^\"]*lang=es\"");
		// the switch: this page in English, named in English
		assertThat(es).contains("href=\"/elections/" + election + "?lang=en\" lang=\"en-US\" hreflang=\"en-US\"");
		assertThat(es).containsPattern("aria-current=\"true\"[^>]*>Español<");

		String cards = page("/elections/" + election + "/cards?since=0&lang=es", null);
		assertThat(cards).contains("Votos", "25,569", "59.2" + NBSP + "%").doesNotContain("Votes");

		String embed = page("/embed/elections/" + election + "/contests/us-house-34?lang=es", null);
		assertThat(embed).contains("<html lang=\"es-US\"", "Resultados completos en Tally",
				"/elections/" + election + "/contests/us-house-34/card?lang=es", "data-text-on=\"En vivo");
		assertThat(page("/elections/" + election + "/contests/us-house-34/card?lang=es", null)).contains("Votos");

		String contest = page("/elections/" + election + "/contests/us-house-34?lang=es", null);
		assertThat(contest).contains("href=\"?lang=es&amp;sort=total&amp;dir=desc#counties\"",
				"href=\"/elections/" + election
						+ "/contests/us-house-34?lang=es&amp;sort=total&amp;dir=desc#precincts\"",
				"<input type=\"hidden\" name=\"lang\" value=\"es\">",
				"/embed/elections/" + election + "/contests/us-house-34?lang=es");
	}

	@Test
	void etagsDifferPerLanguage() {
		String election = ca34("i18n-etags");
		String path = "/elections/" + election;

		String english = exchange(path + "?lang=en", null).getResponseHeaders().getETag();
		String spanish = exchange(path + "?lang=es", null).getResponseHeaders().getETag();

		assertThat(english).isNotBlank();
		assertThat(spanish).isNotBlank().isNotEqualTo(english);
		this.api.anonymous()
			.get()
			.uri(path + "?lang=en")
			.header(HttpHeaders.IF_NONE_MATCH, english)
			.exchange()
			.expectStatus()
			.isNotModified();
		this.api.anonymous()
			.get()
			.uri(path + "?lang=es")
			.header(HttpHeaders.IF_NONE_MATCH, english)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void errorPagesSpeakTheReadersLanguage() {
		this.api.anonymous()
			.get()
			.uri("/elections/no-such-election?lang=es")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"es-US\"", "No encontramos esa página",
					"/elections/no-such-election", "href=\"/?lang=es\""));
		this.api.anonymous()
			.get()
			.uri("/elections/a/b/c/d/e")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "es-419")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<html lang=\"es-US\"", "No encontramos esa página"));
	}

	@Test
	void staffSetTheDefaultLanguageOnTheElectionPage() {
		String election = this.api.createElection("i18n-staff", "general");

		this.api.admin()
			.get()
			.uri("/staff/elections/" + election)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("name=\"language\"",
					"<option value=\"es\">Spanish (es)</option>", "<html lang=\"en\""));
	}

	/**
	 * The CA-34 general's certified precinct file, with Ahn's concession and the call.
	 */
	private String ca34(String slug) {
		String election = this.api.createElection(slug, "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/concessions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"candidate":"Robert Lee Ahn","concededAt":"2017-06-07T05:30:00Z","statement":"Ahn conceded."}""")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"status":"called","winners":["Jimmy Gomez"],"advancing":[],"note":"Certified canvass."}""")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		return election;
	}

	/** Each candidate row of the cards: name, votes, percent. */
	private static List<String> cardRows(String html) {
		Matcher row = Pattern
			.compile("<span class=\"name\">([^<]+)</span>.*?<td class=\"num votes\">([^<]+)</td>"
					+ "<td class=\"num pct\">([^<]+)</td>", Pattern.DOTALL)
			.matcher(html);
		List<String> rows = new ArrayList<>();
		while (row.find()) {
			rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
		}
		return rows;
	}

	/**
	 * A county or precinct table row's cells as text, after its name (not the row of the
	 * county map's table, whose rows carry the map's anchors).
	 */
	private static String row(String html, String unit) {
		Matcher row = Pattern
			.compile("<tr>\\s*<th scope=\"row\">(?:<a [^>]*>)?" + Pattern.quote(unit) + "(?:</a>)?</th>(.*?)</tr>",
					Pattern.DOTALL)
			.matcher(html);
		assertThat(row.find()).as("a row for " + unit).isTrue();
		return row.group(1).replaceAll("<[^>]+>", " ").replaceAll("[ \\t\\r\\n]+", " ").strip();
	}

	private String page(String path, String acceptLanguage) {
		return exchange(path, acceptLanguage).getResponseBody();
	}

	private EntityExchangeResult<String> exchange(String path, String acceptLanguage) {
		return this.api.anonymous().get().uri(path).accept(MediaType.TEXT_HTML).headers((headers) -> {
			if (acceptLanguage != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
			}
		}).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
	}

}
