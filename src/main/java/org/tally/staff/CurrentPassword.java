package org.tally.staff;

import java.time.Duration;
import java.util.Optional;

import org.tally.kernel.AuditLog;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The proof an account change needs: the account's current password, checked like a
 * sign-in (the {@link SignInThrottle} first, a wrong one counted as a failed sign-in), so
 * a stolen session or token cannot guess its way to a new password.
 */
@Component
class CurrentPassword {

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	CurrentPassword(StaffUserRepository users, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			AuditLog audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.audit = audit;
	}

	/** Passes when {@code given} is the account's password; else refuses. */
	void verify(String username, String given, String address) {
		if (given == null || given.isEmpty()) {
			throw AccountChangeRefusedException.because("currentPassword: required to change your own password");
		}
		Optional<Duration> wait = this.throttle.check(username, address);
		if (wait.isPresent()) {
			throw AccountChangeRefusedException.throttled(SignInThrottle.seconds(wait.get()));
		}
		String hash = this.users.findByUsername(username).map(StaffUser::getPasswordHash).orElse(null);
		if (hash == null || !this.passwordEncoder.matches(given, hash)) {
			this.throttle.failed(username, address, false);
			this.audit.record(username, "password-change-refused", "user " + username, null,
					new AddressSnapshot(ClientAddresses.key(address)), "wrong current password");
			throw AccountChangeRefusedException.because("currentPassword: does not match");
		}
	}

}
