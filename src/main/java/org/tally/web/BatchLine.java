package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tally.results.Batch;
import org.tally.results.HistoryPoint;

/**
 * One batch on the contest page: "+12,345 votes: Gomez 71.0%, Ahn 29.0%, from 14
 * precincts", with the count's time and revision. The split is the batch's own
 * ({@link Batch}, the one rounding rule); a correction that took votes away shows its
 * votes per choice instead.
 *
 * @param at the count's time
 * @param revision the revision that added the batch
 * @param text the batch in the reader's words
 */
public record BatchLine(Instant at, long revision, String text) {

	/** The page shows this many of the latest batches. */
	static final int SHOWN = 5;

	/** The latest batches that changed a count, newest first. */
	static List<BatchLine> latest(List<HistoryPoint> history, ReaderFormat format) {
		List<BatchLine> lines = new ArrayList<>();
		for (int i = history.size() - 1; i >= 0 && lines.size() < SHOWN; i--) {
			HistoryPoint point = history.get(i);
			Batch batch = point.added();
			if (batch != null && (batch.totalVotes() != 0 || batch.unitsTouched() > 0)) {
				lines.add(new BatchLine(point.at(), point.revision(), text(batch, format)));
			}
		}
		return lines;
	}

	static String text(Batch batch, ReaderFormat format) {
		List<String> split = new ArrayList<>();
		for (Batch.ChoiceAdded votes : batch.candidates()) {
			String share = (votes.votePct() != null) ? format.percent(votes.votePct()) : signed(votes.votes(), format);
			split.add(ShortName.of(votes.name()) + " " + share);
		}
		String key = switch (batch.unitLevel()) {
			case "precinct" -> "batch.units.precinct";
			case "county" -> "batch.units.county";
			default -> "batch.units.unit";
		};
		String units = format.text(key, batch.unitsTouched());
		return format.text("batch.added", signed(batch.totalVotes(), format), String.join(", ", split), units);
	}

	private static String signed(long votes, ReaderFormat format) {
		return ((votes < 0) ? "\u2212" : "+") + format.votes(Math.abs(votes));
	}

}
