package org.tally.ingest.clarity;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.RowSink;

/**
 * A Clarity site's turnout by unit (registered voters, ballots cast) and each contest's
 * progress: a state site's counties each report their own, a county site's contest the
 * county's.
 */
final class ClarityProgress {

	/** Registered voters and ballots cast by unit name, from the turnout section. */
	final Map<String, long[]> turnout = new HashMap<>();

	/** Whether the file counts by county (a state site), not by precinct. */
	boolean counties;

	private final RowSink sink;

	private final ClarityCursor at;

	ClarityProgress(RowSink sink, ClarityCursor at) {
		this.sink = sink;
		this.at = at;
	}

	/**
	 * A state site's counties each report their own progress; a county site's contest
	 * reports the county's, with registered voters and ballots cast summed over the
	 * precincts the contest's counts name.
	 */
	void contest(long line, String office, long reported, long participating, Map<String, long[]> countyProgress,
			Set<String> contestUnits) {
		if (!countyProgress.isEmpty()) {
			countyProgress.forEach((county, figures) -> {
				long[] turnout = this.turnout.get(county);
				progress(figures[2],
						"/ElectionResult/Contest[@text='" + office + "']/ParticipatingCounties/County[@name='" + county
								+ "']",
						county, office, figures[0], figures[1], (turnout != null) ? turnout[1] : -1,
						(turnout != null && turnout[0] > 0) ? turnout[0] : -1);
			});
			return;
		}
		// pseudo-precincts ("Clayton Mail-In Ballot") have no registered voters of their
		// own: zero adds nothing, and only a contest whose units all say zero is unknown
		long registered = 0;
		long cast = 0;
		for (String unit : contestUnits) {
			long[] turnout = this.turnout.get(unit);
			if (turnout != null) {
				registered += Math.max(turnout[0], 0);
				cast += Math.max(turnout[1], 0);
			}
		}
		if (this.counties || registered == 0) {
			registered = -1;
		}
		if (this.counties || cast == 0) {
			cast = -1;
		}
		progress(line, "/ElectionResult/Contest[@text='" + office + "']", null, office, reported, participating, cast,
				registered);
	}

	private void progress(long line, String location, String county, String office, long reported, long total,
			long cast, long registered) {
		if (reported < 0 && total < 0 && cast < 0 && registered < 0) {
			return;
		}
		if (reported > Integer.MAX_VALUE || total > Integer.MAX_VALUE) {
			this.at.problem("precinctsReported", Long.toString(Math.max(reported, total)), "too many precincts");
			return;
		}
		if (reported >= 0 && total >= 0 && reported > total) {
			this.at.problem(new Problem(line, "precinctsReported", Long.toString(reported),
					"more precincts reported than taking part (" + total + ")",
					"/ElectionResult/Contest[@text='" + office + "']"));
			return;
		}
		this.sink.progress(new ProgressRow(line, county, null, office, "", (reported >= 0) ? (int) reported : null,
				(total >= 0) ? (int) total : null, (cast >= 0) ? cast : null, (registered >= 0) ? registered : null,
				null, null, location));
	}

}
