package org.tally.feed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TestCsv;
import org.tally.support.TallyIntegrationTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code results.csv} round trip on real files: a file imported into election A, A's
 * export imported into a fresh election B, and every stored count (unit, contest, choice,
 * vote type) and every progress value of B equal to A's, read with SQL. The exported
 * cells are also checked against the source file, read here on its own, so that a bug
 * shared by the export and the importer cannot pass.
 */
@TallyIntegrationTest
class ExportRoundTripTests {

	static final String PA = "ingest/20221108__pa__general__chester__precinct-turnout-cut.csv";

	static final String AR = "ingest/clarity-detail-ar-2014-county.xml";

	static final String NJ = "ingest/clarity-detail-nj-gloucester-2017-cut.xml";

	private static final String COUNTS = """
			select u.code, u.name, u.level, coalesce(parent.code, ''), c.slug, c.office, c.district, ch.name,
			       coalesce(ch.party, ''), vc.vote_type, vc.votes
			from vote_count vc
			join contest c on c.id = vc.contest_id
			join election e on e.id = c.election_id
			join choice ch on ch.id = vc.choice_id
			join reporting_unit u on u.id = vc.unit_id
			left join reporting_unit parent on parent.id = u.parent_id
			where e.slug = ?
			order by 1, 5, 8, 10
			""";

	private static final String PROGRESS = """
			select u.code, u.name, u.level, c.slug, p.precincts_reporting, p.precincts_total, p.ballots_cast,
			       p.registered_voters, p.ballots_outstanding, p.expected_votes
			from progress p
			join contest c on c.id = p.contest_id
			join election e on e.id = c.election_id
			join reporting_unit u on u.id = p.unit_id
			where e.slug = ?
			order by 1, 4
			""";

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	ExportRoundTripTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void pennsylvaniaSplitAndTurnoutRowsComeBackExactly() {
		byte[] source = TallyApi.read(PA);
		List<Map<String, String>> exported = roundTrip("rt-pa", source, "text/csv", "");

		List<Map<String, String>> rows = parse(new String(source, StandardCharsets.UTF_8));
		Map<String, Set<String>> precinctsByContest = new HashMap<>();
		Set<String> precincts = new HashSet<>();
		Map<String, Long> registered = new HashMap<>();
		Map<String, Long> cast = new HashMap<>();
		int candidateRows = 0;
		for (Map<String, String> row : rows) {
			if (row.get("candidate").isEmpty()) {
				Map<String, Long> turnout = switch (row.get("office")) {
					case "Registered Voters" -> registered;
					case "Ballots Cast" -> cast;
					default -> new HashMap<>();
				};
				turnout.merge(row.get("county"), Long.parseLong(row.get("votes")), Long::sum);
				continue;
			}
			candidateRows++;
			precincts.add(row.get("precinct"));
			precinctsByContest
				.computeIfAbsent(row.get("office") + "|" + row.get("district"), (contest) -> new HashSet<>())
				.add(row.get("precinct"));
			Map<String, String> out = only(exported, row.get("precinct"), row.get("office"), row.get("district"),
					row.get("candidate"));
			assertThat(out).as(row.toString())
				.containsEntry("county", row.get("county"))
				.containsEntry("party", row.get("party"))
				.containsEntry("votes", row.get("votes"))
				.containsEntry("election_day", row.get("election_day"))
				.containsEntry("early_voting", row.get("early_voting"))
				.containsEntry("provisional", row.get("provisional"))
				.containsEntry("absentee", "")
				.containsEntry("precincts_reporting", "")
				.containsEntry("registered_voters", "");
		}
		// the turnout rows: the county's registered voters and ballots cast, for the
		// contests every precinct of the cut votes in, on a row of their own
		List<String> countyWide = precinctsByContest.entrySet()
			.stream()
			.filter((contest) -> contest.getValue().equals(precincts))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(countyWide).contains("Governor|", "U.S. Senate|");
		List<Map<String, String>> progressRows = exported.stream()
			.filter((row) -> row.get("candidate").isEmpty())
			.toList();
		assertThat(progressRows).extracting((row) -> row.get("office") + "|" + row.get("district"))
			.containsExactlyInAnyOrderElementsOf(countyWide);
		assertThat(progressRows).allSatisfy((row) -> assertThat(row).containsEntry("county", "Chester")
			.containsEntry("precinct", "")
			.containsEntry("votes", "")
			.containsEntry("election_day", "")
			.containsEntry("registered_voters", registered.get("Chester").toString())
			.containsEntry("ballots_cast", cast.get("Chester").toString())
			.containsEntry("precincts_reporting", ""));
		assertThat(exported).hasSize(candidateRows + countyWide.size());
	}

