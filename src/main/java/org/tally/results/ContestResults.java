package org.tally.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assembles what readers see from stored rows: percentages, leader, margin, the computed
 * outcome and the staff call. Plain Java: every number shown comes through here.
 */
public final class ContestResults {

	private ContestResults() {
	}

	/**
	 * The contest as readers see it. Staff's setup wins over the files for the expected
	 * vote, ballots cast and registered voters; the files win for precincts and ballots
	 * outstanding (docs/numbers.md).
	 * @param certified whether the election is certified (the expected vote may then show
	 * 100)
	 */
	public static ContestResult assemble(ContestRow contest, List<ChoiceTotal> choices, ContestProgress progress,
			RaceCall call, Map<Long, CandidateResult.Concession> concessions, boolean certified) {
		long[] votes = choices.stream().mapToLong(ChoiceTotal::votes).toArray();
		long total = 0;
		for (long v : votes) {
			total += v;
		}
		BigDecimal[] percents = Percentages.percents(votes);
		Margin margin = Margin.of(votes);
		Outcome computed = computedOutcome(contest, votes);
		Integer precinctsTotal = (progress.precinctsTotal() != null) ? progress.precinctsTotal()
				: contest.precinctsTotal();
		Integer precinctsReporting = progress.precinctsReporting();
		if (precinctsReporting != null && precinctsTotal != null && precinctsReporting > precinctsTotal) {
			precinctsTotal = precinctsReporting;
		}
		ReportingProgress reporting = new ReportingProgress(precinctsReporting, precinctsTotal);
		Long outstanding = (progress.ballotsOutstanding() != null) ? progress.ballotsOutstanding()
				: contest.ballotsOutstanding();
		Long registered = (contest.registeredVoters() != null) ? contest.registeredVoters()
				: progress.registeredVoters();
		Long expectedVotes = ExpectedVote
			.estimate((contest.expectedVotes() != null) ? contest.expectedVotes() : progress.expectedVotes());
		Long ballotsCast = (contest.ballotsCast() != null) ? contest.ballotsCast() : progress.ballotsCast();
		ExpectedVote expected = new ExpectedVote(expectedVotes, total, certified);
		Turnout turnout = Turnout.of(expected, ballotsCast, registered);
		boolean decided = Decided.isDecided(margin, outstanding, expected.votesRemaining());
		boolean needs = contest.seats() == 1 && contest.rule() != Rule.THRESHOLD && total > 0;
		long leaderVotes = (total > 0) ? votes[margin.leader()] : 0;

		List<CandidateResult> candidates = new ArrayList<>(choices.size());
		for (int i = 0; i < choices.size(); i++) {
			ChoiceTotal choice = choices.get(i);
			boolean leading = total > 0 && votes[i] == votes[margin.leader()];
			candidates.add(new CandidateResult(choice.id(), choice.name(), choice.party(), choice.incumbent(),
					choice.writeIn(), choice.ballotOrder(), choice.votes(), percents[i],
					Percentages.share(choice.votes(), total), leading,
					call.isCalled() && call.winners().contains(choice.name()),
					call.isCalled() && call.advancing().contains(choice.name()), concessions.get(choice.id()),
					choice.voteTypes(),
					(needs && !leading) ? expected.needsPctOfRemaining(leaderVotes, votes[i]) : null));
		}
		candidates.sort(Comparator.comparingLong(CandidateResult::votes)
			.reversed()
			.thenComparingInt(CandidateResult::ballotOrder)
			.thenComparing(CandidateResult::name));
		candidates = withTypesOfContest(candidates);
		List<VoteTypeResult> voteTypes = VoteTypes.columns(candidates.stream().map(CandidateResult::name).toList(),
				candidates.stream().map(CandidateResult::party).toList(), typeVotes(candidates));
		return new ContestResult(contest.id(), contest.slug(), contest.name(), contest.office(), contest.district(),
				contest.kind(), contest.seats(), contest.rule(), contest.threshold(), contest.uncontested(), total,
				reporting, outstanding, registered, margin, computed, decided, call, contest.revision(),
				contest.lastUpdated(), List.copyOf(candidates), voteTypes, VoteTypes.unsplit(total, voteTypes), turnout,
				contest.notes());
	}

	/**
	 * Per type of {@link VoteType#SPLIT}, the candidates' votes in their order, or null
	 * when no candidate has a count of the type.
	 */
	static long[][] typeVotes(List<CandidateResult> candidates) {
		long[][] votes = VoteTypes.none();
		for (int i = 0; i < candidates.size(); i++) {
			for (Map.Entry<String, Long> type : candidates.get(i).voteTypes().entrySet()) {
				int t = VoteTypes.indexOf(type.getKey());
				if (t >= 0) {
					if (votes[t] == null) {
						votes[t] = new long[candidates.size()];
					}
					votes[t][i] = type.getValue();
				}
			}
		}
		return votes;
	}

	/**
	 * The candidates with every type of the contest's split (0 where a candidate has no
	 * count of a type another one has), so the split is a full table.
	 */
	private static List<CandidateResult> withTypesOfContest(List<CandidateResult> candidates) {
		long[][] votes = typeVotes(candidates);
		List<CandidateResult> complete = new ArrayList<>(candidates.size());
		for (int i = 0; i < candidates.size(); i++) {
			CandidateResult c = candidates.get(i);
			complete.add(new CandidateResult(c.id(), c.name(), c.party(), c.incumbent(), c.writeIn(), c.ballotOrder(),
					c.votes(), c.votePct(), c.voteShare(), c.leading(), c.winner(), c.advancing(), c.concession(),
					VoteTypes.ofChoice(votes, i), c.needsPctOfRemaining()));
		}
		return complete;
	}

	/** A measure set up with other than two choices has no computed outcome yet. */
	private static Outcome computedOutcome(ContestRow contest, long[] votes) {
		if (contest.rule() == Rule.THRESHOLD && votes.length != 2) {
			return new Outcome(List.of(), List.of(), false, false, false, "not-computed");
		}
		return Outcome.compute(contest.rule(), contest.seats(), contest.threshold(), votes);
	}

}
