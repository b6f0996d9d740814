package org.tally.staff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The staff contest page's expected vote and turnout form: the figures staff update
 * through the night, apart from the rest of the contest's setup. An empty field clears
 * the figure (the files' figure then shows, docs/numbers.md).
 *
 * @param expectedVotes staff's estimate of the contest's final vote
 * @param registeredVoters registered voters in the contest's area
 * @param ballotsCast ballots cast in the contest's area
 */
record ContestFigures(
		@Positive @Max(value = ContestRequest.MAX_VOTERS, message = ContestRequest.MAX_MESSAGE) Long expectedVotes,
		@PositiveOrZero @Max(value = ContestRequest.MAX_VOTERS,
				message = ContestRequest.MAX_MESSAGE) Long registeredVoters,
		@PositiveOrZero @Max(value = ContestRequest.MAX_VOTERS,
				message = ContestRequest.MAX_MESSAGE) Long ballotsCast) {

}
