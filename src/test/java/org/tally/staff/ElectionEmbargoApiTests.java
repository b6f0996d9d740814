package org.tally.staff;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code publishAfter} on an election (docs/contract.md §7) through the staff API: set in
 * {@code POST /api/v1/elections}, changed, kept or lifted by a {@code PUT} whose every
 * field is optional, refused with a problem naming the field, and audited.
 */
@TallyIntegrationTest
class ElectionEmbargoApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final TallyApi api;

	@Autowired
	JdbcClient jdbc;

	ElectionEmbargoApiTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void createSetsPublishAfterAndAnswersIt() {
		Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> created = post("""
				{"slug":"embargo-api-create","name":"Embargoed","date":"2017-06-06","kind":"general",
				 "jurisdiction":"Pennsylvania","publishAfter":"%s"}""".formatted(at));
		assertThat(created).containsEntry("publishAfter", at.toString()).containsEntry("timeZone", "America/New_York");
		assertThat(this.api.json("/api/v1/elections/embargo-api-create")).containsEntry("publishAfter", at.toString());
		List<Map<String, Object>> elections = this.api.anonymous()
			.get()
			.uri("/api/v1/elections")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(elections).filteredOn((election) -> "embargo-api-create".equals(election.get("slug")))
			.singleElement()
			.satisfies((election) -> assertThat(election).containsEntry("publishAfter", at.toString()));
	}

	@Test
	void anOffsetIsReadAsTheInstantItNames() {
		Map<String, Object> created = post("""
				{"slug":"embargo-api-offset","name":"Embargoed","date":"2030-11-05","kind":"general",
				 "jurisdiction":"Pennsylvania","publishAfter":"2030-11-05T20:00:00-05:00"}""");
		assertThat(created).containsEntry("publishAfter", "2030-11-06T01:00:00Z");
	}

	@Test
	void aPartialPutKeepsEveryFieldItLeavesOut() {
		post("""
				{"slug":"embargo-api-partial","name":"Partial","date":"2017-06-06","kind":"special-general",
				 "jurisdiction":"California","test":true,"language":"es","sourcesPublic":false}""");
		Map<String, Object> after = put("embargo-api-partial", "{\"publishAfter\":\"2031-01-01T04:00:00Z\"}");
		assertThat(after).containsEntry("name", "Partial")
			.containsEntry("date", "2017-06-06")
			.containsEntry("kind", "special-general")
			.containsEntry("jurisdiction", "California")
			.containsEntry("test", true)
			.containsEntry("language", "es")
			.containsEntry("timeZone", "America/Los_Angeles")
			.containsEntry("publishAfter", "2031-01-01T04:00:00Z");
		assertThat(this.jdbc.sql("select sources_public from election where slug = 'embargo-api-partial'")
			.query(Boolean.class)
			.single()).isFalse();

		after = put("embargo-api-partial", "{\"name\":\"Renamed\"}");
		assertThat(after).containsEntry("name", "Renamed")
			.containsEntry("test", true)
			.containsEntry("publishAfter", "2031-01-01T04:00:00Z");

		after = put("embargo-api-partial", "{\"publishAfter\":null}");
		assertThat(after).containsEntry("name", "Renamed").containsEntry("publishAfter", null);

		after = put("embargo-api-partial", "{}");
		assertThat(after).containsEntry("name", "Renamed").containsEntry("kind", "special-general");
	}

	@Test
	void everyChangeOfTheEmbargoIsAuditedWithItsValuesBeforeAndAfter() {
		post("""
				{"slug":"embargo-api-audit","name":"Audited","date":"2017-06-06","kind":"general",
				 "jurisdiction":"California"}""");
		put("embargo-api-audit", "{\"publishAfter\":\"2031-01-01T04:00:00Z\"}");
		Map<String, Object> entry = this.jdbc.sql("""
				select before ->> 'publishAfter' as before, after ->> 'publishAfter' as after, actor
				from audit_event where action = 'election-updated' and target = 'election embargo-api-audit'
				order by id desc limit 1""").query().singleRow();
		assertThat(entry).containsEntry("before", null)
			.containsEntry("after", "2031-01-01T04:00:00Z")
			.containsEntry("actor", "admin");
		assertThat(this.jdbc.sql("""
				select r.kind from revision r join election e on e.id = r.election_id
				where e.slug = 'embargo-api-audit' order by r.number desc limit 1""").query(String.class).single())
			.isEqualTo("setup");
	}

	@Test
	void aBadValueIsAProblemNamingTheField() {
		badRequest("POST", "/api/v1/elections", """
				{"slug":"embargo-api-bad","name":"Bad","date":"2017-06-06","kind":"general",
				 "jurisdiction":"California","publishAfter":"8 PM"}""", "publishAfter");
		post("""
				{"slug":"embargo-api-bad2","name":"Bad","date":"2017-06-06","kind":"general",
				 "jurisdiction":"California"}""");
		badRequest("PUT", "/api/v1/elections/embargo-api-bad2", "{\"publishAfter\":\"tomorrow\"}", "publishAfter");
		badRequest("PUT", "/api/v1/elections/embargo-api-bad2", "{\"publishAfter\":20301105}", "publishAfter");
		badRequest("PUT", "/api/v1/elections/embargo-api-bad2", "{\"name\":\"  \"}", "name");
		badRequest("PUT", "/api/v1/elections/embargo-api-bad2", "{\"kind\":\"coronation\"}", "kind");
		assertThat(put("embargo-api-bad2", "{}")).containsEntry("name", "Bad").containsEntry("publishAfter", null);
	}

	@Test
	void anEmbargoAlreadyOverRecordsNoOpening() {
		post("""
				{"slug":"embargo-api-past","name":"Past","date":"2017-06-06","kind":"general",
				 "jurisdiction":"California","publishAfter":"2017-06-07T03:00:00Z"}""");
		assertThat(this.jdbc.sql("select opened_after from election where slug = 'embargo-api-past'")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(Instant.parse("2017-06-07T03:00:00Z"));
		assertThat(this.jdbc.sql("""
				select count(*) from revision r join election e on e.id = r.election_id
				where e.slug = 'embargo-api-past'""").query(Long.class).single()).isZero();
	}

	private Map<String, Object> post(String body) {
		return this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> put(String election, String body) {
		return this.api.admin()
			.put()
			.uri("/api/v1/elections/" + election)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private void badRequest(String method, String path, String body, String field) {
		Map<String, Object> problem = this.api.admin()
			.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat((String) problem.get("detail")).as(body).startsWith(field + ":");
	}

}
