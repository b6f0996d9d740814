package org.tally.results.projection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.results.UnitLevel;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each county's margin then and its shift since, worked by hand on two small elections
 * (docs/projection.md, "Then and shift").
 */
@TallyIntegrationTest
class ShiftsTests {

	private static final String HEADER = "county,office,district,party,candidate,votes,precincts_reporting,precincts_total\n";

	private final TallyApi api;

	@Autowired
	Shifts shifts;

	@Autowired
	ResultsService results;

	ShiftsTests(TallyApi api) {
		this.api = api;
	}

	/**
	 * Then: A Ann 600, Bob 400 (Ann +20.0); B Ann 300, Bob 700 (Bob +40.0); C 500 each
	 * (even); D Ann 1, Bob 2 (Bob +33.3). Now: A Ann 550, Bob 400, Cy 50 (Ann +15.0, a
	 * shift of 5.0 toward Bob); B Ann 450, Bob 550 (Bob +10.0, 30.0 toward Ann); C not
	 * counted; D Ann 2, Bob 1 (Ann +33.3, a shift of 66.7: 200/3 rounded once, not 33.3 +
	 * 33.3). Ann leads the contest (1,002 to 951), so margins are Ann minus Bob.
	 */
	@Test
	void marginsThenAndShiftsSinceWorkedByHand() {
		String then = this.api.createElection("shift-then", "general");
		csv(then, row("A", "Ann", 600) + row("A", "Bob", 400) + row("B", "Ann", 300) + row("B", "Bob", 700)
				+ row("C", "Ann", 500) + row("C", "Bob", 500) + row("D", "Ann", 1) + row("D", "Bob", 2));
		String now = this.api.createElection("shift-now", "general");
		csv(now, row("A", "Ann", 550) + row("A", "Bob", 400) + row("A", "Cy", 50) + row("B", "Ann", 450)
				+ row("B", "Bob", 550) + row("C", "Ann", 0) + row("C", "Bob", 0) + row("D", "Ann", 2)
				+ row("D", "Bob", 1));
		ElectionResults current = this.results.results(this.results.current(now));
		ContestResult mayor = this.results.contest(current, "mayor");
		assertThat(this.shifts.of(current, mayor)).as("no baseline yet").isEmpty();

		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + now + "/contests/mayor/baseline")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"election\":\"" + then + "\",\"contest\":\"mayor\",\"choices\":{\"Ann\":\"Ann\",\"Bob\":\"Bob\"}}")
			.exchange()
			.expectStatus()
			.isOk();
		current = this.results.results(this.results.current(now));
		mayor = this.results.contest(current, "mayor");
		ContestShift shift = this.shifts.of(current, mayor).orElseThrow();

		assertThat(shift.first()).isEqualTo("Ann");
		assertThat(shift.second()).isEqualTo("Bob");
		assertThat(shift.baseline()).isEqualTo(new Projection.Ref(then, "mayor"));
		assertThat(shift.units()).hasSize(4);
		assertThat(unit(shift, current, mayor, "A")).isEqualTo(unit("20.0", "15.0", "-5.0"));
		assertThat(unit(shift, current, mayor, "B")).isEqualTo(unit("-40.0", "-10.0", "30.0"));
		assertThat(unit(shift, current, mayor, "C"))
			.isEqualTo(new ContestShift.Unit(new BigDecimal("0.0"), null, null));
		assertThat(unit(shift, current, mayor, "D")).isEqualTo(unit("-33.3", "33.3", "66.7"));
		assertThat(this.shifts.of(current, mayor)).as("made once per revision").containsSame(shift);
	}

	private ContestShift.Unit unit(ContestShift shift, ElectionResults current, ContestResult mayor, String county) {
		String code = this.results.reportingUnits(current, mayor, UnitLevel.COUNTY)
			.stream()
			.filter((unit) -> unit.name().equals("County " + county))
			.findFirst()
			.orElseThrow()
			.code();
		return shift.unit(code);
	}

	private static ContestShift.Unit unit(String then, String now, String shift) {
		return new ContestShift.Unit(new BigDecimal(then), new BigDecimal(now), new BigDecimal(shift));
	}

	private static String row(String county, String candidate, long votes) {
		return "County " + county + ",Mayor,,," + candidate + "," + votes + ",1,1\n";
	}

	private void csv(String election, String rows) {
		this.api.importCsv(election, (HEADER + rows).getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
	}

}
