package org.tally.staff;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.FromAddress;
import org.tally.support.FromAddress.Response;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: an API fuzzer changed the admin's own password through
 * {@code PUT /api/v1/users/admin} without the current one, so a stolen session or token
 * could take an account over for good. Now one's own password needs the current one
 * (guesses throttled like sign-ins), and a password an admin sets must be changed at the
 * next sign-in. Both are audited.
 */
@TallyIntegrationTest
class PasswordProofTests {

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@LocalServerPort
	int port;

	StaffAccounts accounts;

	@BeforeEach
	void connect() {
		this.accounts = new StaffAccounts(this.port, new TallyApi(this.port));
	}

	@Test
	void anAdminCannotChangeTheirOwnPasswordWithoutTheCurrentOne() throws SQLException {
		String admin = this.accounts.create("own-admin", "ADMIN");
		FromAddress from = FromAddress.fresh(this.port);

		Response bare = put(from, admin, StaffAccounts.PASSWORD, admin, "{\"password\":\"" + NEW_PASSWORD + "\"}");
		Response wrong = put(from, admin, StaffAccounts.PASSWORD, admin,
				"{\"password\":\"" + NEW_PASSWORD + "\",\"currentPassword\":\"not the password\"}");

		assertThat(bare.status()).isEqualTo(403);
		assertThat(bare.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bare.body()).contains("currentPassword");
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(write(from, admin, StaffAccounts.PASSWORD).status()).as("the old password still works")
			.isEqualTo(404);

		Response proven = put(from, admin, StaffAccounts.PASSWORD, admin,
				"{\"password\":\"" + NEW_PASSWORD + "\",\"currentPassword\":\"" + StaffAccounts.PASSWORD + "\"}");

		assertThat(proven.status()).isEqualTo(200);
		assertThat(proven.body()).contains("\"mustChangePassword\":false");
		assertThat(write(from, admin, NEW_PASSWORD).status()).isEqualTo(404);
		assertThat(write(from, admin, StaffAccounts.PASSWORD).status()).isEqualTo(401);
		assertThat(SignInThrottleTests.audited(admin, "password-changed")).isEqualTo(1);
		assertThat(SignInThrottleTests.audited(admin, "password-change-refused")).isEqualTo(1);
	}

	@Test
	void guessingTheCurrentPasswordWithAStolenSessionIsThrottled() throws SQLException {
		String staff = this.accounts.create("stolen", "STAFF");
		String stolenToken = this.accounts.token(staff, "");
		FromAddress thief = FromAddress.fresh(this.port);
		int checked = 0;
		Response last = null;
		for (int i = 0; i < 20; i++) {
			last = thief.send("PUT", "/api/v1/users/" + staff,
					Map.of("Authorization", "Bearer " + stolenToken, "Content-Type", "application/json"),
					"{\"password\":\"" + NEW_PASSWORD + "\",\"currentPassword\":\"guess number " + i + "\"}");
			if (last.status() != 403) {
				break;
			}
			checked++;
		}

		assertThat(last.status()).as("after %d wrong guesses", checked).isEqualTo(429);
		assertThat(last.header("Retry-After")).isNotNull();
		assertThat(checked).as("guesses checked before the wait")
			.isBetween(SignInThrottle.FREE_FAILURES, SignInThrottle.FREE_FAILURES + 2);
		assertThat(SignInThrottleTests.audited(staff, "password-change-refused")).isEqualTo(checked);
	}

	@Test
	void staffChangeOnlyTheirOwnPassword() {
		String staff = this.accounts.create("plain", "STAFF");
		String other = this.accounts.create("colleague", "STAFF");
		FromAddress from = FromAddress.fresh(this.port);

		assertThat(put(from, staff, StaffAccounts.PASSWORD, other, "{\"password\":\"" + NEW_PASSWORD + "\"}").status())
			.isEqualTo(403);
		assertThat(put(from, staff, StaffAccounts.PASSWORD, staff, "{\"role\":\"ADMIN\"}").status()).isEqualTo(403);
		assertThat(put(from, staff, StaffAccounts.PASSWORD, staff,
				"{\"password\":\"" + NEW_PASSWORD + "\",\"currentPassword\":\"" + StaffAccounts.PASSWORD + "\"}")
			.status()).isEqualTo(200);
	}

	@Test
	void aPasswordAnAdminSetsMustBeChangedAtTheNextSignIn() throws SQLException {
		String staff = this.accounts.create("reset", "STAFF");
		this.accounts.change(staff, "{\"password\":\"set by the admin!\"}");
		FromAddress from = FromAddress.fresh(this.port);

		StaffBrowser browser = new StaffBrowser(this.port);
		HttpResponse<String> signedIn = browser.signIn(staff, "set by the admin!");
		HttpResponse<String> desk = browser.get("/staff");
		HttpResponse<String> elsewhere = browser.get("/staff/elections/none");
		Response apiWrite = write(from, staff, "set by the admin!");

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(desk.statusCode()).isEqualTo(302);
		assertThat(desk.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/staff/password"));
		assertThat(elsewhere.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/staff/password"));
		assertThat(apiWrite.status()).as("the API refuses writes too").isEqualTo(403);
		assertThat(apiWrite.body()).contains("change it first");

		HttpResponse<String> page = browser.get("/staff/password");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("An admin set your password");
		HttpResponse<String> wrong = browser.post("/staff/password",
				Map.of("currentPassword", "not it at all", "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/staff/password"));
		assertThat(browser.get("/staff/password").body()).contains("currentPassword: does not match");
		HttpResponse<String> changed = browser.post("/staff/password", Map.of("currentPassword", "set by the admin!",
				"newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		assertThat(changed.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/staff"));
		assertThat(browser.get("/staff").statusCode()).as("the desk, at last").isEqualTo(200);
		assertThat(write(from, staff, NEW_PASSWORD).status()).isEqualTo(404);
		assertThat(SignInThrottleTests.audited("admin", "password-reset")).isPositive();
		assertThat(SignInThrottleTests.audited(staff, "password-changed")).isEqualTo(1);
	}

	@Test
	void aResetUserMayChangeThePasswordThroughTheApi() {
		String staff = this.accounts.create("api-reset", "STAFF");
		this.accounts.change(staff, "{\"password\":\"set by the admin!\"}");
		FromAddress from = FromAddress.fresh(this.port);

		Response changed = put(from, staff, "set by the admin!", staff,
				"{\"password\":\"" + NEW_PASSWORD + "\",\"currentPassword\":\"set by the admin!\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(write(from, staff, NEW_PASSWORD).status()).isEqualTo(404);
	}

	private static Response put(FromAddress from, String username, String password, String target, String json) {
		return from.send("PUT", "/api/v1/users/" + target,
				Map.of("Authorization", FromAddress.basic(username, password), "Content-Type", "application/json"),
				json);
	}

	private static Response write(FromAddress from, String username, String password) {
		return from.send("PUT", "/api/v1/elections/none/status",
				Map.of("Authorization", FromAddress.basic(username, password), "Content-Type", "application/json"),
				"{\"status\":\"counting\"}");
	}

}
