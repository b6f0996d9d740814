package org.tally.staff;

/**
 * A setup change that would duplicate something unique: a contest slug, a candidate's
 * name in a contest, a reporting unit code, a user name.
 */
public class SetupConflictException extends RuntimeException {

	private SetupConflictException(String message) {
		super(message);
	}

	static SetupConflictException of(String message) {
		return new SetupConflictException(message);
	}

}
