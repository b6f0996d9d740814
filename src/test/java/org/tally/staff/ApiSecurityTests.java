package org.tally.staff;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's doors: anonymous and wrong-credential writes are refused, STAFF cannot manage
 * people or tokens, Bearer tokens work until revoked, and repeated failures lock an
 * account.
 */
@TallyIntegrationTest
class ApiSecurityTests {

	@LocalServerPort
	int port;

	TallyApi api;

	StaffAccounts accounts;

	@BeforeEach
	void connect() {
		this.api = new TallyApi(this.port);
		this.accounts = new StaffAccounts(this.port, this.api);
	}

	@Test
	void refusesAnonymousWritesWith401() {
		String election = this.api.createElection("anon-writes", "general");
		RestTestClient anonymous = this.api.anonymous();
		String contest = "/api/v1/elections/" + election + "/contests";
		for (String[] write : new String[][] { { "PUT", "/api/v1/elections/" + election },
				{ "PUT", "/api/v1/elections/" + election + "/status" }, { "POST", contest },
				{ "POST", contest + "/x/call" }, { "DELETE", contest + "/x/call" },
				{ "POST", contest + "/x/concessions" }, { "DELETE", contest + "/x/concessions/Someone" },
				{ "POST", contest + "/x/candidates" }, { "POST", "/api/v1/elections/" + election + "/imports" },
				{ "POST", "/api/v1/users" }, { "POST", "/api/v1/tokens" } }) {
			anonymous.method(org.springframework.http.HttpMethod.valueOf(write[0]))
				.uri(write[1])
				.contentType(MediaType.APPLICATION_JSON)
				.body("{}")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
	}

	@Test
	void refusesAWrongPasswordWith401() {
		this.accounts.basic("admin", "not-the-password")
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void letsStaffCallRacesButNotManageUsersOrTokens() {
		String staff = this.accounts.create("desk", "STAFF");
		RestTestClient client = this.accounts.basic(staff, StaffAccounts.PASSWORD);
		client.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"staff-made","name":"x","date":"2017-06-06","kind":"general","jurisdiction":"x"}""")
			.exchange()
			.expectStatus()
			.isCreated();
		client.get().uri("/api/v1/users").exchange().expectStatus().isForbidden();
		client.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"username\":\"sneaky\",\"password\":\"long enough password\",\"role\":\"ADMIN\"}")
			.exchange()
			.expectStatus()
			.isForbidden();
		client.put()
			.uri("/api/v1/users/" + staff)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"role\":\"ADMIN\"}")
			.exchange()
			.expectStatus()
			.isForbidden();
		client.get().uri("/api/v1/tokens").exchange().expectStatus().isForbidden();
		client.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"mine\",\"username\":\"" + staff + "\"}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void acceptsABearerTokenUntilItIsRevoked() {
		String staff = this.accounts.create("feed-bot", "STAFF");
		Map<?, ?> created = this.api.admin()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"county feed\",\"username\":\"" + staff + "\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String token = (String) created.get("token");
		Number id = (Number) created.get("id");
		assertThat(token).startsWith("tally_").hasSizeGreaterThan(40);

		this.accounts.bearer(token)
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"token-made","name":"x","date":"2017-06-06","kind":"general","jurisdiction":"x"}""")
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.admin()
			.get()
			.uri("/api/v1/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")].lastUsedAt")
			.value((value) -> assertThat(value.toString()).contains("Z"))
			.jsonPath("$[0].token")
			.doesNotExist();

		this.api.admin().delete().uri("/api/v1/tokens/" + id).exchange().expectStatus().isNoContent();

		this.accounts.bearer(token)
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"slug":"token-made-2","name":"x","date":"2017-06-06","kind":"general","jurisdiction":"x"}""")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.accounts.bearer("tally_made-up").get().uri("/api/v1/elections").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void slowsAnAddressAfterFiveWrongPasswordsWithoutLockingTheAccount() {
		String staff = this.accounts.create("typo", "STAFF");
		RestTestClient wrong = this.accounts.basic(staff, "wrong password!");
		for (int i = 0; i < 5; i++) {
			wrong.post().uri("/api/v1/elections/x/status").exchange().expectStatus().isUnauthorized();
		}
		RestTestClient right = this.accounts.basic(staff, StaffAccounts.PASSWORD);
		right.put()
			.uri("/api/v1/elections/none/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"counting\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("Retry-After", "1");
		this.api.admin()
			.get()
			.uri("/api/v1/users")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.username == '" + staff + "')].lockedUntil")
			.value((value) -> assertThat(value.toString()).doesNotContain("Z"));
	}

	@Test
	void neverShowsPasswordHashes() {
		this.api.admin()
			.get()
			.uri("/api/v1/users")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"admin\"").doesNotContain("{bcrypt}").doesNotContain("$2a$"));
	}

}
