package org.tally.results;

import java.util.Optional;

/**
 * Who made a revision as the chain records it (docs/verify.md) and readers see it
 * (docs/security.md: a role, never a user name): the values of
 * {@code revision.recorded_role} (V30), of the action's {@code role} and of the API's
 * {@code calledBy} and {@code role}, each by its {@link #code()}. A staff account records
 * its role in lower case ({@code staff_user.role}), Tally itself and file-driven work
 * {@code system}.
 */
public enum RecordedRole {

	/** An administrator's account. */
	ADMIN("admin"),

	/** A staff account. */
	STAFF("staff"),

	/** Tally itself, or work done under a name that is no account. */
	SYSTEM("system");

	private final String code;

	RecordedRole(String code) {
		this.code = code;
	}

	/** The role as the database, the chain and the API spell it: {@code "staff"}. */
	public String code() {
		return this.code;
	}

	/** The role {@code code} names, or empty for none. */
	public static Optional<RecordedRole> find(String code) {
		for (RecordedRole role : values()) {
			if (role.code.equals(code)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/**
	 * The role {@code code} names.
	 * @throws IllegalArgumentException if no role has that code
	 */
	public static RecordedRole fromCode(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown recorded role '" + code + "'"));
	}

}
