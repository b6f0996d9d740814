package org.tally.results;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Contests read set-wise: the totals rule (per contest and county, its precincts when it
 * has any, else its own row), the precincts counted, and a set of contests read alone
 * exactly as they read among all of the election's.
 */
@TallyIntegrationTest
class ResultsQueriesTests {

	/** Alpha reports its own totals for both contests, Beta for the mayor only. */
	private static final String COUNTIES = """
			county,office,district,party,candidate,votes
			Alpha,Mayor,1,,Ann,100
			Alpha,Mayor,1,,Bob,50
			Alpha,Mayor,1,,Cy,9
			Beta,Mayor,1,,Ann,7
			Beta,Mayor,1,,Bob,3
			Beta,Mayor,1,,Cy,1
			Alpha,Measure,A,,Yes,40
			Alpha,Measure,A,,No,60
			""";

	/** Alpha's mayoral precincts: two, one of them with two candidates, none for Cy. */
	private static final String PRECINCTS = """
			county,precinct,office,district,party,candidate,votes
			Alpha,A-1,Mayor,1,,Ann,30
			Alpha,A-1,Mayor,1,,Bob,5
			Alpha,A-2,Mayor,1,,Ann,20
			""";

	private final TallyApi api;

	@Autowired
	ResultsQueries queries;

	@Autowired
	JdbcClient jdbc;

	ResultsQueriesTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void countsACountysPrecinctsWhenItHasAnyElseItsOwnRow() {
		long election = election("queries-totals-rule");

		ContestResult mayor = this.queries.contests(election, contest(election, "Mayor")).get(0);
		ContestResult measure = this.queries.contests(election, contest(election, "Measure")).get(0);

		assertThat(mayor.candidates()).extracting(CandidateResult::name, CandidateResult::votes)
			.containsExactly(tuple("Ann", 57L), tuple("Bob", 8L), tuple("Cy", 1L));
		assertThat(mayor.progress().precinctsReporting()).as("A-1 counted once").isEqualTo(2);
		assertThat(measure.candidates()).extracting(CandidateResult::name, CandidateResult::votes)
			.containsExactly(tuple("No", 60L), tuple("Yes", 40L));
		assertThat(measure.progress().precinctsReporting()).isNull();
		assertThat(this.queries.reportingUnits(election, mayor, UnitLevel.COUNTY))
			.extracting(UnitResult::name, (unit) -> unit.candidates().stream().map(UnitResult.Votes::votes).toList())
			.containsExactly(tuple("Alpha", List.of(50L, 5L, 0L)), tuple("Beta", List.of(7L, 3L, 1L)));
	}

	@Test
	void readsASetOfContestsAsTheyReadAmongAll() {
		long election = election("queries-contest-set");
		long other = election("queries-contest-set-other");
		long mayor = contest(election, "Mayor");
		long measure = contest(election, "Measure");
		List<ContestResult> all = this.queries.contests(election, 0);

		assertThat(all).extracting(ContestResult::id).containsExactlyInAnyOrder(mayor, measure);
		assertThat(this.queries.contests(election, Set.of(measure, mayor))).isEqualTo(all);
		assertThat(this.queries.contests(election, List.of(measure)))
			.containsExactly(all.stream().filter((contest) -> contest.id() == measure).findFirst().orElseThrow());
		assertThat(this.queries.contests(election, List.of(mayor, contest(other, "Mayor"))))
			.as("another election's contest is not read")
			.extracting(ContestResult::id)
			.containsExactly(mayor);
		assertThat(this.queries.contests(election, List.of())).isEmpty();
	}

	private long election(String slug) {
		this.api.createElection(slug, "general");
		this.api.importCsv(slug, COUNTIES.getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();
		this.api.importCsv(slug, PRECINCTS.getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();
		return this.queries.electionState(slug).orElseThrow().id();
	}

	private long contest(long election, String office) {
		return this.jdbc.sql("select id from contest where election_id = ? and office = ?")
			.params(election, office)
			.query(Long.class)
			.single();
	}

}
