package org.tally.staff;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.tally.results.ContestKind;
import org.tally.results.Rule;

/**
 * Body of {@code POST /api/v1/elections/{e}/contests} and {@code PUT .../contests/{c}}.
 * The slug comes from office and district at creation and never changes; an empty name is
 * made from them. A PUT replaces the whole setup: a figure left out is cleared (the
 * files' figures then show, docs/numbers.md).
 *
 * @param expectedVotes staff's estimate of the contest's final vote (AP's expected vote),
 * more than 0
 * @param ballotsCast ballots cast in the contest's area, for turnout
 */
public record ContestRequest(@NotBlank @Size(max = 300) String office, @Size(max = 100) String district,
		@Size(max = 400) String name,
		@Pattern(regexp = "candidate|measure", message = "one of candidate, measure") String kind,
		@Min(1) @Max(100) Integer seats,
		@Pattern(regexp = "plurality|majority|top-two|threshold|ranked-choice",
				message = "one of plurality, majority, top-two, threshold, ranked-choice") String rule,
		@DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal threshold, Boolean uncontested,
		Integer ballotOrder, @PositiveOrZero Integer precinctsTotal,
		@PositiveOrZero @Max(value = MAX_VOTERS, message = MAX_MESSAGE) Long registeredVoters,
		@PositiveOrZero @Max(value = MAX_VOTERS, message = MAX_MESSAGE) Long ballotsOutstanding,
		@Positive @Max(value = MAX_VOTERS, message = MAX_MESSAGE) Long expectedVotes,
		@PositiveOrZero @Max(value = MAX_VOTERS, message = MAX_MESSAGE) Long ballotsCast) {

	/**
	 * More voters, ballots or votes than any contest has: a typo (an extra digit or two),
	 * not an estimate.
	 */
	static final long MAX_VOTERS = 1_000_000_000L;

	static final String MAX_MESSAGE = "must be at most 1,000,000,000 (no contest has more)";

	public ContestRequest {
		district = (district != null) ? district.strip() : "";
		office = (office != null) ? office.strip() : null;
		name = (name == null || name.isBlank()) ? null : name.strip();
		kind = (kind == null || kind.isBlank()) ? ContestKind.CANDIDATE.code() : kind;
		seats = (seats != null) ? seats : 1;
		rule = (rule == null || rule.isBlank()) ? Rule.PLURALITY.code() : rule;
		uncontested = Boolean.TRUE.equals(uncontested);
		ballotOrder = (ballotOrder != null) ? ballotOrder : 0;
	}

	/**
	 * The same setup with the expected vote and turnout figures replaced: the staff setup
	 * form leaves them to their own form and keeps what is stored.
	 */
	ContestRequest withFigures(Long registeredVoters, Long expectedVotes, Long ballotsCast) {
		return new ContestRequest(this.office, this.district, this.name, this.kind, this.seats, this.rule,
				this.threshold, this.uncontested, this.ballotOrder, this.precinctsTotal, registeredVoters,
				this.ballotsOutstanding, expectedVotes, ballotsCast);
	}

	String displayName() {
		if (this.name != null) {
			return this.name;
		}
		return this.district.isEmpty() ? this.office : this.office + ", District " + this.district;
	}

}
