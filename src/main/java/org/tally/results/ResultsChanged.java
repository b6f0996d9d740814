package org.tally.results;

/**
 * An election reached a new revision (told by PostgreSQL NOTIFY after the commit).
 */
public record ResultsChanged(String election, long revision) {

	/** Parses the NOTIFY payload {@code <slug>:<revision>}; null when it is not one. */
	static ResultsChanged parse(String payload) {
		int colon = (payload != null) ? payload.lastIndexOf(':') : -1;
		if (colon <= 0) {
			return null;
		}
		try {
			return new ResultsChanged(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
