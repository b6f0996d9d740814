package org.tally.staff;

import org.tally.kernel.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link SignInThrottle} from the sign-in form and HTTP Basic alike (both go
 * through the same {@code AuthenticationManager} and its events) and records sign-ins and
 * failures in the audit log, all under the {@link Usernames#canonical canonical} name and
 * the address's throttle {@link ClientAddresses#key key}. Nothing here locks an account:
 * the throttle slows the address that guesses, not the person.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SignInThrottle throttle;

	LoginAttempts(JdbcClient jdbc, AuditLog audit, SignInThrottle throttle) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = Usernames.canonical(event.getAuthentication().getName());
		String address = ClientAddresses.key(address(event.getAuthentication()));
		Integer failures = this.jdbc.sql("""
				update staff_user set failed_logins = failed_logins + 1 where username = ? returning failed_logins
				""").param(username).query(Integer.class).optional().orElse(null);
		this.throttle.failed(username, address, failures == null);
		this.audit.record(username, "sign-in-failed", "user " + username, null,
				new FailedSignIn(address, (failures != null) ? failures : 0),
				(failures == null) ? "unknown user" : "wrong password");
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String username = Usernames.canonical(event.getAuthentication().getName());
		this.throttle.succeeded(username, address(event.getAuthentication()));
		this.jdbc.sql("update staff_user set failed_logins = 0 where username = ? and failed_logins > 0")
			.param(username)
			.update();
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		String username = Usernames.canonical(event.getAuthentication().getName());
		this.audit.record(username, "sign-in", "user " + username, null,
				new AddressSnapshot(ClientAddresses.key(address(event.getAuthentication()))), "form sign-in");
	}

	/**
	 * The client's address as the connection gives it (Tomcat puts the
	 * {@code X-Forwarded-For} client there only for a configured trusted proxy).
	 */
	private static String address(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	/**
	 * A refused sign-in as the audit log shows it.
	 *
	 * @param failedLogins the account's failures in a row, 0 for an unknown user
	 */
	record FailedSignIn(String address, int failedLogins) {
	}

}
