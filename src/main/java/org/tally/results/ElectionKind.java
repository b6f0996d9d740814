package org.tally.results;

import java.util.Optional;

/**
 * What kind of election it is: the values of {@code election.kind} (V1) and of the API's
 * {@code kind}, each by its {@link #code()}.
 */
public enum ElectionKind {

	GENERAL("general"), PRIMARY("primary"), SPECIAL_PRIMARY("special-primary"), SPECIAL_GENERAL("special-general"),
	RUNOFF("runoff");

	private final String code;

	ElectionKind(String code) {
		this.code = code;
	}

	/** The kind as the database and the API spell it: {@code "special-primary"}. */
	public String code() {
		return this.code;
	}

	/** The key of the kind's name in {@code messages.properties}. */
	public String labelKey() {
		return "election.kind." + this.code;
	}

	/**
	 * Whether the election is a primary: in California and Washington its contests are
	 * top-two (docs/import.md, "Rules of new contests").
	 */
	public boolean primary() {
		return switch (this) {
			case PRIMARY, SPECIAL_PRIMARY -> true;
			case GENERAL, SPECIAL_GENERAL, RUNOFF -> false;
		};
	}

	/** NIST 1500-100's {@code ElectionType} of the kind. */
	public String nistType() {
		return switch (this) {
			case GENERAL -> "general";
			case PRIMARY -> "primary";
			case RUNOFF -> "runoff";
			case SPECIAL_PRIMARY, SPECIAL_GENERAL -> "special";
		};
	}

	/** The kind {@code code} names, or empty for none. */
	public static Optional<ElectionKind> find(String code) {
		for (ElectionKind kind : values()) {
			if (kind.code.equals(code)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
