package org.tally.feed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split by vote type in the feed (docs/contract.md §4), on real files with a split,
 * checked against the numbers in the files themselves (summed here from their rows):
 * Chester County, PA 2022 (OpenElections,
 * {@code election_day, early_voting, provisional}) and Arkansas 2014 (Clarity detail.xml,
 * four vote types by county).
 */
@TallyIntegrationTest
class VoteTypesFeedTests {

	private static final String PRECINCTS = "ingest/20221108__pa__general__chester__precinct-cut.csv";

	/** The county's own rows: each candidate's sums over the whole county file. */
	private static final String COUNTY = "ingest/20221108__pa__general__chester__county-totals.csv";

	private static final String ARKANSAS = "ingest/clarity-detail-ar-2014-county.xml";

	/**
	 * The columns of the OpenElections file and the vote types (docs/contract.md §1) they
	 * hold.
	 */
	private static final Map<String, String> COLUMNS = columns();

	final TallyApi api;

	VoteTypesFeedTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void aCountyFileShowsItsSplitThenItsPrecinctsTakeOverForEveryType() {
		String election = this.api.createElection("types-chester", "general");
		this.api.importFile(election, COUNTY, "mode=setup").expectStatus().isCreated();
		String uri = "/api/v1/elections/" + election + "/contests/" + slug(election, "U.S. House", "6");

		// the county's own row
		Map<String, Map<String, Long>> county = expected(rows(COUNTY), "U.S. House", "6");
		assertSplit(json(uri), county);

		// its precincts now stand for it, for every type: never the county row as well
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();
		Map<String, Map<String, Long>> precincts = expected(rows(PRECINCTS), "U.S. House", "6");
		assertThat(precincts).isNotEqualTo(county);
		assertSplit(json(uri), precincts);

		Map<String, Object> byCounty = json(uri + "?level=county");
		assertThat(list(byCounty.get("reportingUnits"))).singleElement().satisfies((unit) -> {
			assertThat(unit).containsEntry("code", "chester");
			assertThat(longs(unit.get("voteTypes"))).containsExactlyEntriesOf(totals(precincts));
			assertThat(list(unit.get("candidates")))
				.allSatisfy((c) -> assertThat(longs(c.get("voteTypes"))).isEqualTo(precincts.get(c.get("name"))));
		});

		List<Map<String, Object>> units = list(json(uri + "?level=precinct").get("reportingUnits"));
		assertThat(units).extracting((unit) -> unit.get("name"))
			.containsExactlyInAnyOrder("Atglen", "Charlestown", "Coatesville 5");
		for (Map<String, Object> unit : units) {
			Map<String, Map<String, Long>> rows = expected(
					rows(PRECINCTS).stream().filter((row) -> row.get("precinct").equals(unit.get("name"))).toList(),
					"U.S. House", "6");
			assertThat(longs(unit.get("voteTypes"))).as((String) unit.get("name"))
				.containsExactlyEntriesOf(totals(rows));
			assertThat(list(unit.get("candidates")))
				.allSatisfy((c) -> assertThat(longs(c.get("voteTypes"))).isEqualTo(rows.get(c.get("name"))));
		}

		// the history keeps each revision's split
		List<Map<String, Object>> revisions = list(json(uri + "/history").get("revisions"));
		assertThat(revisions).hasSize(2);
		assertThat(longs(revisions.get(0).get("voteTypes"))).containsExactlyEntriesOf(totals(county));
		assertThat(longs(revisions.get(1).get("voteTypes"))).containsExactlyEntriesOf(totals(precincts));
		assertThat(list(revisions.get(0).get("candidates")))
			.allSatisfy((c) -> assertThat(longs(c.get("voteTypes"))).isEqualTo(county.get(c.get("name"))));
		assertThat(list(revisions.get(1).get("candidates")))
			.allSatisfy((c) -> assertThat(longs(c.get("voteTypes"))).isEqualTo(precincts.get(c.get("name"))));
	}