	@Test
	void clarityCountySiteVoteTypesAndProgressComeBackExactly() throws Exception {
		byte[] source = TallyApi.read(AR);
		List<Map<String, String>> exported = roundTrip("rt-ar", source, "application/xml", "");

		Document xml = xml(source);
		Map<String, String> columns = Map.of("Election Day", "election_day", "Early Vote", "early_voting", "Absentee",
				"absentee", "Provisional", "provisional");
		int checked = 0;
		for (Element choice : elements(xml.getDocumentElement(), "Choice")) {
			Map<String, Long> totals = new HashMap<>();
			for (Element type : elements(choice, "VoteType")) {
				String column = columns.get(type.getAttribute("name"));
				for (Element county : elements(type, "County")) {
					String name = county.getAttribute("name");
					Map<String, String> out = only(exported, "", "U.S. Senate", "", choice.getAttribute("text"), name);
					assertThat(out.get(column)).as(name + " " + column).isEqualTo(county.getAttribute("votes"));
					totals.merge(name, Long.parseLong(county.getAttribute("votes")), Long::sum);
					checked++;
				}
			}
			totals.forEach((county,
					total) -> assertThat(
							only(exported, "", "U.S. Senate", "", choice.getAttribute("text"), county).get("votes"))
						.isEqualTo(total.toString()));
		}
		assertThat(checked).isGreaterThanOrEqualTo(75 * 4);
		for (Element county : elements(xml.getDocumentElement(), "County")) {
			if (!county.hasAttribute("totalVoters")) {
				continue;
			}
			List<Map<String, String>> rows = exported.stream()
				.filter((row) -> row.get("county").equals(county.getAttribute("name")))
				.toList();
			assertThat(rows).isNotEmpty()
				.allSatisfy((row) -> assertThat(row)
					.containsEntry("precincts_reporting", county.getAttribute("precinctsReported"))
					.containsEntry("precincts_total", county.getAttribute("precinctsParticipating"))
					.containsEntry("registered_voters", county.getAttribute("totalVoters"))
					.containsEntry("ballots_cast", county.getAttribute("ballotsCast")));
		}
	}

	@Test
	void clarityPrecinctSiteComesBackExactly() throws Exception {
		byte[] source = TallyApi.read(NJ);
		List<Map<String, String>> exported = roundTrip("rt-nj", source, "application/xml", "county=Gloucester");

		Document xml = xml(source);
		int checked = 0;
		for (Element contest : elements(xml.getDocumentElement(), "Contest")) {
			String office = contest.getAttribute("text");
			for (Element choice : elements(contest, "Choice")) {
				String name = choice.getAttribute("text").replaceFirst("^- ", "");
				for (Element type : elements(choice, "VoteType")) {
					assertThat(type.getAttribute("name")).isEqualTo("Election");
					for (Element precinct : elements(type, "Precinct")) {
						Map<String, String> out = only(exported, precinct.getAttribute("name"),
								office.replaceFirst("\\s*\\(Vote For \\d+\\)$", ""), "", name);
						assertThat(out).containsEntry("county", "Gloucester")
							.containsEntry("election_day", precinct.getAttribute("votes"))
							.containsEntry("votes", precinct.getAttribute("votes"))
							.containsEntry("absentee", "");
						checked++;
					}
				}
			}
			// the county's progress in the contest: one row of its own
			Map<String, String> progress = only(exported, "", office, "", "");
			assertThat(progress).containsEntry("county", "Gloucester")
				.containsEntry("precincts_reporting", contest.getAttribute("precinctsReported"));
		}
		assertThat(checked).isGreaterThan(100);
	}

