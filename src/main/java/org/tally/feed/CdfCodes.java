package org.tally.feed;

import org.tally.results.ContestResult;
import org.tally.results.ElectionKind;
import org.tally.results.ElectionStatus;
import org.tally.results.UnitLevel;

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
		return UnitLevel.find(level).orElse(UnitLevel.COUNTY).nistType();
	}

	static String status(String status, boolean corrected) {
		if (corrected) {
			return "correction";
		}
		return ElectionStatus.find(status).orElse(ElectionStatus.COUNTING).nistStatus();
	}

	/** NIST's {@code CountItemStatus} of everything in an election of this status. */
	static String itemStatus(String status) {
		return ElectionStatus.find(status).orElse(ElectionStatus.COUNTING).nistItemStatus();
	}

	static String type(String kind) {
		return ElectionKind.find(kind).map(ElectionKind::nistType).orElse("other");
	}

}
