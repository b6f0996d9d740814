package org.tally.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.FromAddress;
import org.tally.support.FromAddress.Response;
import org.tally.support.SignIn;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabase;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of issue 21: padding the name ({@code "admin "}, {@code " admin"},
 * {@code "admin\t"}) escaped the throttle, and the failures, counted under {@code admin},
 * tripped the account-wide rule against the real admin. Now one canonical name counts
 * everywhere; the real admin keeps signing in; an admin's unlock clears every rule; IPv6
 * counts per /64; random names cannot buy endless password hashing.
 */
@TallyIntegrationTest
class CanonicalUsernameTests {

	private static final String WRONG = "wrong password!";

	@LocalServerPort
	int port;

	StaffAccounts accounts;

	@BeforeEach
	void connect() {
		this.accounts = new StaffAccounts(this.port, new TallyApi(this.port));
	}

	@Test
	void throttlesEveryPaddingOfTheAdminNameWhileTheRealAdminSignsIn() throws SQLException {
		FromAddress known = new FromAddress("127.0.0.1", this.port);
		assertThat(write(known, Staff.ADMIN, Staff.ADMIN_PASSWORD).status()).as("the admin's usual address")
			.isEqualTo(404);
		FromAddress attacker = FromAddress.fresh(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(write(attacker, Staff.ADMIN, WRONG).status()).isEqualTo(401);
		}
		// ten more earlier failures: the address now waits 2^10 s (at most 15 minutes)
		failures(Staff.ADMIN, attacker.address(), 10);

		for (String padded : List.of("admin ", " admin", "admin\t", "\tadmin\u00a0", "ADMIN", "Admin\u200b",
				"\uff41\uff44\uff4d\uff49\uff4e")) {
			assertThat(write(attacker, padded, WRONG).status()).as("Basic as [%s]", padded).isEqualTo(429);
			assertThat(write(attacker, padded, Staff.ADMIN_PASSWORD).status()).as("even the right password")
				.isEqualTo(429);
			assertThat(SignIn.form(attacker, padded, WRONG).status()).as("the form as [%s]", padded).isEqualTo(429);
		}
		assertThat(count("select count(*) from sign_in_failure where username = ? and failed_at > now() - "
				+ "interval '15 minutes'", Staff.ADMIN))
			.as("refused attempts are not failures: the account-wide rule is far away")
			.isLessThan(SignInThrottle.ACCOUNT_FAILURES);

		assertThat(write(known, Staff.ADMIN, Staff.ADMIN_PASSWORD).status()).as("the real admin, as usual")
			.isEqualTo(404);
		assertThat(write(FromAddress.fresh(this.port), Staff.ADMIN, Staff.ADMIN_PASSWORD).status())
			.as("and from an address never used before: no account-wide rule tripped")
			.isEqualTo(404);
		assertThat(SignIn.form(known, " Admin\t", Staff.ADMIN_PASSWORD).header("Location"))
			.as("sign-in itself takes the same canonical name")
			.endsWith("/staff");
	}

	@Test
	void anAdminsUnlockClearsTheAccountWideRule() throws SQLException {
		String staff = this.accounts.create("besieged", "STAFF");
		botnet(staff, 101);
		FromAddress newcomer = FromAddress.fresh(this.port);
		assertThat(write(newcomer, staff, StaffAccounts.PASSWORD).status()).as("account-wide rule").isEqualTo(429);

		this.accounts.change(staff.toUpperCase() + " ", "{\"unlock\":true}");

		assertThat(write(newcomer, staff, StaffAccounts.PASSWORD).status()).as("after unlock").isEqualTo(404);
		assertThat(count("select count(*) from sign_in_failure where username = ?", staff)).isZero();
		assertThat(count("select count(*) from audit_event where action = 'user-updated' and target = ? "
				+ "and detail like 'unlocked: 10_ failed sign-ins forgotten'", "user " + staff))
			.isEqualTo(1);
	}

