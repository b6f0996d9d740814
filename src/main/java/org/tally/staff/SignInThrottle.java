package org.tally.staff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account (OWASP ASVS
 * anti-automation). Every name is counted in its {@link Usernames#canonical canonical}
 * form and every address by its {@link ClientAddresses#key key} (IPv6 per /64), the same
 * forms sign-in uses, so {@code "admin "} is throttled as {@code admin}.
 * <ul>
 * <li>Per account and address: after {@link #FREE_FAILURES} failures in {@link #WINDOW},
 * the next attempt from that address waits 1 s after its last failure, then 2 s, 4 s...
 * at most {@link #MAX_WAIT}; the account still signs in at once from elsewhere.</li>
 * <li>Per address, for names no account has: after {@link #ADDRESS_FAILURES} such
 * failures the address waits the same way, whatever name it tries next (random names must
 * not buy endless password hashing), except for an account that has signed in from that
 * address before.</li>
 * <li>Per account: beyond {@link #ACCOUNT_FAILURES} failures from everywhere (a botnet),
 * addresses the account has never signed in from wait until the count falls back; an
 * address it has signed in from never does.</li>
 * </ul>
 * The records live in PostgreSQL, so every instance sees them; failures older than
 * {@link #RETENTION} are deleted.
 */
@Component
public class SignInThrottle {

	static final int FREE_FAILURES = 5;

	static final int ADDRESS_FAILURES = 20;

	static final int ACCOUNT_FAILURES = 100;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration MAX_WAIT = Duration.ofMinutes(15);

	static final Duration RETENTION = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final ThrottledAttempts throttled;

	SignInThrottle(JdbcClient jdbc, ThrottledAttempts throttled) {
		this.jdbc = jdbc;
		this.throttled = throttled;
	}

	/**
	 * How long the address must still wait before the account's password is checked, or
	 * empty when it may try now. A refusal is counted in the audit log's row for the
	 * address and the current window (one row, not one per attempt).
	 */
	public Optional<Duration> check(String username, String address) {
		String account = Usernames.canonical(username);
		String from = ClientAddresses.key(address);
		Optional<Duration> wait = waitFor(account, from, Instant.now());
		wait.ifPresent((duration) -> this.throttled.record(account, from, seconds(duration)));
		return wait;
	}

	private Optional<Duration> waitFor(String account, String address, Instant now) {
		Timestamp since = Timestamp.from(now.minus(WINDOW));
		Counts counts = this.jdbc.sql("""
				select count(*) filter (where username = :username and address = :address) as mine,
				       max(failed_at) filter (where username = :username and address = :address) as my_last,
				       count(*) filter (where address = :address and unknown_user) as from_address,
				       max(failed_at) filter (where address = :address and unknown_user) as address_last,
				       count(*) filter (where username = :username) as everyone
				from sign_in_failure where (username = :username or address = :address) and failed_at > :since
				""")
			.param("address", address)
			.param("username", account)
			.param("since", since)
			.query((rs, row) -> new Counts(rs.getInt("mine"), rs.getTimestamp("my_last"), rs.getInt("from_address"),
					rs.getTimestamp("address_last"), rs.getInt("everyone")))
			.single();
		Duration wait = doubling(counts.mine() - FREE_FAILURES, counts.myLast(), now);
		boolean crowded = counts.fromAddress() >= ADDRESS_FAILURES || counts.everyone() > ACCOUNT_FAILURES;
		if (crowded && !known(account, address)) {
			wait = max(wait, doubling(counts.fromAddress() - ADDRESS_FAILURES, counts.addressLast(), now));
			if (counts.everyone() > ACCOUNT_FAILURES) {
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
		}
		return (wait.isNegative() || wait.isZero()) ? Optional.empty() : Optional.of(min(wait, MAX_WAIT));
	}

	/** 1 s after the last failure once {@code beyond} reaches 0, doubling after that. */
	private static Duration doubling(int beyond, Timestamp last, Instant now) {
		if (beyond < 0 || last == null) {
			return Duration.ZERO;
		}
		Duration step = Duration.ofSeconds(1L << Math.min(beyond, 20));
		return Duration.between(now, last.toInstant().plus(min(step, MAX_WAIT)));
	}

	private boolean known(String account, String address) {
		return this.jdbc.sql("select exists (select 1 from sign_in_address where username = ? and address = ?)")
			.param(account)
			.param(address)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A wrong password, or a name no account has ({@code unknownUser}), from the address.
	 */
	void failed(String username, String address, boolean unknownUser) {
		this.jdbc.sql("insert into sign_in_failure (username, address, unknown_user) values (?, ?, ?)")
			.param(Usernames.canonical(username))
			.param(ClientAddresses.key(address))
			.param(unknownUser)
			.update();
		prune();
	}

	/** A successful sign-in: the address becomes known, its failures are forgiven. */
	void succeeded(String username, String address) {
		String account = Usernames.canonical(username);
		String from = ClientAddresses.key(address);
		this.jdbc.sql("""
				insert into sign_in_address (username, address) values (?, ?) on conflict do nothing
				""").param(account).param(from).update();
		this.jdbc.sql("delete from sign_in_failure where username = ? and address = ?")
			.param(account)
			.param(from)
			.update();
	}

	/**
	 * An admin's {@code unlock}: forgets every failure counted against the account, from
	 * every address, so neither the per-address nor the account-wide rule holds it back.
	 * Answers how many failures were forgotten.
	 */
	int clear(String username) {
		return this.jdbc.sql("delete from sign_in_failure where username = ?")
			.param(Usernames.canonical(username))
			.update();
	}

	/**
	 * Failures older than {@link #RETENTION} go with each new one (an indexed delete that
	 * finds nothing costs little beside the password hash every failure has cost).
	 */
	private void prune() {
		this.jdbc.sql("delete from sign_in_failure where failed_at < ?")
			.param(Timestamp.from(Instant.now().minus(RETENTION)))
			.update();
	}

	/** Whole seconds to wait, rounded up, at least 1 (for {@code Retry-After}). */
	public static long seconds(Duration wait) {
		long seconds = wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private record Counts(int mine, Timestamp myLast, int fromAddress, Timestamp addressLast, int everyone) {
	}

}
