package org.tally.staff;

import java.util.UUID;

import org.tally.support.ContractCheck;
import org.tally.support.TallyApi;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Makes staff accounts and API clients for them, with fresh names so tests never share
 * throttling counters.
 */
final class StaffAccounts {

	static final String PASSWORD = "correct horse battery";

	private final int port;

	private final TallyApi api;

	StaffAccounts(int port, TallyApi api) {
		this.port = port;
		this.api = api;
	}

	/** Creates a user (as admin) and answers its name. */
	String create(String stem, String role) {
		String username = stem + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.admin()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}".formatted(username, PASSWORD, role))
			.exchange()
			.expectStatus()
			.isCreated();
		return username;
	}

	/** Changes a user (as admin): role, enabled, password, unlock as JSON. */
	void change(String username, String json) {
		this.api.admin()
			.put()
			.uri("/api/v1/users/" + username)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * Creates an API token (as admin) for the user; {@code extra} adds fields to the
	 * request ({@code "scopes":["import"]}) or is empty. Answers the token itself.
	 */
	String token(String username, String extra) {
		java.util.Map<?, ?> created = this.api.admin()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\"test token\",\"username\":\"" + username + "\"" + (extra.isEmpty() ? "" : "," + extra)
					+ "}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("token");
	}

	RestTestClient basic(String username, String password) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth(username, password))
			.requestInterceptor(new ContractCheck())
			.build();
	}

	RestTestClient bearer(String token) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("Authorization", "Bearer " + token)
			.requestInterceptor(new ContractCheck())
			.build();
	}

}
