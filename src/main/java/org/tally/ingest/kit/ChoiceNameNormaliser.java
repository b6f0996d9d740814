package org.tally.ingest.kit;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The one way every format turns a choice's name as a file writes it into the name Tally
 * shows (docs/contract.md §3), so that a desk may switch formats mid-count and still name
 * the same candidates:
 * <ul>
 * <li>a leading dash and space ("- PHILIP MURPHY", Clarity's way of indenting) is
 * dropped;</li>
 * <li>a trailing "(I)" marks the incumbent and is dropped;</li>
 * <li>a trailing party in parentheses ("Tom Cotton (REP)", "Jane Roe (Working Families)":
 * letters, spaces, dots, hyphens, ampersands and slashes, at most 30 characters, not
 * "(W/I)" nor a write-in mark) becomes the party when the file gives none in a column of
 * its own, or gives only a "no party" placeholder there ("NP", "NOP", "NON", "None",
 * "Nonpartisan": Georgia's detail.xml writes {@code text="Joseph R. Biden (Dem)"
 * party="NP"}), and is dropped either way;</li>
 * <li>runs of white space become one space, and the name is trimmed;</li>
 * <li>before all that, zero-width characters (U+200B–U+200D, U+2060, a stray byte order
 * mark U+FEFF) are removed and the name is NFC-normalised, so that "José" typed with a
 * combining accent and "José" precomposed are one name ({@link #clean}); the import warns
 * about the removed characters, and refuses bidi controls and other control characters in
 * a name ({@link #unsafe}; docs/import.md, "Names a reader can trust").</li>
 * </ul>
 * A name that would be left empty is kept as written. Nothing else changes: case is kept
 * ("Mitch McCONNELL"), and so are quotes and middle parentheses ("Bernard (Bernie)
 * Sanders").
 */
public final class ChoiceNameNormaliser {

	/** A choice's name as Tally keeps it. */
	public record Name(String name, String party, boolean incumbent) {
	}

	private static final int MAX_PARTY_LENGTH = 30;

	/** What files write in a party column for "no party". */
	private static final Set<String> PLACEHOLDERS = Set.of("np", "nop", "non", "none", "nonpartisan", "non-partisan");

	private ChoiceNameNormaliser() {
	}

	/**
	 * @param written the name as the file wrote it
	 * @param party the party the file gives in its own column or attribute, or
	 * {@code null}
	 */
	public static Name normalise(String written, String party) {
		String name = collapseSpaces(clean(written));
		if (name.startsWith("- ")) {
			// "- PHILIP MURPHY"; "-Minus" is a name (and a spreadsheet formula to escape)
			name = name.substring(2);
		}
		boolean incumbent = false;
		String named = (party != null && !party.isBlank()) ? party.strip() : null;
		boolean placeholder = named != null && PLACEHOLDERS.contains(named.toLowerCase(Locale.ROOT));
		boolean stripped = true;
		while (stripped && name.endsWith(")")) {
			stripped = false;
			int open = name.lastIndexOf('(');
			if (open <= 0) {
				break;
			}
			String inside = name.substring(open + 1, name.length() - 1).strip();
			String before = name.substring(0, open).strip();
			if (before.isEmpty()) {
				break;
			}
			if (inside.equalsIgnoreCase("I") || inside.equalsIgnoreCase("Inc")
					|| inside.equalsIgnoreCase("Incumbent")) {
				incumbent = true;
				name = before;
				stripped = true;
			}
			else if (isParty(inside)) {
				if (named == null || placeholder) {
					named = inside;
					placeholder = false;
				}
				name = before;
				stripped = true;
			}
		}
		return new Name(name, named, incumbent);
	}

	/** The name alone, as {@link #normalise(String, String)} gives it. */
	public static String name(String written) {
		return normalise(written, null).name();
	}

	/**
	 * The text without zero-width characters (U+200B–U+200D, U+2060, U+FEFF), in Unicode
	 * NFC; the same object when there is nothing to change (plain ASCII, the usual case).
	 */
	public static String clean(String text) {
		if (text == null || isPlain(text)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isZeroWidth(c)) {
				kept.append(c);
			}
		}
		return Normalizer.normalize(kept, Normalizer.Form.NFC);
	}

	/** Whether the text holds a zero-width character {@link #clean} removes. */
	public static boolean hasZeroWidth(String text) {
		if (text == null || isPlain(text)) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (isZeroWidth(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The first character a name must not hold, named ("U+202E RIGHT-TO-LEFT OVERRIDE"):
	 * a bidi control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can
	 * make a name read as another, or a C0 or C1 control character (tab and line breaks
	 * included: no name spans lines); {@code null} when there is none.
	 */
	public static String unsafe(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
			boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
					|| c == '\u200F' || c == '\u061C';
			if (control || bidi) {
				String named = Character.getName(c);
				return String.format(Locale.ROOT, "U+%04X", (int) c) + ((named != null) ? " " + named : "");
			}
		}
		return null;
	}

	private static boolean isPlain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static boolean isZeroWidth(char c) {
		return (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
	}

	private static boolean isParty(String text) {
		if (text.isEmpty() || text.length() > MAX_PARTY_LENGTH || !Character.isLetter(text.charAt(0))) {
			return false;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.equals("w/i") || lower.replace("-", "").replace(" ", "").startsWith("writein")) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isLetter(c) && c != ' ' && c != '.' && c != '-' && c != '&' && c != '/') {
				return false;
			}
		}
		return true;
	}

	private static String collapseSpaces(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\u00A0') {
				space = out.length() > 0;
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		return out.toString();
	}

}
