package org.tally.staff;

/**
 * A staff target that does not exist: a user, a token, a candidate, a concession.
 */
public class NotFoundException extends RuntimeException {

	private NotFoundException(String message) {
		super(message);
	}

	static NotFoundException of(String what) {
		return new NotFoundException("No " + what);
	}

}
