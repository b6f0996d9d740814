package org.tally.ingest;

import java.util.Locale;

/**
 * {@code strict} (election night): unknown contests, candidates and units are errors.
 * {@code setup}: they are created.
 */
public enum ImportMode {

	STRICT, SETUP;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ImportMode fromCode(String code) {
		if (code == null || code.isBlank()) {
			return STRICT;
		}
		for (ImportMode mode : values()) {
			if (mode.code().equalsIgnoreCase(code.strip())) {
				return mode;
			}
		}
		throw new IllegalArgumentException("mode must be 'strict' or 'setup', not '" + code + "'");
	}

}
