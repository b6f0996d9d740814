package org.tally.staff;

public class ElectionExistsException extends RuntimeException {

	private ElectionExistsException(String message) {
		super(message);
	}

	public static ElectionExistsException forSlug(String slug) {
		return new ElectionExistsException("An election with slug '" + slug + "' already exists");
	}

}
