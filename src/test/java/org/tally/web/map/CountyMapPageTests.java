package org.tally.web.map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county map on real pages, from a real file: the 2020 California presidential
 * contest by county (OpenElections, every President row of
 * {@code 20201103__ca__general__county.csv}).
 */
@TallyIntegrationTest
class CountyMapPageTests {

	private static final Pattern COUNTY = Pattern.compile(
			"<a class=\"map-county\" href=\"#(county-[a-z-]+)\"><title>([^<]*)</title><path(?: class=\"fill-lead\")? d=\"M[^\"]+\"(?: class=\"fill-lead\")? fill=\"url\\(#map-president-p(\\d)-(\\d)\\)\"");

	final TallyApi api;

	CountyMapPageTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void californiaPresidentHasAShapeForEveryCountyShadedByItsLeader() {
		String election = this.api.createElection("map-ca-2020", "general");
		this.api.importFile(election, "ingest/20201103__ca__general__president-by-county.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		String html = page("/elections/" + election + "/contests/president");

		Matcher county = COUNTY.matcher(html);
		int shapes = 0;
		StringBuilder slots = new StringBuilder();
		while (county.find()) {
			shapes++;
			slots.append(county.group(1)).append('=').append(county.group(3)).append(' ');
			// every shape links to a row of the table beside the map
			assertThat(html).contains("<tr id=\"" + county.group(1) + "\">");
		}
		assertThat(shapes).isEqualTo(58);
		// Biden has more votes statewide: first leader, plain blue; Trump second, striped
		// red
		assertThat(html)
			.containsPattern("<pattern id=\"map-president-p0-3\"[^>]*><rect[^>]*/><rect[^>]*fill=\"#2166ac\"");
		assertThat(html).containsPattern(
				"<pattern id=\"map-president-p1-3\"[^>]*><rect[^>]*/><rect[^>]*fill=\"#c0392b\"[^>]*/><path");
		// leaders typed from the file: Biden 193,025 / Trump 164,464 in Fresno, and so on
		assertThat(slots.toString()).contains("county-alameda=0 ", "county-fresno=0 ", "county-orange=0 ",
				"county-san-bernardino=0 ", "county-alpine=0 ", "county-kern=1 ", "county-lassen=1 ",
				"county-shasta=1 ");
		// Lassen: Trump 8,970, Biden 2,799: ahead by 6,171
		assertThat(html).contains("<title>Lassen: Donald J. Trump leads with 8,970 votes (");
		assertThat(html).contains("ahead by 6,171 votes");
		// Kern: Trump 164,484, Biden 133,366: ahead by 31,118
		assertThat(html).contains("<title>Kern: Donald J. Trump leads with 164,484 votes (", "ahead by 31,118 votes");
		// Alpine: Biden 476, Trump 244: ahead by 232
		assertThat(html).contains("<title>Alpine: Joseph R. Biden leads with 476 votes (", "ahead by 232 votes");
		// the legend names every leader's mark, so colour is not the only signal
		assertThat(html).contains("(plain)", "(diagonal stripes)");
		assertThat(html).doesNotContain("No map shape for");
		// the election page's card of this statewide contest has the map too, linking to
		// the rows (in the reader's language, as every link from the page)
		String card = page("/elections/" + election);
		assertThat(card).contains("class=\"card-map\"",
				"href=\"/elections/map-ca-2020/contests/president?lang=en#county-kern\"");
	}

	@Test
	void aContestInOneCountyShowsItInsideItsStateAndWarnsOfUnknownCounties() {
		String election = this.api.createElection("map-one-county", "special-general");
		this.api.importCsv(election, """
				county,office,district,party,candidate,votes
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,25569
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,17610
				Atlantis,U.S. House,34,DEM,Jimmy Gomez,1
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		String html = page("/elections/" + election + "/contests/us-house-34");

		assertThat(html).contains("<path class=\"map-state\" d=\"M");
		assertThat(html.split("class=\"map-county\"", -1)).hasSize(2);
		assertThat(html)
			.contains("<title>Los Angeles: Jimmy Gomez leads with 25,569 votes (59.2%), ahead by 7,959 votes");
		assertThat(html).contains("No map shape for Atlantis: listed in the table only.");
		// the same map in Spanish: the fragment's words come from the bundles
		String spanish = page("/elections/" + election + "/contests/us-house-34?lang=es");
		assertThat(spanish).contains("Quién va a la cabeza en cada condado", "Mapa de California por condado",
				"Sin forma en el mapa para Atlantis: solo figura en la tabla.");
		assertThat(spanish).doesNotContain("Who leads in each county", "No map shape for");
		// the county's title, the legend and the table's lead in Spanish words and
		// numbers
		assertThat(spanish).contains(
				"<title>Los Angeles: Jimmy Gomez encabeza con 25,569 votos (59.2\u00a0%), con una ventaja de 7,959 votos",
				"menos de 5 puntos", "(liso)", "+7,959 (18.4 pts.)");
		assertThat(spanish).doesNotContain("leads with", "under 5 points", "(plain)", " pts)");
	}

	@Test
	void noMapWhereTheJurisdictionIsNoState() {
		this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"map-city","name":"City","date":"2013-11-05","kind":"general","jurisdiction":"Minneapolis","test":false}
					""")
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.importCsv("map-city", """
				county,office,district,party,candidate,votes
				Hennepin,Mayor,,,Betsy Hodges,100
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		assertThat(page("/elections/map-city/contests/mayor")).doesNotContain("county-svg");
	}

	private String page(String path) {
		return this.api.text(path);
	}

}
