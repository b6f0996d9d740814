package org.tally.system;

import java.util.List;

/**
 * PostgreSQL could not be reached or the database could not be created at start-up.
 */
class DatabaseUnavailableException extends RuntimeException {

	private final String url;

	private final List<String> tried;

	DatabaseUnavailableException(String url, Throwable cause) {
		super("Cannot use PostgreSQL at " + url + ": " + cause.getMessage(), cause);
		this.url = url;
		this.tried = List.of();
	}

	/**
	 * No database to try at all: the message says why in one line, after what was tried.
	 */
	DatabaseUnavailableException(String message, List<String> tried) {
		super(message);
		this.url = null;
		this.tried = List.copyOf(tried);
	}

	String url() {
		return this.url;
	}

	List<String> tried() {
		return this.tried;
	}

}
