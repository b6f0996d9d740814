package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;

/**
 * What is counted and what is left, as the contest page prints it: the share of the
 * expected vote counted, the votes still expected, what each trailing candidate of a
 * single-seat contest needs of them, and turnout. Every number is the read model's
 * ({@link ContestResult#turnout()}, {@link CandidateResult#needsPctOfRemaining()}), only
 * formatted here; an unknown figure is {@code null} and not shown.
 *
 * @param expected "est. 63% of expected vote", or {@code null} without an estimate
 * @param expectedBar the estimate's bar width ("63%"), or {@code null}
 * @param expectedVotes the estimate of the final vote, formatted, or {@code null}
 * @param counted the votes counted, formatted
 * @param remaining the votes still expected, formatted, or {@code null}
 * @param needs what each trailing candidate needs of the remaining votes (empty when the
 * read model computed none)
 * @param ballotsCast ballots cast, formatted, or {@code null}
 * @param registeredVoters registered voters, formatted, or {@code null}
 * @param turnout ballots cast per registered voter ("64.6%"), or {@code null}
 */
public record ContestFigures(String expected, String expectedBar, String expectedVotes, String counted,
		String remaining, List<Need> needs, String ballotsCast, String registeredVoters, String turnout) {

	private static final BigDecimal ALL = new BigDecimal("100");

	/**
	 * The contest's figures, or {@code null} when it has neither an estimate nor turnout.
	 */
	static ContestFigures of(ContestResult contest, ReaderFormat format) {
		boolean estimate = contest.expectedVotes() != null;
		boolean turnout = contest.ballotsCast() != null || contest.registeredVoters() != null;
		if (!estimate && !turnout) {
			return null;
		}
		List<Need> needs = new ArrayList<>();
		for (CandidateResult candidate : contest.candidates()) {
			BigDecimal needed = candidate.needsPctOfRemaining();
			if (needed != null) {
				boolean cannot = needed.compareTo(ALL) > 0;
				needs.add(new Need(candidate.name(), cannot ? format.text("figures.cannot-catch-up")
						: format.text("figures.needs", format.percent(needed)), cannot));
			}
		}
		return new ContestFigures(
				(contest.expectedVotePct() != null)
						? format.text("card.expected", format.percentLabel(contest.expectedVotePct())) : null,
				(contest.expectedVotePct() != null) ? ContestCard.expectedBar(contest.expectedVotePct()) : null,
				votes(contest.expectedVotes(), format), format.votes(contest.totalVotes()),
				votes(contest.votesRemaining(), format), List.copyOf(needs), votes(contest.ballotsCast(), format),
				votes(contest.registeredVoters(), format),
				(contest.turnoutPct() != null) ? format.percent(contest.turnoutPct()) : null);
	}

	private static String votes(Long count, ReaderFormat format) {
		return (count != null) ? format.votes(count) : null;
	}

	/**
	 * A trailing candidate's need.
	 *
	 * @param name the candidate
	 * @param text "needs 58.3% of the remaining vote" or "cannot catch up"
	 * @param cannotCatchUp whether it needs more than every remaining vote
	 */
	public record Need(String name, String text, boolean cannotCatchUp) {
	}

}
