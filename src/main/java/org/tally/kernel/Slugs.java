package org.tally.kernel;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL slugs for contests and reporting units: "U.S. House" district "34" is
 * "us-house-34".
 */
public final class Slugs {

	private Slugs() {
	}

	public static String of(String... parts) {
		StringBuilder slug = new StringBuilder();
		for (String part : parts) {
			if (part == null) {
				continue;
			}
			String plain = Normalizer.normalize(part, Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "")
				.toLowerCase(Locale.ROOT)
				.replace(".", "")
				.replace("'", "");
			for (char c : plain.toCharArray()) {
				boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
				if (keep) {
					slug.append(c);
				}
				else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
					slug.append('-');
				}
			}
			if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
				slug.append('-');
			}
		}
		while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
			slug.setLength(slug.length() - 1);
		}
		return slug.length() > 200 ? slug.substring(0, 200) : slug.toString();
	}

}
