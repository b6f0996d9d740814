package org.tally.system;

/**
 * PostgreSQL could not be reached or the database could not be created at start-up.
 */
class DatabaseUnavailableException extends RuntimeException {

	private final String url;

	DatabaseUnavailableException(String url, Throwable cause) {
		super("Cannot use PostgreSQL at " + url + ": " + cause.getMessage(), cause);
		this.url = url;
	}

	String url() {
		return this.url;
	}

}
