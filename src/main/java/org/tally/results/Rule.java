package org.tally.results;

import java.util.Locale;

/**
 * How a contest turns votes into winners. The codes are the names the API and import
 * files use.
 */
public enum Rule {

	/**
	 * The top N (the contest's seats) win.
	 */
	PLURALITY("plurality"),

	/**
	 * More than half of the votes wins; otherwise the top two go to a runoff.
	 */
	MAJORITY("majority"),

	/**
	 * The top two advance to the next election (California's special primaries).
	 */
	TOP_TWO("top-two"),

	/**
	 * A measure passes when its Yes share reaches the contest's threshold.
	 */
	THRESHOLD("threshold"),

	/**
	 * Ranked-choice voting, tabulated elsewhere (an RCTab report): the contest's votes
	 * are its final round's, whose top N (the seats) win; with seats &gt; 1 it is
	 * multi-winner (single transferable vote). The rounds are kept beside the counts.
	 */
	RANKED_CHOICE("ranked-choice");

	private final String code;

	Rule(String code) {
		this.code = code;
	}

	/**
	 * The code used in the API and import files, for example "top-two".
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Looks a rule up by its code, ignoring case and surrounding blanks.
	 * @param code a code such as "plurality" or "top-two"
	 * @return the rule
	 * @throws IllegalArgumentException if no rule has that code
	 */
	public static Rule fromCode(String code) {
		if (code != null) {
			String normalized = code.strip().toLowerCase(Locale.ROOT);
			for (Rule rule : values()) {
				if (rule.code.equals(normalized)) {
					return rule;
				}
			}
		}
		throw new IllegalArgumentException(
				"Unknown rule '" + code + "', expected one of plurality, majority, top-two, threshold, ranked-choice");
	}

}