	@Test
	void everyContestOfTheFileCarriesItsSplit() {
		String election = this.api.createElection("types-chester-all", "general");
		this.api.importFile(election, PRECINCTS, "mode=setup").expectStatus().isCreated();
		List<Map<String, String>> rows = rows(PRECINCTS);

		for (String[] contest : new String[][] { { "U.S. Senate", "" }, { "Governor", "" }, { "State Assembly", "74" },
				{ "State Senate", "44" } }) {
			assertSplit(json("/api/v1/elections/" + election + "/contests/" + slug(election, contest[0], contest[1])),
					expected(rows, contest[0], contest[1]));
		}
	}

	@Test
	void aClarityDetailFileShowsItsFourTypesByCounty() throws Exception {
		String election = this.api.createElection("types-arkansas", "general");
		this.api.importBody(election, TallyApi.read(ARKANSAS), "application/xml", "mode=setup")
			.expectStatus()
			.isCreated();
		// <VoteType name="..."><County name="..." votes="..."/> under Tom Cotton's Choice
		Map<String, String> types = Map.of("Election Day", "election-day", "Absentee", "mail", "Early Vote", "early",
				"Provisional", "provisional");
		Document xml = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(TallyApi.read(ARKANSAS)));
		Map<String, Map<String, Long>> byCounty = new LinkedHashMap<>();
		Map<String, Long> totals = new LinkedHashMap<>();
		Map<String, Long> stated = new LinkedHashMap<>();
		NodeList voteTypes = xml.getElementsByTagName("VoteType");
		for (int i = 0; i < voteTypes.getLength(); i++) {
			Element voteType = (Element) voteTypes.item(i);
			String type = types.get(voteType.getAttribute("name"));
			stated.put(type, Long.parseLong(voteType.getAttribute("votes")));
			NodeList counties = voteType.getElementsByTagName("County");
			for (int j = 0; j < counties.getLength(); j++) {
				Element county = (Element) counties.item(j);
				long votes = Long.parseLong(county.getAttribute("votes"));
				byCounty.computeIfAbsent(county.getAttribute("name"), (n) -> new LinkedHashMap<>()).put(type, votes);
				totals.merge(type, votes, Long::sum);
			}
		}
		assertThat(totals).isEqualTo(stated);

