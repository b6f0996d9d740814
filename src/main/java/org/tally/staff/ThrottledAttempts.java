package org.tally.staff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.tally.kernel.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits refused sign-in attempts without letting a flood of them fill the audit log: one
 * {@code sign-in-throttled} entry per client address and {@link #WINDOW}, written at the
 * first refusal, and a counter beside it ({@code sign_in_throttled}: attempts, up to
 * {@link #ACCOUNTS} distinct account names tried, the last attempt) that the audit page
 * shows with the entry.
 */
@Component
class ThrottledAttempts {

	static final Duration WINDOW = Duration.ofMinutes(5);

	static final int ACCOUNTS = 10;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ThrottledAttempts(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Counts one refused attempt on {@code account} from {@code address}. */
	@Transactional
	void record(String account, String address, long retryAfterSeconds) {
		Instant now = Instant.now();
		long windowMillis = WINDOW.toMillis();
		Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
		int attempts = this.jdbc.sql("""
				insert into sign_in_throttled (address, window_start, attempts, accounts, last_at)
				values (:address, :start, 1, array[cast(:account as text)], now())
				on conflict (address, window_start) do update set
				    attempts = sign_in_throttled.attempts + 1,
				    last_at = now(),
				    accounts = case when :account = any(sign_in_throttled.accounts)
				                      or cardinality(sign_in_throttled.accounts) >= :max
				                    then sign_in_throttled.accounts
				                    else sign_in_throttled.accounts || cast(:account as text) end
				returning attempts""")
			.param("address", address)
			.param("start", Timestamp.from(windowStart))
			.param("account", account)
			.param("max", ACCOUNTS)
			.query(Integer.class)
			.single();
		if (attempts > 1) {
			return;
		}
		long entry = this.audit.record(account, "sign-in-throttled", "address " + address, null,
				new Throttled(address, retryAfterSeconds, windowStart),
				"too many failed sign-ins; further refusals from this address until " + windowStart.plus(WINDOW)
						+ " are counted here, not logged one by one");
		this.jdbc.sql("update sign_in_throttled set audit_id = ? where address = ? and window_start = ?")
			.param(entry)
			.param(address)
			.param(Timestamp.from(windowStart))
			.update();
	}

	/**
	 * The first refusal of a window as the audit log shows it.
	 *
	 * @param windowStart when the window of counted refusals began
	 */
	record Throttled(String address, long retryAfterSeconds, Instant windowStart) {
	}

}
