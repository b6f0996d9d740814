package org.tally.staff;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.kernel.AuditLog;
import org.tally.kernel.InvalidRequestException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins manage the people who may change results. Passwords are stored through the
 * delegating encoder (bcrypt); the audit log records every change but never a password.
 */
@Service
public class StaffUsers {

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	static final int MAX_PASSWORD_BYTES = 72;

	private final CurrentPassword currentPassword;

	private final SignInThrottle throttle;

	private final TransactionTemplate transactions;

	StaffUsers(StaffUserRepository users, PasswordEncoder passwordEncoder, AuditLog audit,
			CurrentPassword currentPassword, SignInThrottle throttle, PlatformTransactionManager transactions) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.currentPassword = currentPassword;
		this.throttle = throttle;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Every staff account, by name. */
	@Transactional(readOnly = true)
	public List<UserView> list() {
		return this.users.findAll()
			.stream()
			.map(UserView::of)
			.sorted((a, b) -> a.username().compareToIgnoreCase(b.username()))
			.toList();
	}

	/** Creates an account; a taken name is a {@link SetupConflictException}. */
	@Transactional
	public UserView create(UserRequest request, String who) {
		String username = Usernames.canonical(request.username());
		if (this.users.findByUsername(username).isPresent()) {
			throw SetupConflictException.of("A user named '" + username + "' already exists");
		}
		StaffUser user = this.users
			.save(new StaffUser(username, hash(request.password()), StaffRole.of(request.role())));
		UserView view = UserView.of(user);
		this.audit.record(who, "user-created", "user " + user.getUsername(), null, view.audited(), null);
		return view;
	}

	/**
	 * Changes role, enabled, password or the sign-in throttle ({@code unlock}). Only an
	 * admin changes another account or a role; one's own password needs the current one
	 * (checked under the sign-in throttle, from {@code address}); a password an admin
	 * sets for someone else must be changed at that user's next sign-in. The last enabled
	 * admin cannot be demoted or disabled.
	 */
	public UserView change(String username, UserChange change, Actor who) {
		String target = Usernames.canonical(username);
		boolean own = target.equals(who.username());
		if (!who.admin() && (!own || change.role() != null || change.enabled() != null
				|| Boolean.TRUE.equals(change.unlock()))) {
			throw AccountChangeRefusedException.because("only an admin changes another account, a role or a lock");
		}
		if (own && change.changesPassword()) {
			this.currentPassword.verify(target, change.currentPassword(), who.address());
		}
		return this.transactions.execute((status) -> apply(target, change, who.username(), own));
	}

	private UserView apply(String username, UserChange change, String who, boolean own) {
		StaffUser user = this.users.findByUsername(username)
			.orElseThrow(() -> NotFoundException.of("staff user '" + username + "'"));
		Audited before = UserView.of(user).audited();
		boolean losesAdmin = user.getRole() == StaffRole.ADMIN && user.isEnabled()
				&& ((change.role() != null && StaffRole.of(change.role()) != StaffRole.ADMIN)
						|| Boolean.FALSE.equals(change.enabled()));
		if (losesAdmin && enabledAdmins() <= 1) {
			throw new InvalidRequestException("role: the last enabled admin cannot be demoted or disabled");
		}
		if (change.role() != null) {
			user.setRole(StaffRole.of(change.role()));
		}
		if (change.enabled() != null) {
			user.setEnabled(change.enabled());
		}
		if (change.changesPassword()) {
			user.setPasswordHash(hash(change.password()));
			user.setMustChangePassword(!own);
		}
		String detail = change.changesPassword() ? (own ? "own password changed (current password given)"
				: "password reset by an admin; must be changed at next sign-in") : null;
		if (Boolean.TRUE.equals(change.unlock())) {
			user.setLockedUntil(null);
			user.setFailedLogins(0);
			int forgotten = this.throttle.clear(username);
			detail = ((detail != null) ? detail + "; " : "") + "unlocked: " + forgotten + " failed sign-ins forgotten";
		}
		UserView after = UserView.of(user);
		String action = !change.changesPassword() ? "user-updated" : own ? "password-changed" : "password-reset";
		this.audit.record(who, action, "user " + username, before, after.audited(), detail);
		return after;
	}

	/**
	 * The password's hash; bcrypt reads at most 72 bytes, so a longer password (in UTF-8:
	 * fewer characters outside ASCII) is refused rather than cut.
	 */
	private String hash(String password) {
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new InvalidRequestException(
					"password: at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
		}
		return this.passwordEncoder.encode(password);
	}

	/**
	 * Who asks for a change: the canonical name, whether an admin, the client address.
	 */
	public record Actor(String username, boolean admin, String address) {
	}

	private long enabledAdmins() {
		return this.users.findAll().stream().filter((u) -> u.isEnabled() && u.getRole() == StaffRole.ADMIN).count();
	}

	/** A staff account as admins see it: never the password hash. */
	public record UserView(String username, @Schema(allowableValues = {
			"ADMIN", "STAFF" }) String role, boolean enabled, int failedLogins, @Nullable Instant lockedUntil,
			@Nullable Instant createdAt,
			@Schema(description = "an admin set the password: the user must choose a new one at next sign-in") boolean mustChangePassword){

		static UserView of(StaffUser user) {
			return new UserView(user.getUsername(), user.getRole().name(), user.isEnabled(), user.getFailedLogins(),
					user.getLockedUntil(), user.getCreatedAt(), user.isMustChangePassword());
		}

		public boolean locked() {
			return this.lockedUntil != null && this.lockedUntil.isAfter(Instant.now());
		}

		Audited audited() {
			return new Audited(this.username, this.role, this.enabled, locked(), this.mustChangePassword);
		}

	}

	/**
	 * A staff account as the audit log shows it before and after a change: never the
	 * password, nor its hash.
	 */
	record Audited(String username, String role, boolean enabled, boolean locked, boolean mustChangePassword) {
	}

}
