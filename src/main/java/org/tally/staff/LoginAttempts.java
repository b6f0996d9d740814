package org.tally.staff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.tally.results.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for {@link #LOCK_TIME} after {@link #MAX_FAILURES} wrong passwords in
 * a row, whether they came through the sign-in form or HTTP Basic, and records sign-ins
 * and failures in the audit log. The counter lives in the database, so every Tally
 * instance sees it.
 */
@Component
class LoginAttempts {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_TIME = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	LoginAttempts(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = clip(event.getAuthentication().getName());
		Instant lockUntil = Instant.now().plus(LOCK_TIME);
		Integer failures = this.jdbc.sql("""
				update staff_user
				set failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
				    locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
				where username = :username
				returning case when locked_until = :until then :max else failed_logins end
				""")
			.param("max", MAX_FAILURES)
			.param("until", Timestamp.from(lockUntil))
			.param("username", username)
			.query(Integer.class)
			.optional()
			.orElse(null);
		boolean locked = failures != null && failures >= MAX_FAILURES;
		this.audit.record(username, locked ? "sign-in-locked-out" : "sign-in-failed", "user " + username, null,
				(failures != null) ? Map.of("failedLogins", failures) : null,
				(failures == null) ? "unknown user" : (locked ? "locked until " + lockUntil : "wrong password"));
	}

	@EventListener
	void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
		String username = clip(event.getAuthentication().getName());
		this.audit.record(username, "sign-in-failed", "user " + username, null, null, "account locked");
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.jdbc.sql("update staff_user set failed_logins = 0 where username = ? and failed_logins > 0")
			.param(event.getAuthentication().getName())
			.update();
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.audit.record(username, "sign-in", "user " + username, null, null, "form sign-in");
	}

	private static String clip(String username) {
		if (username == null || username.isEmpty()) {
			return "(empty)";
		}
		return (username.length() > 100) ? username.substring(0, 100) + "…" : username;
	}

}