		String uri = "/api/v1/elections/" + election + "/contests/" + slug(election, "U.S. Senate", "");
		Map<String, Object> contest = json(uri + "?level=county");
		// in the order of docs/contract.md §1: election day, mail, early, provisional
		assertThat(longs(contest.get("voteTypes"))).containsExactly(entry("election-day", stated),
				entry("mail", stated), entry("early", stated), entry("provisional", stated));
		assertThat(list(contest.get("candidates"))).singleElement()
			.satisfies((c) -> assertThat(longs(c.get("voteTypes"))).isEqualTo(stated));
		List<Map<String, Object>> units = list(contest.get("reportingUnits"));
		assertThat(units).hasSize(byCounty.size());
		for (Map<String, Object> unit : units) {
			Map<String, Long> expected = byCounty.get(unit.get("name"));
			assertThat(longs(unit.get("voteTypes"))).as((String) unit.get("name")).isEqualTo(expected);
			assertThat(list(unit.get("candidates"))).singleElement()
				.satisfies((c) -> assertThat(longs(c.get("voteTypes"))).isEqualTo(expected));
		}
	}

	@Test
	void aFileWithoutASplitHasNoVoteTypesAnywhere() {
		String election = this.api.createElection("types-none", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		String uri = "/api/v1/elections/" + election + "/contests/us-house-34";
		for (String query : List.of("?level=county", "?level=precinct")) {
			Map<String, Object> contest = json(uri + query);
			assertThat(contest).doesNotContainKey("voteTypes");
			assertThat(list(contest.get("candidates"))).allSatisfy((c) -> assertThat(c).doesNotContainKey("voteTypes"));
			assertThat(list(contest.get("reportingUnits"))).allSatisfy((unit) -> {
				assertThat(unit).doesNotContainKey("voteTypes");
				assertThat(list(unit.get("candidates")))
					.allSatisfy((c) -> assertThat(c).doesNotContainKey("voteTypes"));
			});
		}
		assertThat(list(json(uri + "/history").get("revisions")))
			.allSatisfy((revision) -> assertThat(revision).doesNotContainKey("voteTypes"));
	}

	/**
	 * Random counties with their own row, their precincts or both, a random split: the
	 * feed's split is the counts' summed by the totals rule, worked out here from the
	 * generated rows (a county's precincts when it has any, else its own row).
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void theSplitIsTheCountsSummedByTheTotalsRule(long seed) {
		Random random = new Random(seed);
		List<String> columns = new ArrayList<>(List.of("election_day", "mail", "early_voting", "provisional"));
		Collections.shuffle(columns, random);
		columns = columns.subList(0, 1 + random.nextInt(4));
		Map<String, String> typeOf = Map.of("election_day", "election-day", "mail", "mail", "early_voting", "early",
				"provisional", "provisional");
		List<String> candidates = List.of("Ada", "Ben", "Cy");
		StringBuilder file = new StringBuilder("county,precinct,office,district,party,candidate,votes");
		columns.forEach((column) -> file.append(',').append(column));
		file.append('\n');
		// per county, per candidate, per type: its precincts' votes and its own row's
		Map<String, Map<String, Map<String, Long>>> precinctVotes = new TreeMap<>();
		Map<String, Map<String, Map<String, Long>>> ownVotes = new TreeMap<>();
		for (int c = 0; c < 2 + random.nextInt(4); c++) {
			String county = "County " + c;
			int shape = random.nextInt(3); // 0: own row, 1: precincts, 2: both
			int precincts = (shape == 0) ? 0 : 1 + random.nextInt(4);
			for (int p = -1; p < precincts; p++) {
				if (p == -1 && shape == 1) {
					continue;
				}
				Map<String, Map<String, Map<String, Long>>> target = (p == -1) ? ownVotes : precinctVotes;
				for (String candidate : candidates) {
					file.append(county)
						.append(',')
						.append((p == -1) ? "" : "P" + p)
						.append(",Mayor,,,")
						.append(candidate);
					StringBuilder parts = new StringBuilder();
					long total = 0;
					for (String column : columns) {
						long votes = random.nextInt(5) == 0 ? 0 : random.nextInt(2000);
						total += votes;
						parts.append(',').append(votes);
						target.computeIfAbsent(county, (k) -> new TreeMap<>())
							.computeIfAbsent(candidate, (k) -> new TreeMap<>())
							.merge(typeOf.get(column), votes, Long::sum);
					}
					file.append(',').append(total).append(parts).append('\n');
				}
			}
		}
		String election = this.api.createElection("types-rule-" + seed, "general");
		this.api.importCsv(election, file.toString().getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.isCreated();

		Map<String, Map<String, Long>> expected = new TreeMap<>();
		Map<String, Map<String, Long>> byCounty = new TreeMap<>();
		for (String county : union(precinctVotes.keySet(), ownVotes.keySet())) {
			Map<String, Map<String, Long>> counted = precinctVotes.containsKey(county) ? precinctVotes.get(county)
					: ownVotes.get(county);
			counted.forEach((candidate, types) -> types.forEach((type, votes) -> {
				expected.computeIfAbsent(candidate, (k) -> new TreeMap<>()).merge(type, votes, Long::sum);
				byCounty.computeIfAbsent(county, (k) -> new TreeMap<>()).merge(type, votes, Long::sum);
			}));
		}
		Map<String, Object> contest = json("/api/v1/elections/" + election + "/contests/mayor?level=county");
		Map<String, Long> totals = new TreeMap<>();
		expected.values().forEach((types) -> types.forEach((type, votes) -> totals.merge(type, votes, Long::sum)));
		assertThat(new TreeMap<>(longs(contest.get("voteTypes")))).isEqualTo(totals);
		assertThat(list(contest.get("candidates"))).allSatisfy(
				(c) -> assertThat(new TreeMap<>(longs(c.get("voteTypes")))).isEqualTo(expected.get(c.get("name"))));
		assertThat(list(contest.get("reportingUnits"))).hasSize(byCounty.size())
			.allSatisfy((unit) -> assertThat(new TreeMap<>(longs(unit.get("voteTypes"))))
				.isEqualTo(byCounty.get(unit.get("name"))));
		// the types in the order of docs/contract.md §1
		List<String> order = List.of("election-day", "mail", "early", "provisional");
		assertThat(List.copyOf(longs(contest.get("voteTypes")).keySet()))
			.isEqualTo(order.stream().filter(totals::containsKey).toList());
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new TreeSet<>(a);
		union.addAll(b);
		return union;
	}

	/** The contest's and each candidate's split are the file's. */
	private static void assertSplit(Map<String, Object> contest, Map<String, Map<String, Long>> expected) {
		assertThat(longs(contest.get("voteTypes"))).containsExactlyEntriesOf(totals(expected));
		List<Map<String, Object>> candidates = list(contest.get("candidates"));
		assertThat(candidates).extracting((c) -> c.get("name")).containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(candidates).allSatisfy((c) -> assertThat(longs(c.get("voteTypes"))).as((String) c.get("name"))
			.containsExactlyEntriesOf(expected.get(c.get("name"))));
	}

	/** Per candidate of the contest, its votes per type summed over the rows. */
	private static Map<String, Map<String, Long>> expected(List<Map<String, String>> rows, String office,
			String district) {
		Map<String, Map<String, Long>> votes = new LinkedHashMap<>();
		for (Map<String, String> row : rows) {
			if (row.get("office").equals(office) && row.get("district").equals(district)) {
				Map<String, Long> candidate = votes.computeIfAbsent(row.get("candidate"), (c) -> new LinkedHashMap<>());
				COLUMNS.forEach((column, type) -> candidate.merge(type, number(row.get(column)), Long::sum));
			}
		}
		return votes;
	}

	private static Map<String, Long> totals(Map<String, Map<String, Long>> byCandidate) {
		Map<String, Long> totals = new LinkedHashMap<>();
		COLUMNS.values().forEach((type) -> totals.put(type, 0L));
		byCandidate.values().forEach((types) -> types.forEach((type, votes) -> totals.merge(type, votes, Long::sum)));
		return totals;
	}

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("election_day", "election-day");
		columns.put("early_voting", "early");
		columns.put("provisional", "provisional");
		return columns;
	}

	private static Map.Entry<String, Long> entry(String type, Map<String, Long> votes) {
		return Map.entry(type, votes.get(type));
	}

	private static long number(String cell) {
		return Long.parseLong(cell.replace(",", ""));
	}

	/** The file's candidate rows (not its turnout rows), by column name. */
	private static List<Map<String, String>> rows(String resource) {
		String[] lines = new String(TallyApi.read(resource), StandardCharsets.UTF_8).split("\r?\n");
		List<String> header = cells(lines[0]);
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			List<String> cells = cells(lines[i]);
			Map<String, String> row = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				row.put(header.get(c), cells.get(c));
			}
			if (!row.get("candidate").isEmpty()) {
				rows.add(row);
			}
		}
		return rows;
	}

	/** One CSV line's cells ("1,048" quoted). */
	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	/** The slug the feed gives the contest with this office and district. */
	private String slug(String election, String office, String district) {
		List<Map<String, Object>> contests = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/contests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return contests.stream()
			.filter((c) -> office.equals(c.get("office")) && district.equals(c.get("district")))
			.map((c) -> (String) c.get("slug"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no contest " + office + " " + district + " in " + contests));
	}

	private Map<String, Object> json(String uri) {
		return this.api.json(uri);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	/** A JSON object of counts, in its order. */
	@SuppressWarnings("unchecked")
	private static Map<String, Long> longs(Object value) {
		assertThat(value).as("voteTypes").isInstanceOf(Map.class);
		Map<String, Long> longs = new LinkedHashMap<>();
		((Map<String, Object>) value).forEach((key, number) -> longs.put(key, ((Number) number).longValue()));
		return longs;
	}

}
