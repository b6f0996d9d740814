package org.tally.ingest.kit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file layouts Tally imports; the code is what staff pass as {@code format=}.
 */
public enum ImportFormat {

	/** OpenElections: {@code county[,precinct],office,district,party,candidate,votes}. */
	OPENELECTIONS("openelections"),

	/** The summary.csv in the zip that Clarity election-night sites publish. */
	CLARITY_SUMMARY("clarity-summary"),

	/** Clarity's detail.xml, as XML or as the detailxml.zip it is published in. */
	CLARITY_DETAIL("clarity-detail"),

	/** A NIST SP 1500-100 v2 {@code ElectionReport} in JSON. */
	NIST_CDF("nist-cdf"),

	/** The AP Elections API results JSON. */
	AP_JSON("ap-json"),

	/** RCTab's ranked-choice report JSON. */
	RCTAB("rctab");

	private final String code;

	ImportFormat(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * Returns the format with the given code, or {@code null} for {@code auto} (or no
	 * code), which means: detect it from the header.
	 * @throws IllegalArgumentException for any other code
	 */
	public static ImportFormat fromCode(String code) {
		if (code == null || code.isBlank() || code.trim().equalsIgnoreCase("auto")) {
			return null;
		}
		String wanted = code.trim().toLowerCase(Locale.ROOT);
		for (ImportFormat format : values()) {
			if (format.code.equals(wanted)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown import format '" + code + "': expected auto, "
				+ Arrays.stream(values()).map(ImportFormat::code).collect(Collectors.joining(", ")));
	}

}
