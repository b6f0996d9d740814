package org.tally.ingest.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the JSON readers share: a streaming parser with limits that a hostile file cannot
 * get past (nesting, string and number lengths), JSON pointers and lines for problems,
 * and small trees for the small objects (a unit, a candidate, one vote count) so that
 * memory never holds more than one of them.
 */
public final class JsonFiles {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNestingDepth(64)
			.maxStringLength(1 << 20)
			.maxNumberLength(40)
			.maxNameLength(1000)
			// no file Tally reads is larger than an upload (docs/import.md, "Limits")
			.maxDocumentLength(256L << 20)
			.build())
		.build();

	/** Whole documents (RCTab's reports) read as one tree, within the same limits. */
	private static final JsonMapper DOCUMENTS = JsonMapper.builder(FACTORY).build();

	// trees are read from the middle of a file: what follows them is the file's business
	private static final JsonMapper MAPPER = JsonMapper.builder(FACTORY)
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonFiles() {
	}

	public static JsonParser parser(InputStream in) {
		return MAPPER.createParser(in);
	}

	/** A whole document as a tree, within the parser's limits. */
	public static JsonNode document(byte[] bytes) {
		return DOCUMENTS.readTree(bytes);
	}

	/** The next value as a tree; the parser must be at its first token. */
	/**
	 * One pass over the file: opens it, hands the parser to {@code body} and closes both.
	 * A file that is not readable JSON becomes one problem.
	 * @return whether the pass read the whole file
	 */
	public static boolean pass(FileSource source, Consumer<JsonParser> body, Consumer<Problem> problems)
			throws IOException {
		JsonParser parser = null;
		try (InputStream in = source.open()) {
			parser = parser(in);
			body.accept(parser);
			return true;
		}
		catch (JacksonException ex) {
			problems.accept(unreadable(ex, parser));
			return false;
		}
		finally {
			if (parser != null) {
				parser.close();
			}
		}
	}

	public static JsonNode tree(JsonParser parser) {
		return MAPPER.readTree(parser);
	}

	/** Where the parser is, as a JSON pointer ("/races/3/reportingUnits/0"). */
	public static String pointer(JsonParser parser) {
		String pointer = parser.streamReadContext().pathAsPointer().toString();
		return pointer.isEmpty() ? "/" : pointer;
	}

	public static long line(JsonParser parser) {
		return Math.max(1, parser.currentTokenLocation().getLineNr());
	}

	public static Problem problem(JsonParser parser, String message) {
		return new Problem(line(parser), null, null, message, pointer(parser));
	}

	public static Problem problem(JsonParser parser, String at, JsonNode value, String message) {
		return new Problem(line(parser), null, shown(value), message, at);
	}

	public static String shown(JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return null;
		}
		return value.isString() ? value.asString() : value.toString();
	}

	/**
	 * The problem for a parser that gave up (bad JSON, a limit passed); an I/O failure of
	 * the stream itself is thrown, not reported.
	 */
	public static Problem unreadable(JacksonException ex, JsonParser parser) {
		if (ex instanceof JacksonIOException io) {
			IOException cause = io.getCause();
			throw new UncheckedIOException((cause != null) ? cause : new IOException(io.getMessage()));
		}
		long line = (ex.getLocation() != null) ? Math.max(1, ex.getLocation().getLineNr()) : 0;
		String at = (parser != null) ? pointer(parser) : null;
		return new Problem(line, null, null, "not readable as JSON: " + ex.getOriginalMessage(), at);
	}

	/**
	 * Calls {@code each} with the parser at the start of each element of the array the
	 * parser is at; the callback must consume the element. A value that is not an array
	 * is reported and skipped.
	 * @return whether the value was an array
	 */
	public static boolean eachElement(JsonParser parser, Consumer<Problem> problems, String what, Runnable each) {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			problems.accept(problem(parser, what + " should be a JSON array"));
			parser.skipChildren();
			return false;
		}
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			each.run();
		}
		return true;
	}

	/**
	 * The text of a NIST {@code InternationalizedText} (the first {@code Text}'s
	 * {@code Content}), or of a plain string.
	 */
	public static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return blankToNull(node.asString());
		}
		JsonNode texts = node.get("Text");
		if (texts != null && texts.isArray()) {
			for (JsonNode text : texts) {
				String content = blankToNull(text.path("Content").asString(null));
				if (content != null) {
					return content;
				}
			}
		}
		return null;
	}

	public static String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && (value.isString() || value.isNumber())) ? blankToNull(value.asString()) : null;
	}

	/**
	 * A whole non-negative number of at most 10^12 ({@link VoteNumber#MAX}), from a JSON
	 * number or numeric text; {@code null} when missing or not one.
	 */
	public static Long count(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			long value = node.asLong();
			return (value >= 0 && value <= VoteNumber.MAX) ? value : null;
		}
		if (node.isNumber()) {
			try {
				long value = node.decimalValue().longValueExact();
				return (value >= 0 && value <= VoteNumber.MAX) ? value : null;
			}
			catch (ArithmeticException ex) {
				return null;
			}
		}
		if (node.isString()) {
			String text = node.asString().strip();
			if (text.matches("[0-9]{1,13}")) {
				long value = Long.parseLong(text);
				return (value <= VoteNumber.MAX) ? value : null;
			}
		}
		return null;
	}

	/** A {@link #count} that fits an int (precincts, seats); {@code null} otherwise. */
	public static Integer integer(JsonNode node) {
		Long value = count(node);
		return (value != null && value <= Integer.MAX_VALUE) ? value.intValue() : null;
	}

	/** A JSON object member's name escaped for a JSON pointer (RFC 6901). */
	public static String pointerStep(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

	public static String blankToNull(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
