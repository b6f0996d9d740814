package org.tally.feed;

import java.util.List;

/**
 * One county's or precinct's count of a contest.
 */
record ReportingUnitResponse(String code, String name, String level, String parent, long totalVotes,
		List<UnitVotes> candidates) {

	record UnitVotes(String name, long votes) {
	}

}
