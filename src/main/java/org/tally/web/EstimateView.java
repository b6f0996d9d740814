package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.util.List;

import org.tally.results.projection.Projection;

/**
 * The estimate of the final result on the public contest page (docs/projection.md), in
 * the reader's words, the range always as text beside the point: "Gomez: 12,345 votes
 * (90% range 11,000 to 13,000), 55.1% (53.0% to 57.2%)".
 *
 * @param label "Estimate, not a race call" and the units complete
 * @param lines one line per choice, then the margin
 * @param calibration how often the range held the final result in the backtest
 */
public record EstimateView(String label, List<String> lines, String calibration) {

	/** The view, or null when there is nothing to show (waiting). */
	static EstimateView of(Projection projection, ReaderFormat format) {
		if (projection == null || projection.totalVotes() == null) {
			return null;
		}
		List<String> lines = new java.util.ArrayList<>();
		for (Projection.Candidate candidate : projection.candidates()) {
			lines.add(format.text("estimate.candidate", candidate.name(), format.votes(candidate.votes().estimate()),
					format.votes(candidate.votes().low()), format.votes(candidate.votes().high()),
					format.percent(candidate.votePct().estimate()), format.percent(candidate.votePct().low()),
					format.percent(candidate.votePct().high())));
		}
		if (projection.margin() != null) {
			lines.add(format.text("estimate.margin", projection.margin().leader(),
					format.votes(projection.margin().votes().estimate()),
					signed(projection.margin().votes().low(), format),
					signed(projection.margin().votes().high(), format)));
		}
		lines.add(format.text("estimate.total", format.votes(projection.totalVotes().estimate()),
				format.votes(projection.totalVotes().low()), format.votes(projection.totalVotes().high())));
		String label = format.text("estimate.label", projection.unitsComplete(), projection.unitsTotal());
		String calibration = format.text("estimate.calibration",
				format.percent(projection.calibration().coverage().movePointRight(2)),
				projection.calibration().replays());
		return new EstimateView(label, lines, calibration);
	}

	private static String signed(long votes, ReaderFormat format) {
		return ((votes < 0) ? "\u2212" : "") + format.votes(Math.abs(votes));
	}

}
