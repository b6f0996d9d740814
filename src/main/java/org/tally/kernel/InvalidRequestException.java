package org.tally.kernel;

/**
 * A request Tally cannot take as given: a value out of range, an unknown name, a field
 * that contradicts another. The API answers it with 400 and its message; any other
 * exception is a fault of Tally's and answers 500 without details.
 */
public class InvalidRequestException extends IllegalArgumentException {

	public InvalidRequestException(String message) {
		super(message);
	}

	/** "level: must be county or precinct". */
	public static InvalidRequestException of(String field, String problem) {
		return new InvalidRequestException(field + ": " + problem);
	}

}
