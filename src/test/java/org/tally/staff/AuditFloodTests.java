package org.tally.staff;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.FromAddress;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabase;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: each throttled attempt wrote an undeletable audit row (1,900 rows/s from one
 * client) and the audit page could not filter. Now refused attempts are one entry per
 * address and window with a count, failures are pruned, and the page filters by action,
 * user and time.
 */
@TallyIntegrationTest
class AuditFloodTests {

	@LocalServerPort
	int port;

	StaffAccounts accounts;

	@BeforeEach
	void connect() {
		this.accounts = new StaffAccounts(this.port, new TallyApi(this.port));
	}

	@Test
	void aFloodOfRefusedAttemptsIsOneAuditEntryWithACount() throws SQLException {
		String staff = this.accounts.create("flooded", "STAFF");
		FromAddress flood = FromAddress.fresh(this.port);
		insertFailures(staff, flood.address(), 15, "1 minute");
		long entriesBefore = count("select count(*) from audit_event", null);

		for (int i = 0; i < 300; i++) {
			assertThat(flood
				.send("PUT", "/api/v1/elections/none/status", Map.of("Authorization",
						FromAddress.basic(staff, "guess " + i), "Content-Type", "application/json"), "{}")
				.status()).isEqualTo(429);
		}

		assertThat(SignInThrottleTests.refusedFrom(flood.address())).isEqualTo(300);
		long entries = count("select count(*) from audit_event where action = 'sign-in-throttled' and target = ?",
				"address " + flood.address());
		assertThat(entries).as("one per five-minute window").isBetween(1L, 2L);
		assertThat(count("select count(*) from audit_event", null) - entriesBefore).as("audit rows written")
			.isLessThanOrEqualTo(2 + 5);

		StaffBrowser admin = new StaffBrowser(this.port);
		admin.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);
		String page = admin.get("/staff/audit?action=sign-in-throttled&user=" + staff).body();
		assertThat(page).contains("attempts refused", "address " + flood.address())
			.doesNotContain("<span>sign-in-failed</span>");
	}

	@Test
	void failuresOlderThanADayArePruned() throws SQLException {
		String name = "pruned-" + UUID.randomUUID().toString().substring(0, 8);
		FromAddress from = FromAddress.fresh(this.port);
		insertFailures(name, from.address(), 3, "2 days");
		assertThat(count("select count(*) from sign_in_failure where username = ?", name)).isEqualTo(3);

		from.send("PUT", "/api/v1/elections/none/status",
				Map.of("Authorization", FromAddress.basic("someone-" + UUID.randomUUID(), "wrong password"),
						"Content-Type", "application/json"),
				"{}");

		assertThat(count("select count(*) from sign_in_failure where username = ?", name)).isZero();
		assertThat(count("select count(*) from sign_in_failure where failed_at < now() - interval '1 day'", null))
			.isZero();
	}

	@Test
	void theAuditPageFiltersByActionUserAndTime() {
		String created = this.accounts.create("audited", "STAFF");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
		StaffBrowser admin = new StaffBrowser(this.port);
		admin.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);

		String byAction = admin.get("/staff/audit?action=user-created&user=ADMIN&from=" + today).body();
		String before = admin.get("/staff/audit?action=user-created&to=" + yesterday).body();
		HttpResponse<String> badTime = admin.get("/staff/audit?from=last+tuesday");
		String anotherUser = admin.get("/staff/audit?user=" + created).body();

		assertThat(byAction).contains("user " + created, "<span>user-created</span>")
			.doesNotContain("<span>sign-in</span>");
		assertThat(before).doesNotContain("user " + created).contains("Nothing matches this filter");
		assertThat(badTime.statusCode()).isEqualTo(200);
		assertThat(badTime.body()).contains("from: &#39;last tuesday&#39; is not a time");
		assertThat(anotherUser).doesNotContain("<span>user-created</span>");
		assertThat(byAction).contains("name=\"action\"", "name=\"user\"", "name=\"from\"", "name=\"to\"");
	}

	private static void insertFailures(String username, String address, int failures, String age) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement insert = connection.prepareStatement(
						"insert into sign_in_failure (username, address, failed_at) values (?, ?, now() - cast(? as interval))")) {
			for (int i = 0; i < failures; i++) {
				insert.setString(1, username);
				insert.setString(2, address);
				insert.setString(3, age);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static long count(String sql, String parameter) throws SQLException {
		try (Connection connection = TestDatabase.get().connect();
				PreparedStatement query = connection.prepareStatement(sql)) {
			if (parameter != null) {
				query.setString(1, parameter);
			}
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
