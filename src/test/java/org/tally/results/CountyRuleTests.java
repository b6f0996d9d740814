package org.tally.results;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The county rule (docs/numbers.md "The county rule"), through a real import and the read
 * model: counts come from a county's precincts when it has any, else its own row; a
 * figure (expected vote, ballots cast, registered voters) is the precincts' sum where
 * every precinct of the county has it, else the county row's. The expected numbers are
 * worked by hand from the file below.
 */
@TallyIntegrationTest
class CountyRuleTests {

	/**
	 * Alpha: its own row and three precincts (A-3 with progress and no count
	 * without ballots cast). Beta: its own row only. Gamma: two precincts, G-2 without
	 * any figure, and no county row.
	 */
	private static final String FILE = """
			county,precinct,office,district,party,candidate,votes,registered_voters,ballots_cast,expected_votes
			Alpha,,Mayor,,,Ann,100,5000,900,1000
			Alpha,A-1,Mayor,,,Ann,30,2000,400,300
			Alpha,A-2,Mayor,,,Ann,20,2500,,350
			Alpha,A-3,Mayor,,,,,700,,150
			Beta,,Mayor,,,Ann,7,800,600,700
			Gamma,G-1,Mayor,,,Ann,5,100,,
			Gamma,G-2,Mayor,,,Ann,6,,,
			""";

	private final TallyApi api;

	@Autowired
	ResultsQueries queries;

	CountyRuleTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void countsFromPrecinctsFiguresFromPrecinctsOnlyWhereEveryPrecinctHasThem() {
		this.api.createElection("county-rule", "general");
		this.api.importCsv("county-rule", FILE.getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.isCreated();
		long election = this.queries.electionState("county-rule").orElseThrow().id();
		ContestResult mayor = this.queries.contests(election, 0).get(0);

		assertThat(this.queries.reportingUnits(election, mayor, UnitLevel.COUNTY))
			.extracting(UnitResult::name, UnitResult::totalVotes, UnitResult::registeredVoters, UnitResult::ballotsCast,
					UnitResult::expectedVotes)
			.containsExactly(
					// counts: 30 + 20 (not the county row's 100); registered 2,000 +
					// 2,500
					// + 700 and expected 300 + 350 + 150 (every precinct has them, the
					// county row's 5,000 and 1,000 do not count); ballots cast: A-2 and
					// A-3 lack it, so the county row's 900
					tuple("Alpha", 50L, 5200L, 900L, 800L),
					// no precincts: the county row
					tuple("Beta", 7L, 800L, 600L, 700L),
					// G-2 lacks every figure and there is no county row: unknown, never
					// G-1's 100 alone
					tuple("Gamma", 11L, null, null, null));
		// the contest: the counties' figures summed, 5,200 + 800, 900 + 600, 800 + 700
		assertThat(mayor.totalVotes()).isEqualTo(68L);
		assertThat(mayor.registeredVoters()).isEqualTo(6000L);
		assertThat(mayor.ballotsCast()).isEqualTo(1500L);
		assertThat(mayor.expectedVotes()).isEqualTo(1500L);
	}

}
