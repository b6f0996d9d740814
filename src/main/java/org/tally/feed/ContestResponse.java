package org.tally.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.RaceCall;

/**
 * A contest in the public feed (docs/contract.md §4).
 *
 * @param expectedVotePct whole percent of the expected vote counted ("63", "&lt;1"), at
 * most "99" until certified; {@code null} without an estimate
 * @param turnoutPct ballots cast per registered voter, one decimal, or {@code null}
 */
record ContestResponse(String slug, String name, String office, String district, @Schema(allowableValues = {
		"candidate", "measure" }) String kind, int seats,
		@Schema(allowableValues = { "plurality", "majority", "top-two", "threshold", "ranked-choice" }) String rule,
		@Nullable BigDecimal threshold, boolean uncontested, boolean test, long totalVotes,
		@Nullable Integer precinctsReporting, @Nullable Integer precinctsTotal, @Nullable String precinctsReportingPct,
		@Nullable Long ballotsOutstanding,
		@Schema(description = "Estimate of the contest's final vote (staff's setup, else the files'), or null",
				example = "45000") @Nullable Long expectedVotes,
		@Schema(description = "Whole percent of the expected vote counted, floored: \"<1\" for a trickle, "
				+ "at most \"99\" until the election is certified; null without an estimate",
				example = "73") @Nullable String expectedVotePct,
		@Schema(description = "expectedVotes - totalVotes, never negative; null without an estimate",
				example = "12131") @Nullable Long votesRemaining,
		@Schema(description = "Ballots cast (staff's setup, else the files'), or null") @Nullable Long ballotsCast,
		@Schema(description = "Registered voters (staff's setup, else the files'), or null") @Nullable Long registeredVoters,
		@Schema(description = "ballotsCast / registeredVoters in percent, one decimal; null when either is unknown",
				example = "64.6") @Nullable BigDecimal turnoutPct,
		MarginResponse margin, boolean tie, boolean decided, CallResponse call, long revision,
		@Nullable Instant lastUpdated, List<CandidateResponse> candidates,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<ReportingUnitResponse> reportingUnits,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
				description = "Votes per vote type (election-day, mail, early, provisional), only the types the source reported; absent without a split",
				example = "{\"election-day\": 93802, \"early\": 57276, \"provisional\": 1223}") Map<String, Long> voteTypes,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable @Schema(
				description = "What the figures are when they are not votes (then no candidate has a votePct or "
						+ "voteShare); absent for votes",
				allowableValues = { "state-delegate-equivalents" }) String countsAre,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
				description = "Per choice, the source's own contest-wide figure (AP's state row, the contest's "
						+ "totals) minus the sum of its units' rows, where they differ; absent when they agree",
				example = "{\"Yes\": 4385, \"No\": 3625}") Map<String, Long> unitsDifferBy,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
				description = "Counts the source states that are not votes, summed over the contest's units: "
						+ "overvotes, undervotes, blank (only the kinds stated); absent when none is stated",
				example = "{\"overvotes\": 140, \"undervotes\": 639}") Map<String, Long> otherCounts){

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
				contest.progress().percentLabel(), contest.ballotsOutstanding(), contest.expectedVotes(),
				contest.expectedVotePct(), contest.votesRemaining(), contest.ballotsCast(), contest.registeredVoters(),
				contest.turnoutPct(), MarginResponse.of(contest), contest.computed().tie(), contest.decided(),
				CallResponse.of(contest.call()), contest.revision(), contest.lastUpdated(),
				contest.candidates()
					.stream()
					.map((candidate) -> CandidateResponse.of(candidate,
							(firstChoiceVotes != null)
									? firstChoiceVotes.getOrDefault(candidate.name(), BigDecimal.ZERO) : null,
							contest.notes().votes()))
					.toList(),
				reportingUnits, VoteTypesJson.totals(contest.voteTypes()), contest.notes().countsAre(),
				contest.notes().unitsDifferBy(), contest.notes().otherCounts());
	}

	record MarginResponse(long votes, BigDecimal points) {

		static MarginResponse of(ContestResult contest) {
			return new MarginResponse(contest.margin().votes(), contest.margin().points());
		}

	}

	record CallResponse(@Schema(allowableValues = {
			"not-called", "too-early", "too-close", "called", "runoff", "uncalled" }) String status,
			List<String> winners, List<String> advancing, @Nullable Instant calledAt,
			@Schema(allowableValues = { "admin", "staff", "system" },
					description = "the role of who called it (no user names in public)") @Nullable String calledBy,
			@Nullable String note){

		static CallResponse of(RaceCall call) {
			return new CallResponse(call.status(), call.winners(), call.advancing(), call.calledAt(),
					(call.calledBy() != null) ? call.calledBy().code() : null, call.note());
		}

	}

	/**
	 * A choice in the feed.
	 *
	 * @param needsPctOfRemaining the share of the votes still expected it needs to draw
	 * level with the leader, one decimal (over 100: it cannot catch up), or {@code null}
	 */
	record CandidateResponse(String name, @Nullable String party, boolean incumbent, boolean writeIn, long votes,
			@Nullable BigDecimal votePct, @Nullable BigDecimal voteShare, boolean leading, boolean winner,
			boolean advancing, boolean conceded, @Nullable Instant concededAt, @Nullable String concessionStatement,
			@Schema(description = "Share of the votes still expected this trailing candidate needs to draw level "
					+ "with the leader if they split between the two: (leader - votes + votesRemaining) / "
					+ "(2 x votesRemaining), one decimal; above 100 means it cannot catch up. Null for the "
					+ "leader, in contests of several seats and measures, without an estimate, or when nothing "
					+ "remains", example = "77.4") @Nullable BigDecimal needsPctOfRemaining,
			@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal firstChoiceVotes,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @Schema(
					description = "Votes per vote type (election-day, mail, early, provisional), only the types the source reported; absent without a split",
					example = "{\"election-day\": 93802, \"early\": 57276, \"provisional\": 1223}") Map<String, Long> voteTypes) {

		/**
		 * The choice; figures that are not votes ({@code votes} false) have no
		 * percentages of votes.
		 */
		static CandidateResponse of(CandidateResult candidate, BigDecimal firstChoiceVotes, boolean votes) {
			CandidateResult.Concession concession = candidate.concession();
			return new CandidateResponse(candidate.name(), candidate.party(), candidate.incumbent(),
					candidate.writeIn(), candidate.votes(), votes ? candidate.votePct() : null,
					votes ? candidate.voteShare() : null, candidate.leading(), candidate.winner(),
					candidate.advancing(), concession != null, (concession != null) ? concession.concededAt() : null,
					(concession != null) ? concession.statement() : null, candidate.needsPctOfRemaining(),
					firstChoiceVotes, candidate.voteTypes());
		}

	}

}
