package org.tally.ingest.kit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ranked-choice contest's tabulation as a file states it (RCTab's report): what
 * {@link RowSink#rounds} receives.
 *
 * @param row the line the report's contest starts on, for problems
 * @param county as in {@link CountRow#county()}
 * @param office as in {@link CountRow#office()}
 * @param district as in {@link CountRow#district()}
 * @param rounds the rounds, first to last
 */
public record RankedRounds(long row, String county, String office, String district, List<Round> rounds) {

	public RankedRounds {
		rounds = List.copyOf(rounds);
	}

	/**
	 * One round.
	 *
	 * @param number 1 for the first round
	 * @param threshold votes a choice needs to be elected this round, or {@code null}
	 * @param tallies each continuing choice's votes, by name
	 * @param transfers votes moving from this round's eliminated or elected choices to
	 * each choice in the next round, by name (negative for the choice they leave)
	 * @param exhaustedTransfer votes that become inactive (exhausted) after this round
	 * @param elected choices elected this round
	 * @param eliminated choices eliminated this round
	 * @param inactive inactive ballots so far, by reason (overvotes, skippedRankings,
	 * exhaustedChoices, repeatedRankings)
	 */
	public record Round(int number, BigDecimal threshold, Map<String, BigDecimal> tallies,
			Map<String, BigDecimal> transfers, BigDecimal exhaustedTransfer, List<String> elected,
			List<String> eliminated, Map<String, BigDecimal> inactive) {

		public Round {
			// in the report's order: the first round's order names the choices
			tallies = Collections.unmodifiableMap(new LinkedHashMap<>(tallies));
			transfers = Collections.unmodifiableMap(new LinkedHashMap<>(transfers));
			elected = List.copyOf(elected);
			eliminated = List.copyOf(eliminated);
			inactive = Map.copyOf(inactive);
		}

	}

}
