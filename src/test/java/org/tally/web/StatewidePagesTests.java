package org.tally.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contest with more precincts than a page holds (the 2016 president in Alpine, 5
 * precincts, and Stanislaus, 211: real OpenElections rows) shows its counties first; a
 * county's precincts are on the county's own page, 200 at a time, and a search finds a
 * precinct anywhere.
 */
@TallyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatewidePagesTests {

	private static final String FILE = "web/20161108__ca__general__president__alpine_stanislaus.csv";

	final TallyApi api;

	private String contest;

	StatewidePagesTests(TallyApi api) {
		this.api = api;
	}

	@BeforeAll
	void importTwoCounties() {
		String election = this.api.createElection("statewide-pages", "general");
		this.api.importFile(election, FILE, "mode=setup").expectStatus().is2xxSuccessful();
		this.contest = "/elections/" + election + "/contests/president";
	}

	@Test
	void contestPageListsCountiesWithLinksAndNoPrecinctRows() {
		String html = page(this.contest);

		assertThat(html).contains("216 precincts. Choose a county above");
		assertThat(rowNames(html)).containsExactly("Alpine", "Stanislaus");
		// the county's page in the reader's language, loaded in place or followed without
		// JS
		assertThat(html).contains("href=\"" + this.contest + "/counties/stanislaus?lang=en\"",
				"hx-get=\"" + this.contest + "/counties/stanislaus?lang=en\"", "hx-select=\"#precinct-panel\"");
		assertThat(page(this.contest + "?lang=es"))
			.contains("href=\"" + this.contest + "/counties/stanislaus?lang=es\"");
		assertThat(html).doesNotContain(">101002<");
	}

	@Test
	void countyPageShowsItsPrecinctsTwoHundredAtATime() {
		List<String> stanislaus = precincts("Stanislaus");
		assertThat(stanislaus).hasSize(211);

		String first = page(this.contest + "/counties/stanislaus");
		String second = page(this.contest + "/counties/stanislaus?page=2");

		assertThat(first).contains("Precincts in Stanislaus", "Precincts 1–200 of 211", "Page 1 of 2",
				"href=\"" + this.contest + "/counties/stanislaus?lang=en&amp;page=2#precincts\"");
		// the county row, then the page's precincts in name order
		List<String> onFirst = rowNames(first);
		List<String> onSecond = rowNames(second);
		assertThat(onFirst.get(0)).isEqualTo("Stanislaus");
		assertThat(onFirst.subList(1, onFirst.size())).isEqualTo(stanislaus.subList(0, 200));
		assertThat(onSecond.subList(1, onSecond.size())).isEqualTo(stanislaus.subList(200, 211));
		assertThat(second).contains("Precincts 201–211 of 211", "Page 2 of 2");
		assertThat(onFirst).as("no Alpine precinct").doesNotContain("1", "2", "3", "4", "5");
	}

	@Test
	void countyRowAndPrecinctRowShowTheFilesVotes() {
		// Stanislaus 101002 in the file: Trump 57, Johnson 2, La Riva 5, Clinton 147,
		// Stein 13
		// (224 votes; shares 65.625, 25.446, 0.893, 5.804, 2.232 %; floors to a tenth add
		// up to 99.8, so the two largest remainders, Johnson's .93 and Trump's .46, get
		// the missing tenths: Clinton 65.6%, Trump 25.5%)
		String html = page(this.contest + "/counties/stanislaus?q=101002");

		assertThat(html).contains("Precincts 1–1 of 1");
		assertThat(row(html, "101002")).contains("147 65.6%", "57 25.5%", "224", "Hillary Clinton +90");
		// Alpine's five precincts add up to its county row
		long alpineClinton = votes("Alpine", "Hillary Clinton");
		assertThat(row(page(this.contest + "/counties/alpine"), "Alpine"))
			.contains(String.format("%,d", alpineClinton));
	}

	@Test
	void searchFindsPrecinctsInEveryCountyAndSaysWhenNoneMatch() {
		String html = page(this.contest + "?q=1010");

		List<String> expected = precincts(null).stream().filter((name) -> name.contains("1010")).toList();
		assertThat(expected).isNotEmpty();
		List<String> names = rowNames(html);
		assertThat(names.subList(2, names.size())).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(page(this.contest + "?q=no-such-precinct")).contains("No precinct matches.");
	}

	@Test
	void unknownCountyIsANotFoundPage() {
		this.api.anonymous()
			.get()
			.uri(this.contest + "/counties/atlantis")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/** Precinct names of a county (all counties for null) in the file, sorted by name. */
	private static List<String> precincts(String county) {
		Set<String> names = new LinkedHashSet<>();
		for (String line : new String(TallyApi.read(FILE), StandardCharsets.UTF_8).split("\n")) {
			String[] cells = line.split(",");
			if (!cells[0].equals("county") && (county == null || cells[0].equals(county))) {
				names.add(cells[1]);
			}
		}
		return names.stream().sorted().toList();
	}

	private static long votes(String county, String candidate) {
		long sum = 0;
		for (String line : new String(TallyApi.read(FILE), StandardCharsets.UTF_8).split("\n")) {
			String[] cells = line.split(",");
			if (cells[0].equals(county) && cells[5].equals(candidate)) {
				sum += Long.parseLong(cells[6]);
			}
		}
		return sum;
	}

	/** The names of the table rows (counties, then precincts), in page order. */
	private static List<String> rowNames(String html) {
		List<String> names = new ArrayList<>();
		Matcher row = Pattern.compile("<th scope=\"row\">(?:<a [^>]*>)?([^<]*)(?:</a>)?</th>")
			.matcher(unitTables(html));
		while (row.find()) {
			names.add(row.group(1));
		}
		return names;
	}

	/**
	 * The page from its first county or precinct table on, past the county map's rows.
	 */
	private static String unitTables(String html) {
		int start = html.indexOf("<table class=\"data units\">");
		assertThat(start).as("a county or precinct table").isNotNegative();
		return html.substring(start);
	}

	private static String row(String html, String unit) {
		Matcher row = Pattern
			.compile("<th scope=\"row\">(?:<a [^>]*>)?" + Pattern.quote(unit) + "(?:</a>)?</th>(.*?)</tr>",
					Pattern.DOTALL)
			.matcher(unitTables(html));
		assertThat(row.find()).as("a row for " + unit).isTrue();
		return row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	private String page(String path) {
		return this.api.page(path);
	}

}