	@Test
	void neverDeniesTheRealUserAtAnAddressItSignedInFromEvenUnderABotnet() throws SQLException {
		String staff = this.accounts.create("sieged", "STAFF");
		FromAddress home = FromAddress.fresh(this.port);
		assertThat(write(home, staff, StaffAccounts.PASSWORD).status()).isEqualTo(404);
		botnet(staff, 150);
		for (String padded : List.of(staff + " ", " " + staff, staff + "\t")) {
			assertThat(write(FromAddress.fresh(this.port), padded, WRONG).status()).isEqualTo(429);
		}

		assertThat(write(home, staff, StaffAccounts.PASSWORD).status()).isEqualTo(404);
		assertThat(write(home, " " + staff.toUpperCase(), StaffAccounts.PASSWORD).status()).isEqualTo(404);
	}

	@Test
	void countsIpv6ClientsPerSlash64() {
		String staff = this.accounts.create("six", "STAFF");
		FromAddress proxy = new FromAddress("127.0.0.3", this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(write(proxy, staff, WRONG, "2001:db8:21:1::" + (i + 1)).status()).isEqualTo(401);
		}

		assertThat(write(proxy, staff, StaffAccounts.PASSWORD, "2001:db8:21:1:ffff:ffff:ffff:fffe").status())
			.as("another address of the same /64")
			.isEqualTo(429);
		assertThat(write(proxy, staff, StaffAccounts.PASSWORD, "2001:db8:21:2::1").status())
			.as("the next /64 is someone else")
			.isEqualTo(404);
	}

	@Test
	void randomNamesFromOneAddressAreThrottledAfterTwentyButNotAKnownAccount() {
		String staff = this.accounts.create("neighbour", "STAFF");
		FromAddress shared = FromAddress.fresh(this.port);
		assertThat(write(shared, staff, StaffAccounts.PASSWORD).status()).as("signed in here before").isEqualTo(404);
		for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
			assertThat(write(shared, "nobody-" + UUID.randomUUID(), WRONG).status()).isEqualTo(401);
		}

		long started = System.nanoTime();
		int checked = 0;
		for (int i = 0; i < 60; i++) {
			int status = write(shared, "nobody-" + UUID.randomUUID(), WRONG).status();
			assertThat(status).isIn(401, 429);
			checked += (status == 401) ? 1 : 0;
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;

		assertThat(checked).as("passwords checked in %d s: one after each doubling wait (1 s, 2 s, 4 s...)", seconds)
			.isLessThanOrEqualTo(1 + (int) (Math.log(seconds + 1) / Math.log(2)) + 1);
		assertThat(write(shared, staff, StaffAccounts.PASSWORD).status()).as("the neighbour still signs in")
			.isEqualTo(404);
	}

	@Test
	void createsAccountsUnderTheCanonicalName() {
		String name = "Mixed.Case-" + UUID.randomUUID().toString().substring(0, 8);
		TallyApi api = new TallyApi(this.port);
		api.admin()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"username\":\" %s\\t\",\"password\":\"%s\",\"role\":\"STAFF\"}".formatted(name,
					StaffAccounts.PASSWORD))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo(name.toLowerCase());

		api.admin()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"STAFF\"}".formatted(name.toUpperCase(),
					StaffAccounts.PASSWORD))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		assertThat(write(new FromAddress("127.0.0.1", this.port), name.toUpperCase() + " ", StaffAccounts.PASSWORD)
			.status()).isEqualTo(404);
	}

	private static void failures(String username, String address, int failures) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement insert = connection.prepareStatement("""
						insert into sign_in_failure (username, address, failed_at)
						values (?, ?, now() - interval '1 minute')""")) {
			for (int i = 0; i < failures; i++) {
				insert.setString(1, username);
				insert.setString(2, address);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static void botnet(String username, int failures) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement insert = connection.prepareStatement("""
						insert into sign_in_failure (username, address, failed_at)
						values (?, ?, now() - interval '5 minutes')""")) {
			for (int i = 0; i < failures; i++) {
				insert.setString(1, username);
				insert.setString(2, "203.0.113." + (i / 4));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static int count(String sql, String parameter) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
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

}
