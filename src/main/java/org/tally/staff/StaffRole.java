package org.tally.staff;

import java.util.Optional;

import org.tally.results.RecordedRole;

/**
 * What a staff account may do: {@code ADMIN} also manages accounts, tokens and elections
 * (docs/security.md). The names are the values of {@code staff_user.role} (V1) and of the
 * API's {@code role}.
 */
public enum StaffRole {

	ADMIN, STAFF;

	/** The Spring Security authority of the role: {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The role of the accounts whose revisions record {@code role} (their role in lower
	 * case, org.tally.results.Revisions); empty for {@code system}, which no account
	 * records.
	 */
	public static Optional<StaffRole> recording(RecordedRole role) {
		return switch (role) {
			case ADMIN -> Optional.of(ADMIN);
			case STAFF -> Optional.of(STAFF);
			case SYSTEM -> Optional.empty();
		};
	}

	/** The role a request names ({@code "ADMIN"}, {@code "STAFF"}; validated before). */
	static StaffRole of(String name) {
		return valueOf(name);
	}

}
