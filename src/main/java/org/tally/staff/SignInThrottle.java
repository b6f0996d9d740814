package org.tally.staff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.tally.results.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account (OWASP ASVS
 * anti-automation). Failures count per account and client address: after
 * {@link #FREE_FAILURES} in {@link #WINDOW}, the next attempt from that address waits 1 s
 * after its last failure, then 2 s, 4 s... at most {@link #MAX_WAIT}, while the same
 * account still signs in at once from any other address. When one account collects more
 * than {@link #ACCOUNT_FAILURES} failures in the window from all addresses together,
 * addresses it has never signed in from wait too, until the count falls back; addresses
 * it has signed in from do not. The records live in PostgreSQL, so every instance sees
 * them.
 */
@Component
public class SignInThrottle {

	static final int FREE_FAILURES = 5;

	static final int ACCOUNT_FAILURES = 100;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration MAX_WAIT = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SignInThrottle(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * How long the address must still wait before the account's password is checked, or
	 * empty when it may try now. Audits the refusal.
	 */
	public Optional<Duration> check(String username, String address) {
		String account = clip(username);
		Instant now = Instant.now();
		Optional<Duration> wait = waitFor(account, address, now);
		wait.ifPresent((duration) -> this.audit.record(account, "sign-in-throttled", "user " + account, null,
				Map.of("address", address, "retryAfterSeconds", seconds(duration)),
				"too many failed sign-ins; retry in " + seconds(duration) + " s"));
		return wait;
	}

	private Optional<Duration> waitFor(String account, String address, Instant now) {
		Timestamp since = Timestamp.from(now.minus(WINDOW));
		Counts counts = this.jdbc.sql("""
				select count(*) filter (where address = :address) as mine,
				       max(failed_at) filter (where address = :address) as my_last,
				       count(*) as everyone
				from sign_in_failure where username = :username and failed_at > :since
				""")
			.param("address", address)
			.param("username", account)
			.param("since", since)
			.query((rs, row) -> new Counts(rs.getInt("mine"), rs.getTimestamp("my_last"), rs.getInt("everyone")))
			.single();
		Duration wait = Duration.ZERO;
		if (counts.mine() >= FREE_FAILURES) {
			Duration step = Duration.ofSeconds(1L << Math.min(counts.mine() - FREE_FAILURES, 20));
			Instant until = counts.myLast().toInstant().plus(min(step, MAX_WAIT));
			wait = max(wait, Duration.between(now, until));
		}
		if (counts.everyone() > ACCOUNT_FAILURES && !known(account, address)) {
			Timestamp oldestToGo = this.jdbc.sql("""
					select failed_at from sign_in_failure where username = :username and failed_at > :since
					order by failed_at offset :skip limit 1
					""")
				.param("username", account)
				.param("since", since)
				.param("skip", counts.everyone() - ACCOUNT_FAILURES - 1)
				.query(Timestamp.class)
				.single();
			wait = max(wait, Duration.between(now, oldestToGo.toInstant().plus(WINDOW)));
		}
		return (wait.isNegative() || wait.isZero()) ? Optional.empty() : Optional.of(min(wait, MAX_WAIT));
	}

	private boolean known(String account, String address) {
		return this.jdbc.sql("select exists (select 1 from sign_in_address where username = ? and address = ?)")
			.param(account)
			.param(address)
			.query(Boolean.class)
			.single();
	}

	/** A wrong password (or unknown user) from the address. */
	void failed(String username, String address) {
		this.jdbc.sql("insert into sign_in_failure (username, address) values (?, ?)")
			.param(clip(username))
			.param(address)
			.update();
	}

	/** A successful sign-in: the address becomes known, its failures are forgiven. */
	void succeeded(String username, String address) {
		this.jdbc.sql("""
				insert into sign_in_address (username, address) values (?, ?) on conflict do nothing
				""").param(username).param(address).update();
		this.jdbc.sql("delete from sign_in_failure where username = ? and address = ?")
			.param(username)
			.param(address)
			.update();
	}

	/** Whole seconds to wait, rounded up, at least 1 (for {@code Retry-After}). */
	public static long seconds(Duration wait) {
		long seconds = wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	static String clip(String username) {
		if (username == null || username.isEmpty()) {
			return "(empty)";
		}
		return (username.length() > 100) ? username.substring(0, 100) + "…" : username;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private record Counts(int mine, Timestamp myLast, int everyone) {
	}

}
