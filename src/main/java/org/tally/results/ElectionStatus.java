package org.tally.results;

import java.util.Optional;

/**
 * Where an election stands (docs/contract.md): the values of {@code election.status} (V1)
 * and of the API's {@code status}, each by its {@link #code()}.
 */
public enum ElectionStatus {

	/** Before the first count; the first import or correction starts the count. */
	SCHEDULED("scheduled"),

	/** Counts are coming in. */
	COUNTING("counting"),

	/** The count stopped for now (the night is over). */
	PAUSED("paused"),

	/** Every ballot counted, not yet certified. */
	UNOFFICIAL_COMPLETE("unofficial-complete"),

	/** The certified canvass. */
	CERTIFIED("certified");

	private final String code;

	ElectionStatus(String code) {
		this.code = code;
	}

	/** The status as the database and the API spell it: {@code "unofficial-complete"}. */
	public String code() {
		return this.code;
	}

	/** The key of the status's name in {@code messages.properties}. */
	public String labelKey() {
		return "election.status." + this.code;
	}

	/** Whether the count is under way: pages show the election as live. */
	public boolean live() {
		return switch (this) {
			case COUNTING, PAUSED -> true;
			case SCHEDULED, UNOFFICIAL_COMPLETE, CERTIFIED -> false;
		};
	}

	/**
	 * Where elections of this status come in the list of elections: counting, paused,
	 * unofficial-complete, scheduled, then certified.
	 */
	public int listOrder() {
		return switch (this) {
			case COUNTING -> 0;
			case PAUSED -> 1;
			case UNOFFICIAL_COMPLETE -> 2;
			case SCHEDULED -> 3;
			case CERTIFIED -> 4;
		};
	}

	/**
	 * NIST 1500-100's {@code ResultsStatus} of a report of an election of this status.
	 */
	public String nistStatus() {
		return switch (this) {
			case SCHEDULED -> "pre-election";
			case COUNTING, PAUSED -> "unofficial-partial";
			case UNOFFICIAL_COMPLETE -> "unofficial-complete";
			case CERTIFIED -> "certified";
		};
	}

	/**
	 * NIST 1500-100's {@code CountItemStatus} of everything in an election of this
	 * status.
	 */
	public String nistItemStatus() {
		return switch (this) {
			case SCHEDULED -> "not-processed";
			case COUNTING, PAUSED -> "in-process";
			case UNOFFICIAL_COMPLETE, CERTIFIED -> "completed";
		};
	}

	/** The status {@code code} names, or empty for none. */
	public static Optional<ElectionStatus> find(String code) {
		for (ElectionStatus status : values()) {
			if (status.code.equals(code)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

	/** Whether {@code code} is the certified status. */
	public static boolean certified(String code) {
		return CERTIFIED.code.equals(code);
	}

}
