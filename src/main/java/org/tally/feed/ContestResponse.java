package org.tally.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.RaceCall;

/**
 * A contest in the public feed (SPEC §4).
 */
record ContestResponse(String slug, String name, String office, String district, String kind, int seats, String rule,
		BigDecimal threshold, boolean uncontested, boolean test, long totalVotes, Integer precinctsReporting,
		Integer precinctsTotal, String precinctsReportingPct, Long ballotsOutstanding, MarginResponse margin,
		boolean tie, boolean decided, CallResponse call, long revision, Instant lastUpdated,
		List<CandidateResponse> candidates,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<ReportingUnitResponse> reportingUnits,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> voteTypes) {

	static ContestResponse of(ContestResult contest, boolean test) {
		return of(contest, test, null);
	}

	static ContestResponse of(ContestResult contest, boolean test, List<ReportingUnitResponse> reportingUnits) {
		return of(contest, test, reportingUnits, null);
	}

	/**
	 * The contest; a ranked-choice contest's candidates carry their first-choice votes
	 * beside the final round's {@code votes}.
	 */
	static ContestResponse of(ContestResult contest, boolean test, List<ReportingUnitResponse> reportingUnits,
			Map<String, BigDecimal> firstChoiceVotes) {
		return new ContestResponse(contest.slug(), contest.name(), contest.office(), contest.district(), contest.kind(),
				contest.seats(), contest.rule().code(), contest.threshold(), contest.uncontested(), test,
				contest.totalVotes(), contest.progress().precinctsReporting(), contest.progress().precinctsTotal(),
				contest.progress().percentLabel(), contest.ballotsOutstanding(), MarginResponse.of(contest),
				contest.computed().tie(), contest.decided(), CallResponse.of(contest.call()), contest.revision(),
				contest.lastUpdated(),
				contest.candidates()
					.stream()
					.map((candidate) -> CandidateResponse.of(candidate,
							(firstChoiceVotes != null)
									? firstChoiceVotes.getOrDefault(candidate.name(), BigDecimal.ZERO) : null))
					.toList(),
				reportingUnits, VoteTypesJson.totals(contest.voteTypes()));
	}

	record MarginResponse(long votes, BigDecimal points) {

		static MarginResponse of(ContestResult contest) {
			return new MarginResponse(contest.margin().votes(), contest.margin().points());
		}

	}

	record CallResponse(String status, List<String> winners, List<String> advancing, Instant calledAt, String calledBy,
			String note) {

		static CallResponse of(RaceCall call) {
			return new CallResponse(call.status(), call.winners(), call.advancing(), call.calledAt(), call.calledBy(),
					call.note());
		}

	}

	record CandidateResponse(String name, String party, boolean incumbent, boolean writeIn, long votes,
			BigDecimal votePct, BigDecimal voteShare, boolean leading, boolean winner, boolean advancing,
			boolean conceded, Instant concededAt, String concessionStatement,
			@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal firstChoiceVotes,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> voteTypes) {

		static CandidateResponse of(CandidateResult candidate, BigDecimal firstChoiceVotes) {
			CandidateResult.Concession concession = candidate.concession();
			return new CandidateResponse(candidate.name(), candidate.party(), candidate.incumbent(),
					candidate.writeIn(), candidate.votes(), candidate.votePct(), candidate.voteShare(),
					candidate.leading(), candidate.winner(), candidate.advancing(), concession != null,
					(concession != null) ? concession.concededAt() : null,
					(concession != null) ? concession.statement() : null, firstChoiceVotes, candidate.voteTypes());
		}

	}

}
