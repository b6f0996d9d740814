package org.tally.feed;

import org.tally.results.ContestResult;

/**
 * Tally's statuses, kinds and levels in NIST SP 1500-100 v2's words (the report's
 * {@code Status}, {@code CountItemStatus}, {@code ElectionType} and
 * {@code ReportingUnitType}; docs/api.md, "cdf.json").
 */
final class CdfCodes {

	private CdfCodes() {
	}

	/**
	 * What is known of how far a contest is counted: the election's status once it is
	 * unofficial-complete or certified (completed); else completed when its files say
	 * every precinct reported and no ballot is outstanding, not-processed before it has a
	 * count or a precinct reporting, in-process otherwise.
	 */
	static String contestStatus(ContestResult contest, String itemStatus) {
		if ("completed".equals(itemStatus)) {
			return itemStatus;
		}
		Integer reporting = contest.progress().precinctsReporting();
		Integer total = contest.progress().precinctsTotal();
		if (reporting != null && total != null && total > 0 && reporting >= total
				&& Long.valueOf(0).equals(contest.ballotsOutstanding())) {
			return "completed";
		}
		if (contest.totalVotes() == 0 && (reporting == null || reporting == 0)) {
			return "not-processed";
		}
		return "in-process";
	}

	static String unitType(String level) {
		return switch (level) {
			case "precinct" -> "precinct";
			case "state" -> "state";
			default -> "county";
		};
	}

	static String status(String status, boolean corrected) {
		if (corrected) {
			return "correction";
		}
		return switch (status) {
			case "certified" -> "certified";
			case "unofficial-complete" -> "unofficial-complete";
			case "scheduled" -> "pre-election";
			default -> "unofficial-partial";
		};
	}

	/** NIST's {@code CountItemStatus} of everything in an election of this status. */
	static String itemStatus(String status) {
		return switch (status) {
			case "certified", "unofficial-complete" -> "completed";
			case "scheduled" -> "not-processed";
			default -> "in-process";
		};
	}

	static String type(String kind) {
		return switch (kind) {
			case "general" -> "general";
			case "primary" -> "primary";
			case "runoff" -> "runoff";
			case "special-primary", "special-general" -> "special";
			default -> "other";
		};
	}

}
