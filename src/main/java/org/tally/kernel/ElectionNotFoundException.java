package org.tally.kernel;

public class ElectionNotFoundException extends RuntimeException {

	private ElectionNotFoundException(String message) {
		super(message);
	}

	public static ElectionNotFoundException forSlug(String slug) {
		return new ElectionNotFoundException("No election '" + slug + "'");
	}

}
