package org.tally.system;

/**
 * A request body longer than the configured limit ({@code tally.http.upload-max-size}),
 * found while reading a body that did not declare its length: answered 413.
 */
public class ContentTooLargeException extends RuntimeException {

	public ContentTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes, the most Tally accepts.");
	}

}
