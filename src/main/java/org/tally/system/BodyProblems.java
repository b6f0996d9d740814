package org.tally.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What is wrong with a JSON body Jackson refused, in words that name the field: the
 * parser's own messages (token names, Java types, source excerpts) never reach the
 * client.
 */
final class BodyProblems {

	private BodyProblems() {
	}

	static String detail(Throwable cause) {
		if (!(cause instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
			return "body: not a JSON value of the expected shape";
		}
		String field = jackson.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
		return field + ": " + reason(jackson);
	}

	private static String reason(JacksonException ex) {
		if (ex instanceof InvalidFormatException format && format.getMessage() != null
				&& format.getMessage().contains(StrictJson.NUL_MESSAGE)) {
			return StrictJson.NUL_MESSAGE;
		}
		Class<?> target = (ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		if (ex instanceof InputCoercionException) {
			return "a number out of range";
		}
		if (target != null && isInteger(target)) {
			return "must be a whole number (no fraction, exponent or quotes)";
		}
		if (target != null && (target == BigDecimal.class || target == Double.class || target == double.class)) {
			return "must be a number (not quoted)";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "must be true or false";
		}
		if (target == java.time.Instant.class) {
			return "must be an ISO-8601 instant, such as 2030-11-06T01:00:00Z or 2030-11-05T20:00:00-05:00";
		}
		if (target == String.class) {
			return "must be a string";
		}
		return "not a value of the expected type";
	}

	private static boolean isInteger(Class<?> type) {
		return type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class;
	}

}
