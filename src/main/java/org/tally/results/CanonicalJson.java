package org.tally.results;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of docs/verify.md (RFC 8785's rules for the values Tally writes):
 * object keys sorted by UTF-16 code units, no whitespace, strings escaped only where JSON
 * must ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other controls as
 * {@code backslash-u00xx}), integers as digits, decimals without exponent or trailing
 * zeros. Plain Java, no Spring.
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	/**
	 * The canonical text of a value made of maps, records (objects of their components,
	 * {@link #fields(Record)}), collections, strings, numbers, booleans and nulls.
	 */
	public static String of(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value);
		return out.toString();
	}

	/** Appends the canonical text of the value. */
	public static void write(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(out, text);
		}
		else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
				|| value instanceof Short) {
			out.append(value);
		}
		else if (value instanceof Double || value instanceof Float) {
			write(out, new BigDecimal(value.toString()));
		}
		else if (value instanceof BigDecimal decimal) {
			out.append((decimal.signum() == 0) ? "0" : decimal.stripTrailingZeros().toPlainString());
		}
		else if (value instanceof Map<?, ?> map) {
			object(out, map);
		}
		else if (value instanceof Record record) {
			object(out, fields(record));
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				out.append(first ? "" : ",");
				write(out, item);
				first = false;
			}
			out.append(']');
		}
		else {
			string(out, value.toString());
		}
	}

	/**
	 * A record's components by name, in declaration order, as its canonical object has
	 * them (a null component is a null member).
	 */
	public static Map<String, Object> fields(Record record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			Method accessor = component.getAccessor();
			try {
				// the record may be package-private in its module
				accessor.setAccessible(true);
				fields.put(component.getName(), accessor.invoke(record));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot read " + component, ex);
			}
		}
		return fields;
	}

	private static void object(StringBuilder out, Map<?, ?> map) {
		Map<String, Object> sorted = new TreeMap<>();
		map.forEach((key, item) -> sorted.put((String) key, item));
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> entry : sorted.entrySet()) {
			out.append(first ? "" : ",");
			string(out, entry.getKey());
			out.append(':');
			write(out, entry.getValue());
			first = false;
		}
		out.append('}');
	}

	/** Appends the string as a JSON string literal. */
	public static void string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
