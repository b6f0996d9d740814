package org.tally.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A ranked-choice contest's rounds as one revision's RCTab report states them, with the
 * shares of each round computed once here.
 *
 * @param revision the revision whose report these rounds are
 * @param revisions every revision that brought a report, oldest first
 * @param rounds first to last
 */
public record ContestRounds(long revision, List<Long> revisions, List<Round> rounds) {

	/** The first round's tally of each choice, by name: its first-choice votes. */
	public Map<String, BigDecimal> firstChoiceVotes() {
		if (this.rounds.isEmpty()) {
			return Map.of();
		}
		return this.rounds.get(0)
			.choices()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Tally::name, Tally::votes));
	}

	/**
	 * The largest tally of any choice in any round, at least 1: the top of a chart's vote
	 * scale.
	 */
	public BigDecimal largestTally() {
		BigDecimal max = BigDecimal.ONE;
		for (Round round : this.rounds) {
			for (Tally tally : round.choices()) {
				max = max.max(tally.votes());
			}
		}
		return max;
	}

	/**
	 * Evenly spaced whole-vote marks from 0 to {@link #largestTally()}, for a chart's
	 * vote axis.
	 * @param parts how many spaces between the marks (so {@code parts + 1} marks)
	 */
	public List<BigDecimal> voteMarks(int parts) {
		BigDecimal max = largestTally();
		List<BigDecimal> marks = new java.util.ArrayList<>(parts + 1);
		for (int k = 0; k <= parts; k++) {
			marks.add(max.multiply(BigDecimal.valueOf(k))
				.divide(BigDecimal.valueOf(parts), 0, java.math.RoundingMode.HALF_UP));
		}
		return marks;
	}

	/**
	 * One round.
	 *
	 * @param number 1 for the first
	 * @param threshold votes needed to be elected, or {@code null}
	 * @param activeVotes the continuing choices' votes together
	 * @param exhaustedTransfer ballots that become inactive after this round
	 * @param inactive inactive ballots so far by reason: overvotes, skippedRankings,
	 * exhaustedChoices, repeatedRankings (those the report states)
	 * @param inactiveTotal their sum
	 * @param choices the choices still counted in this round, most votes first
	 */
	public record Round(int number, BigDecimal threshold, BigDecimal activeVotes, BigDecimal exhaustedTransfer,
			Map<String, BigDecimal> inactive, BigDecimal inactiveTotal, List<Tally> choices) {
	}

	/**
	 * A choice in a round.
	 *
	 * @param votePct its share of the round's active votes, one decimal, as shown
	 * @param transfer votes it gains (or loses, eliminated or elected) on the way to the
	 * next round
	 * @param outcome "elected", "eliminated" or {@code null}
	 */
	public record Tally(String name, String party, BigDecimal votes, BigDecimal votePct, BigDecimal transfer,
			String outcome) {
	}

}
