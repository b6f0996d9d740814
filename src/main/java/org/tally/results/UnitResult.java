package org.tally.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A contest's count in one county or precinct, after the totals rule for counties, with
 * every number a reader sees already computed: each choice's shown percentage and share,
 * the unit's leader, a tie for first and the margin.
 *
 * @param code the unit's code
 * @param name the unit's name
 * @param level {@code county}, {@code precinct} or {@code state}
 * @param parent the code of the unit it belongs to (a precinct's county), or null
 * @param totalVotes all votes in the unit
 * @param candidates the choices in the order of the contest's candidates
 * @param margin leader over runner-up (indices into {@code candidates})
 * @param leader the leading choice's name, or {@code null} without votes or on a tie for
 * first
 * @param tie whether two or more choices share the most votes (and there are votes)
 * @param voteTypes the unit's split by vote type, candidates in the order of
 * {@code candidates} (empty when the unit has none)
 * @param turnout the unit's expected vote and turnout, where a file gave them (counties);
 * {@link Turnout#UNKNOWN} otherwise
 */
public record UnitResult(String code, String name, String level, String parent, long totalVotes, List<Votes> candidates,
		Margin margin, String leader, boolean tie, List<VoteTypeResult> voteTypes,
		Turnout turnout) implements WithTurnout {

	public UnitResult {
		candidates = List.copyOf(candidates);
		voteTypes = List.copyOf(voteTypes);
	}

	/**
	 * The unit's numbers: percentages by {@link Percentages}, leader and margin by
	 * {@link Margin}, its split by vote type, its expected vote and turnout.
	 * @param contestCandidates the contest's choices, giving names and parties
	 * @param votes the unit's votes, in the same order
	 * @param typeVotes per type of {@link VoteType#SPLIT}, the votes in the order of
	 * {@code votes}, or null when the unit has no count of the type
	 * @param figures what the files state for the unit, or {@code null} when nothing
	 */
	public static UnitResult of(String code, String name, String level, String parent,
			List<CandidateResult> contestCandidates, long[] votes, long[][] typeVotes, UnitFigures figures) {
		long total = Percentages.total(votes);
		BigDecimal[] percents = Percentages.percents(votes);
		List<Votes> candidates = new ArrayList<>(votes.length);
		for (int i = 0; i < votes.length; i++) {
			CandidateResult candidate = contestCandidates.get(i);
			candidates.add(new Votes(candidate.name(), candidate.party(), votes[i], percents[i],
					Percentages.share(votes[i], total)));
		}
		Margin margin = Margin.of(votes);
		boolean tie = total > 0 && margin.runnerUp() != -1 && margin.votes() == 0;
		String leader = (total > 0 && !tie) ? candidates.get(margin.leader()).name() : null;
		List<VoteTypeResult> voteTypes = VoteTypes.columns(
				contestCandidates.stream().map(CandidateResult::name).toList(),
				contestCandidates.stream().map(CandidateResult::party).toList(), typeVotes);
		Turnout turnout = (figures != null) ? Turnout.of(
				new ExpectedVote(ExpectedVote.estimate(figures.expectedVotes()), total, figures.certified()),
				figures.ballotsCast(), figures.registeredVoters()) : Turnout.UNKNOWN;
		return new UnitResult(code, name, level, parent, total, candidates, margin, leader, tie, voteTypes, turnout);
	}

	/**
	 * The choices from {@code from} on taken together (an "Others" column): their votes,
	 * the sum of their shown percentages, and their share.
	 */
	public Votes rest(int from) {
		long votes = 0;
		BigDecimal percent = BigDecimal.ZERO.setScale(1);
		for (int i = from; i < this.candidates.size(); i++) {
			votes += this.candidates.get(i).votes();
			percent = percent.add(this.candidates.get(i).votePct());
		}
		return new Votes("Others", null, votes, percent, Percentages.share(votes, this.totalVotes));
	}

	/**
	 * One choice's votes in the unit.
	 *
	 * @param name the choice's name
	 * @param party its party, or null
	 * @param votes its votes in the unit
	 * @param votePct its shown percentage of the unit's votes, one decimal
	 * @param voteShare the unrounded share, 6 decimals
	 */
	public record Votes(String name, String party, long votes, BigDecimal votePct, BigDecimal voteShare) {
	}

	/**
	 * What the files state for a unit beside its votes.
	 *
	 * @param expectedVotes the estimate of the unit's final vote, or {@code null}
	 * @param ballotsCast ballots cast, or {@code null}
	 * @param registeredVoters registered voters, or {@code null}
	 * @param certified whether the election is certified (the expected vote may then show
	 * 100)
	 */
	public record UnitFigures(Long expectedVotes, Long ballotsCast, Long registeredVoters, boolean certified) {
	}

}