	@Test
	void ca34SeedsComeBackExactly() {
		String election = this.api.createElection("rt-ca34-a", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		byte[] precincts = TallyApi.read("ca34/20170606__ca__special__general__los_angeles__precinct.csv");
		this.api.importCsv(election, precincts, "mode=setup").expectStatus().isCreated();
		String csv = export(election);
		String copy = this.api.createElection("rt-ca34-b", "special-general");
		this.api.importCsv(copy, csv.getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();

		assertSameCounts(election, copy);
		List<Map<String, String>> exported = parse(csv);
		for (Map<String, String> row : parse(new String(precincts, StandardCharsets.UTF_8))) {
			assertThat(
					only(exported, row.get("precinct"), row.get("office"), row.get("district"), row.get("candidate")))
				.containsEntry("votes", row.get("votes"))
				.containsEntry("party", row.get("party"))
				.containsEntry("election_day", "");
		}
	}

	/**
	 * Imports the source into A and A's export into B; B's counts and progress are A's.
	 */
	private List<Map<String, String>> roundTrip(String name, byte[] source, String type, String query) {
		String election = this.api.createElection(name + "-a", "general");
		this.api.importBody(election, source, type, "mode=setup" + (query.isEmpty() ? "" : "&" + query))
			.expectStatus()
			.isCreated();
		String csv = export(election);
		String copy = this.api.createElection(name + "-b", "general");
		this.api.importCsv(copy, csv.getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();
		assertSameCounts(election, copy);
		return parse(csv);
	}

	private void assertSameCounts(String election, String copy) {
		List<List<Object>> counts = rows(COUNTS, election);
		assertThat(counts).isNotEmpty();
		assertThat(rows(COUNTS, copy)).containsExactlyElementsOf(counts);
		assertThat(rows(PROGRESS, copy)).containsExactlyElementsOf(rows(PROGRESS, election));
	}

	private List<List<Object>> rows(String sql, String election) {
		return this.jdbc.sql(sql).param(election).query((rs, n) -> {
			List<Object> row = new ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				row.add(rs.getObject(i));
			}
			return row;
		}).list();
	}

	private String export(String election) {
		return this.api.text("/api/v1/elections/" + election + "/results.csv");
	}

	/**
	 * The one exported row of a precinct (or county, precinct ""), contest and choice.
	 */
	private static Map<String, String> only(List<Map<String, String>> rows, String precinct, String office,
			String district, String candidate) {
		return only(rows, precinct, office, district, candidate, null);
	}

	private static Map<String, String> only(List<Map<String, String>> rows, String precinct, String office,
			String district, String candidate, String county) {
		List<Map<String, String>> found = rows.stream()
			.filter((row) -> row.get("precinct").equals(precinct) && row.get("office").equals(office)
					&& row.get("district").equals(district) && row.get("candidate").equals(candidate)
					&& (county == null || row.get("county").equals(county)))
			.toList();
		assertThat(found).as(county + "/" + precinct + " " + office + " " + district + " " + candidate).hasSize(1);
		return found.get(0);
	}

	/** CSV with quoted cells (RFC 4180), rows as header name to cell. */
	static List<Map<String, String>> parse(String text) {
		List<List<String>> records = TestCsv.records(text);
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> values : records.subList(1, records.size())) {
			assertThat(values).hasSameSizeAs(header);
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), values.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	static Document xml(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	static List<Element> elements(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagName(name);
		List<Element> elements = new ArrayList<>(nodes.getLength());
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

}
