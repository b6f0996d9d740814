package org.tally.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces {@link ApiFuzzPropertyTests} builds requests from: values that exist (the
 * fuzz election, its contest, a staff account) beside odd ones, for paths, parameters,
 * Content-Types and bodies.
 */
final class FuzzValues {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	/** Already encoded path or parameter text: sent as it is. */
	private static final List<String> ENCODED = List.of("%25", "%2F", "%00", "a%25b", "a%2Fb", "%2e%2e", "%2E", "%5C",
			"%3B", "%E2%82%AC", "%ff", "%C0%AF", "%0A", "%0D%0A", "%7F", "%09", "%20", "a%00b", "%C3", "%FE%FF");

	private FuzzValues() {
	}

	static Arbitrary<String> method(String documented) {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just(documented)),
				net.jqwik.api.Tuple.of(1, Arbitraries.of("FOO", "PROPFIND", "TRACE", "PATCH", "DELETE", "PUT", "POST",
						"OPTIONS", "HEAD", "get", "M-SEARCH")));
	}

	/** Raw text (to be encoded) that is odd in some way. */
	static Arbitrary<String> oddText() {
		return Arbitraries.oneOf(
				Arbitraries.of("", " ", "\u0000", "a\u0000b", "\u0001\u001f", "\t", "\r\n", "..", ".", "-1", "0", "1.5",
						"1e309", "NaN", "true", "null", "[]", "{}", "'; drop table election; --", "<script>",
						"\uD83D\uDDF3", "\u202E", "é", "\uFFFF"),
				Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(12),
				Arbitraries.strings().all().ofMaxLength(8), Arbitraries.strings().alpha().ofLength(5000),
				Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf));
	}

	/** A value for a URL: an odd text encoded, or an encoded oddity sent as it is. */
	static Arbitrary<String> urlValue() {
		return Arbitraries.oneOf(oddText().map(ApiFuzzPropertyTests::encode), Arbitraries.of(ENCODED));
	}

	static Arbitrary<String> path(String template, String election) {
		Matcher matcher = VARIABLE.matcher(template);
		List<String> names = new ArrayList<>();
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		if (names.isEmpty()) {
			return Arbitraries.oneOf(Arbitraries.just(template), Arbitraries.just(template + "/"),
					urlValue().map((extra) -> template + "/" + extra));
		}
		List<Arbitrary<String>> values = names.stream().map((name) -> pathValue(name, election)).toList();
		return net.jqwik.api.Combinators.combine(values).as((chosen) -> {
			String path = template;
			for (int i = 0; i < names.size(); i++) {
				path = path.replace("{" + names.get(i) + "}", chosen.get(i));
			}
			return path;
		});
	}

	private static Arbitrary<String> pathValue(String name, String election) {
		Arbitrary<String> real = switch (name) {
			case "election" -> Arbitraries.just(election);
			case "contest" -> Arbitraries.of("us-house-34", "no-such-contest");
			case "candidate" -> Arbitraries.of("Jimmy%20Gomez", "Robert%20Lee%20Ahn");
			case "username" -> Arbitraries.of(ApiFuzzPropertyTests.STAFF, "nobody");
			default -> Arbitraries.of("1", "2", "999999");
		};
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, real), net.jqwik.api.Tuple.of(1, urlValue()));
	}

	/** A query string: documented parameters, unknown ones, empty names, odd values. */
	static Arbitrary<String> query(List<String> documented) {
		Arbitrary<String> name = Arbitraries.oneOf(
				documented.isEmpty() ? Arbitraries.just("zzz") : Arbitraries.of(documented),
				Arbitraries.of("", "zzz", "a[b]", "%00", "%25", "lang", "since", "level", "office", "revision",
						"lastEventId", "_method", "x%0Ay"));
		Arbitrary<String> pair = net.jqwik.api.Combinators
			.combine(name, urlValue(), Arbitraries.integers().between(0, 3))
			.as((n, v, shape) -> switch (shape) {
				case 0 -> n + "=" + v;
				case 1 -> n;
				case 2 -> "=" + v;
				default -> n + "=";
			});
		return pair.list().ofMaxSize(4).map((pairs) -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
	}

	static Arbitrary<String> contentType(List<String> documented) {
		Arbitrary<String> odd = Arbitraries.of("application/json", "text/plain", "application/xml",
				"multipart/form-data", "multipart/form-data; boundary=xyz", "multipart/mixed",
				"application/x-www-form-urlencoded", "application/json; charset=bogus", "*/*", "garbage", "text/csv",
				"application/octet-stream", "application/json; charset=utf-16");
		Arbitrary<String> none = Arbitraries.just("none");
		return (documented.isEmpty() ? Arbitraries.oneOf(none, odd)
				: Arbitraries.oneOf(Arbitraries.of(documented), none, odd))
			.map((type) -> "none".equals(type) ? null : type);
	}

	/**
	 * A JSON body after the operation's schema with fields given odd values (wrong types,
	 * NUL, very long strings, fractions and exponents for integers), left out or unknown;
	 * or bytes that are not JSON at all.
	 */
	static Arbitrary<String> body(JsonNode document, String ref) {
		Arbitrary<String> notJson = Arbitraries.of("", "{", "[]", "null", "{\"a\":", "not json", "\u0000",
				"{\"x\":1e309}", "1e309", "\"\"");
		if (ref == null) {
			return Arbitraries.oneOf(notJson, Arbitraries.just("county,precinct\nA,B\n"));
		}
		JsonNode schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
		List<String> names = new ArrayList<>();
		schema.path("properties").propertyNames().forEach(names::add);
		Arbitrary<JsonNode> value = Arbitraries
			.oneOf(Arbitraries.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode("a\u0000b"),
					JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("   "),
					JsonNodeFactory.instance.textNode("12"), JsonNodeFactory.instance.textNode("x".repeat(10_000)),
					JsonNodeFactory.instance.textNode("\u00e9".repeat(40)), JsonNodeFactory.instance.numberNode(1.5),
					JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(0),
					JsonNodeFactory.instance.numberNode(Long.MAX_VALUE), JsonNodeFactory.instance.booleanNode(true),
					JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
					JsonNodeFactory.instance.textNode("2017-06-06"), JsonNodeFactory.instance.textNode("plurality"),
					JsonNodeFactory.instance.textNode("ADMIN"), JsonNodeFactory.instance.textNode("called")),
					oddText().map(JsonNodeFactory.instance::textNode));
		Arbitrary<Map<String, JsonNode>> fields = names.isEmpty() ? Arbitraries.just(Map.of())
				: Arbitraries.maps(Arbitraries.of(names), value).ofMaxSize(names.size());
		Arbitrary<String> fromSchema = fields.map((chosen) -> {
			ObjectNode object = JsonNodeFactory.instance.objectNode();
			chosen.forEach(object::set);
			return object.toString();
		});
		Arbitrary<String> withRawNumbers = Arbitraries.of(names.isEmpty() ? List.of("x") : names)
			.flatMap((field) -> Arbitraries
				.of("1e309", "1.5", "1e2", "-0", "99999999999999999999", "\"45000\"", "0x10", "NaN", "Infinity")
				.map((raw) -> "{\"" + field + "\":" + raw + "}"));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, fromSchema), net.jqwik.api.Tuple.of(2, withRawNumbers),
				net.jqwik.api.Tuple.of(1, notJson));
	}

	/** The bytes for the Content-Type: a multipart body when it names the boundary. */
	static byte[] bodyFor(String contentType, String body) {
		if (contentType != null && contentType.contains("boundary=xyz")) {
			return ("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
					+ "Content-Type: text/csv\r\n\r\n" + body + "\r\n--xyz--\r\n")
				.getBytes(StandardCharsets.UTF_8);
		}
		return body.isEmpty() ? null : body.getBytes(StandardCharsets.UTF_8);
	}

}
