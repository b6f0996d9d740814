package org.tally.staff;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.FromAddress;
import org.tally.support.FromAddress.Response;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabase;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: tokens had no scopes, so a county importer's token could also call races or
 * manage users. Now a token carries scopes (read, import, calls) and one election or all;
 * every write is checked, and a refusal is a 403 problem naming the missing scope. Tokens
 * made before keep every scope.
 */
@TallyIntegrationTest
class TokenScopeTests {

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
	void anImportTokenImportsButCannotCallOrSetUp() {
		String election = this.api.createElection("scoped-" + UUID.randomUUID().toString().substring(0, 8), "general");
		String token = this.accounts.token(this.accounts.create("importer", "STAFF"), "\"scopes\":[\"import\"]");

		Response imported = send(token, "POST", "/api/v1/elections/" + election + "/imports", "text/csv",
				"not,a,results,file\n");
		Response call = send(token, "POST", "/api/v1/elections/" + election + "/contests/none/call", "application/json",
				"{\"status\":\"called\",\"winners\":[\"x\"]}");
		Response setup = send(token, "POST", "/api/v1/elections", "application/json", "{}");
		Response status = send(token, "PUT", "/api/v1/elections/" + election + "/status", "application/json",
				"{\"status\":\"counting\"}");
		Response read = send(token, "GET", "/api/v1/elections/" + election + "/imports", null, null);
		Response users = send(token, "POST", "/api/v1/users", "application/json", "{}");

		assertThat(imported.status()).as("past the scope check, refused as a file")
			.isBetween(400, 422)
			.isNotEqualTo(403);
		for (Response refused : new Response[] { call, setup, status }) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.body()).contains("lacks the scope calls", "\"missingScopes\":[\"calls\"]");
		}
		assertThat(read.status()).isEqualTo(403);
		assertThat(read.body()).contains("\"missingScopes\":[\"read\"]");
		assertThat(users.body()).contains("\"missingScopes\":[\"read\",\"calls\"]");
	}

	@Test
	void aTokenForOneElectionCannotWriteToAnother() {
		String mine = this.api.createElection("mine-" + UUID.randomUUID().toString().substring(0, 8), "general");
		String other = this.api.createElection("other-" + UUID.randomUUID().toString().substring(0, 8), "general");
		String token = this.accounts.token(this.accounts.create("desk", "STAFF"),
				"\"scopes\":[\"calls\",\"read\"],\"election\":\"" + mine + "\"");

		Response own = send(token, "PUT", "/api/v1/elections/" + mine + "/status", "application/json",
				"{\"status\":\"counting\"}");
		Response elsewhere = send(token, "PUT", "/api/v1/elections/" + other + "/status", "application/json",
				"{\"status\":\"counting\"}");
		Response create = send(token, "POST", "/api/v1/elections", "application/json", "{}");
		Response readOther = send(token, "GET", "/api/v1/elections/" + other, null, null);

		assertThat(own.status()).isEqualTo(200);
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.body()).contains("limited to the election " + mine);
		assertThat(create.status()).isEqualTo(403);
		assertThat(readOther.status()).as("public reads stay public").isEqualTo(200);
	}

	@Test
	void tokensMadeBeforeScopesKeepEveryScope() throws SQLException {
		String staff = this.accounts.create("old-bot", "STAFF");
		String token = "tally_made-before-scopes-" + UUID.randomUUID();
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement insert = connection.prepareStatement("""
						insert into api_token (user_id, name, token_hash)
						select id, 'old token', ? from staff_user where username = ?""")) {
			insert.setString(1, ApiTokens.hash(token));
			insert.setString(2, staff);
			assertThat(insert.executeUpdate()).isEqualTo(1);
		}
		String election = this.api.createElection("old-" + UUID.randomUUID().toString().substring(0, 8), "general");

		assertThat(send(token, "PUT", "/api/v1/elections/" + election + "/status", "application/json",
				"{\"status\":\"counting\"}")
			.status()).isEqualTo(200);
		assertThat(send(token, "GET", "/api/v1/elections/" + election + "/imports", null, null).status())
			.isEqualTo(200);
		this.api.admin()
			.get()
			.uri("/api/v1/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.name == 'old token')].scopes[*]")
			.value((scopes) -> assertThat(scopes.toString()).contains("read", "import", "calls"));
	}

	@Test
	void refusesAnUnknownScopeOrElection() {
		String staff = this.accounts.create("typo", "STAFF");
		for (String extra : new String[] { "\"scopes\":[\"admin\"]", "\"election\":\"no-such-election\"" }) {
			this.api.admin()
				.post()
				.uri("/api/v1/tokens")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"name\":\"x\",\"username\":\"" + staff + "\"," + extra + "}")
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
	}

	@Test
	void theTokensPageSetsAndShowsScopes() {
		String staff = this.accounts.create("paged", "STAFF");
		String election = this.api.createElection("paged-" + UUID.randomUUID().toString().substring(0, 8), "general");
		StaffBrowser admin = new StaffBrowser(this.port);
		admin.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);
		assertThat(admin.get("/staff/tokens").body()).contains("name=\"scopes\"", "value=\"import\"", "every election");

		HttpResponse<String> created = admin.post("/staff/tokens",
				Map.of("name", "county importer", "username", staff, "scopes", "import", "election", election));
		String page = admin.get("/staff/tokens").body();

		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(page).contains("county importer", "<td>import</td>", "<td>" + election + "</td>");
		String token = page.replaceAll("(?s).*<code>(tally_[^<]+)</code>.*", "$1");
		assertThat(
				send(token, "POST", "/api/v1/elections/" + election + "/contests/none/call", "application/json", "{}")
					.body())
			.contains("\"missingScopes\":[\"calls\"]");
	}

	private Response send(String token, String method, String path, String type, String body) {
		Map<String, String> headers = (type != null) ? Map.of("Authorization", "Bearer " + token, "Content-Type", type)
				: Map.of("Authorization", "Bearer " + token);
		return new FromAddress("127.0.0.1", this.port).send(method, path, headers, body);
	}

}
