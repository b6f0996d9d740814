package org.tally.results;

import java.util.Optional;

/**
 * What a contest decides: the values of {@code contest.kind} (V1) and of the API's
 * {@code kind}, each by its {@link #code()}.
 */
public enum ContestKind {

	/** An office: its choices are candidates. */
	CANDIDATE("candidate"),

	/** A ballot measure: its choices are answers such as Yes and No. */
	MEASURE("measure");

	private final String code;

	ContestKind(String code) {
		this.code = code;
	}

	/** The kind as the database and the API spell it. */
	public String code() {
		return this.code;
	}

	/** The kind {@code code} names, or empty for none. */
	public static Optional<ContestKind> find(String code) {
		for (ContestKind kind : values()) {
			if (kind.code.equals(code)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	/** Whether {@code code} names a ballot measure. */
	public static boolean measure(String code) {
		return MEASURE.code.equals(code);
	}

}
