package org.tally.results;

import java.util.List;
import java.util.Optional;

/**
 * The status of a race call (docs/contract.md, calls): the values of
 * {@code race_call.status} (V1) and of the API's {@code status} and {@code callStatus},
 * each by its {@link #code()}.
 */
public enum CallStatus {

	/** Nobody called the contest. */
	NOT_CALLED("not-called"),

	/** Staff say it is too early to call. */
	TOO_EARLY("too-early"),

	/** Staff say it is too close to call. */
	TOO_CLOSE("too-close"),

	/** Called: the winners, or the choices advancing, are named. */
	CALLED("called"),

	/** No winner: the choices named go to a runoff. */
	RUNOFF("runoff"),

	/** An earlier call was retracted. */
	UNCALLED("uncalled");

	/** What staff choose from on the contest desk, in its order. */
	public static final List<CallStatus> STAFF_CHOICES = List.of(CALLED, TOO_EARLY, TOO_CLOSE, RUNOFF);

	private final String code;

	CallStatus(String code) {
		this.code = code;
	}

	/** The status as the database and the API spell it: {@code "too-close"}. */
	public String code() {
		return this.code;
	}

	/**
	 * Whether the call decides the contest: it names winners ({@code called}) or the
	 * choices in a runoff.
	 */
	public boolean decides() {
		return switch (this) {
			case CALLED, RUNOFF -> true;
			case NOT_CALLED, TOO_EARLY, TOO_CLOSE, UNCALLED -> false;
		};
	}

	/** The status {@code code} names, or empty for none. */
	public static Optional<CallStatus> find(String code) {
		for (CallStatus status : values()) {
			if (status.code.equals(code)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

	/** Whether {@code code} names a status that decides the contest. */
	public static boolean decides(String code) {
		return find(code).map(CallStatus::decides).orElse(false);
	}

}
