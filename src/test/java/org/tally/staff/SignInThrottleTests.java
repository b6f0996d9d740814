package org.tally.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.FromAddress;
import org.tally.support.FromAddress.Response;
import org.tally.support.SignIn;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabase;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is slowed per (account, client address) and never locks the real user
 * out: attempts come from 127.0.0.2 (the stranger) and 127.0.0.1 (the user). The test
 * context trusts 127.0.0.3 as a proxy (X-Forwarded-For), nobody else.
 */
@TallyIntegrationTest
class SignInThrottleTests {

	private static final String WRONG = "wrong password!";

	@LocalServerPort
	int port;

	StaffAccounts accounts;

	@BeforeEach
	void connect() {
		this.accounts = new StaffAccounts(this.port, new TallyApi(this.port));
	}

	@Test
	void throttlesTheGuessingAddressWhileTheUserSignsInFromHers() throws Exception {
		String staff = this.accounts.create("guessed", "STAFF");
		FromAddress stranger = FromAddress.fresh(this.port);
		FromAddress user = new FromAddress("127.0.0.1", this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(write(stranger, staff, WRONG).status()).as("failure %d", i + 1).isEqualTo(401);
		}

		Response sixth = write(stranger, staff, StaffAccounts.PASSWORD);
		Response userMeanwhile = write(user, staff, StaffAccounts.PASSWORD);

		assertThat(sixth.status()).as("even the right password waits").isEqualTo(429);
		assertThat(sixth.header("Retry-After")).isEqualTo("1");
		assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
		assertThat(userMeanwhile.status()).as("signed in, no such election").isEqualTo(404);

		Thread.sleep(1100);
		assertThat(write(stranger, staff, WRONG).status()).as("after waiting, checked again").isEqualTo(401);
		Response doubled = write(stranger, staff, WRONG);
		assertThat(doubled.status()).isEqualTo(429);
		assertThat(doubled.header("Retry-After")).isEqualTo("2");
		Thread.sleep(2100);
		assertThat(write(stranger, staff, WRONG).status()).isEqualTo(401);
		assertThat(write(stranger, staff, WRONG).header("Retry-After")).isEqualTo("4");

		assertThat(refusedFrom(stranger.address())).as("refused attempts, counted beside the audit entry").isEqualTo(3);
		assertThat(audited(staff, "sign-in-throttled")).as("one entry per address and 5-minute window").isBetween(1, 2);
		assertThat(audited(staff, "sign-in-failed")).isEqualTo(7);
	}

	@Test
	void throttlesTheSignInFormToo() {
		String staff = this.accounts.create("formguessed", "STAFF");
		FromAddress stranger = new FromAddress("127.0.0.2", this.port);
		for (int i = 0; i < 5; i++) {
			Response failed = SignIn.form(stranger, staff, WRONG);
			assertThat(failed.status()).isEqualTo(302);
			assertThat(failed.header("Location")).endsWith("/login?error");
		}

		Response throttled = SignIn.form(stranger, staff, StaffAccounts.PASSWORD);
		StaffBrowser user = new StaffBrowser(this.port);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After")).isEqualTo("1");
		assertThat(throttled.body()).contains("try again in 1 s");
		assertThat(user.signIn(staff, StaffAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/staff"));
	}

	@Test
	void believesXForwardedForOnlyFromTheTrustedProxy() {
		String staff = this.accounts.create("forwarded", "STAFF");
		FromAddress stranger = new FromAddress("127.0.0.2", this.port);
		FromAddress proxy = new FromAddress("127.0.0.3", this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(write(stranger, staff, WRONG, "198.51.100.1").status()).isEqualTo(401);
		}
		assertThat(write(stranger, staff, StaffAccounts.PASSWORD, "198.51.100.2").status())
			.as("a forged X-Forwarded-For does not escape")
			.isEqualTo(429);

		for (int i = 0; i < 5; i++) {
			assertThat(write(proxy, staff, WRONG, "198.51.100.1").status()).isEqualTo(401);
		}
		assertThat(write(proxy, staff, StaffAccounts.PASSWORD, "198.51.100.1").status())
			.as("the proxy's client that guessed")
			.isEqualTo(429);
		assertThat(write(proxy, staff, StaffAccounts.PASSWORD, "198.51.100.2").status())
			.as("another client of the same proxy")
			.isEqualTo(404);
	}

	@Test
	void underAttackFromEverywhereOnlyUnknownAddressesWait() throws Exception {
		String staff = this.accounts.create("besieged", "STAFF");
		FromAddress user = new FromAddress("127.0.0.1", this.port);
		assertThat(write(user, staff, StaffAccounts.PASSWORD).status()).as("a known address").isEqualTo(404);
		// A botnet's 100 failures in the last minutes, 4 from each of 25 addresses
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement insert = connection.prepareStatement("""
						insert into sign_in_failure (username, address, failed_at)
						values (?, ?, now() - interval '5 minutes')""")) {
			for (int i = 0; i < 100; i++) {
				insert.setString(1, staff);
				insert.setString(2, "203.0.113." + (i / 4));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		FromAddress bot = new FromAddress("127.0.0.4", this.port);
		assertThat(write(bot, staff, WRONG).status()).as("failure 101").isEqualTo(401);

		Response newcomer = write(new FromAddress("127.0.0.5", this.port), staff, StaffAccounts.PASSWORD);
		Response known = write(user, staff, StaffAccounts.PASSWORD);

		assertThat(newcomer.status()).as("never signed in from here").isEqualTo(429);
		assertThat(Long.parseLong(newcomer.header("Retry-After"))).as("until the oldest failures age out")
			.isBetween(590L, 600L);
		assertThat(known.status()).isEqualTo(404);
	}

	private Response write(FromAddress from, String username, String password) {
		return from.send("PUT", "/api/v1/elections/none/status",
				Map.of("Authorization", FromAddress.basic(username, password), "Content-Type", "application/json"),
				"{\"status\":\"counting\"}");
	}

	private Response write(FromAddress from, String username, String password, String forwardedFor) {
		return from.send(
				"PUT", "/api/v1/elections/none/status", Map.of("Authorization", FromAddress.basic(username, password),
						"Content-Type", "application/json", "X-Forwarded-For", forwardedFor),
				"{\"status\":\"counting\"}");
	}

	static int refusedFrom(String address) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement query = connection.prepareStatement("""
						select coalesce(sum(t.attempts), 0) from sign_in_throttled t
						join audit_event e on e.id = t.audit_id and e.action = 'sign-in-throttled'
						where t.address = ?""")) {
			query.setString(1, address);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	static int audited(String username, String action) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement query = connection
					.prepareStatement("select count(*) from audit_event where actor = ? and action = ?")) {
			query.setString(1, username);
			query.setString(2, action);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
