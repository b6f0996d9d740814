package org.tally.staff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Setting up an election through the API, then calling it and recording, correcting and
 * withdrawing concessions, each visible in the public feed and in the audit log.
 */
@TallyIntegrationTest
class SetupAndDeskApiTests {

	@LocalServerPort
	int port;

	TallyApi api;

	@BeforeEach
	void connect() {
		this.api = new TallyApi(this.port);
	}

	RestTestClient.ResponseSpec send(String method, String path, String json) {
		return this.api.admin()
			.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	String houseRace(String election) {
		this.api.createElection(election, "special-general");
		send("POST", "/api/v1/elections/" + election + "/contests", """
				{"office":"U.S. House","district":"34","precinctsTotal":195,"ballotsOutstanding":1000}""")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.slug")
			.isEqualTo("us-house-34");
		String candidates = "/api/v1/elections/" + election + "/contests/us-house-34/candidates";
		send("POST", candidates, "{\"name\":\"Jimmy Gomez\",\"party\":\"DEM\",\"ballotOrder\":1}").expectStatus()
			.isCreated();
		send("POST", candidates, "{\"name\":\"Robert Lee Ahn\",\"party\":\"DEM\",\"ballotOrder\":2}").expectStatus()
			.isCreated();
		return "/api/v1/elections/" + election + "/contests/us-house-34";
	}

	@Test
	void createsContestsWithSlugsFromOfficeAndDistrict() {
		String contest = houseRace("setup-slugs");

		send("POST", "/api/v1/elections/setup-slugs/contests", "{\"office\":\"U.S. House\",\"district\":\"34\"}")
			.expectStatus()
			.isEqualTo(409);
		this.api.anonymous()
			.get()
			.uri(contest)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("U.S. House, District 34")
			.jsonPath("$.precinctsTotal")
			.isEqualTo(195)
			.jsonPath("$.candidates.length()")
			.isEqualTo(2);
	}

	@Test
	void editsAContestAndItsCandidatesAsSetupRevisions() {
		String contest = houseRace("setup-edits");
		long before = revision("setup-edits");

		send("PUT", contest, """
				{"office":"U.S. House","district":"34","name":"Congress, 34th","seats":1,"rule":"majority",
				 "precinctsTotal":200,"registeredVoters":300000,"ballotsOutstanding":0}""").expectStatus().isOk();
		send("POST", contest + "/candidates", "{\"name\":\"Jimmy Gomez\"}").expectStatus().isEqualTo(409);
		send("PUT", contest, "{\"office\":\"U.S. House\",\"rule\":\"threshold\"}").expectStatus().isBadRequest();

		this.api.anonymous()
			.get()
			.uri(contest)
			.exchange()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Congress, 34th")
			.jsonPath("$.precinctsTotal")
			.isEqualTo(200);
		assertThat(revision("setup-edits")).isEqualTo(before + 1);
	}

	@Test
	void editsAnElectionAndMovesItThroughItsStatuses() {
		this.api.createElection("setup-status", "general");

		send("PUT", "/api/v1/elections/setup-status", """
				{"name":"Rehearsal","date":"2017-06-06","kind":"general","jurisdiction":"California","test":true}""")
			.expectStatus()
			.isOk();
		for (String status : new String[] { "counting", "paused", "unofficial-complete", "certified" }) {
			send("PUT", "/api/v1/elections/setup-status/status", "{\"status\":\"" + status + "\"}").expectStatus()
				.isOk();
		}
		send("PUT", "/api/v1/elections/setup-status/status", "{\"status\":\"abandoned\"}").expectStatus()
			.isBadRequest();

		this.api.anonymous()
			.get()
			.uri("/api/v1/elections")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.slug == 'setup-status')].status")
			.isEqualTo("certified")
			.jsonPath("$[?(@.slug == 'setup-status')].test")
			.isEqualTo(true)
			.jsonPath("$[?(@.slug == 'setup-status')].name")
			.isEqualTo("Rehearsal");
	}

	@Test
	void addsReportingUnitsWithTheirCounty() {
		this.api.createElection("setup-units", "general");
		String units = "/api/v1/elections/setup-units/reporting-units";

		send("POST", units, "{\"name\":\"Los Angeles\",\"level\":\"county\"}").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("los-angeles");
		send("POST", units, "{\"name\":\"9000001A\",\"level\":\"precinct\",\"parent\":\"los-angeles\"}").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("los-angeles/9000001A");
		send("POST", units,
				"{\"code\":\"LA-1\",\"name\":\"Precinct 1\",\"level\":\"precinct\",\"parent\":\"los-angeles\"}")
			.expectStatus()
			.isCreated();
		send("POST", units, "{\"code\":\"LA-2\",\"name\":\"Precinct 2\",\"level\":\"precinct\"}").expectStatus()
			.isBadRequest();
		send("POST", units, "{\"code\":\"LA-1\",\"name\":\"Again\",\"level\":\"county\"}").expectStatus()
			.isEqualTo(409);
	}

	@Test
	void checksCallsAgainstTheContestsChoicesAndSeats() {
		String contest = houseRace("desk-checks");

		send("POST", contest + "/call", "{\"status\":\"called\",\"winners\":[\"Nobody Known\"]}").expectStatus()
			.isBadRequest();
		send("POST", contest + "/call", "{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\",\"Robert Lee Ahn\"]}")
			.expectStatus()
			.isBadRequest();
		send("POST", contest + "/call", "{\"status\":\"called\"}").expectStatus().isBadRequest();
		send("POST", contest + "/call", "{\"status\":\"too-early\",\"winners\":[\"Jimmy Gomez\"]}").expectStatus()
			.isBadRequest();
		send("POST", contest + "/call", "{\"status\":\"runoff\",\"advancing\":[\"Jimmy Gomez\"]}").expectStatus()
			.isBadRequest();
		send("POST", contest + "/call", "{\"status\":\"declared\"}").expectStatus().isBadRequest();

		send("POST", contest + "/call", "{\"status\":\"too-close\",\"note\":\"recount likely\"}").expectStatus()
			.isCreated();
		this.api.anonymous()
			.get()
			.uri(contest)
			.exchange()
			.expectBody()
			.jsonPath("$.call.status")
			.isEqualTo("too-close");
		send("POST", contest + "/call", "{\"status\":\"runoff\",\"advancing\":[\"Jimmy Gomez\",\"Robert Lee Ahn\"]}")
			.expectStatus()
			.isCreated();
		send("POST", contest + "/call", "{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"]}").expectStatus()
			.isCreated();
		this.api.anonymous()
			.get()
			.uri(contest)
			.exchange()
			.expectBody()
			.jsonPath("$.call.status")
			.isEqualTo("called")
			.jsonPath("$.candidates[?(@.name == 'Jimmy Gomez')].winner")
			.isEqualTo(true);

		send("DELETE", contest + "/call", "{}").expectStatus().isOk();
		this.api.anonymous()
			.get()
			.uri(contest)
			.exchange()
			.expectBody()
			.jsonPath("$.call.status")
			.isEqualTo("uncalled")
			.jsonPath("$.candidates[?(@.name == 'Jimmy Gomez')].winner")
			.isEqualTo(false);
	}

	@Test
	void recordsCorrectsAndWithdrawsAConcession() {
		String contest = houseRace("desk-concessions");
		String ahn = contest + "/concessions/Robert Lee Ahn";

		send("PUT", ahn, "{\"statement\":\"nothing yet\"}").expectStatus().isNotFound();
		send("POST", contest + "/concessions",
				"""
						{"candidate":"Robert Lee Ahn","concededAt":"2017-06-07T05:30:00Z","statement":"I called to congratulate"}""")
			.expectStatus()
			.isCreated();
		send("PUT", ahn, "{\"concededAt\":\"2017-06-07T05:45:00Z\",\"statement\":\"Corrected statement\"}")
			.expectStatus()
			.isOk();
		send("PUT", ahn, "{\"statement\":\"Corrected again, same time\"}").expectStatus().isOk();
		this.api.anonymous()
			.get()
			.uri(contest)
			.exchange()
			.expectBody()
			.jsonPath("$.candidates[?(@.name == 'Robert Lee Ahn')].conceded")
			.isEqualTo(true)
			.jsonPath("$.candidates[?(@.name == 'Robert Lee Ahn')].concededAt")
			.isEqualTo("2017-06-07T05:45:00Z")
			.jsonPath("$.candidates[?(@.name == 'Robert Lee Ahn')].concessionStatement")
			.isEqualTo("Corrected again, same time");

		send("DELETE", ahn, "{}").expectStatus().isOk();
		send("DELETE", ahn, "{}").expectStatus().isNotFound();
		send("POST", contest + "/concessions", "{\"candidate\":\"Someone Else\"}").expectStatus().isBadRequest();
		this.api.anonymous()
			.get()
			.uri(contest)
			.exchange()
			.expectBody()
			.jsonPath("$.candidates[?(@.name == 'Robert Lee Ahn')].conceded")
			.isEqualTo(false);
	}

	@Test
	void recordsEveryStaffWriteInTheAuditLog() {
		String contest = houseRace("desk-audit");
		send("POST", contest + "/call", "{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"]}").expectStatus()
			.isCreated();

		StaffBrowser browser = new StaffBrowser(this.port);
		browser.signIn(org.tally.support.Staff.ADMIN, org.tally.support.Staff.ADMIN_PASSWORD);
		String audit = browser.get("/staff/audit").body();

		assertThat(audit).contains("election-created", "contest-created", "candidate-added", "call",
				"contest desk-audit/us-house-34", "Jimmy Gomez");
	}

	@Test
	void auditSnapshotsNameEachFieldAsTheApiDoes(@Autowired JdbcClient jdbc) {
		String contest = houseRace("desk-audit-fields");
		send("POST", contest + "/call", "{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"]}").expectStatus()
			.isCreated();
		send("DELETE", contest + "/call", "{}").expectStatus().is2xxSuccessful();
		send("POST", contest + "/concessions", "{\"candidate\":\"Robert Lee Ahn\",\"statement\":\"Congratulations\"}")
			.expectStatus()
			.isCreated();
		send("DELETE", contest + "/concessions/Robert Lee Ahn", "{}").expectStatus().is2xxSuccessful();
		send("PUT", "/api/v1/elections/desk-audit-fields", """
				{"name":"Renamed","date":"2017-06-06","kind":"special-general","jurisdiction":"California"}""")
			.expectStatus()
			.isOk();
		java.util.function.Function<String, String> snapshot = (sql) -> jdbc.sql(sql)
			.param("contest desk-audit-fields/us-house-34")
			.param("election desk-audit-fields")
			.query(String.class)
			.single();
		assertThat(snapshot.apply("""
				select after::text from audit_event where action = 'contest-created' and (target = ? or target = ?)"""))
			.contains("\"ballotOrder\": 0", "\"precinctsTotal\": 195", "\"ballotsOutstanding\": 1000",
					"\"registeredVoters\": null", "\"threshold\": null", "\"seats\": 1", "\"slug\": \"us-house-34\"");
		assertThat(snapshot.apply("""
				select after::text from audit_event where action = 'candidate-added' and (target = ? or target = ?)
				order by id limit 1""")).contains("\"name\": \"Jimmy Gomez\"", "\"writeIn\": false",
				"\"incumbent\": false", "\"ballotOrder\": 1", "\"party\": \"DEM\"", "\"id\": ");
		assertThat(snapshot.apply("""
				select before::text from audit_event where action = 'call-retracted' and (target = ? or target = ?)"""))
			.isEqualTo("{\"note\": null, \"status\": \"called\", \"winners\": [\"Jimmy Gomez\"], \"advancing\": []}");
		assertThat(snapshot
			.apply("""
					select before::text from audit_event where action = 'concession-withdrawn' and (target = ? or target = ?)"""))
			.contains("\"candidate\": \"Robert Lee Ahn\"", "\"statement\": \"Congratulations\"", "\"sourceUrl\": null",
					"\"recordedBy\": \"admin\"", "\"concededAt\": \"20");
		assertThat(snapshot
			.apply("""
					select before::text from audit_event where action = 'election-updated' and (target = ? or target = ?)"""))
			.contains("\"date\": \"2017-06-06\"", "\"timeZone\": ", "\"test\": false", "\"revision\": ",
					"\"slug\": \"desk-audit-fields\"");
	}

	/**
	 * The fields each entry holds (docs/security.md, "Audit log"): the creation of an
	 * election before its first revision has none, a status change and a contest's first
	 * call only the status.
	 */
	@Test
	void auditSnapshotsKeepTheirFields(@Autowired JdbcClient jdbc) {
		String contest = houseRace("desk-audit-keys");
		send("PUT", "/api/v1/elections/desk-audit-keys/status", "{\"status\":\"counting\"}").expectStatus().isOk();
		send("PUT", contest, """
				{"office":"U.S. House","district":"34","precinctsTotal":196}""").expectStatus().isOk();
		send("PUT", contest + "/candidates/" + candidateId(jdbc, "desk-audit-keys", "Jimmy Gomez"), """
				{"name":"Jimmy Gomez","party":"DEM","ballotOrder":3}""").expectStatus().isOk();
		send("POST", contest + "/call", "{\"status\":\"too-early\"}").expectStatus().isCreated();
		java.util.function.BiFunction<String, String, String> keys = (action, side) -> jdbc.sql("""
				select string_agg(k, ',' order by k collate "C") from audit_event a, jsonb_object_keys(a.%s) k
				where a.id = (select max(id) from audit_event where action = ? and target like ?)""".formatted(side))
			.params(action, "% desk-audit-keys%")
			.query(String.class)
			.single();
		assertThat(keys.apply("election-created", "after"))
			.isEqualTo("date,jurisdiction,kind,language,name,publishAfter,slug,sourcesPublic,status,test,timeZone");
		assertThat(keys.apply("election-status", "before")).isEqualTo("status");
		assertThat(keys.apply("election-status", "after")).isEqualTo("status");
		assertThat(keys.apply("contest-updated", "after"))
			.isEqualTo("ballotOrder,ballotsCast,ballotsOutstanding,district,expectedVotes,kind,name,office,"
					+ "precinctsTotal,registeredVoters,rule,seats,slug,threshold,uncontested");
		assertThat(keys.apply("candidate-updated", "before")).isEqualTo("ballotOrder,id,incumbent,name,party,writeIn");
		assertThat(keys.apply("call", "before")).isEqualTo("status");
		assertThat(keys.apply("call", "after")).isEqualTo("advancing,note,status,winners");
		assertThat(jdbc.sql("""
				select before::text || ' ' || after::text from audit_event
				where action = 'election-status' and target = 'election desk-audit-keys'""")
			.query(String.class)
			.single()).isEqualTo("{\"status\": \"scheduled\"} {\"status\": \"counting\"}");
	}

	/** Each staff action's canonical JSON in the chain, as docs/verify.md lists them. */
	@Test
	void recordsStaffActionsInTheChainAsDocumented(@Autowired JdbcClient jdbc) {
		String contest = houseRace("desk-chain-actions");
		send("PUT", "/api/v1/elections/desk-chain-actions/status", "{\"status\":\"counting\"}").expectStatus().isOk();
		send("POST", contest + "/call", "{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"]}").expectStatus()
			.isCreated();
		send("POST", contest + "/concessions", """
				{"candidate":"Robert Lee Ahn","concededAt":"2017-06-07T04:00:00Z","statement":"Congratulations"}""")
			.expectStatus()
			.isCreated();
		send("DELETE", contest + "/concessions/Robert Lee Ahn", "{}").expectStatus().is2xxSuccessful();

		assertThat(jdbc.sql("""
				select r.action from revision r join election e on e.id = r.election_id
				where e.slug = 'desk-chain-actions' and (r.kind in ('call', 'concession') or r.action like '%"status"%')
				order by r.number""").query(String.class).list()).containsExactly(
				"{\"role\":\"admin\",\"status\":\"counting\",\"type\":\"status\"}",
				"{\"advancing\":[],\"contest\":\"us-house-34\",\"note\":null,\"role\":\"admin\","
						+ "\"status\":\"called\",\"type\":\"call\",\"winners\":[\"Jimmy Gomez\"]}",
				"{\"candidate\":\"Robert Lee Ahn\",\"concededAt\":\"2017-06-07T04:00:00Z\",\"contest\":\"us-house-34\","
						+ "\"role\":\"admin\",\"sourceUrl\":null,\"statement\":\"Congratulations\",\"type\":\"concession\"}",
				"{\"candidate\":\"Robert Lee Ahn\",\"contest\":\"us-house-34\",\"role\":\"admin\","
						+ "\"type\":\"concession-withdrawn\"}");
	}

	static long candidateId(JdbcClient jdbc, String election, String name) {
		return jdbc
			.sql("""
					select ch.id from choice ch join contest c on c.id = ch.contest_id join election e on e.id = c.election_id
					where e.slug = ? and ch.name = ?""")
			.params(election, name)
			.query(Long.class)
			.single();
	}

	@Test
	void keepsTheAuditLogAppendOnly(@Autowired JdbcClient jdbc) {
		houseRace("desk-append-only");

		assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.signIn(org.tally.support.Staff.ADMIN, org.tally.support.Staff.ADMIN_PASSWORD);
		browser.get("/staff/audit");
		assertThat(browser.post("/staff/audit", java.util.Map.of()).statusCode()).isEqualTo(405);
	}

	long revision(String election) {
		Number revision = (Number) this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election)
			.exchange()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("revision");
		return revision.longValue();
	}

}
