package org.tally.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT .../baseline}: choices by party unless named, units by code else by the one
 * name normaliser that keeps the type word; the answer lists what did not match.
 */
@TallyIntegrationTest
class BaselineTests {

	private static final String HEADER = "county,office,district,party,candidate,votes\n";

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	BaselineTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void choicesGoByPartyAndUnitsByCodeThenNameKeepingTheTypeWord() {
		String[] elections = elections("baseline-match");

		Map<String, Object> answer = put(elections[1],
				"{\"election\":\"" + elections[0] + "\",\"contest\":\"president\"}");

		assertThat(answer.get("choices")).isEqualTo(List.of(Map.of("name", "Biden", "baseline", List.of("Clinton")),
				Map.of("name", "Trump", "baseline", List.of("Trump")),
				Map.of("name", "Jorgensen", "baseline", List.of("Johnson")),
				Map.of("name", "Hawkins", "baseline", List.of())));
		// "FAIRFAX" (code fairfax) is Fairfax County by name; "Fairfax city" by its code;
		// Arlington by both
		assertThat(answer.get("unitsMatched")).isEqualTo(3);
		assertThat(answer.get("unmatchedBaselineUnits")).isEqualTo(List.of("Loudoun"));
		assertThat(answer.get("unmatchedUnits")).isEqualTo(List.of("Prince William"));
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'baseline'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void aNamedChoiceOrPartyOverridesTheChoicesOwnParty() {
		String[] elections = elections("baseline-named");

		Map<String, Object> answer = put(elections[1], "{\"election\":\"" + elections[0]
				+ "\",\"contest\":\"president\",\"choices\":{\"Hawkins\":\"Stein\",\"Jorgensen\":\"REP\"}}");

		assertThat(answer.get("choices")).asList()
			.contains(Map.of("name", "Hawkins", "baseline", List.of("Stein")),
					Map.of("name", "Jorgensen", "baseline", List.of("Trump")));
	}

	@Test
	void anUnknownTargetOrChoiceIsAProblemNamingIt() {
		String[] elections = elections("baseline-bad");
		String path = "/api/v1/elections/" + elections[1] + "/contests/president/baseline";

		this.api.admin()
			.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"election\":\"" + elections[0]
					+ "\",\"contest\":\"president\",\"choices\":{\"Hawkins\":\"Nobody\"}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("choices.Hawkins").contains("Nobody"));
		this.api.admin()
			.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"election\":\"" + elections[0] + "\",\"contest\":\"no-such\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.anonymous()
			.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"election\":\"" + elections[0] + "\",\"contest\":\"president\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	/** A 2016 baseline and a 2020 election, counties named differently. */
	private String[] elections(String stem) {
		String before = this.api.createElection(stem + "-2016", "general");
		csv(before, """
				Fairfax County,President,,DEM,Clinton,355133
				Fairfax County,President,,REP,Trump,157710
				Fairfax County,President,,LIB,Johnson,18573
				Fairfax County,President,,,Stein,6269
				Fairfax city,President,,DEM,Clinton,8144
				Fairfax city,President,,REP,Trump,3959
				Arlington,President,,DEM,Clinton,108928
				Arlington,President,,REP,Trump,20186
				Loudoun,President,,DEM,Clinton,100795
				Loudoun,President,,REP,Trump,69633
				""");
		String after = this.api.createElection(stem + "-2020", "general");
		csv(after, """
				FAIRFAX,President,,DEM,Biden,419148
				FAIRFAX,President,,REP,Trump,168401
				FAIRFAX,President,,LIB,Jorgensen,6172
				FAIRFAX,President,,GRN,Hawkins,1500
				Fairfax city,President,,DEM,Biden,10141
				Fairfax city,President,,REP,Trump,3870
				Arlington,President,,DEM,Biden,105344
				Arlington,President,,REP,Trump,22318
				Prince William,President,,DEM,Biden,142863
				Prince William,President,,REP,Trump,81222
				""");
		return new String[] { before, after };
	}

	private void csv(String election, String rows) {
		this.api.importCsv(election, (HEADER + rows).getBytes(StandardCharsets.UTF_8), "mode=setup")
			.expectStatus()
			.is2xxSuccessful();
	}

	private Map<String, Object> put(String election, String body) {
		return this.api.admin()
			.put()
			.uri("/api/v1/elections/" + election + "/contests/president/baseline")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
